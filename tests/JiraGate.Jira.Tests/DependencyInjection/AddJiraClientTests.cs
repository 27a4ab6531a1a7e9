using JiraGate.Jira.Authentication;
using JiraGate.Jira.Tests.Infrastructure;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Model;

namespace JiraGate.Jira.Tests.DependencyInjection;

/// <summary>JiraClient resolved from a ServiceCollection and talking to the sandbox in every auth mode.</summary>
public sealed class AddJiraClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void AddJiraClient_ResolvesOneClientWithSubClientsCreatedOnce()
    {
        using var services = JiraTestServices.Create(o =>
        {
            o.BaseUrl = new Uri("https://acme.atlassian.net");
            o.Credentials = new ApiTokenCredentials("bot@acme.com", "tok");
        });
        var jira = services.GetRequiredService<JiraClient>();
        Assert.Same(jira, services.GetRequiredService<JiraClient>());
        Assert.Same(jira.Issues, jira.Issues);
        Assert.NotNull(jira.Comments);
        Assert.NotNull(jira.Webhooks);
    }

    [Fact]
    public void AddJiraClient_ReturnsBuilderExposingTheHttpClient()
    {
        var services = new ServiceCollection();
        var builder = services.AddJiraClient(o => { });
        Assert.Same(services, builder.Services);
        Assert.Equal("JiraGate.Jira", builder.HttpClient.Name);
    }

    [Fact]
    public async Task AddJiraClient_CalledTwice_HandlersAddedOnceAndLastConfigurationWins()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud);
        var wire = new RecordingHandler();
        var services = new ServiceCollection();
        services.AddJiraClient(o => o.BaseUrl = new Uri("https://wrong.example"));
        services.AddJiraClient(o =>
        {
            o.BaseUrl = host.BaseUrl;
            o.Credentials = JiraTestServices.Alice(SandboxFlavor.Cloud);
        }).HttpClient.AddHttpMessageHandler(() => wire);
        using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<JiraClient>().Users.GetMyselfAsync(Ct);
        Assert.Equal(1, wire.Count("GET", "/myself"));
    }

    [Fact]
    public async Task Cloud_ApiToken_TalksToTheSite()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud);
        using var services = JiraTestServices.ForSandbox(host, new ApiTokenCredentials(DemoCredentials.Alice.Email, DemoCredentials.Alice.ApiToken));
        var me = await services.GetRequiredService<JiraClient>().Users.GetMyselfAsync(Ct);
        Assert.Equal("alice@example.com", me.EmailAddress);
    }

    [Fact]
    public async Task Cloud_WrongApiToken_Unauthorized()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud);
        using var services = JiraTestServices.ForSandbox(host, new ApiTokenCredentials(DemoCredentials.Alice.Email, "not-the-token"));
        var ex = await Assert.ThrowsAsync<JiraUnauthorizedException>(() => services.GetRequiredService<JiraClient>().Users.GetMyselfAsync(Ct));
        Assert.Contains("API token for alice@example.com", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataCenter_PersonalAccessToken_TalksToTheSite()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.DataCenter);
        using var services = JiraTestServices.ForSandbox(host, new PersonalAccessTokenCredentials(DemoCredentials.Alice.PersonalAccessToken));
        Assert.Equal("alice", (await services.GetRequiredService<JiraClient>().Users.GetMyselfAsync(Ct)).Name);
    }

    [Fact]
    public async Task DataCenter_Password_TalksToTheSite()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.DataCenter);
        using var services = JiraTestServices.ForSandbox(host, new BasicPasswordCredentials("bob", DemoCredentials.Bob.Password));
        var jira = services.GetRequiredService<JiraClient>();
        Assert.Equal("bob", (await jira.Users.GetMyselfAsync(Ct)).Name);
        Assert.Equal(JiraDeployment.DataCenter, await jira.GetDeploymentAsync(Ct));
    }

    [Fact]
    public async Task Cloud_ScopedToken_GoesThroughTheGatewayWithDiscoveredCloudId()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud);
        var wire = new RecordingHandler();
        using var services = JiraTestServices.ForSandbox(host,
            new ScopedApiTokenCredentials(DemoCredentials.Alice.Email, DemoCredentials.Alice.ApiToken),
            builder: b => b.HttpClient.AddHttpMessageHandler(() => wire));
        var jira = services.GetRequiredService<JiraClient>();
        var me = await jira.Users.GetMyselfAsync(Ct);
        var issue = await jira.Issues.GetIssueAsync("SEC-456", cancellationToken: Ct);
        Assert.Equal("alice@example.com", me.EmailAddress);
        Assert.Equal("SEC-456", issue.Key);
        var tenantInfo = Assert.Single(wire.Attempts, a => a.Uri.AbsolutePath == "/_edge/tenant_info");
        Assert.Null(tenantInfo.Authorization); // the public discovery call carries no credentials
        Assert.Contains(wire.Attempts, a => a.Uri.AbsolutePath.StartsWith("/ex/jira/", StringComparison.Ordinal)
            && a.Uri.AbsolutePath.EndsWith("/rest/api/3/myself", StringComparison.Ordinal));
        Assert.DoesNotContain(wire.Attempts, a => a.Uri.AbsolutePath.StartsWith("/rest/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cloud_ScopedTokenWithCloudId_SkipsDiscovery()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud);
        var wire = new RecordingHandler();
        using var discovery = host.CreateClient();
        var cloudId = System.Text.Json.JsonDocument.Parse(await discovery.GetStringAsync(new Uri(host.BaseUrl, "/_edge/tenant_info"), Ct))
            .RootElement.GetProperty("cloudId").GetString();
        using var services = JiraTestServices.ForSandbox(host,
            new ScopedApiTokenCredentials(DemoCredentials.Alice.Email, DemoCredentials.Alice.ApiToken, cloudId),
            builder: b => b.HttpClient.AddHttpMessageHandler(() => wire));
        await services.GetRequiredService<JiraClient>().Users.GetMyselfAsync(Ct);
        Assert.DoesNotContain(wire.Attempts, a => a.Uri.AbsolutePath == "/_edge/tenant_info");
        Assert.Contains(wire.Attempts, a => a.Uri.AbsolutePath == $"/ex/jira/{cloudId}/rest/api/3/myself");
    }

    [Fact]
    public async Task Cloud_OAuth_ThroughTheGateway()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud);
        var tokens = new SandboxOAuthTokenSource(host);
        using var services = JiraTestServices.ForSandbox(host, new OAuthCredentials(tokens));
        var page = await services.GetRequiredService<JiraClient>().Projects.SearchProjectsPageAsync(cancellationToken: Ct);
        Assert.NotEmpty(page.Items);
        Assert.Equal(1, tokens.Refreshes);
    }

    [Fact]
    public async Task Cloud_OAuthTokenRefused_RefreshesOnceAndSendsAgain()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud);
        var tokens = new SandboxOAuthTokenSource(host) { FirstToken = "expired-access-token" };
        var wire = new RecordingHandler();
        // The cloud id given, so the refused token meets an API call rather than accessible-resources.
        var cloudId = host.Site.Read(s => s.Data.CloudId);
        using var services = JiraTestServices.ForSandbox(host, new OAuthCredentials(tokens, cloudId),
            builder: b => b.HttpClient.AddHttpMessageHandler(() => wire));
        var page = await services.GetRequiredService<JiraClient>().Projects.SearchProjectsPageAsync(cancellationToken: Ct);
        Assert.NotEmpty(page.Items);
        Assert.Equal(1, tokens.Refreshes);
        Assert.Equal(2, wire.Count("GET", "/project/search"));
    }
}
