using System.Net.Http.Headers;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Execution;
using JiraGate.Governance.Pipeline;
using JiraGate.Governance.Policies;
using JiraGate.Jira;
using JiraGate.Jira.Authentication;
using JiraGate.Sandbox.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JiraGate.Gateway.Bench;

/// <summary>
/// The whole gateway as the jiragate command will host it (the wiring of the Gateway tests' SandboxGatewayHost):
/// SQLite on a fresh file, AddJiraGate (seed policies, vault, signed audit checkpoints), the Jira client against the
/// sandbox, the Jira executor, the agent API on Kestrel 127.0.0.1:0 — with durable commits or not.
/// Agents <c>bench-agent-00</c>… are bound to jira-soc-triage and jira-readonly, each with its own key.
/// </summary>
internal sealed class GatewayStack : IAsyncDisposable
{
    public const string Org = "org-acme";

    private readonly string _directory;
    private readonly WebApplication _app;

    private GatewayStack(string directory, WebApplication app, bool durable, Uri baseUrl, IReadOnlyList<(AgentIdentity Identity, string Key)> agents)
    {
        _directory = directory;
        _app = app;
        Durable = durable;
        BaseUrl = baseUrl;
        Agents = agents;
    }

    public bool Durable { get; }

    public Uri BaseUrl { get; }

    public IReadOnlyList<(AgentIdentity Identity, string Key)> Agents { get; }

    public IOperationPipeline Pipeline => _app.Services.GetRequiredService<IOperationPipeline>();

    public JiraClient Jira => _app.Services.GetRequiredService<JiraClient>();

    public IServiceProvider Services => _app.Services;

    public static async Task<GatewayStack> StartAsync(Uri jiraBaseUrl, bool durable, int agents, int? maxJiraConcurrency, CancellationToken ct)
    {
        var directory = Path.Combine(Path.GetTempPath(), "jiragate-gateway-bench", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(directory);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // No log output: a console logger writing a line per call would measure the console.
        builder.Logging.ClearProviders();
        var services = builder.Services;
        services.AddJiraGateSqlite(Path.Combine(directory, "jiragate.db"), s => s.DurableCommits = durable);
        services.AddJiraGate(o =>
        {
            o.VaultPath = Path.Combine(directory, "vault.json");
            o.VaultKeyPath = Path.Combine(directory, "master.key");
        });
        services.AddJiraClient(o =>
        {
            o.BaseUrl = jiraBaseUrl;
            o.ApiGatewayBaseUrl = jiraBaseUrl;
            o.Deployment = JiraDeployment.Cloud;
            o.Credentials = new ApiTokenCredentials(DemoCredentials.Ada.Email, DemoCredentials.Ada.ApiToken);
            // One gate per site for the whole process (default 8 in flight): every stack here shares it.
            o.MaxConcurrentRequestsPerSite = maxJiraConcurrency ?? o.MaxConcurrentRequestsPerSite;
        });
        services.AddSingleton<IOperationExecutor>(sp => new JiraOperationExecutor(sp.GetRequiredService<JiraClient>()));
        services.AddHttpClient();
        // The per-agent limit (600 a minute) would answer 429s long before a round ends: off for the benchmark.
        services.AddJiraGateGateway(o => o.RateLimitPermits = 0);
        services.AddHealthChecks().AddJiraGateSqliteCheck().AddJiraGateAuditCheck();

        var app = builder.Build();
        app.MapJiraGateGateway();
        await app.StartAsync(ct);

        var registry = app.Services.GetRequiredService<AgentRegistry>();
        var registered = new List<(AgentIdentity, string)>();
        for (var i = 0; i < agents; i++)
        {
            var id = $"bench-agent-{i:D2}";
            var registration = await registry.RegisterAsync(new NewAgent
            {
                Id = id,
                OrgId = Org,
                Owner = "olivia",
                Policies = [SeedPolicies.SocTriage, SeedPolicies.ReadOnly],
            }, ct);
            registered.Add((new AgentIdentity { AgentId = id, OrgId = Org }, registration.Key.Reveal()));
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GatewayStack(directory, app, durable, new Uri(address), registered);
    }

    public static AuthenticationHeaderValue Bearer(string key) => new("Bearer", key);

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
            // A file still held: the temp folder is cleaned by the system.
        }
    }
}
