using System.Net.Http.Headers;
using JiraGate.Governance.Agents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace JiraGate.Gateway.Tests.Infrastructure;

/// <summary>
/// What every test host here shares: its own temp folder, a slim ASP.NET Core app on Kestrel at 127.0.0.1:0 (real
/// HTTP, no test server package) with logging off, the address it got, and a stop that deletes the folder.
/// </summary>
public abstract class LoopbackApp : IAsyncDisposable
{
    private WebApplication? _app;

    /// <param name="folderName">Names the folder under the temp path, so a leftover says which tests made it.</param>
    protected LoopbackApp(string folderName)
    {
        Folder = Path.Combine(Path.GetTempPath(), folderName, Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(Folder);
    }

    /// <summary>The host's own folder: the database, vault and key files live here.</summary>
    public string Folder { get; }

    /// <summary>Where the app listens (the real port), ending with a slash.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public IServiceProvider Services => App.Services;

    protected WebApplication App => _app ?? throw new InvalidOperationException("The host has not been started.");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected static WebApplicationBuilder CreateBuilder()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        return builder;
    }

    /// <summary>
    /// The real governance core as the jiragate command hosts it — <c>AddJiraGateSqlite</c> (commits not forced to disk:
    /// these are tests) and <c>AddJiraGate</c> with the vault and its key in <see cref="Folder"/>.
    /// </summary>
    protected void AddGovernance(IServiceCollection services, bool signAuditCheckpoints = true)
    {
        services.AddJiraGateSqlite(Path.Combine(Folder, "jiragate.db"), o => o.DurableCommits = false);
        services.AddJiraGate(o =>
        {
            o.VaultPath = Path.Combine(Folder, "vault.json");
            o.VaultKeyPath = Path.Combine(Folder, "master.key");
            o.SignAuditCheckpoints = signAuditCheckpoints;
        });
    }

    /// <summary>Builds the app, maps its endpoints and starts listening.</summary>
    protected async Task StartAsync(WebApplicationBuilder builder, Action<WebApplication> map)
    {
        _app = builder.Build();
        map(_app);
        await _app.StartAsync(Ct);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>Registers agents (owner "owner-&lt;id&gt;") and returns their keys by id.</summary>
    protected static async Task<Dictionary<string, string>> RegisterAgentsAsync(AgentRegistry registry, string orgId, params (string Id, string[] Policies)[] agents)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, policies) in agents)
        {
            var registration = await registry.RegisterAsync(new NewAgent { Id = id, OrgId = orgId, Owner = "owner-" + id, Policies = policies }, Ct);
            keys[id] = registration.Key.Reveal();
        }
        return keys;
    }

    /// <summary>A client for the app, with <paramref name="bearerKey"/> as its bearer token when given.</summary>
    protected HttpClient CreateClient(string? bearerKey)
    {
        var client = App.Services.GetRequiredService<IHttpClientFactory>().CreateClient();
        client.BaseAddress = BaseUrl;
        if (bearerKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerKey);
        }
        return client;
    }

    /// <summary>Stops what the host started besides the app (a sandbox, …); runs after the app has stopped.</summary>
    protected virtual ValueTask DisposeMoreAsync() => default;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }
        await DisposeMoreAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pool: the temp folder is cleaned by the system.
        }
        GC.SuppressFinalize(this);
    }
}
