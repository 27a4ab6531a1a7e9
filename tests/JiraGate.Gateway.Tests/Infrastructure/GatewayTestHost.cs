using JiraGate.Gateway.AgentApi;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Audit;
using JiraGate.Governance.Pipeline;
using JiraGate.Governance.Policies;
using JiraGate.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;

namespace JiraGate.Gateway.Tests.Infrastructure;

/// <summary>
/// The gateway's HTTP pieces on Kestrel at 127.0.0.1:0 (real HTTP, no test server package), over a fresh SQLite file
/// with the agents the tests use, the seed's policies, and <see cref="FakePipeline"/> (or a pipeline the test gives).
/// </summary>
public sealed class GatewayTestHost : LoopbackApp
{
    public const string SocAgent = "soc-triage";
    public const string FullAgent = "full-manager";
    public const string RevokedAgent = "revoked-bot";
    public const string DisabledAgent = "disabled-bot";

    private Dictionary<string, string> _keys = [];

    private GatewayTestHost()
        : base("jiragate-gateway-tests")
    {
    }

    public FakePipeline? Fake => Services.GetService<IOperationPipeline>() as FakePipeline;

    /// <summary>The key of a registered agent (revoked and disabled ones included).</summary>
    public string KeyOf(string agentId) => _keys[agentId];

    public static async Task<GatewayTestHost> StartAsync(
        Action<AgentApiOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        Action<IHealthChecksBuilder>? readiness = null)
    {
        var host = new GatewayTestHost();
        var database = await SqliteDatabase.OpenAsync(new SqliteStorageOptions { DatabasePath = Path.Combine(host.Folder, "jiragate.db"), DurableCommits = false }, null, Ct);
        var registry = new AgentRegistry(new SqliteAgentStore(database.OpenConnectionAsync));
        host._keys = await RegisterAgentsAsync(registry, "org-test",
            (SocAgent, [SeedPolicies.SocTriage]), (FullAgent, [SeedPolicies.FullManagement]), (RevokedAgent, [SeedPolicies.ReadOnly]), (DisabledAgent, [SeedPolicies.ReadOnly]));
        await registry.RevokeKeysAsync(RevokedAgent, Ct);
        await registry.UpdateAsync(DisabledAgent, new AgentChanges { Enabled = false }, Ct);

        var builder = CreateBuilder();
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton<IAuditStore>(new SqliteAuditStore(database));
        builder.Services.AddSingleton(registry);
        builder.Services.AddSingleton(SeedPolicies.Load());
        builder.Services.AddSingleton<IOperationPipeline, FakePipeline>();
        builder.Services.AddHttpClient();
        builder.Services.AddJiraGateGateway(configure);
        var health = builder.Services.AddHealthChecks();
        if (readiness is null)
        {
            health.AddJiraGateSqliteCheck().AddJiraGateAuditCheck();
        }
        else
        {
            readiness(health);
        }
        services?.Invoke(builder.Services);
        await host.StartAsync(builder, app => app.MapJiraGateGateway());
        return host;
    }

    /// <summary>A client for the gateway, with <paramref name="agentId"/>'s key as bearer token when given.</summary>
    public HttpClient Client(string? agentId = null) => CreateClient(agentId is null ? null : KeyOf(agentId));
}
