using System.Net;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Security;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.Access;

/// <summary>
/// The demo site's permission matrix, written by hand from its configuration: each user's tier in each
/// project (none, Users role, Developers role, Administrators role), and what each tier may do.
/// </summary>
public sealed class PermissionMatrixTests(SandboxFixture sandbox)
{
    private enum Tier { None, Users, Developer, Admin }

    // SEC: Developers = sec-team, Admins = ada + bot, Users role empty. ENG/OPS: Users = every licensed user.
    // HR (confidential scheme): Developers = hr-team, Admins = ada.
    private static readonly Dictionary<string, Dictionary<string, Tier>> Tiers = new()
    {
        ["SEC"] = new() { ["ada"] = Tier.Admin, ["alice"] = Tier.Developer, ["bob"] = Tier.Developer, ["carol"] = Tier.None, ["dave"] = Tier.None, ["erin"] = Tier.None, ["frank"] = Tier.None, ["grace"] = Tier.None, ["jiragate-bot"] = Tier.Admin },
        ["ENG"] = new() { ["ada"] = Tier.Admin, ["alice"] = Tier.Users, ["bob"] = Tier.Users, ["carol"] = Tier.Developer, ["dave"] = Tier.Developer, ["erin"] = Tier.Users, ["frank"] = Tier.Users, ["grace"] = Tier.Users, ["jiragate-bot"] = Tier.Admin },
        ["OPS"] = new() { ["ada"] = Tier.Admin, ["alice"] = Tier.Developer, ["bob"] = Tier.Developer, ["carol"] = Tier.Users, ["dave"] = Tier.Users, ["erin"] = Tier.Developer, ["frank"] = Tier.Users, ["grace"] = Tier.Users, ["jiragate-bot"] = Tier.Admin },
        ["HR"] = new() { ["ada"] = Tier.Admin, ["alice"] = Tier.None, ["bob"] = Tier.None, ["carol"] = Tier.None, ["dave"] = Tier.None, ["erin"] = Tier.None, ["frank"] = Tier.Developer, ["grace"] = Tier.None, ["jiragate-bot"] = Tier.None },
    };

    private static readonly Dictionary<string, Tier> Needs = new()
    {
        [Permissions.BrowseProjects] = Tier.Users,
        [Permissions.AddComments] = Tier.Users,
        [Permissions.CreateIssues] = Tier.Developer,
        [Permissions.EditIssues] = Tier.Developer,
        [Permissions.AssignIssues] = Tier.Developer,
        [Permissions.AssignableUser] = Tier.Developer,
        [Permissions.TransitionIssues] = Tier.Developer,
        [Permissions.CreateAttachments] = Tier.Developer,
        [Permissions.WorkOnIssues] = Tier.Developer,
        [Permissions.DeleteOwnComments] = Tier.Developer,
        [Permissions.DeleteIssues] = Tier.Admin,
        [Permissions.DeleteAllComments] = Tier.Admin,
        [Permissions.DeleteAllAttachments] = Tier.Admin,
        [Permissions.AdministerProjects] = Tier.Admin,
        [Permissions.SetIssueSecurity] = Tier.Admin,
    };

    public static TheoryData<string, string> Cells()
    {
        var data = new TheoryData<string, string>();
        foreach (var (project, users) in Tiers)
        {
            foreach (var user in users.Keys)
            {
                data.Add(project, user);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void ProjectPermissions_FollowTheTier(string projectKey, string userName)
    {
        var tier = Tiers[projectKey][userName];
        var mismatches = sandbox.Host.Site.Read(s =>
        {
            var user = s.UserByName(userName)!;
            s.TryGetProject(projectKey, out var project);
            return Needs.Where(n => PermissionService.Has(s, user, project!, n.Key) != (tier >= n.Value))
                .Select(n => $"{n.Key}: expected {(tier >= n.Value ? "granted" : "refused")} for tier {tier}").ToList();
        });
        Assert.True(mismatches.Count == 0, string.Join("; ", mismatches));
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task ProjectVisibility_OverRest_FollowsBrowse(string projectKey, string userName)
    {
        var credentials = typeof(DemoCredentials).GetFields().Select(f => f.GetValue(null)).OfType<DemoCredentials.DemoUser>().Single(u => u.Name == userName);
        using var client = sandbox.Client(credentials);
        var response = await client.GetAsync($"/rest/api/3/project/{projectKey}", Ct);
        Assert.Equal(Tiers[projectKey][userName] >= Tier.Users ? HttpStatusCode.OK : HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void InactiveUser_HoldsNothing_EvenInARole()
    {
        sandbox.Host.Site.Read(s =>
        {
            var ivan = s.UserByName("ivan")!;
            s.TryGetProject("ENG", out var eng);
            Assert.All(Needs.Keys, p => Assert.False(PermissionService.Has(s, ivan, eng!, p)));
            return true;
        });
    }

    [Fact]
    public void SecurityLevels_HideIssues_FromEveryoneButMembers()
    {
        sandbox.Host.Site.Read(s =>
        {
            var restricted = s.Data.Issues.First(i => i.SecurityLevelId == SiteSeeder.LevelRestricted && i.ReporterAccountId == SiteSeeder.AccountIdFor("bob"));
            var internalIssue = s.Data.Issues.First(i => i.SecurityLevelId == SiteSeeder.LevelInternal);
            Assert.True(PermissionService.CanBrowse(s, s.UserByName("bob"), restricted));      // reporter
            Assert.False(PermissionService.CanBrowse(s, s.UserByName("alice"), restricted));   // same team, not reporter
            Assert.True(PermissionService.CanBrowse(s, s.UserByName("ada"), restricted));      // jira-admins
            Assert.False(PermissionService.CanBrowse(s, s.UserByName("jiragate-bot"), restricted)); // project admin, not in the level
            Assert.True(PermissionService.CanBrowse(s, s.UserByName("alice"), internalIssue)); // Developers role
            Assert.False(PermissionService.CanBrowse(s, s.UserByName("grace"), internalIssue));
            return true;
        });
    }

    [Fact]
    public async Task HiddenIssue_Is404_NotForbidden()
    {
        var key = sandbox.Host.Site.Read(s => s.Data.Issues.First(i => i.SecurityLevelId == SiteSeeder.LevelRestricted && i.ReporterAccountId == SiteSeeder.AccountIdFor("bob")).Key);
        using var alice = sandbox.Client(DemoCredentials.Alice);
        await (await alice.GetAsync($"/rest/api/3/issue/{key}", Ct)).ExpectErrorAsync(HttpStatusCode.NotFound, "Issue does not exist or you do not have permission to see it.");
        using var bob = sandbox.Client(DemoCredentials.Bob);
        await (await bob.GetAsync($"/rest/api/3/issue/{key}", Ct)).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public void BrowseFilter_AgreesWithCanBrowse_ForEveryUserAndIssue()
    {
        sandbox.Host.Site.Read(s =>
        {
            foreach (var user in s.Data.Users.Append(null))
            {
                var filter = PermissionService.BrowseFilter(s, user);
                var disagreements = s.Data.Issues.Where(i => filter(i) != PermissionService.CanBrowse(s, user, i)).Select(i => i.Key).ToList();
                Assert.True(disagreements.Count == 0, $"{user?.Name ?? "anonymous"}: {string.Join(", ", disagreements.Take(10))}");
            }
            return true;
        });
    }
}
