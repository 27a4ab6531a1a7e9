using System.Net;
using System.Text;
using JiraGate.Jira.Authentication.OAuth;
using JiraGate.Sandbox.Data;
using static JiraGate.Jira.Tests.OAuth.OAuthSandbox;

namespace JiraGate.Jira.Tests.OAuth;

public sealed class JiraOAuthClientTests
{
    private static Dictionary<string, string> Query(Uri uri) => uri.Query.TrimStart('?').Split('&')
        .Select(p => p.Split('=', 2))
        .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);

    /// <summary>A client against Atlassian's real addresses whose HTTP answers come from <paramref name="answer"/>.</summary>
    private static (ServiceProvider Services, JiraOAuthClient Client) Stubbed(Func<HttpRequestMessage, HttpResponseMessage> answer, Action<JiraOAuthOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddJiraOAuthClient(o =>
            {
                o.ClientId = "app-123";
                o.ClientSecret = "canary-client-secret";
                o.RedirectUri = new Uri("https://app.example/callback");
                o.Scopes.Add("read:jira-work");
                o.Scopes.Add("write:jira-work");
                o.Scopes.Add("offline_access");
                configure?.Invoke(o);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new StubHandler(answer));
        var provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<JiraOAuthClient>());
    }

    [Fact]
    public void CreateAuthorizationUrl_WithState_HasEveryAtlassianParameter()
    {
        var (services, client) = Stubbed(_ => throw new InvalidOperationException("no HTTP expected"));
        using var _ = services;
        var url = client.CreateAuthorizationUrl("state-abc");

        Assert.Equal("https://auth.atlassian.com/authorize", url.GetLeftPart(UriPartial.Path));
        var query = Query(url);
        Assert.Equal("api.atlassian.com", query["audience"]);
        Assert.Equal("app-123", query["client_id"]);
        Assert.Equal("read:jira-work write:jira-work offline_access", query["scope"]);
        Assert.Equal("https://app.example/callback", query["redirect_uri"]);
        Assert.Equal("state-abc", query["state"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("consent", query["prompt"]);
        Assert.Contains("scope=read%3Ajira-work%20write%3Ajira-work%20offline_access", url.AbsoluteUri, StringComparison.Ordinal);
        Assert.DoesNotContain("canary-client-secret", url.AbsoluteUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void CreateAuthorizationUrl_WithoutState_Throws(string state)
    {
        var (services, client) = Stubbed(_ => throw new InvalidOperationException());
        using var _ = services;
        Assert.Throws<ArgumentException>(() => client.CreateAuthorizationUrl(state));
    }

    [Fact]
    public void CreateAuthorizationUrl_WithoutRedirectUri_SaysWhatIsMissing()
    {
        var (services, client) = Stubbed(_ => throw new InvalidOperationException(), o => o.RedirectUri = null);
        using var _ = services;
        var ex = Assert.Throws<InvalidOperationException>(() => client.CreateAuthorizationUrl("s"));
        Assert.Contains("RedirectUri is required", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateState_IsRandomUrlSafeAnd256Bits()
    {
        var states = Enumerable.Range(0, 50).Select(_ => JiraOAuthClient.CreateState()).ToList();
        Assert.Equal(50, states.Distinct(StringComparer.Ordinal).Count());
        Assert.All(states, s =>
        {
            Assert.Equal(43, s.Length); // 32 bytes, base64url without padding
            Assert.Matches("^[A-Za-z0-9_-]+$", s);
        });
    }

    [Fact]
    public void GetCodeFromCallback_MatchingState_ReturnsCode() =>
        Assert.Equal("c o+de", JiraOAuthClient.GetCodeFromCallback(new Uri("http://127.0.0.1:8765/callback?code=c%20o%2Bde&state=s1"), "s1"));

    [Fact]
    public void GetCodeFromCallback_RelativeCallback_ReturnsCode() =>
        Assert.Equal("abc", JiraOAuthClient.GetCodeFromCallback(new Uri("/callback?state=s1&code=abc", UriKind.Relative), "s1"));

    [Theory]
    [InlineData("http://127.0.0.1/cb?code=abc&state=other")]
    [InlineData("http://127.0.0.1/cb?code=abc")]
    public void GetCodeFromCallback_WrongOrMissingState_IsRefused(string callback)
    {
        var ex = Assert.Throws<JiraOAuthException>(() => JiraOAuthClient.GetCodeFromCallback(new Uri(callback), "expected"));
        Assert.Equal("invalid_state", ex.Error);
        Assert.DoesNotContain("abc", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetCodeFromCallback_UserDeclined_ThrowsAccessDenied()
    {
        var ex = Assert.Throws<JiraOAuthException>(() =>
            JiraOAuthClient.GetCodeFromCallback(new Uri("http://127.0.0.1/cb?error=access_denied&state=s"), "s"));
        Assert.Equal("access_denied", ex.Error);
        Assert.False(ex.IsReauthorizationRequired);
    }

    [Fact]
    public async Task ExchangeCode_AgainstSandbox_ReturnsRotatableTokensForAnHour()
    {
        await using var sandbox = await StartAsync();
        var state = JiraOAuthClient.CreateState();
        var code = await sandbox.AuthorizeAsync(state: state);

        var tokens = await sandbox.Client.ExchangeCodeAsync(code, Ct);

        Assert.NotEmpty(tokens.AccessToken);
        Assert.NotNull(tokens.RefreshToken);
        Assert.Equal(sandbox.Time.GetUtcNow() + TimeSpan.FromHours(1), tokens.ExpiresAt);
        Assert.Equal(["read:jira-work", "write:jira-work", "offline_access"], tokens.Scopes);
        Assert.Equal(1, sandbox.Probe.TokenRequests);
    }

    [Fact]
    public async Task ExchangeCode_UsedTwice_SecondIsInvalidGrantWithoutTheCode()
    {
        await using var sandbox = await StartAsync();
        var code = await sandbox.AuthorizeAsync();
        await sandbox.Client.ExchangeCodeAsync(code, Ct);

        var ex = await Assert.ThrowsAsync<JiraOAuthException>(() => sandbox.Client.ExchangeCodeAsync(code, Ct));

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal("invalid_grant", ex.Error);
        Assert.True(ex.IsReauthorizationRequired);
        Assert.Contains("authorization code was refused", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(code, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAccessibleResources_WithAccessToken_NamesTheSiteCloudId()
    {
        await using var sandbox = await StartAsync();
        var tokens = await sandbox.SignInAsync();

        var site = Assert.Single(await sandbox.Client.GetAccessibleResourcesAsync(tokens.AccessToken, Ct));

        Assert.Equal(sandbox.CloudId, site.Id);
        Assert.Equal(sandbox.Host.BaseUrl.AbsoluteUri.TrimEnd('/'), site.Url.TrimEnd('/'));
        Assert.Contains("read:jira-work", site.Scopes);
        Assert.NotEmpty(site.Name);
    }

    [Fact]
    public async Task AccessToken_ThroughGatewayWithDiscoveredCloudId_IsAlice()
    {
        await using var sandbox = await StartAsync();
        var tokens = await sandbox.SignInAsync();
        var cloudId = (await sandbox.Client.GetAccessibleResourcesAsync(tokens.AccessToken, Ct))[0].Id;

        var (status, accountId) = await sandbox.MyselfAsync(tokens.AccessToken, cloudId);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(SiteSeeder.AccountIdFor("alice"), accountId);
    }

    [Fact]
    public async Task GetAccessibleResources_UnknownToken_Throws401()
    {
        await using var sandbox = await StartAsync();
        var ex = await Assert.ThrowsAsync<JiraOAuthException>(() => sandbox.Client.GetAccessibleResourcesAsync("not-a-token", Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.DoesNotContain("not-a-token", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExchangeCode_WrongClientSecret_SaysCheckTheCredentialsWithoutTheSecret()
    {
        await using var sandbox = await StartAsync(clientSecret: "canary-wrong-secret");
        var code = await sandbox.AuthorizeAsync();

        var ex = await Assert.ThrowsAsync<JiraOAuthException>(() => sandbox.Client.ExchangeCodeAsync(code, Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Contains("check ClientId and ClientSecret", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("canary-wrong-secret", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(code, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenEndpoint_HtmlGatewayError_ThrowsWithStatusButNotTheBody()
    {
        var (services, client) = Stubbed(_ => new HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            Content = new StringContent("<html><body>upstream canary-body</body></html>", Encoding.UTF8, "text/html"),
        });
        using var _ = services;

        var ex = await Assert.ThrowsAsync<JiraOAuthException>(() => client.RefreshAsync("canary-refresh", Ct));

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Null(ex.Error);
        Assert.Contains("502", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("canary", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenEndpoint_EchoingTheRefreshTokenInItsError_IsScrubbed()
    {
        var (services, client) = Stubbed(_ => new HttpResponseMessage(HttpStatusCode.Forbidden)
        {
            Content = new StringContent("""{"error":"invalid_grant","error_description":"token canary-refresh unknown for secret canary-client-secret"}""", Encoding.UTF8, "application/json"),
        });
        using var _ = services;

        var ex = await Assert.ThrowsAsync<JiraOAuthException>(() => client.RefreshAsync("canary-refresh", Ct));

        Assert.Equal("invalid_grant", ex.Error);
        Assert.Contains("refresh token was refused", ex.Message, StringComparison.Ordinal);
        Assert.Contains("token *** unknown for secret ***", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("canary", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestTokens_SendsJsonBodyToTokenEndpoint()
    {
        string? body = null;
        Uri? target = null;
        var (services, client) = Stubbed(request =>
        {
            target = request.RequestUri;
            body = request.Content!.ReadAsStringAsync().GetAwaiter().GetResult();
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"access_token":"a","expires_in":3600,"token_type":"Bearer","scope":"read:jira-work"}""", Encoding.UTF8, "application/json"),
            };
        });
        using var _ = services;

        var tokens = await client.RequestClientCredentialsTokenAsync(Ct);

        Assert.Equal("https://auth.atlassian.com/oauth/token", target!.AbsoluteUri);
        Assert.Equal("""{"grant_type":"client_credentials","client_id":"app-123","client_secret":"canary-client-secret"}""", body);
        Assert.Null(tokens.RefreshToken);
    }

    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }
}
