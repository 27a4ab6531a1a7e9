using System.Net.Http.Headers;
using JiraGate.Gateway.AgentApi;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Audit;
using JiraGate.Governance.Pipeline;
using JiraGate.Governance.Policies;
using JiraGate.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace JiraGate.Gateway.Tests.Infrastructure;

/// <summary>
/// The gateway's HTTP pieces on Kestrel at 127.0.0.1:0 (real HTTP, no test server package), over a fresh SQLite file
/// with the agents the tests use, the seed's policies, and <see cref="FakePipeline"/> (or a pipeline the test gives).
/// </summary>
public sealed class GatewayTestHost : IAsyncDisposable
{
    public const string SocAgent = "soc-triage";
    public const string FullAgent = "full-manager";
    public const string RevokedAgent = "revoked-bot";
    public const string DisabledAgent = "disabled-bot";

    private readonly string _directory;
    private readonly WebApplication _app;
    private readonly Dictionary<string, string> _keys;

    private GatewayTestHost(string directory, WebApplication app, Dictionary<string, string> keys, Uri baseUrl)
    {
        _directory = directory;
        _app = app;
        _keys = keys;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    public FakePipeline? Fake => _app.Services.GetService<IOperationPipeline>() as FakePipeline;

    /// <summary>The key of a registered agent (revoked and disabled ones included).</summary>
    public string KeyOf(string agentId) => _keys[agentId];

    public static async Task<GatewayTestHost> StartAsync(
        Action<AgentApiOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        Action<IHealthChecksBuilder>? readiness = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var directory = Path.Combine(Path.GetTempPath(), "jiragate-gateway-tests", Guid.NewGuid().ToString("n"));
        var database = await SqliteDatabase.OpenAsync(new SqliteStorageOptions { DatabasePath = Path.Combine(directory, "jiragate.db"), DurableCommits = false }, null, ct);
        var registry = new AgentRegistry(new SqliteAgentStore(database.OpenConnectionAsync));
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, policy) in new[] { (SocAgent, SeedPolicies.SocTriage), (FullAgent, SeedPolicies.FullManagement), (RevokedAgent, SeedPolicies.ReadOnly), (DisabledAgent, SeedPolicies.ReadOnly) })
        {
            var registration = await registry.RegisterAsync(new NewAgent { Id = id, OrgId = "org-test", Owner = "owner-" + id, Policies = [policy] }, ct);
            keys[id] = registration.Key.Reveal();
        }
        await registry.RevokeKeysAsync(RevokedAgent, ct);
        await registry.UpdateAsync(DisabledAgent, new AgentChanges { Enabled = false }, ct);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
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

        var app = builder.Build();
        app.MapJiraGateGateway();
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GatewayTestHost(directory, app, keys, new Uri(address));
    }

    /// <summary>A client for the gateway, with <paramref name="agentId"/>'s key as bearer token when given.</summary>
    public HttpClient Client(string? agentId = null)
    {
        var client = _app.Services.GetRequiredService<IHttpClientFactory>().CreateClient();
        client.BaseAddress = BaseUrl;
        if (agentId is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", KeyOf(agentId));
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
