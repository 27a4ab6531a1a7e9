using JiraGate.Jira.Authentication;
using JiraGate.Jira.Tests.Infrastructure;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;

namespace JiraGate.Jira.Tests.Children;

/// <summary>
/// A fresh sandbox per test (these tests write), with clients for Alice and Bob — both in the SEC team, both
/// allowed to edit and delete only their own comments, worklogs and attachments.
/// </summary>
internal sealed class ChildrenSandbox : IAsyncDisposable
{
    public const string Issue = "SEC-456";

    private readonly List<ServiceProvider> _services = [];

    private ChildrenSandbox(SandboxHost host, SandboxFlavor flavor)
    {
        Host = host;
        Flavor = flavor;
    }

    public SandboxHost Host { get; }

    public SandboxFlavor Flavor { get; }

    public bool IsCloud => Flavor == SandboxFlavor.Cloud;

    public RecordingHandler Wire { get; } = new();

    public JiraClient Alice { get; private set; } = null!;

    public JiraClient Bob { get; private set; } = null!;

    public static async Task<ChildrenSandbox> StartAsync(SandboxFlavor flavor, Action<JiraClientBuilder>? aliceBuilder = null)
    {
        var sandbox = new ChildrenSandbox(await JiraTestServices.StartAsync(flavor), flavor);
        sandbox.Alice = sandbox.Client(JiraTestServices.Alice(flavor), b =>
        {
            b.HttpClient.AddHttpMessageHandler(() => sandbox.Wire);
            aliceBuilder?.Invoke(b);
        });
        sandbox.Bob = sandbox.Client(flavor == SandboxFlavor.Cloud
            ? new ApiTokenCredentials(DemoCredentials.Bob.Email, DemoCredentials.Bob.ApiToken)
            : new PersonalAccessTokenCredentials(DemoCredentials.Bob.PersonalAccessToken));
        return sandbox;
    }

    public JiraClient Client(JiraCredentials credentials, Action<JiraClientBuilder>? builder = null)
    {
        var services = JiraTestServices.ForSandbox(Host, credentials, builder: builder);
        _services.Add(services);
        return services.GetRequiredService<JiraClient>();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var services in _services)
        {
            await services.DisposeAsync();
        }
        await Host.DisposeAsync();
    }
}
