using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;

namespace JiraGate.Jira.Tests.Infrastructure;

/// <summary>One sandbox per test class, for tests that only read.</summary>
public abstract class SandboxFixture(SandboxFlavor flavor) : IAsyncLifetime
{
    public SandboxFlavor Flavor { get; } = flavor;

    public SandboxHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Host = await SandboxHost.StartAsync(new SandboxOptions { Flavor = Flavor });

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class CloudSandboxFixture() : SandboxFixture(SandboxFlavor.Cloud);

public sealed class DataCenterSandboxFixture() : SandboxFixture(SandboxFlavor.DataCenter);
