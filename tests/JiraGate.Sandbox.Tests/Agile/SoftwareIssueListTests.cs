using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Agile.AgileTestData;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.Agile;

public sealed class SoftwareIssueListTests(SandboxFixture sandbox)
{
    private Site Site => sandbox.Host.Site;

    private async Task<HttpResponseMessage> GetAsync(DemoCredentials.DemoUser user, string path)
    {
        using var client = sandbox.Client(user);
        return await client.GetAsync(path, Ct);
    }

    private async Task<JsonObject> GetOkAsync(DemoCredentials.DemoUser user, string path) =>
        (await (await GetAsync(user, path)).ExpectAsync(HttpStatusCode.OK))!.AsObject();

    [Fact]
    public async Task SprintIssues_TokenWalk_ReturnsEveryVisibleIssueOnceInRankOrder()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var walked = await WalkTokenAsync(client, "/rest/software/1.0/sprint/2/issue?fields=summary", 29);
        var expected = SprintKeys(Site, DemoCredentials.Alice, SecActive);
        Assert.True(expected.Count > 29);
        Assert.Equal(expected, walked);
    }

    [Fact]
    public async Task Backlog_TokenWalk_MatchesTheAgileBacklog()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var tokenWalk = await WalkTokenAsync(client, "/rest/software/1.0/board/42/backlog?fields=summary", 50);
        var offsetWalk = await WalkOffsetAsync(client, "/rest/agile/1.0/board/42/backlog?fields=summary", 50);
        Assert.NotEmpty(tokenWalk);
        Assert.Equal(offsetWalk, tokenWalk);
    }

    [Fact]
    public async Task BoardIssues_TokenWalk_MatchesTheAgileBoardIssues()
    {
        using var client = sandbox.Client(DemoCredentials.Grace);
        var tokenWalk = await WalkTokenAsync(client, "/rest/software/1.0/board/43/issue?fields=summary", 40);
        var offsetWalk = await WalkOffsetAsync(client, "/rest/agile/1.0/board/43/issue?fields=summary", 40);
        Assert.Equal(offsetWalk, tokenWalk);
    }

    [Fact]
    public async Task SprintIssues_SinglePage_IsLastWithoutToken()
    {
        var body = await GetOkAsync(DemoCredentials.Alice, "/rest/software/1.0/sprint/3/issue?maxResults=100");
        Assert.True(body["isLast"]!.GetValue<bool>());
        Assert.False(body.ContainsKey("nextPageToken"));
        Assert.Equal(SprintKeys(Site, DemoCredentials.Alice, SecFuture).Count, body["issues"]!.AsArray().Count);
    }

    [Fact]
    public async Task SprintIssues_RenderV3AdfAndSoftwareFields()
    {
        var body = await GetOkAsync(DemoCredentials.Alice, "/rest/software/1.0/sprint/2/issue?maxResults=20");
        var issues = body["issues"]!.AsArray();
        Assert.Contains("/rest/api/3/issue/", issues[0]!["self"]!.GetValue<string>(), StringComparison.Ordinal);
        var description = issues.Select(i => i!["fields"]!["description"]).First(d => d is not null)!;
        Assert.Equal("doc", description["type"]!.GetValue<string>());
        Assert.Equal(SecActive, issues[0]!["fields"]!["sprint"]!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task SprintIssues_DefaultPageIs50_AndCapsAre100WithFieldsAnd5000ForIdsOnly()
    {
        var total = SprintKeys(Site, DemoCredentials.Alice, SecActive).Count;
        var defaultPage = await GetOkAsync(DemoCredentials.Alice, "/rest/software/1.0/sprint/2/issue?fields=summary");
        Assert.Equal(Math.Min(50, total), defaultPage["issues"]!.AsArray().Count);
        var capped = await GetOkAsync(DemoCredentials.Alice, "/rest/software/1.0/sprint/2/issue?fields=summary&maxResults=1000");
        Assert.Equal(Math.Min(100, total), capped["issues"]!.AsArray().Count);
        var idsOnly = await GetOkAsync(DemoCredentials.Alice, "/rest/software/1.0/sprint/2/issue?fields=id&maxResults=1000");
        Assert.Equal(total, idsOnly["issues"]!.AsArray().Count);
        Assert.True(idsOnly["isLast"]!.GetValue<bool>());
        Assert.Null(idsOnly["issues"]![0]!["fields"]);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("cDEuMi5kYzljNGQxYTdjMWRhMzEyMGUyNjJhOWU")] // well-formed, but another fingerprint
    [InlineData("!!!")]
    public async Task SprintIssues_ForeignOrGarbageToken_Gets400(string token)
    {
        var response = await GetAsync(DemoCredentials.Alice, "/rest/software/1.0/sprint/1/issue?nextPageToken=" + Uri.EscapeDataString(token));
        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "next page token");
    }

    [Fact]
    public async Task Token_FromAnotherQueryOrUser_Gets400()
    {
        var first = await GetOkAsync(DemoCredentials.Alice, "/rest/software/1.0/sprint/2/issue?fields=summary&maxResults=5");
        var token = Uri.EscapeDataString(first["nextPageToken"]!.GetValue<string>());
        // Same token, same query: fine.
        await GetOkAsync(DemoCredentials.Alice, "/rest/software/1.0/sprint/2/issue?fields=summary&maxResults=5&nextPageToken=" + token);
        // Another sprint, another list, another user: refused.
        await (await GetAsync(DemoCredentials.Alice, "/rest/software/1.0/sprint/1/issue?nextPageToken=" + token))
            .ExpectErrorAsync(HttpStatusCode.BadRequest);
        await (await GetAsync(DemoCredentials.Alice, "/rest/software/1.0/board/42/backlog?nextPageToken=" + token))
            .ExpectErrorAsync(HttpStatusCode.BadRequest);
        await (await GetAsync(DemoCredentials.Bob, "/rest/software/1.0/sprint/2/issue?nextPageToken=" + token))
            .ExpectErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Token_TamperedOffset_Gets400()
    {
        var first = await GetOkAsync(DemoCredentials.Alice, "/rest/software/1.0/sprint/2/issue?fields=summary&maxResults=5");
        var raw = first["nextPageToken"]!.GetValue<string>().Replace('-', '+').Replace('_', '/');
        raw += new string('=', (4 - (raw.Length % 4)) % 4);
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(raw));
        var parts = text.Split('.');
        Assert.True(parts.Length >= 3, text);
        // Change only the offset; the rest of the token stays as issued.
        parts[1] = "x" + parts[1];
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join('.', parts)));
        await (await GetAsync(DemoCredentials.Alice, "/rest/software/1.0/sprint/2/issue?nextPageToken=" + Uri.EscapeDataString(forged)))
            .ExpectErrorAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("reconcileIssues=abc")]
    [InlineData("maxResults=-1")]
    [InlineData("validateQuery=sometimes")]
    public async Task SprintIssues_BadParameters_Get400(string query)
    {
        await (await GetAsync(DemoCredentials.Alice, "/rest/software/1.0/sprint/2/issue?" + query)).ExpectErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ReconcileIssues_UpTo50Accepted_51Refused()
    {
        var fifty = string.Join(',', Enumerable.Range(10000, 50));
        await GetOkAsync(DemoCredentials.Alice, "/rest/software/1.0/sprint/2/issue?maxResults=1&reconcileIssues=" + fifty);
        var fiftyOne = string.Join(',', Enumerable.Range(10000, 51));
        await (await GetAsync(DemoCredentials.Alice, "/rest/software/1.0/sprint/2/issue?reconcileIssues=" + fiftyOne))
            .ExpectErrorAsync(HttpStatusCode.BadRequest, "reconcileIssues");
    }

    [Theory]
    [InlineData("/rest/software/1.0/sprint/2/issue", "Sprint does not exist")]
    [InlineData("/rest/software/1.0/board/42/backlog", "Board does not exist")]
    [InlineData("/rest/software/1.0/board/42/issue", "Board does not exist")]
    public async Task Lists_Grace_Get404ForSec(string path, string fragment)
    {
        await (await GetAsync(DemoCredentials.Grace, path)).ExpectErrorAsync(HttpStatusCode.NotFound, fragment);
    }

    [Fact]
    public async Task Backlog_KanbanBoard_Gets400()
    {
        await (await GetAsync(DemoCredentials.Alice, "/rest/software/1.0/board/44/backlog")).ExpectErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task MaxResultsZero_StillServesOneIssueAndAToken()
    {
        var body = await GetOkAsync(DemoCredentials.Alice, "/rest/software/1.0/sprint/2/issue?maxResults=0");
        Assert.Single(body["issues"]!.AsArray());
        Assert.False(body["isLast"]!.GetValue<bool>());
        Assert.NotNull(body["nextPageToken"]);
    }
}
