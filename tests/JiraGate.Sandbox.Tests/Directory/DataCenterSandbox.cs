using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Tests.Infrastructure;

namespace JiraGate.Sandbox.Tests.SiteDirectory;

/// <summary>One read-only Data Center sandbox shared by the Directory tests of a class.</summary>
public sealed class DataCenterSandbox : IAsyncLifetime
{
    private SandboxHost? _host;

    public SandboxHost Host => _host ?? throw new InvalidOperationException("The Data Center sandbox is not started.");

    public HttpClient Client(DemoCredentials.DemoUser user) => Host.CreateClient(user);

    public async ValueTask InitializeAsync() => _host = await SandboxFixture.StartAsync(SandboxFlavor.DataCenter);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
