using System.Collections.Concurrent;
using System.Text.Json;
using JiraGate.Gateway.Mcp;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Pipeline;
using JiraGate.Governance.Policies;
using JiraGate.Storage.Sqlite;
using JiraGate.Gateway.Tests.Infrastructure;
using ModelContextProtocol.Client;

namespace JiraGate.Gateway.Tests.Mcp;

/// <summary>A Kestrel host on 127.0.0.1:0 with /mcp mapped, real agent keys in SQLite, the seed policies, and a recording pipeline.</summary>
public sealed class McpHttpHost : LoopbackApp
{
    private McpHttpHost()
        : base("jiragate-gateway-mcp-tests")
    {
    }

    public Uri McpUri => new(BaseUrl, "mcp");

    public RecordingPipeline Pipeline { get; } = new();

    public AgentRegistry Agents => Services.GetRequiredService<AgentRegistry>();

    public IHttpClientFactory HttpClients => Services.GetRequiredService<IHttpClientFactory>();

    public static async Task<McpHttpHost> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var host = new McpHttpHost();
        var database = await SqliteDatabase.OpenAsync(new SqliteStorageOptions { DatabasePath = Path.Combine(host.Folder, "jiragate.db") }, null, Ct);
        var builder = CreateBuilder();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IAgentStore>(new SqliteAgentStore(database.OpenConnectionAsync));
        builder.Services.AddSingleton(sp => new AgentRegistry(sp.GetRequiredService<IAgentStore>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(SeedPolicies.Load());
        builder.Services.AddSingleton<IOperationPipeline>(host.Pipeline);
        builder.Services.AddHttpClient();
        configure?.Invoke(builder.Services);
        builder.Services.AddJiraGateMcpHttp();
        await host.StartAsync(builder, app => app.MapJiraGateMcp());
        return host;
    }

    /// <summary>Registers an agent bound to <paramref name="policies"/> and returns its key (shown once).</summary>
    public async Task<string> AddAgentAsync(string id, params string[] policies)
    {
        var registration = await Agents.RegisterAsync(
            new NewAgent { Id = id, OrgId = "org-acme", Owner = "owner-" + id, Policies = policies },
            TestContext.Current.CancellationToken);
        return registration.Key.Reveal();
    }

    public Task<McpClient> ConnectAsync(string? key)
    {
        var options = new HttpClientTransportOptions
        {
            Endpoint = McpUri,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = key is null ? null : new Dictionary<string, string> { ["Authorization"] = "Bearer " + key },
        };
        return McpClient.CreateAsync(new HttpClientTransport(options), cancellationToken: TestContext.Current.CancellationToken);
    }
}

/// <summary>Records every call; answers Ok echoing the operation and the agent.</summary>
public sealed class RecordingPipeline : IOperationPipeline
{
    public ConcurrentQueue<OperationCall> Calls { get; } = new();

    /// <summary>Operations this fake refuses as a policy would (the MCP server sends unlisted tools here to be refused and audited).</summary>
    public HashSet<string> Denied { get; } = new(StringComparer.Ordinal) { "issues:delete" };

    public Task<OperationResult> ExecuteAsync(OperationCall call, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue(call);
        if (Denied.Contains(call.Operation))
        {
            return Task.FromResult(new OperationResult
            {
                Operation = call.Operation,
                Status = OperationStatus.Denied,
                Error = new OperationError { Code = OperationErrorCodes.PolicyDenied, Message = "no policy grants it" },
            });
        }

        using var doc = JsonDocument.Parse($$"""{"operation":"{{call.Operation}}","agent":"{{call.Agent.AgentId}}"}""");
        return Task.FromResult(new OperationResult { Operation = call.Operation, Status = OperationStatus.Ok, Value = doc.RootElement.Clone() });
    }

    public Task<OperationResult> GetApprovalResultAsync(AgentIdentity agent, string approvalId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new OperationResult
        {
            Operation = "unknown",
            Status = OperationStatus.Failed,
            Error = new OperationError { Code = OperationErrorCodes.NotFound, Message = "not found" },
        });
}
