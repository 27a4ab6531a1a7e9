using JiraGate.Jira.Authentication;
using JiraGate.Jira.Tests.Infrastructure;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Model;
using Microsoft.Extensions.Options;

namespace JiraGate.Jira.Tests.DependencyInjection;

/// <summary>
/// Several sites in one container: AddJiraClient(name, …) clients, each with its own options, credentials,
/// HttpClient and pipeline, resolved as keyed services or through IJiraClientFactory, beside the unnamed one.
/// </summary>
public sealed class NamedJiraClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void Fast(JiraClientOptions o)
    {
        o.Retry.InitialDelay = TimeSpan.FromMilliseconds(1);
        o.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
    }

    [Fact]
    public async Task TwoNamedClients_TwoSandboxes_EachReachesItsOwnSiteWithItsOwnCredentials()
    {
        await using var cloud = await JiraTestServices.StartAsync(SandboxFlavor.Cloud);
        await using var dc = await JiraTestServices.StartAsync(SandboxFlavor.DataCenter);
        var cloudWire = new RecordingHandler();
        var dcWire = new RecordingHandler();
        var services = new ServiceCollection().AddLogging();
        services.AddJiraClient("cloud", o =>
        {
            o.BaseUrl = cloud.BaseUrl;
            o.Credentials = new ApiTokenCredentials(DemoCredentials.Alice.Email, DemoCredentials.Alice.ApiToken);
            Fast(o);
        }).HttpClient.AddHttpMessageHandler(() => cloudWire);
        services.AddJiraClient("dc", o =>
        {
            o.BaseUrl = dc.BaseUrl;
            o.Credentials = new PersonalAccessTokenCredentials(DemoCredentials.Bob.PersonalAccessToken);
            Fast(o);
        }).HttpClient.AddHttpMessageHandler(() => dcWire);
        await using var provider = services.BuildServiceProvider();

        var factory = provider.GetRequiredService<IJiraClientFactory>();
        var cloudJira = factory.Get("cloud");
        var dcJira = provider.GetRequiredKeyedService<JiraClient>("dc");

        Assert.Equal(DemoCredentials.Alice.Email, (await cloudJira.Users.GetMyselfAsync(Ct)).EmailAddress);
        Assert.Equal("bob", (await dcJira.Users.GetMyselfAsync(Ct)).Name);
        Assert.Equal(JiraDeployment.Cloud, await cloudJira.GetDeploymentAsync(Ct));
        Assert.Equal(JiraDeployment.DataCenter, await dcJira.GetDeploymentAsync(Ct));
        Assert.All(cloudWire.Attempts, a => Assert.Equal(cloud.BaseUrl.Port, a.Uri.Port));
        Assert.All(dcWire.Attempts, a => Assert.Equal(dc.BaseUrl.Port, a.Uri.Port));
        Assert.Contains(cloudWire.Attempts, a => a.Authorization?.StartsWith("Basic ", StringComparison.Ordinal) == true);
        Assert.Contains(dcWire.Attempts, a => a.Authorization?.StartsWith("Bearer ", StringComparison.Ordinal) == true);
        Assert.Same(cloudJira, provider.GetRequiredKeyedService<JiraClient>("cloud"));
        Assert.Same(dcJira, factory.Get("dc"));
        Assert.NotSame(cloudJira.Webhooks, dcJira.Webhooks);
        Assert.Equal(["cloud", "dc"], factory.Names);
    }

    [Fact]
    public async Task NamedAndUnnamed_SideBySide_EachKeepsItsOwnOptions()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud);
        var services = new ServiceCollection().AddLogging();
        var unnamed = services.AddJiraClient(o =>
        {
            o.BaseUrl = host.BaseUrl;
            o.Credentials = new ApiTokenCredentials(DemoCredentials.Alice.Email, DemoCredentials.Alice.ApiToken);
        });
        var named = services.AddJiraClient("admin", o =>
        {
            o.BaseUrl = host.BaseUrl;
            o.Credentials = new ApiTokenCredentials(DemoCredentials.Ada.Email, DemoCredentials.Ada.ApiToken);
        });
        await using var provider = services.BuildServiceProvider();

        Assert.Equal("JiraGate.Jira", unnamed.HttpClient.Name);
        Assert.Equal("", unnamed.Name);
        Assert.Equal("JiraGate.Jira:admin", named.HttpClient.Name);
        Assert.Equal("admin", named.Name);
        var alice = provider.GetRequiredService<JiraClient>();
        var ada = provider.GetRequiredKeyedService<JiraClient>("admin");
        Assert.NotSame(alice, ada);
        Assert.Same(alice, provider.GetRequiredService<IJiraClientFactory>().Get(""));
        Assert.Equal(DemoCredentials.Alice.Email, (await alice.Users.GetMyselfAsync(Ct)).EmailAddress);
        Assert.Equal(DemoCredentials.Ada.Email, (await ada.Users.GetMyselfAsync(Ct)).EmailAddress);
        // Ada may list admin webhooks; Alice may not: the credentials really are per client.
        Assert.Empty(await ada.Webhooks.ListAdminWebhooksAsync(Ct));
        await Assert.ThrowsAsync<JiraForbiddenException>(() => alice.Webhooks.ListAdminWebhooksAsync(Ct));
    }

    [Fact]
    public async Task FromKeyedServices_InjectsTheNamedClient()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddJiraClient("acme", o =>
        {
            o.BaseUrl = new Uri("https://acme.atlassian.net");
            o.Credentials = new ApiTokenCredentials("bot@acme.com", "tok");
        });
        services.AddJiraClient("globex", o =>
        {
            o.BaseUrl = new Uri("https://globex.atlassian.net");
            o.Credentials = new ApiTokenCredentials("bot@globex.com", "tok");
        });
        services.AddSingleton<TwoSites>();
        await using var provider = services.BuildServiceProvider();

        var sites = provider.GetRequiredService<TwoSites>();

        Assert.Contains("acme.atlassian.net", sites.Acme.ToString(), StringComparison.Ordinal);
        Assert.Contains("globex.atlassian.net", sites.Globex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AddJiraClient_SameNameTwice_OneClientLastConfigurationWins()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddJiraClient("x", o =>
        {
            o.BaseUrl = new Uri("https://first.atlassian.net");
            o.Credentials = new ApiTokenCredentials("bot@acme.com", "tok");
        });
        services.AddJiraClient("x", o => o.BaseUrl = new Uri("https://second.atlassian.net"));
        using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(JiraClient) && Equals(d.ServiceKey, "x"));
        Assert.Contains("second.atlassian.net", provider.GetRequiredKeyedService<JiraClient>("x").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Factory_UnknownName_ErrorListsTheRegisteredNames()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddJiraClient("prod", o => { });
        services.AddJiraClient("staging", o => { });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IJiraClientFactory>().Get("prd"));

        Assert.Contains("'prd'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'prod'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'staging'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NamedClient_InvalidOptions_ValidationErrorNamesTheClient()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddJiraClient("good", o =>
        {
            o.BaseUrl = new Uri("https://acme.atlassian.net");
            o.Credentials = new ApiTokenCredentials("bot@acme.com", "tok");
        });
        services.AddJiraClient("broken", o => o.BaseUrl = new Uri("http://jira.example.com"));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IJiraClientFactory>().Get("broken"));

        Assert.Equal("broken", ex.OptionsName);
        Assert.All(ex.Failures, f => Assert.StartsWith("Jira client 'broken': ", f, StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("Credentials is required", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("https://", StringComparison.Ordinal));
        Assert.NotNull(provider.GetRequiredService<IJiraClientFactory>().Get("good"));
    }

    [Fact]
    public void AddJiraClient_BlankName_Refused()
    {
        var services = new ServiceCollection();
        Assert.Throws<ArgumentException>(() => services.AddJiraClient(" ", o => { }));
    }

    private sealed class TwoSites([FromKeyedServices("acme")] JiraClient acme, [FromKeyedServices("globex")] JiraClient globex)
    {
        public JiraClient Acme { get; } = acme;

        public JiraClient Globex { get; } = globex;
    }
}
