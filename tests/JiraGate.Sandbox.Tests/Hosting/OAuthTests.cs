using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.Hosting;

public sealed class OAuthTests
{
    private const string Redirect = "http://127.0.0.1:8765/callback";

    private static async Task<string> AuthorizeAsync(HttpClient client, string scope = "read:jira-work write:jira-work offline_access", string state = "xyz-123")
    {
        var url = $"/authorize?audience=api.atlassian.com&client_id={DemoCredentials.OAuthClientId}&scope={Uri.EscapeDataString(scope)}" +
                  $"&redirect_uri={Uri.EscapeDataString(Redirect)}&state={state}&response_type=code&prompt=consent&login_hint={DemoCredentials.Alice.Email}";
        var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(Redirect, location.ToString(), StringComparison.Ordinal);
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        Assert.Equal(state, query["state"]);
        return query["code"]!;
    }

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, JsonObject body) =>
        client.PostAsync("/oauth/token", JsonBody(body), Ct);

    private static JsonObject Grant(string type, string key, string value) => new()
    {
        ["grant_type"] = type,
        ["client_id"] = DemoCredentials.OAuthClientId,
        ["client_secret"] = DemoCredentials.OAuthClientSecret,
        [key] = value,
        ["redirect_uri"] = Redirect,
    };

    private static async Task<HttpClient> NoRedirectClientAsync(SandboxHost host)
    {
        await Task.CompletedTask;
        var factory = host.Services.GetRequiredService<IHttpClientFactory>();
        var client = factory.CreateClient(SandboxHost.NoRedirectClientName);
        client.BaseAddress = host.BaseUrl;
        return client;
    }

    [Fact]
    public async Task FullFlow_CodeExchangeRefreshAndGatewayCall_Works_AndOldRefreshTokenIsRefused()
    {
        await using var host = await SandboxFixture.StartAsync(configure: o => o.ConsoleLogging = false);
        using var client = await NoRedirectClientAsync(host);
        var code = await AuthorizeAsync(client);

        var tokens = (await (await TokenAsync(client, Grant("authorization_code", "code", code))).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal("Bearer", tokens["token_type"]!.GetValue<string>());
        Assert.Equal(3600, tokens["expires_in"]!.GetValue<int>());
        var access = tokens["access_token"]!.GetValue<string>();
        var refresh = tokens["refresh_token"]!.GetValue<string>();

        // The code is single-use.
        await (await TokenAsync(client, Grant("authorization_code", "code", code))).ExpectAsync(HttpStatusCode.Forbidden);

        // accessible-resources names the site's cloud id.
        using var resources = new HttpRequestMessage(HttpMethod.Get, "/oauth/token/accessible-resources");
        resources.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
        var sites = (await (await client.SendAsync(resources, Ct)).ExpectAsync(HttpStatusCode.OK))!.AsArray();
        var cloudId = sites.Single()!["id"]!.GetValue<string>();
        Assert.Equal(host.Site.Read(s => s.Data.CloudId), cloudId);

        // The access token works through the gateway, not on the site URL.
        using var viaGateway = new HttpRequestMessage(HttpMethod.Get, $"/ex/jira/{cloudId}/rest/api/3/myself");
        viaGateway.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
        var me = (await (await client.SendAsync(viaGateway, Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(SiteSeeder.AccountIdFor("alice"), me["accountId"]!.GetValue<string>());

        // Refresh rotates: a new refresh token, and the old one is refused once used.
        var rotated = (await (await TokenAsync(client, Grant("refresh_token", "refresh_token", refresh))).ExpectAsync(HttpStatusCode.OK))!;
        var newRefresh = rotated["refresh_token"]!.GetValue<string>();
        Assert.NotEqual(refresh, newRefresh);
        var reused = (await (await TokenAsync(client, Grant("refresh_token", "refresh_token", refresh))).ExpectAsync(HttpStatusCode.Forbidden))!;
        Assert.Equal("invalid_grant", reused["error"]!.GetValue<string>());
        await (await TokenAsync(client, Grant("refresh_token", "refresh_token", newRefresh))).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ConcurrentRefresh_WithSameToken_OnlyOneSucceeds()
    {
        await using var host = await SandboxFixture.StartAsync();
        using var client = await NoRedirectClientAsync(host);
        var code = await AuthorizeAsync(client);
        var tokens = (await (await TokenAsync(client, Grant("authorization_code", "code", code))).ExpectAsync(HttpStatusCode.OK))!;
        var refresh = tokens["refresh_token"]!.GetValue<string>();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => TokenAsync(client, Grant("refresh_token", "refresh_token", refresh))));
        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(7, results.Count(r => r.StatusCode == HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task Token_WithWrongClientSecret_Is401_AndUnknownGrantIs400()
    {
        await using var host = await SandboxFixture.StartAsync();
        using var client = await NoRedirectClientAsync(host);
        var bad = Grant("authorization_code", "code", "whatever");
        bad["client_secret"] = "wrong";
        await (await TokenAsync(client, bad)).ExpectAsync(HttpStatusCode.Unauthorized);
        await (await TokenAsync(client, Grant("password", "username", "alice"))).ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Authorize_WithUnregisteredRedirectOrUnknownClient_Is400()
    {
        await using var host = await SandboxFixture.StartAsync();
        using var client = await NoRedirectClientAsync(host);
        var response = await client.GetAsync($"/authorize?audience=api.atlassian.com&client_id={DemoCredentials.OAuthClientId}&redirect_uri=https://evil.example/cb&response_type=code&login_hint=alice@example.com", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        response = await client.GetAsync("/authorize?audience=api.atlassian.com&client_id=nope&redirect_uri=http://127.0.0.1/cb&response_type=code&login_hint=alice@example.com", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AccessToken_Expires_AfterAnHour()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        await using var host = await SandboxFixture.StartAsync(configure: o => o.TimeProvider = time);
        using var client = await NoRedirectClientAsync(host);
        var code = await AuthorizeAsync(client);
        var tokens = (await (await TokenAsync(client, Grant("authorization_code", "code", code))).ExpectAsync(HttpStatusCode.OK))!;
        var oauth = host.Services.GetRequiredService<JiraGate.Sandbox.Security.OAuthServer>();
        Assert.NotNull(oauth.AuthenticateAccessToken(tokens["access_token"]!.GetValue<string>()));
        time.Advance(TimeSpan.FromMinutes(61));
        Assert.Null(oauth.AuthenticateAccessToken(tokens["access_token"]!.GetValue<string>()));
    }
}
