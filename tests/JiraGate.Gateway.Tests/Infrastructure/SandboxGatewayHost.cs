using JiraGate.Governance.Agents;
using JiraGate.Governance.Execution;
using JiraGate.Governance.Pipeline;
using JiraGate.Governance.Policies;
using JiraGate.Jira;
using JiraGate.Jira.Authentication;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;
using Microsoft.AspNetCore.Builder;

namespace JiraGate.Gateway.Tests.Infrastructure;

/// <summary>
/// The whole gateway as the jiragate command will host it — SQLite, the real pipeline, the Jira executor — over HTTP on
/// 127.0.0.1:0, with the in-process sandbox as Jira. Every request the gateway sends to Jira is counted.
/// </summary>
public sealed class SandboxGatewayHost : LoopbackApp
{
    /// <summary>Bound to jira-soc-triage and jira-readonly: the seed scenario lists boards and sprints, which the
    /// triage policy alone does not grant.</summary>
    public const string SocAgent = "soc-triage";

    /// <summary>Bound to jira-soc-triage only.</summary>
    public const string TriageOnlyAgent = "triage-only";

    private readonly RequestCounter _jiraRequests = new();
    private Dictionary<string, string> _keys = [];

    private SandboxGatewayHost(SandboxHost sandbox)
        : base("jiragate-gateway-e2e")
    {
        Sandbox = sandbox;
    }

    public SandboxHost Sandbox { get; }

    /// <summary>Requests the gateway has sent to Jira (the sandbox) so far.</summary>
    public int JiraRequests => _jiraRequests.Count;

    public static async Task<SandboxGatewayHost> StartAsync()
    {
        var host = new SandboxGatewayHost(await SandboxHost.StartAsync(new SandboxOptions { Flavor = SandboxFlavor.Cloud }, Ct));
        var builder = CreateBuilder();
        var services = builder.Services;
        host.AddGovernance(services, signAuditCheckpoints: false);
        services.AddJiraClient(o =>
        {
            o.BaseUrl = host.Sandbox.BaseUrl;
            o.ApiGatewayBaseUrl = host.Sandbox.BaseUrl;
            o.Credentials = new ApiTokenCredentials(DemoCredentials.Ada.Email, DemoCredentials.Ada.ApiToken);
            o.Retry.InitialDelay = TimeSpan.FromMilliseconds(1);
            o.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        }).HttpClient.AddHttpMessageHandler(() => new CountingHandler(host._jiraRequests));
        services.AddSingleton<IOperationExecutor>(sp => new JiraOperationExecutor(sp.GetRequiredService<JiraClient>()));
        services.AddHttpClient();
        services.AddJiraGateGateway();
        services.AddHealthChecks().AddJiraGateSqliteCheck().AddJiraGateAuditCheck();
        await host.StartAsync(builder, app => app.MapJiraGateGateway());
        host._keys = await RegisterAgentsAsync(host.Services.GetRequiredService<AgentRegistry>(), "org-acme",
            (SocAgent, [SeedPolicies.SocTriage, SeedPolicies.ReadOnly]), (TriageOnlyAgent, [SeedPolicies.SocTriage]));
        return host;
    }

    public HttpClient Client(string? agentId = null) => CreateClient(agentId is null ? null : _keys[agentId]);

    protected override ValueTask DisposeMoreAsync() => Sandbox.DisposeAsync();

    private sealed class RequestCounter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);
    }

    private sealed class CountingHandler(RequestCounter counter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            counter.Add();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
