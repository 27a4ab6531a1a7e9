using System.Net;
using JiraGate.Jira.Authentication;
using JiraGate.Jira.Authentication.OAuth;
using JiraGate.Jira.Tests.Infrastructure;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Model;

namespace JiraGate.Jira.Tests.OAuth;

/// <summary>
/// An OAuth connection without a cloud id finds it through accessible-resources (the site whose URL is the
/// configured one), never through tenant_info; a grant for other sites fails naming them. JiraOAuthException is a
/// JiraException.
/// </summary>
public sealed class OAuthCloudIdTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OAuthConnection_NoCloudId_FindsItThroughAccessibleResourcesWithTheBearerToken()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud);
        var wire = new RecordingHandler();
        using var services = JiraTestServices.ForSandbox(host, new OAuthCredentials(new SandboxOAuthTokenSource(host)),
            builder: b => b.HttpClient.AddHttpMessageHandler(() => wire));
        var cloudId = host.Site.Read(s => s.Data.CloudId);

        await services.GetRequiredService<JiraClient>().Users.GetMyselfAsync(Ct);
        await services.GetRequiredService<JiraClient>().Users.GetMyselfAsync(Ct);

        var discovery = Assert.Single(wire.Attempts, a => a.Uri.AbsolutePath == "/oauth/token/accessible-resources");
        Assert.StartsWith("Bearer ", discovery.Authorization, StringComparison.Ordinal);
        Assert.DoesNotContain(wire.Attempts, a => a.Uri.AbsolutePath == "/_edge/tenant_info");
        Assert.Equal(2, wire.Attempts.Count(a => a.Uri.AbsolutePath == $"/ex/jira/{cloudId}/rest/api/3/myself"));
    }

    [Fact]
    public async Task OAuthConnection_ThreeLeggedGrant_EndToEndAsTheConsentingUser()
    {
        await using var sandbox = await OAuthSandbox.StartAsync();
        var tokens = await sandbox.SignInAsync();
        var source = new OAuthTokenSource(sandbox.Client, tokens, (_, _) => ValueTask.CompletedTask);
        using var services = JiraTestServices.ForSandbox(sandbox.Host, new OAuthCredentials(source), time: sandbox.Time);

        var me = await services.GetRequiredService<JiraClient>().Users.GetMyselfAsync(Ct);

        Assert.Equal(DemoCredentials.Alice.Email, me.EmailAddress);
    }

    [Fact]
    public async Task OAuthConnection_WithCloudId_SkipsDiscovery()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud);
        var wire = new RecordingHandler();
        var cloudId = host.Site.Read(s => s.Data.CloudId);
        using var services = JiraTestServices.ForSandbox(host, new OAuthCredentials(new SandboxOAuthTokenSource(host), cloudId),
            builder: b => b.HttpClient.AddHttpMessageHandler(() => wire));

        await services.GetRequiredService<JiraClient>().Users.GetMyselfAsync(Ct);

        Assert.DoesNotContain(wire.Attempts, a => a.Uri.AbsolutePath.StartsWith("/oauth/", StringComparison.Ordinal));
        Assert.Single(wire.Attempts);
    }

    [Fact]
    public async Task OAuthConnection_SiteNotInTheGrant_ErrorNamesTheSiteAndTheReachableOnes()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud);
        var tokens = new SandboxOAuthTokenSource(host);
        // Another site (a path on loopback, so nothing could leave the machine); the grant covers only the sandbox.
        var elsewhere = new Uri(host.BaseUrl, "/other-site");
        using var services = JiraTestServices.ForSandbox(host, new OAuthCredentials(tokens), o => o.BaseUrl = elsewhere);

        var ex = await Assert.ThrowsAsync<JiraOAuthException>(() => services.GetRequiredService<JiraClient>().Users.GetMyselfAsync(Ct));

        Assert.Contains(elsewhere.AbsoluteUri.TrimEnd('/'), ex.Message, StringComparison.Ordinal);
        Assert.Contains(host.BaseUrl.AbsoluteUri.TrimEnd('/'), ex.Message, StringComparison.Ordinal);
        Assert.Contains(host.Site.Read(s => s.Data.SiteName), ex.Message, StringComparison.Ordinal);
        Assert.Equal("site_not_accessible", ex.Error);
        Assert.IsAssignableFrom<JiraException>(ex);
        Assert.DoesNotContain(await tokens.GetAccessTokenAsync(false, Ct), ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OAuthConnection_TokenRefusedByAccessibleResources_OneRefreshThenProceeds()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud);
        var tokens = new SandboxOAuthTokenSource(host) { FirstToken = "expired-access-token" };
        var wire = new RecordingHandler();
        using var services = JiraTestServices.ForSandbox(host, new OAuthCredentials(tokens),
            builder: b => b.HttpClient.AddHttpMessageHandler(() => wire));

        await services.GetRequiredService<JiraClient>().Users.GetMyselfAsync(Ct);

        Assert.Equal(1, tokens.Refreshes);
        Assert.Equal(2, wire.Count("GET", "/oauth/token/accessible-resources"));
    }

    [Fact]
    public async Task JiraOAuthException_CaughtAsJiraException_KeepsStatusAndOAuthError()
    {
        await using var sandbox = await OAuthSandbox.StartAsync();
        JiraException caught = await Assert.ThrowsAnyAsync<JiraException>(() => sandbox.Client.GetAccessibleResourcesAsync("not-a-token", Ct));
        var oauth = Assert.IsType<JiraOAuthException>(caught);
        Assert.Equal(HttpStatusCode.Unauthorized, caught.StatusCode);
        Assert.Equal("invalid_token", oauth.Error);
        Assert.False(caught.IsTransient);
        Assert.DoesNotContain("not-a-token", caught.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void JiraOAuthException_PublicConstructors_BehaveAsBefore()
    {
        var plain = new JiraOAuthException("refused");
        Assert.Null(plain.StatusCode);
        Assert.Null(plain.Error);
        Assert.False(plain.IsReauthorizationRequired);
        Assert.Empty(plain.ErrorMessages);
        var inner = new InvalidOperationException("x");
        Assert.Same(inner, new JiraOAuthException("refused", inner).InnerException);
    }
}
