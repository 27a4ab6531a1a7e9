using System.Net;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Tests.Conformance;
using Microsoft.Extensions.Time.Testing;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.Webhooks;

public sealed class DynamicWebhookEndpointTests
{
    private const string Spec = "/rest/api/3/webhook";

    private static JsonObject Registration(params (string[] Events, string? Jql)[] hooks) => new()
    {
        ["url"] = "https://app.example.com/webhook-received",
        ["webhooks"] = new JsonArray([.. hooks.Select(h =>
        {
            var o = new JsonObject { ["events"] = new JsonArray([.. h.Events.Select(e => (JsonNode)e)]) };
            if (h.Jql is not null)
            {
                o["jqlFilter"] = h.Jql;
            }
            return (JsonNode)o;
        })]),
    };

    private static async Task<List<long>> RegisterAsync(WebhookSandbox sandbox, HttpClient app, params string[] jqls)
    {
        var body = Registration([.. jqls.Select(j => (new[] { "jira:issue_updated" }, (string?)j))]);
        var result = await (await app.PostAsync(sandbox.Gateway(Spec), JsonBody(body), Ct)).ExpectAsync(HttpStatusCode.OK);
        return [.. result!["webhookRegistrationResult"]!.AsArray().Select(r => r!["createdWebhookId"]!.GetValue<long>())];
    }

    public static TheoryData<string, string, string?> AllOperations => new()
    {
        { "GET", Spec, null },
        { "POST", Spec, """{"url":"https://app.example.com/h","webhooks":[{"events":["jira:issue_created"],"jqlFilter":"project = SEC"}]}""" },
        { "DELETE", Spec, """{"webhookIds":[10000]}""" },
        { "PUT", Spec + "/refresh", """{"webhookIds":[10000]}""" },
    };

    [Theory]
    [MemberData(nameof(AllOperations))]
    public async Task AnyOperation_AsApiTokenUser_Gets403CallerIsNotAnApp(string method, string path, string? json)
    {
        await using var sandbox = await WebhookSandbox.StartAsync();
        using var admin = sandbox.Admin(); // even a Jira admin: API tokens are not apps
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = json is null ? null : JsonBody(json) };
        var error = await (await admin.SendAsync(request, Ct)).ExpectErrorAsync(HttpStatusCode.Forbidden,
            "Only Connect and OAuth 2.0 apps can use this operation.");
        ConformanceAssert.MatchesSpec(SpecKind.Platform, method, path, 403, error);
        Assert.Empty(sandbox.Site.Read(s => s.Data.DynamicWebhooks.ToList()));
    }

    [Fact]
    public async Task FailedWebhooks_AsOAuthApp_Gets403ConnectOnly()
    {
        await using var sandbox = await WebhookSandbox.StartAsync();
        using var app = sandbox.App();
        var error = await (await app.GetAsync(sandbox.Gateway(Spec + "/failed"), Ct)).ExpectErrorAsync(HttpStatusCode.Forbidden, "Connect apps");
        ConformanceAssert.MatchesSpec(SpecKind.Platform, "GET", Spec + "/failed", 403, error);
    }

    [Fact]
    public async Task Register_MixedElements_Returns200WithPartialSuccessInOrder()
    {
        await using var sandbox = await WebhookSandbox.StartAsync();
        using var app = sandbox.App();
        var body = Registration(
            (["jira:issue_created", "jira:issue_updated"], "project = SEC"),
            (["jira:issue_created"], "watchCount = 1"),
            (["jira:issue_created"], "project is not EMPTY"),
            (["jira:issue_deleted"], "project IN (SEC, ENG) AND status != Done"),
            (["jira:issue_created"], null),
            (["jira:issue_exploded"], "project = SEC"),
            (["comment_created"], "project = NOSUCH"),
            (["jira:issue_created"], "summary ~ secret"));
        var result = await (await app.PostAsync(sandbox.Gateway(Spec), JsonBody(body), Ct)).ExpectAsync(HttpStatusCode.OK);
        ConformanceAssert.MatchesSpec(SpecKind.Platform, "POST", Spec, 200, result);
        ConformanceAssert.MatchesExampleShape(SpecKind.Platform, "POST", Spec, 200, result);

        var items = result!["webhookRegistrationResult"]!.AsArray();
        Assert.Equal(8, items.Count);
        Assert.NotNull(items[0]!["createdWebhookId"]);
        Assert.Contains("The clause watchCount is unsupported", Errors(items[1]));
        Assert.Contains("Operator is not is unsupported", Errors(items[2]));
        Assert.NotNull(items[3]!["createdWebhookId"]);
        Assert.NotEmpty(Errors(items[4]));
        Assert.Contains(Errors(items[5]), e => e.Contains("jira:issue_exploded", StringComparison.Ordinal));
        Assert.NotEmpty(Errors(items[6]));
        Assert.Contains(Errors(items[7]), e => e.Contains("summary", StringComparison.Ordinal) && e.Contains("unsupported", StringComparison.Ordinal));
        Assert.Equal(2, sandbox.Site.Read(s => s.Data.DynamicWebhooks.Count));

        static List<string> Errors(JsonNode? item) =>
            [.. Assert.IsType<JsonArray>(item!["errors"]).Select(e => e!.GetValue<string>())];
    }

    [Theory]
    [InlineData("""{"webhooks":[{"events":["jira:issue_created"],"jqlFilter":"project = SEC"}]}""")]
    [InlineData("""{"url":"mailto:someone@example.com","webhooks":[{"events":["jira:issue_created"],"jqlFilter":"project = SEC"}]}""")]
    [InlineData("""{"url":"https://app.example.com/h","webhooks":[]}""")]
    [InlineData("""{"url":"https://app.example.com/h"}""")]
    [InlineData("""{"url":"https://app.example.com/h","webhooks":[],"secret":"x"}""")]
    public async Task Register_InvalidRequest_Gets400(string json)
    {
        await using var sandbox = await WebhookSandbox.StartAsync();
        using var app = sandbox.App();
        var error = await (await app.PostAsync(sandbox.Gateway(Spec), JsonBody(json), Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest);
        ConformanceAssert.MatchesSpec(SpecKind.Platform, "POST", Spec, 400, error);
    }

    [Fact]
    public async Task List_ShowsOnlyTheCallingAppsWebhooks_PagedWithPageBean()
    {
        await using var sandbox = await WebhookSandbox.StartAsync();
        using var app = sandbox.App();
        using var other = sandbox.App(WebhookSandbox.OtherAppClientId);
        var mine = await RegisterAsync(sandbox, app, "project = SEC", "project = ENG", "issuetype = Bug");
        await RegisterAsync(sandbox, other, "project = OPS");

        var first = await (await app.GetAsync(sandbox.Gateway(Spec + "?maxResults=2"), Ct)).ExpectAsync(HttpStatusCode.OK);
        ConformanceAssert.MatchesSpec(SpecKind.Platform, "GET", Spec, 200, first);
        Assert.Equal(3, first!["total"]!.GetValue<int>());
        Assert.False(first["isLast"]!.GetValue<bool>());
        Assert.Equal(2, first["maxResults"]!.GetValue<int>());
        Assert.Contains("startAt=2", first["nextPage"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(mine.Take(2), first["values"]!.AsArray().Select(v => v!["id"]!.GetValue<long>()));

        var second = await (await app.GetAsync(sandbox.Gateway(Spec + "?startAt=2&maxResults=2"), Ct)).ExpectAsync(HttpStatusCode.OK);
        ConformanceAssert.MatchesSpec(SpecKind.Platform, "GET", Spec, 200, second);
        Assert.True(second!["isLast"]!.GetValue<bool>());
        Assert.Null(second["nextPage"]);
        var last = Assert.Single(second["values"]!.AsArray())!;
        Assert.Equal(mine[2], last["id"]!.GetValue<long>());
        Assert.Equal("issuetype = Bug", last["jqlFilter"]!.GetValue<string>());
        Assert.Equal("https://app.example.com/webhook-received", last["url"]!.GetValue<string>());

        var all = await (await app.GetAsync(sandbox.Gateway(Spec), Ct)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(100, all!["maxResults"]!.GetValue<int>());

        var bad = await app.GetAsync(sandbox.Gateway(Spec + "?startAt=abc"), Ct);
        ConformanceAssert.MatchesSpec(SpecKind.Platform, "GET", Spec, 400, await bad.ExpectErrorAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Delete_IgnoresForeignAndUnknownIds_Returns202()
    {
        await using var sandbox = await WebhookSandbox.StartAsync();
        using var app = sandbox.App();
        using var other = sandbox.App(WebhookSandbox.OtherAppClientId);
        var mine = await RegisterAsync(sandbox, app, "project = SEC", "project = ENG");
        var theirs = await RegisterAsync(sandbox, other, "project = OPS");

        using var request = new HttpRequestMessage(HttpMethod.Delete, sandbox.Gateway(Spec))
        {
            Content = JsonBody(new JsonObject { ["webhookIds"] = new JsonArray(mine[0], theirs[0], 999999) }),
        };
        var response = await app.SendAsync(request, Ct);
        Assert.Null(await response.ExpectAsync(HttpStatusCode.Accepted));
        var left = sandbox.Site.Read(s => s.Data.DynamicWebhooks.Select(h => h.Id).Order().ToList());
        Assert.Equal([mine[1], theirs[0]], left);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"webhookIds":[]}""")]
    [InlineData("""{"webhookIds":["abc"]}""")]
    public async Task DeleteAndRefresh_WithoutIds_Get400(string json)
    {
        await using var sandbox = await WebhookSandbox.StartAsync();
        using var app = sandbox.App();
        using var delete = new HttpRequestMessage(HttpMethod.Delete, sandbox.Gateway(Spec)) { Content = JsonBody(json) };
        var deleteError = await (await app.SendAsync(delete, Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest);
        ConformanceAssert.MatchesSpec(SpecKind.Platform, "DELETE", Spec, 400, deleteError);
        var refreshError = await (await app.PutAsync(sandbox.Gateway(Spec + "/refresh"), JsonBody(json), Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest);
        ConformanceAssert.MatchesSpec(SpecKind.Platform, "PUT", Spec + "/refresh", 400, refreshError);
    }

    [Fact]
    public async Task Expiry_ThirtyDays_RefreshExtends_ExpiredAreNotListed()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var sandbox = await WebhookSandbox.StartAsync(time: time);
        using var app = sandbox.App();
        var ids = await RegisterAsync(sandbox, app, "project = SEC", "project = ENG");

        var listed = await (await app.GetAsync(sandbox.Gateway(Spec), Ct)).ExpectAsync(HttpStatusCode.OK);
        var expiry = listed!["values"]![0]!["expirationDate"]!.GetValue<long>();
        Assert.Equal(time.GetUtcNow().AddDays(30).ToUnixTimeMilliseconds(), expiry);

        time.Advance(TimeSpan.FromDays(29));
        var refreshed = await (await app.PutAsync(sandbox.Gateway(Spec + "/refresh"),
            JsonBody(new JsonObject { ["webhookIds"] = new JsonArray(ids[0], 424242) }), Ct)).ExpectAsync(HttpStatusCode.OK);
        ConformanceAssert.MatchesSpec(SpecKind.Platform, "PUT", Spec + "/refresh", 200, refreshed);
        Assert.Equal(time.GetUtcNow().AddDays(30).ToUnixTimeMilliseconds(), refreshed!["expirationDate"]!.GetValue<long>());

        time.Advance(TimeSpan.FromDays(2)); // ids[1] is now 31 days old, ids[0] 2 days past its refresh
        var after = await (await app.GetAsync(sandbox.Gateway(Spec), Ct)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(ids[0], Assert.Single(after!["values"]!.AsArray())!["id"]!.GetValue<long>());

        // An expired webhook cannot be brought back by a refresh.
        await (await app.PutAsync(sandbox.Gateway(Spec + "/refresh"),
            JsonBody(new JsonObject { ["webhookIds"] = new JsonArray(ids[1]) }), Ct)).ExpectAsync(HttpStatusCode.OK);
        var still = await (await app.GetAsync(sandbox.Gateway(Spec), Ct)).ExpectAsync(HttpStatusCode.OK);
        Assert.Single(still!["values"]!.AsArray());
    }

    [Fact]
    public async Task RestV2Path_OnCloud_ServesTheSameWebhooks()
    {
        await using var sandbox = await WebhookSandbox.StartAsync();
        using var app = sandbox.App();
        var ids = await RegisterAsync(sandbox, app, "project = SEC");
        var listed = await (await app.GetAsync(sandbox.Gateway("/rest/api/2/webhook"), Ct)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(ids[0], Assert.Single(listed!["values"]!.AsArray())!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task DataCenter_HasNoDynamicWebhooks_Gets404()
    {
        await using var sandbox = await WebhookSandbox.StartAsync(SandboxFlavor.DataCenter);
        using var admin = sandbox.Admin();
        await (await admin.GetAsync("/rest/api/2/webhook", Ct)).ExpectErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OAuthApp_WithoutToken_Gets401()
    {
        await using var sandbox = await WebhookSandbox.StartAsync();
        using var client = sandbox.Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "unknown");
        await (await client.GetAsync(sandbox.Gateway(Spec), Ct)).ExpectErrorAsync(HttpStatusCode.Unauthorized);
    }
}
