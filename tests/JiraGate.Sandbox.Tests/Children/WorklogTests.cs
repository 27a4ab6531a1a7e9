using System.Net;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Children.ChildTestSupport;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.Children;

public sealed class WorklogTests(SandboxFixture sandbox)
{
    private const string Worklogs = "/rest/api/3/issue/" + SecIssue + "/worklog";
    private const string Started = "2026-01-17T12:34:00.000+0000";

    private static JsonObject Body(string timeSpent, string? started = Started) => new()
    {
        ["timeSpent"] = timeSpent,
        ["started"] = started,
        ["comment"] = Doc("Triage."),
    };

    private static void SetEstimate(SandboxHost host, long? seconds) =>
        host.Site.Write(s => s.TryGetIssue(SecIssue, out var issue) ? issue.TimeEstimateSeconds = seconds : null);

    [Fact]
    public async Task AddWorklog_Returns201_ReducesEstimate_RecordsHistoryAndEvents()
    {
        var (host, events) = await StartAsync();
        await using var _h = host;
        SetEstimate(host, 8 * 3600);
        var spentBefore = Issue(host, SecIssue).TimeSpentSeconds;
        using var alice = host.CreateClient(DemoCredentials.Alice);

        var created = (await (await alice.PostJsonAsync(Worklogs, Body("1h 30m"))).ExpectAsync(HttpStatusCode.Created))!;

        Assert.Equal(5400, created["timeSpentSeconds"]!.GetValue<long>());
        Assert.Equal("1h 30m", created["timeSpent"]!.GetValue<string>());
        Assert.Equal(Started, created["started"]!.GetValue<string>());
        Assert.Equal("doc", created["comment"]!["type"]!.GetValue<string>());
        var issue = Issue(host, SecIssue);
        Assert.Equal(8 * 3600 - 5400, issue.TimeEstimateSeconds);
        Assert.Equal(spentBefore + 5400, issue.TimeSpentSeconds);
        var history = issue.Changelog[^1];
        Assert.Contains(history.Items, i => i.Field == "WorklogId" && i.To == created["id"]!.GetValue<string>());
        Assert.Contains(history.Items, i => i.Field == "timeestimate" && i.To == (8 * 3600 - 5400).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(history.Items, i => i.Field == "timespent");
        Assert.Contains("worklog_created", events.Names);
        Assert.Contains("jira:issue_updated:issue_work_logged", events.Names);
    }

    [Theory]
    [InlineData("?adjustEstimate=new&newEstimate=2h", 7200L)]
    [InlineData("?adjustEstimate=manual&reduceBy=1d", 0L)]
    [InlineData("?adjustEstimate=manual&reduceBy=30m", 3600L - 1800)]
    [InlineData("?adjustEstimate=leave", 3600L)]
    public async Task AddWorklog_AdjustEstimate_MovesRemainingEstimate(string query, long expected)
    {
        var (host, _) = await StartAsync();
        await using var _h = host;
        SetEstimate(host, 3600);
        using var alice = host.CreateClient(DemoCredentials.Alice);
        await (await alice.PostJsonAsync(Worklogs + query, Body("2h"))).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(expected, Issue(host, SecIssue).TimeEstimateSeconds);
    }

    [Theory]
    [InlineData("?adjustEstimate=new", "newEstimate")]
    [InlineData("?adjustEstimate=new&newEstimate=soon", "newEstimate")]
    [InlineData("?adjustEstimate=manual", "adjustmentAmount")]
    [InlineData("?adjustEstimate=manual&reduceBy=two%20hours", "adjustmentAmount")]
    [InlineData("?adjustEstimate=sometimes", "adjustEstimate")]
    [InlineData("?notifyUsers=maybe", "notifyUsers")]
    public async Task AddWorklog_BadEstimateParameters_Get400(string query, string fragment)
    {
        using var alice = sandbox.Client(DemoCredentials.Alice);
        await (await alice.PostJsonAsync(Worklogs + query, Body("1h"))).ExpectJiraErrorAsync(HttpStatusCode.BadRequest, fragment);
    }

    [Fact]
    public async Task AddWorklog_MissingStarted_Gets400()
    {
        using var alice = sandbox.Client(DemoCredentials.Alice);
        var error = await (await alice.PostJsonAsync(Worklogs, Body("1h", started: null))).ExpectJiraErrorAsync(HttpStatusCode.BadRequest, "You must specify a date on which the work occurred.");
        Assert.NotNull(error["errors"]!["startDate"]);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-13-45T99:00:00.000+0000")]
    public async Task AddWorklog_InvalidStarted_Gets400(string started)
    {
        using var alice = sandbox.Client(DemoCredentials.Alice);
        await (await alice.PostJsonAsync(Worklogs, Body("1h", started))).ExpectJiraErrorAsync(HttpStatusCode.BadRequest, "Invalid date format");
    }

    [Theory]
    [InlineData("{\"started\":\"2026-01-17T12:34:00.000+0000\"}", "You must indicate the time spent working.")]
    [InlineData("{\"started\":\"2026-01-17T12:34:00.000+0000\",\"timeSpent\":\"lots\"}", "Invalid time duration entered.")]
    [InlineData("{\"started\":\"2026-01-17T12:34:00.000+0000\",\"timeSpentSeconds\":0}", "You must indicate the time spent working.")]
    public async Task AddWorklog_NoUsableTime_Gets400TimeLogged(string json, string message)
    {
        using var alice = sandbox.Client(DemoCredentials.Alice);
        var error = await (await alice.PostAsync(Worklogs, JsonBody(json), Ct)).ExpectJiraErrorAsync(HttpStatusCode.BadRequest, message);
        Assert.Equal("Worklog must not be null.", error["errorMessages"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task AddWorklog_StringCommentOnV3_Gets400NotADocument()
    {
        using var alice = sandbox.Client(DemoCredentials.Alice);
        var body = new JsonObject { ["timeSpentSeconds"] = 600, ["started"] = Started, ["comment"] = "text" };
        await (await alice.PostJsonAsync(Worklogs, body)).ExpectJiraErrorAsync(HttpStatusCode.BadRequest, "Operation value must be an Atlassian Document");
    }

    [Fact]
    public async Task AddWorklog_WithoutWorkOnIssues_Gets400OnCloud()
    {
        var (host, _) = await StartAsync();
        await using var _h = host;
        var eng = OpenIssueKey(host, "ENG");
        using var grace = host.CreateClient(DemoCredentials.Grace);
        await (await grace.PostJsonAsync($"/rest/api/3/issue/{eng}/worklog", Body("1h")))
            .ExpectJiraErrorAsync(HttpStatusCode.BadRequest, "Grace Guest, you do not have the permission to associate a worklog to this issue.");
    }

    [Fact]
    public async Task AddWorklog_HiddenIssue_Gets404()
    {
        using var carol = sandbox.Client(DemoCredentials.Carol);
        await (await carol.PostJsonAsync(Worklogs, Body("1h"))).ExpectJiraErrorAsync(HttpStatusCode.NotFound, "Issue does not exist");
    }

    [Fact]
    public async Task ListWorklogs_PagesAndFiltersByStarted()
    {
        var (host, _) = await StartAsync();
        await using var _h = host;
        host.Site.Write(s => s.TryGetIssue(SecIssue, out var issue) ? issue.Worklogs.RemoveAll(_ => true) : 0);
        using var alice = host.CreateClient(DemoCredentials.Alice);
        foreach (var day in new[] { "10", "11", "12" })
        {
            await (await alice.PostJsonAsync(Worklogs, Body("1h", $"2026-02-{day}T09:00:00.000+0000"))).ExpectAsync(HttpStatusCode.Created);
        }
        var all = (await (await alice.GetAsync(Worklogs, Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(5000, all["maxResults"]!.GetValue<int>());
        Assert.Equal(3, all["total"]!.GetValue<int>());
        var page = (await (await alice.GetAsync(Worklogs + "?startAt=1&maxResults=1", Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Single(page["worklogs"]!.AsArray());
        Assert.Equal("2026-02-11T09:00:00.000+0000", page["worklogs"]![0]!["started"]!.GetValue<string>());
        var after = DateTimeOffset.Parse("2026-02-11T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        var filtered = (await (await alice.GetAsync($"{Worklogs}?startedAfter={after}", Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(2, filtered["total"]!.GetValue<int>());
        var before = (await (await alice.GetAsync($"{Worklogs}?startedBefore={after}", Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(1, before["total"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("?startAt=x")]
    [InlineData("?maxResults=many")]
    public async Task ListWorklogs_NonNumericPaging_Gets404AsTheSpecSays(string query)
    {
        using var alice = sandbox.Client(DemoCredentials.Alice);
        await (await alice.GetAsync(Worklogs + query, Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound, "startAt");
    }

    [Fact]
    public async Task UpdateAndDeleteWorklog_OwnAndOthers()
    {
        var (host, events) = await StartAsync();
        await using var _h = host;
        SetEstimate(host, 10 * 3600);
        using var alice = host.CreateClient(DemoCredentials.Alice);
        using var bob = host.CreateClient(DemoCredentials.Bob);
        using var ada = host.CreateClient(DemoCredentials.Ada);
        var id = (await (await alice.PostJsonAsync(Worklogs, Body("2h"))).ExpectAsync(HttpStatusCode.Created))!["id"]!.GetValue<string>();
        Assert.Equal(8 * 3600, Issue(host, SecIssue).TimeEstimateSeconds);

        var updated = (await (await alice.PutJsonAsync($"{Worklogs}/{id}", new JsonObject { ["timeSpentSeconds"] = 3 * 3600 })).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal("3h", updated["timeSpent"]!.GetValue<string>());
        Assert.Equal("doc", updated["comment"]!["type"]!.GetValue<string>());
        Assert.Equal(7 * 3600, Issue(host, SecIssue).TimeEstimateSeconds);

        await (await bob.PutJsonAsync($"{Worklogs}/{id}", new JsonObject { ["timeSpent"] = "1m" }))
            .ExpectJiraErrorAsync(HttpStatusCode.BadRequest, "you do not have the permission to edit this worklog.");
        await (await bob.DeleteAsync($"{Worklogs}/{id}", Ct))
            .ExpectJiraErrorAsync(HttpStatusCode.BadRequest, "you do not have the permission to delete this worklog.");
        await (await ada.DeleteAsync($"{Worklogs}/{id}?adjustEstimate=manual&increaseBy=1h", Ct)).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(8 * 3600, Issue(host, SecIssue).TimeEstimateSeconds);
        var missing = await (await alice.GetAsync($"{Worklogs}/{id}", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound, "Cannot find worklog with id");
        Assert.Equal($"Cannot find worklog with id: '{id}'.", missing["errorMessages"]![0]!.GetValue<string>());
        Assert.Contains(Issue(host, SecIssue).Changelog[^1].Items, i => i.Field == "WorklogId" && i.From == id);
        Assert.Equal(["worklog_created", "worklog_updated", "worklog_deleted"], events.Names.Where(n => n.StartsWith("worklog_", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RestrictedWorklog_IsHiddenFromNonMembers()
    {
        var (host, _) = await StartAsync();
        await using var _h = host;
        using var alice = host.CreateClient(DemoCredentials.Alice);
        using var ada = host.CreateClient(DemoCredentials.Ada);
        var body = Body("1h");
        body["visibility"] = new JsonObject { ["type"] = "group", ["value"] = "sec-team" };
        var created = (await (await alice.PostJsonAsync(Worklogs, body)).ExpectAsync(HttpStatusCode.Created))!;
        Assert.Equal("a1b2c3d4-0000-4000-8000-000000000004", created["visibility"]!["identifier"]!.GetValue<string>());
        var id = created["id"]!.GetValue<string>();
        await (await ada.GetAsync($"{Worklogs}/{id}", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound, "Cannot find worklog");
        var page = (await (await ada.GetAsync(Worklogs, Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.DoesNotContain(page["worklogs"]!.AsArray(), w => w!["id"]!.GetValue<string>() == id);
        // Nor does it show in the issue's worklog field.
        var issue = (await (await ada.GetAsync($"/rest/api/3/issue/{SecIssue}?fields=worklog", Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.DoesNotContain(issue["fields"]!["worklog"]!["worklogs"]!.AsArray(), w => w!["id"]!.GetValue<string>() == id);
        var asAlice = (await (await alice.GetAsync($"/rest/api/3/issue/{SecIssue}?fields=worklog", Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Contains(asAlice["fields"]!["worklog"]!["worklogs"]!.AsArray(), w => w!["id"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task DataCenter_Worklogs_WikiCommentAnd403ForMissingPermission()
    {
        var (host, events) = await StartAsync(SandboxFlavor.DataCenter);
        await using var _h = host;
        using var alice = host.CreateClient(DemoCredentials.Alice);
        var path = $"/rest/api/2/issue/{SecIssue}/worklog";
        var created = (await (await alice.PostJsonAsync(path, new JsonObject { ["timeSpent"] = "1d", ["started"] = Started, ["comment"] = "Wiki note" }))
            .ExpectAsync(HttpStatusCode.Created))!;
        Assert.Equal("Wiki note", created["comment"]!.GetValue<string>());
        Assert.Equal(8 * 3600, created["timeSpentSeconds"]!.GetValue<long>());
        Assert.Equal("alice", created["author"]!["name"]!.GetValue<string>());
        var page = (await (await alice.GetAsync(path + "?maxResults=1", Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(page["total"]!.GetValue<int>(), page["worklogs"]!.AsArray().Count);

        var eng = OpenIssueKey(host, "ENG");
        using var grace = host.CreateClient(DemoCredentials.Grace);
        await (await grace.PostJsonAsync($"/rest/api/2/issue/{eng}/worklog", new JsonObject { ["timeSpent"] = "1h", ["started"] = Started }))
            .ExpectJiraErrorAsync(HttpStatusCode.Forbidden, "Grace Guest, you do not have the permission to associate a worklog to this issue.", Conformance.SpecKind.DataCenter);
        Assert.Contains("worklog_created", events.Names);
    }
}
