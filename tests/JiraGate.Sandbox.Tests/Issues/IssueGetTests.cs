using System.Net;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.Issues;

public sealed class IssueGetTests(SandboxFixture sandbox)
{
    [Fact]
    public async Task Get_DemoIssue_ReturnsAllFieldsWithAdfDescription()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var issue = await IssueCalls.GetAsync(client, "SEC-456");
        Assert.Equal("SEC-456", issue["key"]!.GetValue<string>());
        var fields = issue["fields"]!;
        Assert.Equal("Investigate suspicious login from 198.51.100.42", fields["summary"]!.GetValue<string>());
        Assert.Equal("Open", fields["status"]!["name"]!.GetValue<string>());
        Assert.NotNull(fields["comment"]);
        Assert.NotNull(fields["attachment"]);
        Assert.True(fields["description"] is null || fields["description"]!["type"]!.GetValue<string>() == "doc");
        Assert.EndsWith("/rest/api/3/issue/" + issue["id"]!.GetValue<string>(), issue["self"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ById_ReturnsSameIssue()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var byKey = await IssueCalls.GetAsync(client, "SEC-456", "?fields=summary");
        var byId = await IssueCalls.GetAsync(client, byKey["id"]!.GetValue<string>(), "?fields=summary");
        Assert.Equal("SEC-456", byId["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_LowerCaseKey_FindsIssue()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var issue = await IssueCalls.GetAsync(client, "sec-456", "?fields=summary");
        Assert.Equal("SEC-456", issue["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_V2_RichTextIsWikiString()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var issue = await IssueCalls.GetAsync(client, "SEC-1", "?fields=description,summary", api: "2");
        Assert.True(issue["fields"]!["description"] is null or JsonValue);
    }

    [Fact]
    public async Task Get_FieldsParameter_ReturnsOnlyThoseFields()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var issue = await IssueCalls.GetAsync(client, "SEC-456", "?fields=summary,status");
        var fields = issue["fields"]!.AsObject();
        Assert.Equal(["summary", "status"], fields.Select(f => f.Key).Order().Reverse().ToArray());
    }

    [Fact]
    public async Task Get_ExpandNamesSchemaEditmetaTransitions_AddsSections()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var issue = await IssueCalls.GetAsync(client, "SEC-456", "?fields=summary&expand=names,schema,editmeta,transitions,changelog");
        Assert.Equal("Summary", issue["names"]!["summary"]!.GetValue<string>());
        Assert.Equal("string", issue["schema"]!["summary"]!["type"]!.GetValue<string>());
        Assert.NotNull(issue["editmeta"]!["fields"]!["summary"]);
        var transitions = issue["transitions"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(["31", "51"], transitions);
        Assert.NotNull(issue["changelog"]!["histories"]);
    }

    [Theory]
    [InlineData("SEC-999999")]
    [InlineData("99999999")]
    [InlineData("NOPE-1")]
    [InlineData("not a key")]
    [InlineData("SEC-1%2F..%2FSEC-2")]
    public async Task Get_UnknownOrMalformedKey_404(string key)
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var response = await client.GetAsync("/rest/api/3/issue/" + key, Ct);
        await response.ExpectErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_IssueCallerCannotBrowse_404NotForbidden()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var response = await client.GetAsync("/rest/api/3/issue/SEC-456", Ct);
        await response.ExpectErrorAsync(HttpStatusCode.NotFound, "Issue does not exist or you do not have permission to see it.");
    }

    [Fact]
    public async Task Get_RestrictedSecurityLevel_HiddenFromNonMembers()
    {
        var restricted = sandbox.Host.Site.Read(s => s.Issues.First(i => i.SecurityLevelId == SiteSeeder.LevelRestricted
            && i.ReporterAccountId != IssueCalls.AccountId("bob")).Key);
        using var bob = sandbox.Client(DemoCredentials.Bob);
        await (await bob.GetAsync("/rest/api/3/issue/" + restricted, Ct)).ExpectErrorAsync(HttpStatusCode.NotFound);
        using var ada = sandbox.Client(DemoCredentials.Ada);
        await IssueCalls.GetAsync(ada, restricted, "?fields=summary");
    }

    [Fact]
    public async Task Get_BadBooleanParameter_400()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var response = await client.GetAsync("/rest/api/3/issue/SEC-456?updateHistory=maybe", Ct);
        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "updateHistory");
    }

    [Fact]
    public async Task Get_DataCenter_UsersHaveNamesNotAccountIds()
    {
        await using var host = await SandboxFixture.StartAsync(SandboxFlavor.DataCenter);
        using var client = host.CreateClient(DemoCredentials.Alice);
        var issue = await IssueCalls.GetAsync(client, "SEC-456", "?fields=reporter,description", api: "2");
        var reporter = issue["fields"]!["reporter"]!;
        Assert.NotNull(reporter["name"]);
        Assert.Null(reporter["accountId"]);
        var v3 = await client.GetAsync("/rest/api/3/issue/SEC-456", Ct);
        Assert.Equal(HttpStatusCode.NotFound, v3.StatusCode);
    }
}
