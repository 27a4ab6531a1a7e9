using System.Net;
using System.Text;
using JiraGate.Governance.Vault;
using JiraGate.Jira.Authentication;
using JiraGate.Jira.Authentication.OAuth;

namespace JiraGate.Governance.Tests.Vault;

public sealed class VaultCredentialsTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly VaultKey _key = VaultKey.Generate();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _key.Dispose();
        _dir.Dispose();
    }

    [Theory]
    [InlineData("api_token", typeof(ApiTokenCredentials), "API token for bot@acme.com")]
    [InlineData("scoped_api_token", typeof(ScopedApiTokenCredentials), "scoped API token for bot@acme.com")]
    [InlineData("pat", typeof(PersonalAccessTokenCredentials), "personal access token")]
    [InlineData("basic", typeof(BasicPasswordCredentials), "password for svc-jira")]
    public void ToJiraCredentials_EachKind_MapsToClientType(string kind, Type expected, string description)
    {
        var (entry, canaries) = VaultSamples.All()[kind];
        var credentials = entry.ToJiraCredentials();
        Assert.IsType(expected, credentials);
        Assert.Equal(description, credentials.ToString());
        Assert.All(canaries, c => Assert.DoesNotContain(c, credentials.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void ToJiraCredentials_ScopedToken_KeepsCloudId() =>
        Assert.Equal("cloud-1", ((ScopedApiTokenCredentials)VaultSamples.All()["scoped_api_token"].Entry.ToJiraCredentials()).CloudId);

    [Fact]
    public void ToJiraCredentials_OAuthOrGeneric_ClearError()
    {
        var oauth = Assert.Throws<VaultException>(() => VaultSamples.All()["oauth_client"].Entry.ToJiraCredentials());
        Assert.Contains("OAuth client", oauth.Message, StringComparison.Ordinal);
        var generic = Assert.Throws<VaultException>(() => VaultSamples.All()["secret"].Entry.ToJiraCredentials());
        Assert.DoesNotContain("CANARY", oauth.Message + generic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyToAndToTokenSet_CarryClientAndTokens()
    {
        var entry = (OAuthClientEntry)VaultSamples.All()["oauth_client"].Entry;
        var options = new JiraOAuthOptions();
        entry.ApplyTo(options);
        Assert.Equal("client-abc", options.ClientId);
        Assert.Equal("CANARY-client-secret-555", options.ClientSecret);
        var tokens = entry.ToTokenSet();
        Assert.Equal("CANARY-refresh-666", tokens.RefreshToken);
        Assert.Equal("CANARY-access-777", tokens.AccessToken);
        Assert.Equal(entry.AccessTokenExpiresAt, tokens.ExpiresAt);
    }

    [Fact]
    public async Task OAuthCredentials_RefreshRotatesToken_SavedAtomicallyToVault()
    {
        var vault = new FileVault(_dir.File("vault.json"), _key);
        var stored = new OAuthClientEntry
        {
            ClientId = "client-abc",
            ClientSecret = new SecretValue("CANARY-client-secret-555"),
            RefreshToken = new SecretValue("refresh-1"),
            CloudId = "cloud-9",
            ExpiresAt = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };
        await vault.SetAsync("jira/oauth", stored, Ct);
        string? sentRefreshToken = null;
        var handler = new StubHandler(async request =>
        {
            var body = await request.Content!.ReadAsStringAsync(Ct);
            sentRefreshToken = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("refresh_token").GetString();
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("{\"access_token\":\"access-2\",\"refresh_token\":\"refresh-2\",\"expires_in\":3600,\"scope\":\"read:jira-work offline_access\"}", Encoding.UTF8, "application/json"),
            };
        });
        await using var services = new ServiceCollection()
            .AddJiraOAuthClient(o => ((OAuthClientEntry)stored).ApplyTo(o))
            .ConfigurePrimaryHttpMessageHandler(() => handler)
            .Services.BuildServiceProvider();
        var client = services.GetRequiredService<JiraOAuthClient>();

        var credentials = Assert.IsType<OAuthCredentials>(await vault.GetJiraCredentialsAsync("jira/oauth", client, Ct));
        Assert.Equal("cloud-9", credentials.CloudId);
        var token = await credentials.TokenSource.GetAccessTokenAsync(forceRefresh: false, Ct);

        Assert.Equal("access-2", token);
        Assert.Equal("refresh-1", sentRefreshToken);
        var saved = Assert.IsType<OAuthClientEntry>(await new FileVault(_dir.File("vault.json"), _key).TryGetAsync("jira/oauth", Ct));
        Assert.Equal("refresh-2", saved.RefreshToken!.Reveal());
        Assert.Equal("access-2", saved.AccessToken!.Reveal());
        Assert.Equal(stored.ExpiresAt, saved.ExpiresAt);
        Assert.Equal("CANARY-client-secret-555", saved.ClientSecret.Reveal());
    }

    [Fact]
    public async Task GetJiraCredentials_OAuthWithoutRefreshToken_ClientCredentials()
    {
        var vault = new FileVault(_dir.File("vault.json"), _key);
        await vault.SetAsync("svc", new OAuthClientEntry { ClientId = "c", ClientSecret = new SecretValue("s") }, Ct);
        await using var services = new ServiceCollection().AddJiraOAuthClient(o => { o.ClientId = "c"; o.ClientSecret = "s"; }).Services.BuildServiceProvider();
        var credentials = Assert.IsType<OAuthCredentials>(await vault.GetJiraCredentialsAsync("svc", services.GetRequiredService<JiraOAuthClient>(), Ct));
        Assert.IsType<ClientCredentialsTokenSource>(credentials.TokenSource);
        await Assert.ThrowsAsync<VaultException>(() => vault.GetJiraCredentialsAsync("svc", null, Ct));
        await Assert.ThrowsAsync<VaultException>(() => vault.GetJiraCredentialsAsync("missing", null, Ct));
    }

    private sealed class StubHandler(Func<HttpRequestMessage, Task<HttpResponseMessage>> respond) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => respond(request);
    }
}
