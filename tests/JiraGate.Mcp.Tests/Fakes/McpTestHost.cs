using System.IO.Pipelines;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Pipeline;
using JiraGate.Mcp.Hosting;
using Microsoft.Extensions.Time.Testing;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace JiraGate.Mcp.Tests.Fakes;

/// <summary>JiraGate's MCP server for one agent on in-memory pipes, and the SDK's own client connected to it.</summary>
public sealed class McpTestHost : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ServiceProvider _services;
    private readonly Pipe _toServer = new();
    private readonly Pipe _toClient = new();
    private Task _server = Task.CompletedTask;

    private McpTestHost(ServiceProvider services, FakeTimeProvider time)
    {
        _services = services;
        Time = time;
    }

    public McpClient Client { get; private set; } = null!;

    public FakePipeline Pipeline { get; private set; } = null!;

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _services;

    public static AgentIdentity Agent(string policy) => new() { AgentId = policy, OrgId = "org-acme" };

    /// <summary>Starts a server acting as the agent bound to <paramref name="policy"/> and connects a client.</summary>
    public static Task<McpTestHost> StartAsync(string policy, FakePipeline? pipeline = null, Action<JiraGateMcpOptions>? configure = null) =>
        StartAsync(Agent(policy), pipeline, configure);

    public static async Task<McpTestHost> StartAsync(AgentIdentity agent, FakePipeline? pipeline = null, Action<JiraGateMcpOptions>? configure = null)
    {
        pipeline ??= new FakePipeline();
        var collection = new ServiceCollection();
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 11, 25, 12, 0, 0, TimeSpan.Zero));
        collection.AddSingleton<TimeProvider>(time);
        collection.AddSingleton<IOperationPipeline>(pipeline);
        collection.AddSingleton<IAgentPolicySource, SeedPolicySource>();
        collection.AddJiraGateMcp(configure);
        var host = new McpTestHost(collection.BuildServiceProvider(), time) { Pipeline = pipeline };
        host._server = JiraGateMcpStdio.RunAsync(host._services, agent, host._toServer.Reader.AsStream(), host._toClient.Writer.AsStream(), host._stop.Token);
        var transport = new StreamClientTransport(host._toServer.Writer.AsStream(), host._toClient.Reader.AsStream());
        host.Client = await McpClient.CreateAsync(transport, cancellationToken: TestContext.Current.CancellationToken);
        return host;
    }

    public async Task<CallToolResult> CallAsync(string tool, object? arguments = null)
    {
        var args = arguments switch
        {
            null => new Dictionary<string, object?>(),
            IReadOnlyDictionary<string, object?> d => d,
            _ => throw new ArgumentException("Pass a dictionary.", nameof(arguments)),
        };
        return await Client.CallToolAsync(tool, args, cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await _stop.CancelAsync();
        try
        {
            await _server;
        }
        catch (OperationCanceledException)
        {
        }

        await _services.DisposeAsync();
        _stop.Dispose();
    }
}
