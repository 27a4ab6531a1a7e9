using System.Net.Http.Headers;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Pipeline;
using JiraGate.Governance.Policies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace JiraGate.Gateway.Tests.Infrastructure;

/// <summary>
/// The gateway as the jiragate command will host it — <c>AddJiraGateSqlite</c> + <c>AddJiraGate</c> (the real
/// pipeline, registries, approvals, audit) — over HTTP on 127.0.0.1:0, with a <see cref="CountingExecutor"/> where the
/// Jira executor goes (the sandbox-backed executor replaces it once it is on main).
/// </summary>
public sealed class PipelineGatewayHost : IAsyncDisposable
{
    /// <summary>Bound to jira-soc-triage.</summary>
    public const string SocAgent = "soc-triage";

    /// <summary>Bound to jira-full-management (issues:delete needs a human).</summary>
    public const string FullAgent = "full-manager";

    private readonly string _directory;
    private readonly WebApplication _app;
    private readonly Dictionary<string, string> _keys;

    private PipelineGatewayHost(string directory, WebApplication app, Dictionary<string, string> keys, Uri baseUrl)
    {
        _directory = directory;
        _app = app;
        _keys = keys;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public CountingExecutor Executor => (CountingExecutor)_app.Services.GetRequiredService<IOperationExecutor>();

    public static async Task<PipelineGatewayHost> StartAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var directory = Path.Combine(Path.GetTempPath(), "jiragate-gateway-pipeline", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(directory);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var services = builder.Services;
        services.AddJiraGateSqlite(Path.Combine(directory, "jiragate.db"), s => s.DurableCommits = false);
        services.AddJiraGate(o =>
        {
            o.VaultPath = Path.Combine(directory, "vault.json");
            o.VaultKeyPath = Path.Combine(directory, "master.key");
            o.SignAuditCheckpoints = false;
        });
        services.AddSingleton<IOperationExecutor, CountingExecutor>();
        services.AddHttpClient();
        services.AddJiraGateGateway();
        services.AddHealthChecks().AddJiraGateSqliteCheck().AddJiraGateAuditCheck();

        var app = builder.Build();
        app.MapJiraGateGateway();
        await app.StartAsync(ct);

        var registry = app.Services.GetRequiredService<AgentRegistry>();
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, policy) in new[] { (SocAgent, SeedPolicies.SocTriage), (FullAgent, SeedPolicies.FullManagement) })
        {
            var registration = await registry.RegisterAsync(new NewAgent { Id = id, OrgId = "org-acme", Owner = "owner-" + id, Policies = [policy] }, ct);
            keys[id] = registration.Key.Reveal();
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PipelineGatewayHost(directory, app, keys, new Uri(address));
    }

    public HttpClient Client(string? agentId = null)
    {
        var client = _app.Services.GetRequiredService<IHttpClientFactory>().CreateClient();
        client.BaseAddress = BaseUrl;
        if (agentId is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _keys[agentId]);
        }
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pool: the temp folder is cleaned by the system.
        }
    }
}
