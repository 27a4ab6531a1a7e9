using System.Net;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;
using static JiraGate.Sandbox.Tests.Issues.IssueCalls;

namespace JiraGate.Sandbox.Tests.Issues;

/// <summary>Bulk create and fetch, changelog paging, properties, editmeta and createmeta.</summary>
public sealed class IssueBulkAndMetaTests(PrivateCloudSandbox sandbox) : IClassFixture<PrivateCloudSandbox>
{
    private static JsonObject Update(string project, string type, string? summary) => new()
    {
        ["fields"] = Fields(("project", new JsonObject { ["key"] = project }), ("issuetype", new JsonObject { ["id"] = type }),
            ("summary", summary is null ? null : JsonValue.Create(summary))),
    };

    [Fact]
    public async Task BulkCreate_PartialSuccess_201WithIssuesAndIndexedErrors()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var body = new JsonObject { ["issueUpdates"] = new JsonArray(Update("ENG", SiteSeeder.TypeTask, "one"), Update("ENG", "99999", "bad"), Update("ENG", SiteSeeder.TypeStory, "two")) };
        var result = (await (await PostAsync(client, "/rest/api/3/issue/bulk", body)).ExpectAsync(HttpStatusCode.Created))!;
        Assert.Equal(2, result["issues"]!.AsArray().Count);
        var error = Assert.Single(result["errors"]!.AsArray())!;
        Assert.Equal(1, error["failedElementNumber"]!.GetValue<int>());
        Assert.Equal(400, error["status"]!.GetValue<int>());
        Assert.Equal("The issue type selected is invalid.", error["elementErrors"]!["errors"]!["issuetype"]!.GetValue<string>());
    }

    [Fact]
    public async Task BulkCreate_AllFailed_400InTheSameShape()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var body = new JsonObject { ["issueUpdates"] = new JsonArray(Update("ENG", SiteSeeder.TypeTask, null), Update("NOPE", SiteSeeder.TypeTask, "x")) };
        var result = (await (await PostAsync(client, "/rest/api/3/issue/bulk", body)).ExpectAsync(HttpStatusCode.BadRequest))!;
        Assert.Empty(result["issues"]!.AsArray());
        Assert.Equal([0, 1], result["errors"]!.AsArray().Select(e => e!["failedElementNumber"]!.GetValue<int>()));
    }

    [Fact]
    public async Task BulkCreate_MoreThan50OrNoArray_400()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var many = new JsonArray([.. Enumerable.Range(0, 51).Select(i => (JsonNode)Update("ENG", SiteSeeder.TypeTask, "n" + i))]);
        await (await PostAsync(client, "/rest/api/3/issue/bulk", new JsonObject { ["issueUpdates"] = many })).ExpectErrorAsync(HttpStatusCode.BadRequest, "50");
        await (await PostAsync(client, "/rest/api/3/issue/bulk", new JsonObject())).ExpectErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task BulkFetch_ReturnsVisibleIssuesInIdOrder_SkipsUnknownAndHidden()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var body = new JsonObject
        {
            ["issueIdsOrKeys"] = new JsonArray("ENG-3", "ENG-1", "SEC-456", "ENG-999999", "ENG-1"),
            ["fields"] = new JsonArray("summary"),
            ["expand"] = new JsonArray("names"),
        };
        var result = (await (await PostAsync(client, "/rest/api/3/issue/bulkfetch", body)).ExpectAsync(HttpStatusCode.OK))!;
        var issues = result["issues"]!.AsArray();
        Assert.Equal(["ENG-1", "ENG-3"], issues.Select(i => i!["key"]!.GetValue<string>()));
        Assert.Equal(["summary"], issues[0]!["fields"]!.AsObject().Select(f => f.Key));
        Assert.NotNull(issues[0]!["names"]);
        Assert.Empty(result["issueErrors"]!.AsArray());
    }

    [Fact]
    public async Task BulkFetch_EmptyOrOver100OrTooManyProperties_400()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        await (await PostAsync(client, "/rest/api/3/issue/bulkfetch", new JsonObject { ["issueIdsOrKeys"] = new JsonArray() })).ExpectErrorAsync(HttpStatusCode.BadRequest);
        var many = new JsonArray([.. Enumerable.Range(1, 101).Select(i => (JsonNode)JsonValue.Create("ENG-" + i))]);
        await (await PostAsync(client, "/rest/api/3/issue/bulkfetch", new JsonObject { ["issueIdsOrKeys"] = many })).ExpectErrorAsync(HttpStatusCode.BadRequest, "100");
        var props = new JsonObject { ["issueIdsOrKeys"] = new JsonArray("ENG-1"), ["properties"] = new JsonArray("a", "b", "c", "d", "e", "f") };
        await (await PostAsync(client, "/rest/api/3/issue/bulkfetch", props)).ExpectErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Changelog_PagesOldestFirst()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var key = await CreateAsync(client, "ENG", SiteSeeder.TypeTask, "v0");
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await PutAsync(client, $"/rest/api/3/issue/{key}", new JsonObject { ["fields"] = Fields(("summary", "v" + i)) })).StatusCode);
        }
        var first = (await (await client.GetAsync($"/rest/api/3/issue/{key}/changelog?maxResults=2", Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(3, first["total"]!.GetValue<int>());
        Assert.False(first["isLast"]!.GetValue<bool>());
        Assert.Contains("startAt=2", first["nextPage"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("v1", first["values"]![0]!["items"]![0]!["toString"]!.GetValue<string>());
        var last = (await (await client.GetAsync($"/rest/api/3/issue/{key}/changelog?startAt=2", Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.True(last["isLast"]!.GetValue<bool>());
        Assert.Equal(100, last["maxResults"]!.GetValue<int>());
        Assert.Equal("v3", Assert.Single(last["values"]!.AsArray())!["items"]![0]!["toString"]!.GetValue<string>());
        await (await client.GetAsync($"/rest/api/3/issue/{key}/changelog?startAt=-1", Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Properties_SetGetListDelete()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var key = await CreateAsync(client, "ENG", SiteSeeder.TypeTask, "props");
        var path = $"/rest/api/3/issue/{key}/properties/jiragate.sync";
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(client, path, new JsonObject { ["rev"] = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(client, path, new JsonObject { ["rev"] = 2 })).StatusCode);
        var got = (await (await client.GetAsync(path, Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal("jiragate.sync", got["key"]!.GetValue<string>());
        Assert.Equal(2, got["value"]!["rev"]!.GetValue<int>());
        var list = (await (await client.GetAsync($"/rest/api/3/issue/{key}/properties", Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal("jiragate.sync", Assert.Single(list["keys"]!.AsArray())!["key"]!.GetValue<string>());
        var issue = await GetAsync(client, key, "?fields=summary&properties=*all");
        Assert.Equal(2, issue["properties"]!["jiragate.sync"]!["rev"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(path, Ct)).StatusCode);
        await (await client.GetAsync(path, Ct)).ExpectErrorAsync(HttpStatusCode.NotFound, "jiragate.sync");
        await (await client.DeleteAsync(path, Ct)).ExpectErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Properties_TooLongKeyOrValue_400_NoEditPermission_403()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var key = await CreateAsync(client, "ENG", SiteSeeder.TypeTask, "prop limits");
        await (await PutAsync(client, $"/rest/api/3/issue/{key}/properties/{new string('k', 256)}", new JsonObject { ["a"] = 1 })).ExpectErrorAsync(HttpStatusCode.BadRequest, "255");
        await (await PutAsync(client, $"/rest/api/3/issue/{key}/properties/big", JsonValue.Create(new string('x', 40000))!)).ExpectErrorAsync(HttpStatusCode.BadRequest, "32768");
        using var grace = sandbox.Client(DemoCredentials.Grace);
        await (await PutAsync(grace, $"/rest/api/3/issue/{key}/properties/x", new JsonObject { ["a"] = 1 })).ExpectErrorAsync(HttpStatusCode.Forbidden);
        await (await grace.DeleteAsync($"/rest/api/3/issue/{key}/properties/x", Ct)).ExpectErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task EditMeta_ListsEditableFields_EmptyWithoutEditPermission()
    {
        using var carol = sandbox.Client(DemoCredentials.Carol);
        var meta = (await (await carol.GetAsync("/rest/api/3/issue/ENG-1/editmeta", Ct)).ExpectAsync(HttpStatusCode.OK))!["fields"]!;
        Assert.Equal(["set"], meta["summary"]!["operations"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal(["add", "set", "remove"], meta["labels"]!["operations"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal(5, meta["priority"]!["allowedValues"]!.AsArray().Count);
        Assert.Null(meta["status"]);
        using var grace = sandbox.Client(DemoCredentials.Grace);
        var none = (await (await grace.GetAsync("/rest/api/3/issue/ENG-1/editmeta", Ct)).ExpectAsync(HttpStatusCode.OK))!["fields"]!;
        Assert.Empty(none.AsObject());
        await (await grace.GetAsync("/rest/api/3/issue/SEC-456/editmeta", Ct)).ExpectErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreateMeta_IssueTypesAndFields_MarkRequiredSeverity()
    {
        using var alice = sandbox.Client(DemoCredentials.Alice);
        var types = (await (await alice.GetAsync("/rest/api/3/issue/createmeta/SEC/issuetypes", Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(5, types["total"]!.GetValue<int>());
        Assert.Equal(50, types["maxResults"]!.GetValue<int>());
        Assert.Contains(types["issueTypes"]!.AsArray(), t => t!["name"]!.GetValue<string>() == "Incident");
        var fields = (await (await alice.GetAsync($"/rest/api/3/issue/createmeta/SEC/issuetypes/{SiteSeeder.TypeIncident}", Ct)).ExpectAsync(HttpStatusCode.OK))!["fields"]!.AsArray();
        var severity = fields.Single(f => f!["fieldId"]!.GetValue<string>() == Severity)!;
        Assert.True(severity["required"]!.GetValue<bool>());
        Assert.Equal(4, severity["allowedValues"]!.AsArray().Count);
        Assert.True(fields.Single(f => f!["fieldId"]!.GetValue<string>() == "summary")!["required"]!.GetValue<bool>());
        var page = (await (await alice.GetAsync($"/rest/api/3/issue/createmeta/SEC/issuetypes/{SiteSeeder.TypeIncident}?startAt=1&maxResults=2", Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(2, page["fields"]!.AsArray().Count);
    }

    [Fact]
    public async Task CreateMeta_Errors_400()
    {
        using var alice = sandbox.Client(DemoCredentials.Alice);
        var tooMany = await (await alice.GetAsync("/rest/api/3/issue/createmeta/SEC/issuetypes?maxResults=201", Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Parameter 'maxResults' must not exceed the limit '200'", tooMany["errorMessages"]![0]!.GetValue<string>());
        await (await alice.GetAsync("/rest/api/3/issue/createmeta/NOPE/issuetypes", Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest);
        await (await alice.GetAsync($"/rest/api/3/issue/createmeta/SEC/issuetypes/{SiteSeeder.TypeStory}", Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest);
        using var carol = sandbox.Client(DemoCredentials.Carol);
        await (await carol.GetAsync("/rest/api/3/issue/createmeta/SEC/issuetypes", Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest);
        using var grace = sandbox.Client(DemoCredentials.Grace);
        var empty = (await (await grace.GetAsync("/rest/api/3/issue/createmeta/ENG/issuetypes", Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(0, empty["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task DataCenter_CreateMetaPagesWithValues_AndNoBulkFetchOrChangelog()
    {
        await using var host = await SandboxFixture.StartAsync(SandboxFlavor.DataCenter);
        using var client = host.CreateClient(DemoCredentials.Alice);
        var types = (await (await client.GetAsync("/rest/api/2/issue/createmeta/SEC/issuetypes", Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.True(types["isLast"]!.GetValue<bool>());
        Assert.Equal(5, types["values"]!.AsArray().Count);
        var fields = (await (await client.GetAsync($"/rest/api/2/issue/createmeta/SEC/issuetypes/{SiteSeeder.TypeIncident}", Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Contains(fields["values"]!.AsArray(), f => f!["fieldId"]!.GetValue<string>() == Severity);
        var fetch = await PostAsync(client, "/rest/api/2/issue/bulkfetch", new JsonObject { ["issueIdsOrKeys"] = new JsonArray("SEC-1") });
        Assert.Equal(HttpStatusCode.NotFound, fetch.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/rest/api/2/issue/SEC-456/changelog", Ct)).StatusCode);
    }
}
