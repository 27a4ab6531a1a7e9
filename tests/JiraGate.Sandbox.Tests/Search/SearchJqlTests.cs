using System.Net;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Api;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.Search;

public sealed class SearchJqlTests(SandboxFixture sandbox)
{
    private static string Url(string jql, string extra = "") => "/rest/api/3/search/jql?jql=" + Uri.EscapeDataString(jql) + extra;

    private async Task<List<JsonNode>> WalkAsync(HttpClient client, string jql, int maxResults, string fields = "summary")
    {
        var all = new List<JsonNode>();
        string? token = null;
        for (var guard = 0; guard < 1000; guard++)
        {
            var url = Url(jql, $"&maxResults={maxResults}&fields={fields}" + (token is null ? "" : "&nextPageToken=" + Uri.EscapeDataString(token)));
            var page = (await (await client.GetAsync(url, Ct)).ExpectAsync(HttpStatusCode.OK))!;
            Assert.Null(page["total"]);
            Assert.Null(page["startAt"]);
            all.AddRange(page["issues"]!.AsArray().Select(i => i!));
            if (page["isLast"]!.GetValue<bool>())
            {
                Assert.Null(page["nextPageToken"]);
                return all;
            }
            token = page["nextPageToken"]!.GetValue<string>();
        }
        throw new InvalidOperationException("paging never ended");
    }

    [Fact]
    public async Task SearchJql_WalkingPages_ReturnsEveryVisibleIssueExactlyOnce_InStableOrder()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var walked = await WalkAsync(client, "project = SEC ORDER BY key ASC", 37);
        var keys = walked.Select(i => i["key"]!.GetValue<string>()).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        var expected = sandbox.Host.Site.Read(s => s.Data.Issues
            .Where(i => i.Key.StartsWith("SEC-", StringComparison.Ordinal) && Security.PermissionService.CanBrowse(s, s.UserByEmail("alice@example.com"), i))
            .Select(i => i.Key).ToList());
        Assert.Equal(expected.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        var numbers = keys.Select(k => int.Parse(k[4..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(numbers.Order(), numbers);

        var count = (await (await client.PostAsync("/rest/api/3/search/approximate-count", JsonBody("""{"jql":"project = SEC"}"""), Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(keys.Count, count["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task SearchJql_WithoutFields_ReturnsIdsOnly_AndWithFieldsOnlyThose()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var idsOnly = (await (await client.GetAsync(Url("key = SEC-456"), Ct)).ExpectAsync(HttpStatusCode.OK))!;
        var issue = idsOnly["issues"]!.AsArray().Single()!;
        Assert.Equal("SEC-456", issue["key"]!.GetValue<string>());
        Assert.NotNull(issue["id"]);
        Assert.Null(issue["fields"]);

        var withFields = (await (await client.GetAsync(Url("key = SEC-456", "&fields=summary,status"), Ct)).ExpectAsync(HttpStatusCode.OK))!;
        var fields = withFields["issues"]![0]!["fields"]!.AsObject();
        Assert.Equal(["status", "summary"], fields.Select(f => f.Key).Order());
        Assert.Equal("Investigate suspicious login from 198.51.100.42", fields["summary"]!.GetValue<string>());
    }

    [Fact]
    public async Task SearchJql_Post_AcceptsBodyParameters()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var body = new JsonObject { ["jql"] = "project = SEC AND status = Open", ["maxResults"] = 5, ["fields"] = new JsonArray("summary", "status") };
        var page = (await (await client.PostAsync("/rest/api/3/search/jql", JsonBody(body), Ct)).ExpectAsync(HttpStatusCode.OK))!;
        var issues = page["issues"]!.AsArray();
        Assert.Equal(5, issues.Count);
        Assert.All(issues, i => Assert.Equal("Open", i!["fields"]!["status"]!["name"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ORDER BY key ASC")]
    public async Task SearchJql_Unbounded_Is400(string jql)
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        await (await client.GetAsync(Url(jql), Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest, SearchEndpoints.UnboundedMessage);
    }

    [Fact]
    public async Task SearchJql_SyntaxAndValueErrors_AreJiraShaped400s()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        await (await client.GetAsync(Url("project = "), Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest, "Error in the JQL Query");
        await (await client.GetAsync(Url("nosuchfield = 1"), Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest, "Field 'nosuchfield' does not exist or you do not have permission to view it.");
        await (await client.GetAsync(Url("project = NOPE"), Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest, "The value 'NOPE' does not exist for the field 'project'.");
    }

    [Fact]
    public async Task SearchJql_ProjectTheCallerCannotBrowse_DoesNotExistForThem()
    {
        using var grace = sandbox.Client(DemoCredentials.Grace);
        await (await grace.GetAsync(Url("project = SEC"), Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest, "The value 'SEC' does not exist for the field 'project'.");
        using var alice = sandbox.Client(DemoCredentials.Alice);
        await (await alice.GetAsync(Url("project = SEC"), Ct)).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SearchJql_HidesIssuesBehindSecurityLevels()
    {
        var (restrictedOfAlice, restrictedOfOthers) = sandbox.Host.Site.Read(s =>
        {
            var alice = SiteSeeder.AccountIdFor("alice");
            var restricted = s.Data.Issues.Where(i => i.SecurityLevelId == SiteSeeder.LevelRestricted).ToList();
            return (restricted.Where(i => i.ReporterAccountId == alice).Select(i => i.Key).ToHashSet(),
                    restricted.Where(i => i.ReporterAccountId != alice).Select(i => i.Key).ToHashSet());
        });
        Assert.NotEmpty(restrictedOfOthers);
        using var client = sandbox.Client(DemoCredentials.Alice);
        var keys = (await WalkAsync(client, "project = SEC", 5000, "id")).Select(i => i["key"]!.GetValue<string>()).ToHashSet();
        Assert.Empty(keys.Intersect(restrictedOfOthers));
        Assert.True(restrictedOfAlice.IsSubsetOf(keys));
    }

    [Fact]
    public async Task SearchJql_PageCaps_AreEnforced()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var withFields = (await (await client.GetAsync(Url("project = SEC", "&maxResults=500&fields=summary"), Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(100, withFields["issues"]!.AsArray().Count);
        var idsOnly = (await (await client.GetAsync(Url("project in (SEC, ENG, OPS)", "&maxResults=500"), Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(500, idsOnly["issues"]!.AsArray().Count);
    }

    [Fact]
    public async Task SearchJql_BadTokens_And_TooManyProperties_Are400()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        await (await client.GetAsync(Url("project = SEC", "&nextPageToken=garbage!!"), Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest, "next page token");
        var first = (await (await client.GetAsync(Url("project = SEC", "&maxResults=10"), Ct)).ExpectAsync(HttpStatusCode.OK))!;
        var token = first["nextPageToken"]!.GetValue<string>();
        await (await client.GetAsync(Url("project = ENG", "&nextPageToken=" + Uri.EscapeDataString(token)), Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest, "next page token");
        await (await client.GetAsync(Url("project = SEC", "&properties=a,b,c,d,e,f"), Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest, "properties");
        await (await client.GetAsync(Url("project = SEC", "&maxResults=abc"), Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/rest/api/3/search?jql=project=SEC")]
    [InlineData("/rest/api/2/search?jql=project=SEC")]
    public async Task RemovedSearchApi_Answers410_WithJirasBody(string path)
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var body = await (await client.GetAsync(path, Ct)).ExpectErrorAsync(HttpStatusCode.Gone, "#CHANGE-2046");
        Assert.Equal(SearchEndpoints.RemovedMessage, body["errorMessages"]![0]!.GetValue<string>());
        await (await client.PostAsync("/rest/api/3/search", JsonBody("""{"jql":"project=SEC"}"""), Ct)).ExpectErrorAsync(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task SearchJqlV2OnCloud_RendersRichTextAsWiki()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var page = (await (await client.GetAsync("/rest/api/2/search/jql?jql=key%3DSEC-456&fields=description", Ct)).ExpectAsync(HttpStatusCode.OK))!;
        var description = page["issues"]![0]!["fields"]!["description"];
        Assert.True(description is null || description.GetValueKind() == System.Text.Json.JsonValueKind.String);
    }

    [Fact]
    public async Task DataCenterSearch_PagesByStartAtWithTotal_AndHasNoSearchJql()
    {
        await using var host = await SandboxFixture.StartAsync(SandboxFlavor.DataCenter);
        using var client = host.CreateClient(DemoCredentials.Alice);
        var keys = new List<string>();
        var startAt = 0;
        int total;
        do
        {
            var page = (await (await client.GetAsync($"/rest/api/2/search?jql=project%3DSEC%20ORDER%20BY%20key%20ASC&startAt={startAt}&maxResults=120&fields=summary,description", Ct)).ExpectAsync(HttpStatusCode.OK))!;
            total = page["total"]!.GetValue<int>();
            var issues = page["issues"]!.AsArray();
            keys.AddRange(issues.Select(i => i!["key"]!.GetValue<string>()));
            Assert.All(issues, i => Assert.True(i!["fields"]!["description"] is null || i["fields"]!["description"]!.GetValueKind() == System.Text.Json.JsonValueKind.String));
            startAt += issues.Count;
            if (issues.Count == 0)
            {
                break;
            }
        }
        while (startAt < total);
        Assert.Equal(total, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/rest/api/3/search/jql?jql=project%3DSEC", Ct)).StatusCode);
    }
}
