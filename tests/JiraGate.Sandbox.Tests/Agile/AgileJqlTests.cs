using System.Net;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Agile.AgileTestData;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.Agile;

/// <summary>The <c>jql</c> parameter of the Agile and Software issue lists.</summary>
public sealed class AgileJqlTests(SandboxFixture sandbox)
{
    private Site Site => sandbox.Host.Site;

    private async Task<HttpResponseMessage> GetAsync(DemoCredentials.DemoUser user, string path)
    {
        using var client = sandbox.Client(user);
        return await client.GetAsync(path, Ct);
    }

    private static string Q(string jql) => Uri.EscapeDataString(jql);

    private List<string> Expected(DemoCredentials.DemoUser user, long sprintId, string typeName) =>
        SprintKeys(Site, user, sprintId)
            .Where(k => Site.Read(s => s.TryGetIssue(k, out var i) && s.IssueType(i.IssueTypeId)!.Name == typeName))
            .ToList();

    [Fact]
    public async Task SprintIssues_Jql_NarrowsTheListAndKeepsRankOrder()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var walked = await WalkOffsetAsync(client, "/rest/agile/1.0/sprint/2/issue?fields=summary&jql=" + Q("issuetype = Incident"), 20);
        var expected = Expected(DemoCredentials.Alice, SecActive, "Incident");
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < SprintKeys(Site, DemoCredentials.Alice, SecActive).Count);
        Assert.Equal(expected, walked);
    }

    [Fact]
    public async Task SprintIssues_JqlOrderBy_OverridesRankOrder()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var walked = await WalkOffsetAsync(client, "/rest/agile/1.0/sprint/1/issue?fields=summary&jql=" + Q("order by created DESC"), 25);
        var expected = SprintKeys(Site, DemoCredentials.Alice, SecClosed);
        expected.Reverse();
        Assert.Equal(expected, walked);
    }

    [Fact]
    public async Task SoftwareList_Jql_TokenWalkMatchesTheOffsetWalk()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var jql = Q("issuetype = Incident");
        var tokenWalk = await WalkTokenAsync(client, "/rest/software/1.0/sprint/2/issue?fields=summary&jql=" + jql, 10);
        Assert.Equal(Expected(DemoCredentials.Alice, SecActive, "Incident"), tokenWalk);
    }

    [Fact]
    public async Task SoftwareList_TokenFromAnotherJql_Gets400()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var first = (await (await client.GetAsync("/rest/software/1.0/sprint/2/issue?maxResults=2&jql=" + Q("issuetype = Incident"), Ct))
            .ExpectAsync(HttpStatusCode.OK))!;
        var token = Uri.EscapeDataString(first["nextPageToken"]!.GetValue<string>());
        await (await client.GetAsync("/rest/software/1.0/sprint/2/issue?maxResults=2&jql=" + Q("issuetype = Task") + "&nextPageToken=" + token, Ct))
            .ExpectErrorAsync(HttpStatusCode.BadRequest, "next page token");
    }

    [Theory]
    [InlineData("/rest/agile/1.0/sprint/2/issue")]
    [InlineData("/rest/agile/1.0/board/42/backlog")]
    [InlineData("/rest/agile/1.0/board/42/issue")]
    [InlineData("/rest/software/1.0/sprint/2/issue")]
    public async Task IssueLists_JqlSyntaxError_Gets400(string path)
    {
        await (await GetAsync(DemoCredentials.Alice, path + "?jql=" + Q("status = ")))
            .ExpectErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task IssueLists_UnknownField_Is400_UnlessValidationIsOff()
    {
        var jql = Q("nosuchfield = 1");
        await (await GetAsync(DemoCredentials.Alice, "/rest/agile/1.0/sprint/2/issue?jql=" + jql))
            .ExpectErrorAsync(HttpStatusCode.BadRequest, "nosuchfield");
        var body = (await (await GetAsync(DemoCredentials.Alice, "/rest/agile/1.0/sprint/2/issue?validateQuery=false&jql=" + jql))
            .ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(0, body["total"]!.GetValue<int>());
        // Syntax errors are refused even without validation.
        await (await GetAsync(DemoCredentials.Alice, "/rest/agile/1.0/sprint/2/issue?validateQuery=false&jql=" + Q("status = ")))
            .ExpectErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task IssueLists_JqlCannotWidenTheList()
    {
        // The board and sprint stay the scope: a JQL naming another project only narrows to nothing.
        var body = (await (await GetAsync(DemoCredentials.Alice, "/rest/agile/1.0/sprint/2/issue?jql=" + Q("project = ENG")))
            .ExpectAsync(HttpStatusCode.OK))!.AsObject();
        Assert.Equal(0, body["total"]!.GetValue<int>());
        Assert.Empty(body["issues"]!.AsArray());
    }
}
