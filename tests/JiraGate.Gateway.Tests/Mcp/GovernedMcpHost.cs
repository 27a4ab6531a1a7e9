using System.Collections.Concurrent;
using System.Text.Json;
using JiraGate.Gateway.Mcp;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;

namespace JiraGate.Gateway.Tests.Mcp;

/// <summary>
/// /mcp on Kestrel 127.0.0.1:0 in front of the real governance core: AddJiraGate (seed policies, approvals, signed audit)
/// on AddJiraGateSqlite in a temp folder, with the given executor as the way to Jira.
/// </summary>
public sealed class GovernedMcpHost : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "jiragate-gateway-mcp-governed", Guid.NewGuid().ToString("n"));
    private WebApplication _app = null!;

    public Uri McpUri { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the host; without <paramref name="executor"/>, <paramref name="configure"/> must register one.</summary>
    public static async Task<GovernedMcpHost> StartAsync(IOperationExecutor? executor, Action<IServiceCollection>? configure = null)
    {
        var host = new GovernedMcpHost();
        Directory.CreateDirectory(host._directory);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (executor is not null)
        {
            builder.Services.AddSingleton(executor);
        }

        builder.Services.AddJiraGateSqlite(Path.Combine(host._directory, "jiragate.db"), o => o.DurableCommits = false);
        builder.Services.AddJiraGate(o =>
        {
            o.VaultPath = Path.Combine(host._directory, "vault.json");
            o.VaultKeyPath = Path.Combine(host._directory, "master.key");
        });
        configure?.Invoke(builder.Services);
        builder.Services.AddJiraGateMcpHttp();
        host._app = builder.Build();
        host._app.MapJiraGateMcp();
        await host._app.StartAsync(TestContext.Current.CancellationToken);
        var address = host._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.McpUri = new Uri(address.TrimEnd('/') + "/mcp");
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
        }
    }
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
