using System.Net;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Agile.AgileTestData;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.Agile;

public sealed class AgileIssueListTests(SandboxFixture sandbox)
{
    private Site Site => sandbox.Host.Site;

    private async Task<HttpResponseMessage> GetAsync(DemoCredentials.DemoUser user, string path)
    {
        using var client = sandbox.Client(user);
        return await client.GetAsync(path, Ct);
    }

    private async Task<JsonObject> GetOkAsync(DemoCredentials.DemoUser user, string path) =>
        (await (await GetAsync(user, path)).ExpectAsync(HttpStatusCode.OK))!.AsObject();

    private static bool IsEpic(Site s, Issue i) => s.IssueType(i.IssueTypeId)!.HierarchyLevel == 1;

    [Fact]
    public async Task SprintIssues_PagingWalk_ReturnsEveryVisibleIssueOnceInRankOrder()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var walked = await WalkOffsetAsync(client, "/rest/agile/1.0/sprint/2/issue?fields=summary", 37);
        var expected = SprintKeys(Site, DemoCredentials.Alice, SecActive);
        Assert.True(expected.Count > 37, "the demo sprint should span several pages");
        Assert.Equal(expected, walked);
    }

    [Fact]
    public async Task SprintIssues_Alice_DoesNotSeeRestrictedIssuesSheDidNotReport()
    {
        var alice = User(Site, DemoCredentials.Alice);
        var hidden = Site.Read(s => s.Issues
            .Where(i => i.SprintIds.Contains(SecActive) && !Security.PermissionService.CanBrowse(s, alice, i))
            .Select(i => i.Key).ToHashSet());
        Assert.NotEmpty(hidden);
        using var client = sandbox.Client(DemoCredentials.Alice);
        var walked = await WalkOffsetAsync(client, "/rest/agile/1.0/sprint/2/issue?fields=summary", 100);
        Assert.DoesNotContain(walked, hidden.Contains);
        // ada is a jira-admin: the Restricted level lets her see what alice cannot.
        using var adminClient = sandbox.Client(DemoCredentials.Ada);
        var adaWalk = await WalkOffsetAsync(adminClient, "/rest/agile/1.0/sprint/2/issue?fields=summary", 100);
        Assert.Equal(SprintKeys(Site, DemoCredentials.Ada, SecActive), adaWalk);
    }

    [Fact]
    public async Task SprintIssues_Envelope_HasTotalExpandAndNoIsLast()
    {
        var body = await GetOkAsync(DemoCredentials.Alice, "/rest/agile/1.0/sprint/1/issue?maxResults=3");
        Assert.Equal("schema,names", body["expand"]!.GetValue<string>());
        Assert.Equal(SprintKeys(Site, DemoCredentials.Alice, SecClosed).Count, body["total"]!.GetValue<int>());
        Assert.Equal(3, body["maxResults"]!.GetValue<int>());
        Assert.False(body.ContainsKey("isLast"));
    }

    [Fact]
    public async Task SprintIssues_DefaultFields_AreNavigableV2PlusAgileFields()
    {
        var body = await GetOkAsync(DemoCredentials.Alice, "/rest/agile/1.0/sprint/2/issue?maxResults=50");
        Assert.Equal(50, body["maxResults"]!.GetValue<int>());
        var issue = body["issues"]![0]!.AsObject();
        Assert.EndsWith("/rest/agile/1.0/issue/" + issue["id"]!.GetValue<string>(), issue["self"]!.GetValue<string>(), StringComparison.Ordinal);
        var fields = issue["fields"]!.AsObject();
        foreach (var name in new[] { "summary", "status", "project", "assignee", "sprint", "flagged", "epic", "created" })
        {
            Assert.True(fields.ContainsKey(name), "missing field " + name);
        }
        // Not navigable: only with fields=comment / *all.
        Assert.False(fields.ContainsKey("comment"));
        Assert.Contains("/rest/api/2/project/", fields["project"]!["self"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(SecActive, fields["sprint"]!["id"]!.GetValue<long>());
        Assert.Equal("active", fields["sprint"]!["state"]!.GetValue<string>());
        Assert.False(fields["flagged"]!.GetValue<bool>());
        var described = body["issues"]!.AsArray().Select(i => i!["fields"]!["description"]).First(d => d is not null);
        Assert.IsAssignableFrom<JsonValue>(described); // wiki markup string, not ADF
    }

    [Fact]
    public async Task SprintIssues_FieldsParameter_IsHonoured()
    {
        var body = await GetOkAsync(DemoCredentials.Alice, "/rest/agile/1.0/sprint/1/issue?fields=summary&fields=closedSprints&maxResults=5");
        foreach (var issue in body["issues"]!.AsArray())
        {
            var names = issue!["fields"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(["closedSprints", "summary"], names);
            Assert.Equal(SecClosed, issue["fields"]!["closedSprints"]![0]!["id"]!.GetValue<long>());
        }
    }

    [Fact]
    public async Task SprintIssues_Grace_Gets404ForSecSprints_AndSeesEngSprints()
    {
        await (await GetAsync(DemoCredentials.Grace, "/rest/agile/1.0/sprint/2/issue"))
            .ExpectErrorAsync(HttpStatusCode.NotFound, "Sprint does not exist or you do not have permission to see it.");
        var body = await GetOkAsync(DemoCredentials.Grace, "/rest/agile/1.0/sprint/5/issue?maxResults=1");
        Assert.Equal(SprintKeys(Site, DemoCredentials.Grace, EngActive).Count, body["total"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("/rest/agile/1.0/sprint/2/issue?startAt=-1")]
    [InlineData("/rest/agile/1.0/sprint/2/issue?maxResults=x")]
    [InlineData("/rest/agile/1.0/sprint/2/issue?validateQuery=maybe")]
    [InlineData("/rest/agile/1.0/board/42/issue?maxResults=-1")]
    public async Task IssueLists_BadParameters_Get400(string path)
    {
        await (await GetAsync(DemoCredentials.Alice, path)).ExpectErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task IssueLists_HugeMaxResults_IsCappedAndReported()
    {
        var body = await GetOkAsync(DemoCredentials.Alice, "/rest/agile/1.0/board/42/issue?maxResults=100000&fields=summary");
        Assert.Equal(100, body["maxResults"]!.GetValue<int>());
        Assert.Equal(100, body["issues"]!.AsArray().Count);
        Assert.False(body["isLast"]!.GetValue<bool>());
    }

    [Fact]
    public async Task BoardIssues_ScrumBoard_AllProjectIssuesExceptEpics()
    {
        using var client = sandbox.Client(DemoCredentials.Grace);
        var walked = await WalkOffsetAsync(client, "/rest/agile/1.0/board/43/issue?fields=summary", 50);
        var expected = Visible(Site, DemoCredentials.Grace, i => i.ProjectId == 10001 && !Site.Read(s => IsEpic(s, i)));
        Assert.Equal(expected, walked);
        Assert.Contains(Site.Read(s => s.Issues.Where(i => i.ProjectId == 10001).Select(i => i.Key).ToList()), k => !walked.Contains(k));
    }

    [Fact]
    public async Task BoardIssues_KanbanBoard_ListsAllProjectIssuesWithIsLast()
    {
        var body = await GetOkAsync(DemoCredentials.Erin, "/rest/agile/1.0/board/44/issue?fields=summary&maxResults=1000");
        var expected = Visible(Site, DemoCredentials.Erin, i => i.ProjectId == 10002);
        Assert.Equal(expected, body["issues"]!.AsArray().Select(i => i!["key"]!.GetValue<string>()).ToList());
        Assert.True(body["isLast"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Backlog_ScrumBoard_IsUnfinishedIssuesOutsideOpenSprints()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var walked = await WalkOffsetAsync(client, "/rest/agile/1.0/board/42/backlog?fields=summary,status,sprint", 40);
        var expected = Visible(Site, DemoCredentials.Alice, i => Site.Read(s =>
            i.ProjectId == 10000
            && !IsEpic(s, i)
            && s.Status(i.StatusId)!.CategoryKey != StatusCategories.Done
            && !i.SprintIds.Any(id => s.SprintById(id)!.State is SprintStates.Active or SprintStates.Future)));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, walked);
    }

    [Fact]
    public async Task Backlog_Envelope_HasNoSprintAndNoDoneIssues()
    {
        var body = await GetOkAsync(DemoCredentials.Alice, "/rest/agile/1.0/board/42/backlog?fields=status,sprint&maxResults=100");
        Assert.False(body.ContainsKey("isLast"));
        foreach (var issue in body["issues"]!.AsArray())
        {
            Assert.Null(issue!["fields"]!["sprint"]);
            Assert.NotEqual("done", issue["fields"]!["status"]!["statusCategory"]!["key"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Backlog_KanbanBoard_Gets400()
    {
        await (await GetAsync(DemoCredentials.Alice, "/rest/agile/1.0/board/44/backlog")).ExpectErrorAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/rest/agile/1.0/board/42/backlog")]
    [InlineData("/rest/agile/1.0/board/42/issue")]
    [InlineData("/rest/agile/1.0/board/42/sprint/2/issue")]
    [InlineData("/rest/agile/1.0/board/9/issue")]
    public async Task BoardLists_HiddenOrUnknownBoard_Get404(string path)
    {
        await (await GetAsync(DemoCredentials.Grace, path))
            .ExpectErrorAsync(HttpStatusCode.NotFound, "Board does not exist or you do not have permission to see it.");
    }

    [Fact]
    public async Task BoardSprintIssues_SameAsSprintIssues_AndForeignSprintIsEmpty()
    {
        using var client = sandbox.Client(DemoCredentials.Grace);
        var walked = await WalkOffsetAsync(client, "/rest/agile/1.0/board/43/sprint/4/issue?fields=summary", 25);
        Assert.Equal(SprintKeys(Site, DemoCredentials.Grace, EngClosed), walked);
        // alice sees both boards; SEC's sprint holds no ENG issue.
        var body = await GetOkAsync(DemoCredentials.Alice, "/rest/agile/1.0/board/43/sprint/2/issue");
        Assert.Equal(0, body["total"]!.GetValue<int>());
        await (await GetAsync(DemoCredentials.Grace, "/rest/agile/1.0/board/43/sprint/2/issue"))
            .ExpectErrorAsync(HttpStatusCode.NotFound, "Sprint does not exist");
    }

    [Fact]
    public async Task IssueLists_Anonymous_Get401()
    {
        using var client = sandbox.Anonymous();
        await (await client.GetAsync("/rest/agile/1.0/sprint/2/issue", Ct)).ExpectErrorAsync(HttpStatusCode.Unauthorized);
    }
}
