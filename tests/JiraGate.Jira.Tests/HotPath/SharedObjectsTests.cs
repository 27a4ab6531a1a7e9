using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using JiraGate.Jira.Serialization;
using JiraGate.Jira.Tests.Infrastructure;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;
using Issue = JiraGate.Jira.Models.Issue;

namespace JiraGate.Jira.Tests.HotPath;

/// <summary>
/// Within one parsed body, a status, user, type … sent byte for byte the same as an earlier one is that earlier
/// instance; anything that differs by a byte is its own object; nothing is shared without a body or across scopes;
/// and what is read writes back unchanged.
/// </summary>
public sealed class SharedObjectsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Ann = """{"accountId":"a1","displayName":"Ann","avatarUrls":{"48x48":"https://x.example/a1?s=48"},"self":"https://x.example/u?accountId=a1"}""";
    private const string Open = """{"id":"1","name":"Open","statusCategory":{"id":2,"key":"new"},"self":"https://x.example/status/1"}""";

    private static string Page(params string[] issues) => "[" + string.Join(',', issues) + "]";

    private static string IssueJson(int id, string status, string? assignee) =>
        "{\"id\":\"" + id + "\",\"key\":\"SEC-" + id + "\",\"self\":\"https://x.example/issue/" + id
        + "\",\"fields\":{\"summary\":\"S" + id + "\",\"status\":" + status + ",\"assignee\":" + (assignee ?? "null")
        + ",\"reporter\":" + Ann + "}}";

    private static IReadOnlyList<Issue> ParseWithBody(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        using (RepeatedValues.Enter(body))
        {
            return JsonSerializer.Deserialize(body, JiraJsonContext.Default.IReadOnlyListIssue)!;
        }
    }

    [Fact]
    public void Read_ByteIdenticalObjectsInOneBody_AreOneInstance()
    {
        var issues = ParseWithBody(Page(IssueJson(1, Open, Ann), IssueJson(2, Open, Ann), IssueJson(3, Open, null)));

        Assert.Same(issues[0].Fields.Status, issues[1].Fields.Status);
        Assert.Same(issues[0].Fields.Status, issues[2].Fields.Status);
        Assert.Same(issues[0].Fields.Assignee, issues[1].Fields.Assignee);
        // The same user as assignee and as reporter: one instance across properties too.
        Assert.Same(issues[0].Fields.Assignee, issues[2].Fields.Reporter);
        Assert.Null(issues[2].Fields.Assignee);
        Assert.Equal("Ann", issues[1].Fields.Assignee!.DisplayName);
        Assert.Equal("new", issues[2].Fields.Status!.StatusCategory!.Key);
        Assert.Equal(["1", "2", "3"], issues.Select(i => i.Id));
    }

    [Fact]
    public void Read_ObjectsDifferingByOneByte_AreSeparateAndEachReadsAsItself()
    {
        var closed = Open.Replace("\"Open\"", "\"Opem\"", StringComparison.Ordinal);
        var spaced = Open.Replace(",\"name\"", ", \"name\"", StringComparison.Ordinal);

        var issues = ParseWithBody(Page(IssueJson(1, Open, Ann), IssueJson(2, closed, Ann), IssueJson(3, spaced, Ann)));

        Assert.NotSame(issues[0].Fields.Status, issues[1].Fields.Status);
        Assert.Equal("Open", issues[0].Fields.Status!.Name);
        Assert.Equal("Opem", issues[1].Fields.Status!.Name);
        // Equal in meaning but not in bytes: read on its own (sharing is decided on bytes only).
        Assert.NotSame(issues[0].Fields.Status, issues[2].Fields.Status);
        Assert.Equal("Open", issues[2].Fields.Status!.Name);
    }

    [Fact]
    public void Read_ManyDistinctObjects_EachReadsAsItself()
    {
        // Far more distinct users than the table has slots, repeated in random order: never confused.
        var random = new Random(7);
        var ids = Enumerable.Range(0, 2000).Select(_ => random.Next(0, 600)).ToList();
        var json = Page([.. ids.Select((u, i) => IssueJson(i, Open, Ann.Replace("a1", "u" + u.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)))]);

        var issues = ParseWithBody(json);

        Assert.Equal(ids.Select(u => "u" + u.ToString(System.Globalization.CultureInfo.InvariantCulture)), issues.Select(i => i.Fields.Assignee!.AccountId));
        Assert.Equal(ids.Select(u => $"https://x.example/u?accountId=u{u}"), issues.Select(i => i.Fields.Assignee!.Self!.OriginalString));
    }

    [Fact]
    public void Read_ScopeWithoutBodyOrNoScope_NothingShared()
    {
        var json = Page(IssueJson(1, Open, Ann), IssueJson(2, Open, Ann));
        IReadOnlyList<Issue> inStringScope;
        using (RepeatedValues.Enter())
        {
            inStringScope = JsonSerializer.Deserialize(json, JiraJsonContext.Default.IReadOnlyListIssue)!;
        }
        var noScope = JsonSerializer.Deserialize(json, JiraJsonContext.Default.IReadOnlyListIssue)!;

        Assert.NotSame(inStringScope[0].Fields.Status, inStringScope[1].Fields.Status);
        Assert.NotSame(noScope[0].Fields.Assignee, noScope[1].Fields.Assignee);
        Assert.Equal("Ann", noScope[1].Fields.Assignee!.DisplayName);
    }

    [Fact]
    public void Read_ScopeOverAnotherBuffer_NothingSharedOrConfused()
    {
        // A scope opened with one body while a different buffer is parsed: offsets must not be trusted.
        var other = Encoding.UTF8.GetBytes(Page(IssueJson(1, Open, Ann), IssueJson(2, Open, Ann)));
        var parsed = Encoding.UTF8.GetBytes(Page(IssueJson(1, Open.Replace("Open", "Done", StringComparison.Ordinal), null), IssueJson(2, Open, Ann)));
        IReadOnlyList<Issue> issues;
        using (RepeatedValues.Enter(other))
        {
            issues = JsonSerializer.Deserialize(parsed, JiraJsonContext.Default.IReadOnlyListIssue)!;
        }

        Assert.Equal("Done", issues[0].Fields.Status!.Name);
        Assert.Equal("Open", issues[1].Fields.Status!.Name);
        Assert.NotSame(issues[0].Fields.Reporter, issues[1].Fields.Reporter);
    }

    [Fact]
    public void RoundTrip_SharedObjectsAndLazySelf_WriteBackWhatWasRead()
    {
        var json = Page(IssueJson(1, Open, Ann), IssueJson(2, Open, Ann));

        var issues = ParseWithBody(json);
        var written = JsonSerializer.Serialize(issues, JiraJsonContext.Default.IReadOnlyListIssue);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), written);
        Assert.Equal(new Uri("https://x.example/issue/2"), issues[1].Self);
    }

    [Fact]
    public void Self_SetOrRead_TextAndUriAgree()
    {
        var issue = JsonSerializer.Deserialize("""{"id":"1","key":"SEC-1","self":"/rest/api/3/issue/1"}""", JiraJsonContext.Default.Issue)!;
        Assert.Equal("/rest/api/3/issue/1", issue.Self!.OriginalString);
        Assert.Same(issue.Self, issue.Self);

        issue.Self = new Uri("https://y.example/rest/api/3/issue/1");
        Assert.Contains("\"self\":\"https://y.example/rest/api/3/issue/1\"", JsonSerializer.Serialize(issue, JiraJsonContext.Default.Issue), StringComparison.Ordinal);

        issue.Self = null;
        Assert.DoesNotContain("\"self\"", JsonSerializer.Serialize(issue, JiraJsonContext.Default.Issue), StringComparison.Ordinal);
        Assert.Null(new Issue { Id = "1", Key = "K-1" }.Self);
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task SearchPageAsync_IssuesWithTheSameStatusAndAssignee_ShareThoseObjects(SandboxFlavor flavor)
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Flavor = flavor, Seed = new SeedOptions(Issues: 300, Seed: 42) }, Ct);
        using var services = JiraTestServices.ForSandbox(host, JiraTestServices.Alice(flavor));
        var jira = services.GetRequiredService<JiraClient>();

        var page = await jira.Issues.SearchPageAsync("project = SEC ORDER BY key ASC",
            new SearchOptions { Fields = ["summary", "status", "assignee"], PageSize = 50 }, Ct);

        var byStatus = page.Items.GroupBy(i => i.Fields.Status!.Id).First(g => g.Count() > 1).ToList();
        Assert.Same(byStatus[0].Fields.Status, byStatus[1].Fields.Status);
        var byAssignee = page.Items.Where(i => i.Fields.Assignee is not null).GroupBy(i => i.Fields.Assignee!.DisplayName).First(g => g.Count() > 1).ToList();
        Assert.Same(byAssignee[0].Fields.Assignee, byAssignee[1].Fields.Assignee);
        Assert.Equal(page.Items.Count, page.Items.Select(i => i.Self!.AbsoluteUri).Distinct(StringComparer.Ordinal).Count());
    }
}
