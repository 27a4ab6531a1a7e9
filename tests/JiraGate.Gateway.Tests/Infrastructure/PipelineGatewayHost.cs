using JiraGate.Governance.Agents;
using JiraGate.Governance.Pipeline;
using JiraGate.Governance.Policies;
using Microsoft.AspNetCore.Builder;

namespace JiraGate.Gateway.Tests.Infrastructure;

/// <summary>
/// The gateway as the jiragate command will host it — <c>AddJiraGateSqlite</c> + <c>AddJiraGate</c> (the real
/// pipeline, registries, approvals, audit) — over HTTP on 127.0.0.1:0, with a <see cref="CountingExecutor"/> where the
/// Jira executor goes.
/// </summary>
public sealed class PipelineGatewayHost : LoopbackApp
{
    /// <summary>Bound to jira-soc-triage.</summary>
    public const string SocAgent = "soc-triage";

    /// <summary>Bound to jira-full-management (issues:delete needs a human).</summary>
    public const string FullAgent = "full-manager";

    private Dictionary<string, string> _keys = [];

    private PipelineGatewayHost()
        : base("jiragate-gateway-pipeline")
    {
    }

    public CountingExecutor Executor => (CountingExecutor)Services.GetRequiredService<IOperationExecutor>();

    public static async Task<PipelineGatewayHost> StartAsync()
    {
        var host = new PipelineGatewayHost();
        var builder = CreateBuilder();
        var services = builder.Services;
        host.AddGovernance(services, signAuditCheckpoints: false);
        services.AddSingleton<IOperationExecutor, CountingExecutor>();
        services.AddHttpClient();
        services.AddJiraGateGateway();
        services.AddHealthChecks().AddJiraGateSqliteCheck().AddJiraGateAuditCheck();
        await host.StartAsync(builder, app => app.MapJiraGateGateway());
        host._keys = await RegisterAgentsAsync(host.Services.GetRequiredService<AgentRegistry>(), "org-acme",
            (SocAgent, [SeedPolicies.SocTriage]), (FullAgent, [SeedPolicies.FullManagement]));
        return host;
    }

    public HttpClient Client(string? agentId = null) => CreateClient(agentId is null ? null : _keys[agentId]);
}
