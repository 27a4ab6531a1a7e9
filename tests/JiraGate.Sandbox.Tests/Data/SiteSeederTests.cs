using System.Text.Json;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Tests.Data;

public sealed class SiteSeederTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void DemoSite_HasWhatTheIssueAsksFor()
    {
        var data = SiteSeeder.Create(Now);
        Assert.True(data.Projects.Count >= 4);
        Assert.Contains(data.Projects, p => p.Key == "SEC");
        Assert.True(data.Users.Count >= 10);
        Assert.Contains(data.Users, u => u.AccountType == "app");
        Assert.Contains(data.Users, u => u.GroupIds.Contains(data.GlobalGrants.First(g => g.Permission == Permissions.Administer).GroupId));
        Assert.True(data.Groups.Count >= 3 && data.Roles.Count >= 3 && data.PermissionSchemes.Count >= 2);
        Assert.True(data.Workflows.Count >= 2);
        Assert.NotEqual(
            data.Workflows[0].Transitions.First(t => t.Id == "31").To,
            data.Workflows[1].Transitions.First(t => t.Id == "31").To);
        Assert.Contains(data.Sprints, s => s.State == SprintStates.Active);
        Assert.Contains(data.Sprints, s => s.State == SprintStates.Closed);
        Assert.True(data.Issues.Count >= 200);
        Assert.Contains(data.Issues, i => i.Comments.Count > 0);
        Assert.Contains(data.Issues, i => i.Worklogs.Count > 0);
        Assert.Contains(data.Issues, i => i.Attachments.Count > 0);
        Assert.Contains(data.Issues, i => i.Labels.Count > 0);
        Assert.Contains(data.Issues, i => i.ComponentIds.Count > 0);
        Assert.Contains(data.Issues, i => i.FixVersionIds.Count > 0);
        Assert.Contains(data.Issues, i => i.SecurityLevelId is not null);
        Assert.Contains(data.Issues, i => i.SprintIds.Count > 0);
        Assert.Contains(data.Issues, i => i.CustomFields.ContainsKey("customfield_10016"));
        Assert.Contains(data.CustomFields, f => f.Name == "Story Points");
        Assert.Contains(data.CustomFields, f => f.Name == "Sprint");
        var demo = data.Issues.Single(i => i.Key == "SEC-456");
        Assert.Equal(SiteSeeder.StatusOpen, demo.StatusId);
    }

    [Fact]
    public void Generator_SameSeedAndClock_GivesTheSameSite_AndAnotherSeedDoesNot()
    {
        string Snapshot(int seed)
        {
            using var site = new Site(SiteSeeder.Create(Now, new SeedOptions(3000, seed)), TimeProvider.System);
            var path = Path.Combine(Path.GetTempPath(), "seed-" + Guid.NewGuid().ToString("N") + ".json");
            try
            {
                SiteStateFile.Save(site, path);
                return File.ReadAllText(path);
            }
            finally
            {
                File.Delete(path);
            }
        }
        var first = Snapshot(7);
        Assert.Equal(first, Snapshot(7));
        Assert.NotEqual(first, Snapshot(8));
        using var doc = JsonDocument.Parse(first);
        Assert.Equal(3000, doc.RootElement.GetProperty("Issues").GetArrayLength());
    }

    [Fact]
    public void Generator_BigSite_HasUniqueKeysAndIds()
    {
        var data = SiteSeeder.Create(Now, new SeedOptions(20_000, 42));
        Assert.Equal(20_000, data.Issues.Count);
        Assert.Equal(data.Issues.Count, data.Issues.Select(i => i.Key).Distinct().Count());
        Assert.Equal(data.Issues.Count, data.Issues.Select(i => i.Id).Distinct().Count());
        Assert.All(data.Issues.Where(i => i.ParentId is not null), i => Assert.Contains(data.Issues, p => p.Id == i.ParentId && p.IssueTypeId == SiteSeeder.TypeEpic));
    }
}
