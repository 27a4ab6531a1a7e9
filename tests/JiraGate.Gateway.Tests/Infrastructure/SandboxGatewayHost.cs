using System.Net.Http.Headers;
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
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace JiraGate.Gateway.Tests.Infrastructure;

/// <summary>
/// The whole gateway as the jiragate command will host it — SQLite, the real pipeline, the Jira executor — over HTTP on
/// 127.0.0.1:0, with the in-process sandbox as Jira. Every request the gateway sends to Jira is counted.
/// </summary>
public sealed class SandboxGatewayHost : IAsyncDisposable
{
    /// <summary>Bound to jira-soc-triage and jira-readonly: the seed scenario lists boards and sprints, which the
    /// triage policy alone does not grant.</summary>
    public const string SocAgent = "soc-triage";

    /// <summary>Bound to jira-soc-triage only.</summary>
    public const string TriageOnlyAgent = "triage-only";

    private readonly string _directory;
    private readonly WebApplication _app;
    private readonly Dictionary<string, string> _keys;
    private readonly RequestCounter _jiraRequests;

    private SandboxGatewayHost(string directory, SandboxHost sandbox, WebApplication app, Dictionary<string, string> keys, RequestCounter counter, Uri baseUrl)
    {
        _directory = directory;
        Sandbox = sandbox;
        _app = app;
        _keys = keys;
        _jiraRequests = counter;
        BaseUrl = baseUrl;
    }

    public SandboxHost Sandbox { get; }

    public Uri BaseUrl { get; }

    /// <summary>Requests the gateway has sent to Jira (the sandbox) so far.</summary>
    public int JiraRequests => _jiraRequests.Count;

    public static async Task<SandboxGatewayHost> StartAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Flavor = SandboxFlavor.Cloud }, ct);
        var directory = Path.Combine(Path.GetTempPath(), "jiragate-gateway-e2e", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(directory);
        var counter = new RequestCounter();

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
        services.AddJiraClient(o =>
        {
            o.BaseUrl = sandbox.BaseUrl;
            o.ApiGatewayBaseUrl = sandbox.BaseUrl;
            o.Credentials = new ApiTokenCredentials(DemoCredentials.Ada.Email, DemoCredentials.Ada.ApiToken);
            o.Retry.InitialDelay = TimeSpan.FromMilliseconds(1);
            o.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        }).HttpClient.AddHttpMessageHandler(() => new CountingHandler(counter));
        services.AddSingleton<IOperationExecutor>(sp => new JiraOperationExecutor(sp.GetRequiredService<JiraClient>()));
        services.AddHttpClient();
        services.AddJiraGateGateway();
        services.AddHealthChecks().AddJiraGateSqliteCheck().AddJiraGateAuditCheck();

        var app = builder.Build();
        app.MapJiraGateGateway();
        await app.StartAsync(ct);

        var registry = app.Services.GetRequiredService<AgentRegistry>();
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, policies) in new[] { (SocAgent, new[] { SeedPolicies.SocTriage, SeedPolicies.ReadOnly }), (TriageOnlyAgent, new[] { SeedPolicies.SocTriage }) })
        {
            var registration = await registry.RegisterAsync(new NewAgent { Id = id, OrgId = "org-acme", Owner = "owner-" + id, Policies = policies }, ct);
            keys[id] = registration.Key.Reveal();
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxGatewayHost(directory, sandbox, app, keys, counter, new Uri(address));
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
        await Sandbox.DisposeAsync();
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
