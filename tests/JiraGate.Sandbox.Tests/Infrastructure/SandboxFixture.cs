using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Tests.Infrastructure;

/// <summary>
/// One in-process Cloud sandbox (demo site) shared by the test assembly. Tests that change the site
/// work on issues they create themselves, or start their own host with <see cref="StartAsync"/>.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private SandboxHost? _host;

    public SandboxHost Host => _host ?? throw new InvalidOperationException("The sandbox fixture is not started.");

    public async ValueTask InitializeAsync() => _host = await StartAsync();

    public HttpClient Client(DemoCredentials.DemoUser user) => Host.CreateClient(user);

    public HttpClient Anonymous() => Host.CreateClient();

    /// <summary>Starts a private sandbox (dispose it): for tests that need a clean or differently configured site.</summary>
    public static Task<SandboxHost> StartAsync(SandboxFlavor flavor = SandboxFlavor.Cloud, Action<SandboxOptions>? configure = null)
    {
        var options = new SandboxOptions { Flavor = flavor };
        configure?.Invoke(options);
        return SandboxHost.StartAsync(options, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
