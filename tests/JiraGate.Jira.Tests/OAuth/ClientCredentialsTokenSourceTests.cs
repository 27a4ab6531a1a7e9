using System.Net;
using JiraGate.Jira.Authentication.OAuth;
using JiraGate.Sandbox.Data;
using static JiraGate.Jira.Tests.OAuth.OAuthSandbox;

namespace JiraGate.Jira.Tests.OAuth;

public sealed class ClientCredentialsTokenSourceTests
{
    [Fact]
    public async Task GetAccessToken_FetchesAServiceAccountToken_ThatCallsJiraAsTheBot()
    {
        await using var sandbox = await StartAsync();
        var source = new ClientCredentialsTokenSource(sandbox.Client);

        var token = await source.GetAccessTokenAsync(false, Ct);
        var again = await source.GetAccessTokenAsync(false, Ct);

        Assert.Equal(token, again);
        Assert.Equal(1, sandbox.Probe.TokenRequests);
        Assert.Equal((HttpStatusCode.OK, SiteSeeder.AccountIdFor(DemoCredentials.Bot.Name)), await sandbox.MyselfAsync(token));
    }

    [Fact]
    public async Task RequestClientCredentialsToken_HasNoRefreshToken()
    {
        await using var sandbox = await StartAsync();
        var tokens = await sandbox.Client.RequestClientCredentialsTokenAsync(Ct);
        Assert.Null(tokens.RefreshToken);
        Assert.Equal(sandbox.Time.GetUtcNow() + TimeSpan.FromHours(1), tokens.ExpiresAt);
    }

    [Fact]
    public async Task Expiry_FetchesANewToken()
    {
        await using var sandbox = await StartAsync();
        var source = new ClientCredentialsTokenSource(sandbox.Client);
        var first = await source.GetAccessTokenAsync(false, Ct);

        sandbox.Time.Advance(TimeSpan.FromMinutes(56));
        var second = await source.GetAccessTokenAsync(false, Ct);

        Assert.NotEqual(first, second);
        Assert.Equal(2, sandbox.Probe.TokenRequests);
        Assert.Equal(HttpStatusCode.OK, (await sandbox.MyselfAsync(second)).Status);
    }

    [Fact]
    public async Task TwentyConcurrentForcedCalls_MakeOneTokenRequest()
    {
        await using var sandbox = await StartAsync();
        var source = new ClientCredentialsTokenSource(sandbox.Client);
        var first = await source.GetAccessTokenAsync(false, Ct);

        sandbox.Probe.Hold();
        var callers = Enumerable.Range(0, 20).Select(_ => source.GetAccessTokenAsync(true, Ct).AsTask()).ToArray();
        await sandbox.Probe.Arrived.Task.WaitAsync(Ct);
        sandbox.Probe.Release();
        var tokens = await Task.WhenAll(callers);

        Assert.Equal(2, sandbox.Probe.TokenRequests);
        var token = Assert.Single(tokens.Distinct(StringComparer.Ordinal));
        Assert.NotEqual(first, token);
    }

    [Fact]
    public async Task WrongSecret_ThrowsClearErrorWithoutTheSecret()
    {
        await using var sandbox = await StartAsync(clientSecret: "canary-wrong-secret");
        var source = new ClientCredentialsTokenSource(sandbox.Client);

        var ex = await Assert.ThrowsAsync<JiraOAuthException>(() => source.GetAccessTokenAsync(false, Ct).AsTask());

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Contains("client_credentials", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("canary-wrong-secret", ex.ToString(), StringComparison.Ordinal);
    }
}
