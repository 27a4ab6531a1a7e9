using System.Collections.Concurrent;
using System.Text.Json;
using JiraGate.Gateway.Mcp;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Pipeline;
using JiraGate.Gateway.Tests.Infrastructure;
using ModelContextProtocol.Client;

namespace JiraGate.Gateway.Tests.Mcp;

/// <summary>
/// /mcp on Kestrel 127.0.0.1:0 in front of the real governance core: AddJiraGate (seed policies, approvals, signed audit)
/// on AddJiraGateSqlite in a temp folder, with the given executor as the way to Jira.
/// </summary>
public sealed class GovernedMcpHost : LoopbackApp
{
    private GovernedMcpHost()
        : base("jiragate-gateway-mcp-governed")
    {
    }

    public Uri McpUri => new(BaseUrl, "mcp");

    /// <summary>Starts the host; without <paramref name="executor"/>, <paramref name="configure"/> must register one.</summary>
    public static async Task<GovernedMcpHost> StartAsync(IOperationExecutor? executor, Action<IServiceCollection>? configure = null)
    {
        var host = new GovernedMcpHost();
        var builder = CreateBuilder();
        if (executor is not null)
        {
            builder.Services.AddSingleton(executor);
        }
        host.AddGovernance(builder.Services);
        configure?.Invoke(builder.Services);
        builder.Services.AddJiraGateMcpHttp();
        await host.StartAsync(builder, app => app.MapJiraGateMcp());
        return host;
    }

    public async Task<string> AddAgentAsync(string id, params string[] policies)
    {
        var registration = await Services.GetRequiredService<AgentRegistry>().RegisterAsync(
            new NewAgent { Id = id, OrgId = "org-acme", Owner = "olivia", Policies = policies }, TestContext.Current.CancellationToken);
        return registration.Key.Reveal();
    }

    public async Task<ApproverIdentity> AddApproverAsync(string id)
    {
        var registration = await Services.GetRequiredService<ApproverRegistry>().RegisterAsync(
            new NewApprover { Id = id, OrgId = "org-acme" }, TestContext.Current.CancellationToken);
        return registration.Approver.Identity;
    }

    public Task<McpClient> ConnectAsync(string key) => McpClient.CreateAsync(
        new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = McpUri,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + key },
        }),
        cancellationToken: TestContext.Current.CancellationToken);
}

/// <summary>Counts executions and answers <c>{"operation": …, "n": …}</c>.</summary>
public sealed class CountingExecutor : IOperationExecutor
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public ConcurrentQueue<(string Operation, string Arguments)> Received { get; } = new();

    public Task<OperationOutput> ExecuteAsync(OperationDescriptor operation, JsonElement arguments, ExecutionScope scope, CancellationToken cancellationToken = default)
    {
        var n = Interlocked.Increment(ref _calls);
        Received.Enqueue((operation.Name, arguments.GetRawText()));
        using var doc = JsonDocument.Parse($$"""{"operation":"{{operation.Name}}","n":{{n}}}""");
        return Task.FromResult(new OperationOutput { Value = doc.RootElement.Clone(), JiraRequestId = "req-" + n });
    }
}
