using System.Net;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Tests.Conformance;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.Webhooks;

public sealed class AdminWebhookEndpointTests
{
    private const string Path = "/rest/webhooks/1.0/webhook";

    private static JsonObject Body(string url = "http://127.0.0.1:9/hook", string jql = "project = SEC", params string[] events) => new()
    {
        ["name"] = "SEC changes",
        ["url"] = url,
        ["events"] = new JsonArray([.. (events.Length == 0 ? ["jira:issue_created", "comment_created"] : events).Select(e => (JsonNode)e)]),
        ["filters"] = new JsonObject { ["issue-related-events-section"] = jql },
        ["excludeBody"] = false,
        ["secret"] = "s3cret",
        ["enabled"] = true,
    };

    [Fact]
    public async Task Create_AsAdmin_Returns201InTheRecordedShape_AndIsListedAndReadable()
    {
        await using var sandbox = await WebhookSandbox.StartAsync();
        using var admin = sandbox.Admin();

        var response = await admin.PostAsync(Path, JsonBody(Body()), Ct);
        var created = await response.ExpectAsync(HttpStatusCode.Created);

        ConformanceAssert.MatchesFixture("jira-ruby/dc-admin-webhook-get.json", created);
        Assert.Equal("SEC changes", created!["name"]!.GetValue<string>());
        Assert.Equal("project = SEC", created["filters"]!["issue-related-events-section"]!.GetValue<string>());
        Assert.Null(created["secret"]); // write-only
        Assert.Equal("Ada Admin", created["lastUpdatedDisplayName"]!.GetValue<string>());
        Assert.Equal(sandbox.Site.Read(s => s.UserByName("ada")!.AccountId), created["lastUpdatedUser"]!.GetValue<string>());
        var self = created["self"]!.GetValue<string>();
        Assert.Equal(self, response.Headers.Location!.ToString());

        var list = await (await admin.GetAsync(Path, Ct)).ExpectAsync(HttpStatusCode.OK);
        ConformanceAssert.MatchesFixture("jira-ruby/dc-admin-webhooks-get.json", list);
        Assert.Single(list!.AsArray());

        var one = await (await admin.GetAsync(new Uri(self).PathAndQuery, Ct)).ExpectAsync(HttpStatusCode.OK);
        ConformanceAssert.MatchesFixture("jira-ruby/dc-admin-webhook-get.json", one);
        Assert.Equal(created.ToJsonString(), one!.ToJsonString());
    }

    [Fact]
    public async Task AllOperations_AsNonAdmin_Get403()
    {
        await using var sandbox = await WebhookSandbox.StartAsync();
        var id = await sandbox.CreateAdminWebhookAsync("http://127.0.0.1:9/hook", ["jira:issue_created"]);
        using var alice = sandbox.User(DemoCredentials.Alice);

        await (await alice.GetAsync(Path, Ct)).ExpectErrorAsync(HttpStatusCode.Forbidden, "Administrator privileges are required");
        await (await alice.PostAsync(Path, JsonBody(Body()), Ct)).ExpectErrorAsync(HttpStatusCode.Forbidden);
        await (await alice.GetAsync($"{Path}/{id}", Ct)).ExpectErrorAsync(HttpStatusCode.Forbidden);
        await (await alice.PutAsync($"{Path}/{id}", JsonBody(Body()), Ct)).ExpectErrorAsync(HttpStatusCode.Forbidden);
        await (await alice.DeleteAsync($"{Path}/{id}", Ct)).ExpectErrorAsync(HttpStatusCode.Forbidden);
        Assert.Single(sandbox.Site.Read(s => s.Data.AdminWebhooks.ToList()));
    }

    [Fact]
    public async Task List_Anonymous_Gets401()
    {
        await using var sandbox = await WebhookSandbox.StartAsync();
        using var anonymous = sandbox.Host.CreateClient();
        await (await anonymous.GetAsync(Path, Ct)).ExpectErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("ftp://example.com/hook")]
    [InlineData("not a url")]
    [InlineData("/relative/hook")]
    [InlineData("")]
    [InlineData("file:///etc/passwd")]
    public async Task Create_UrlNotAbsoluteHttp_Gets400(string url)
    {
        await using var sandbox = await WebhookSandbox.StartAsync();
        using var admin = sandbox.Admin();
        var error = await (await admin.PostAsync(Path, JsonBody(Body(url)), Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(error["errors"]!["url"]);
        Assert.Empty(sandbox.Site.Read(s => s.Data.AdminWebhooks.ToList()));
    }

    [Fact]
    public async Task Create_UrlWithVariables_IsAccepted()
    {
        await using var sandbox = await WebhookSandbox.StartAsync();
        using var admin = sandbox.Admin();
        await (await admin.PostAsync(Path, JsonBody(Body("https://example.com/hook/${issue.key}")), Ct)).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Create_UnknownEvent_Gets400NamingIt()
    {
        await using var sandbox = await WebhookSandbox.StartAsync();
        using var admin = sandbox.Admin();
        var response = await admin.PostAsync(Path, JsonBody(Body(events: ["jira:issue_created", "jira:issue_exploded"])), Ct);
        var error = await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "jira:issue_exploded");
        Assert.NotNull(error["errors"]!["events"]);
    }

    [Theory]
    [InlineData("project = NOSUCHPROJECT")]
    [InlineData("project = = SEC")]
    [InlineData("nosuchfield = 1")]
    public async Task Create_InvalidJqlFilter_Gets400WithTheJqlError(string jql)
    {
        await using var sandbox = await WebhookSandbox.StartAsync();
        using var admin = sandbox.Admin();
        var error = await (await admin.PostAsync(Path, JsonBody(Body(jql: jql)), Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(error["errorMessages"]!.AsArray());
        Assert.Empty(sandbox.Site.Read(s => s.Data.AdminWebhooks.ToList()));
    }

    [Theory]
    [InlineData("""{"name":"x","url":"http://127.0.0.1/h","colour":"red"}""", "colour")]
    [InlineData("""{"name":"x","url":"http://127.0.0.1/h","enabled":"yes"}""", "enabled")]
    [InlineData("""{"name":"x","url":"http://127.0.0.1/h","events":"jira:issue_created"}""", "events")]
    [InlineData("""{"url":"http://127.0.0.1/h"}""", "name")]
    [InlineData("""{"name":"x","url":"http://127.0.0.1/h","filters":{"project-section":"x"}}""", "project-section")]
    [InlineData("""[1,2]""", "JSON object")]
    [InlineData("""{"name":""", null)]
    public async Task Create_MalformedBody_Gets400(string json, string? fragment)
    {
        await using var sandbox = await WebhookSandbox.StartAsync();
        using var admin = sandbox.Admin();
        await (await admin.PostAsync(Path, JsonBody(json), Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest, fragment);
    }

    [Fact]
    public async Task Create_WrongContentType_Gets415()
    {
        await using var sandbox = await WebhookSandbox.StartAsync();
        using var admin = sandbox.Admin();
        using var content = new StringContent(Body().ToJsonString(), System.Text.Encoding.UTF8, "text/plain");
        await (await admin.PostAsync(Path, content, Ct)).ExpectErrorAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Update_ReplacesTheWebhook_ThenDeleteReturns204AndGetReturns404()
    {
        await using var sandbox = await WebhookSandbox.StartAsync();
        var id = await sandbox.CreateAdminWebhookAsync("http://127.0.0.1:9/hook", ["jira:issue_created"], "project = SEC", "s3cret");
        using var admin = sandbox.Admin();

        var changed = Body("https://example.com/other", "project = ENG", "jira:issue_updated");
        changed["enabled"] = false;
        changed["self"] = "ignored"; // echoed read-only fields are accepted
        var updated = await (await admin.PutAsync($"{Path}/{id}", JsonBody(changed), Ct)).ExpectAsync(HttpStatusCode.OK);
        ConformanceAssert.MatchesFixture("jira-ruby/dc-admin-webhook-get.json", updated);
        Assert.Equal("https://example.com/other", updated!["url"]!.GetValue<string>());
        Assert.False(updated["enabled"]!.GetValue<bool>());
        Assert.Equal("jira:issue_updated", Assert.Single(updated["events"]!.AsArray())!.GetValue<string>());

        var badUpdate = await admin.PutAsync($"{Path}/{id}", JsonBody(Body(jql: "project = NOPE")), Ct);
        await badUpdate.ExpectErrorAsync(HttpStatusCode.BadRequest);

        (await admin.DeleteAsync($"{Path}/{id}", Ct)).EnsureSuccessStatusCode();
        var deleted = await admin.DeleteAsync($"{Path}/{id + 1000}", Ct);
        await deleted.ExpectErrorAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"{Path}/{id}", Ct)).ExpectErrorAsync(HttpStatusCode.NotFound);
        await (await admin.PutAsync($"{Path}/{id}", JsonBody(Body()), Ct)).ExpectErrorAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"{Path}/abc", Ct)).ExpectErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_Existing_Returns204WithEmptyBody()
    {
        await using var sandbox = await WebhookSandbox.StartAsync();
        var id = await sandbox.CreateAdminWebhookAsync("http://127.0.0.1:9/hook", ["jira:issue_created"]);
        using var admin = sandbox.Admin();
        var response = await admin.DeleteAsync($"{Path}/{id}", Ct);
        Assert.Null(await response.ExpectAsync(HttpStatusCode.NoContent));
        Assert.Empty(sandbox.Site.Read(s => s.Data.AdminWebhooks.ToList()));
    }

    [Fact]
    public async Task DataCenter_CreateAndList_NamesTheUserByUsername()
    {
        await using var sandbox = await WebhookSandbox.StartAsync(SandboxFlavor.DataCenter);
        using var admin = sandbox.Admin();
        var created = await (await admin.PostAsync(Path, JsonBody(Body()), Ct)).ExpectAsync(HttpStatusCode.Created);
        ConformanceAssert.MatchesFixture("jira-ruby/dc-admin-webhook-get.json", created);
        Assert.Equal("ada", created!["lastUpdatedUser"]!.GetValue<string>());
        var list = await (await admin.GetAsync(Path, Ct)).ExpectAsync(HttpStatusCode.OK);
        ConformanceAssert.MatchesFixture("jira-ruby/dc-admin-webhooks-get.json", list);

        using var bob = sandbox.User(DemoCredentials.Bob);
        await (await bob.GetAsync(Path, Ct)).ExpectErrorAsync(HttpStatusCode.Forbidden);
    }
}
