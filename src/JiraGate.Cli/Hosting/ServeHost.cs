using JiraGate.Gateway.Mcp;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging.Console;

namespace JiraGate.Cli.Hosting;

/// <summary>What <c>jiragate serve</c> starts with.</summary>
internal sealed class ServeSettings
{
    public required IReadOnlyList<string> Urls { get; init; }

    public required DataDirectory Data { get; init; }

    public IReadOnlyList<string> PolicyFiles { get; init; } = [];

    /// <summary>The checked jiragate.yaml (connections, agents, approval channels); null: the embedded default.</summary>
    public GatewayConfig? Config { get; init; }

    /// <summary>The in-process sandbox's port; null: 5181 if free, else any.</summary>
    public int? SandboxPort { get; init; }

    /// <summary>Where the host's own logs go (stderr in the command; tests keep it quiet).</summary>
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Warning;
}

/// <summary>
/// A running gateway: the agent API, health and OpenAPI (<c>MapJiraGateGateway</c>), the approvals page and MCP over
/// Streamable HTTP, over the governance core and its Jira connection.
/// </summary>
internal sealed class ServeHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private IDisposable? _runtimeFile;

    private ServeHost(WebApplication app, JiraBackend jira, Uri baseUrl, DemoAccounts demo, DataDirectory data, GatewayConfig? config, ConfigAgentsResult agents)
    {
        _app = app;
        Jira = jira;
        BaseUrl = baseUrl;
        Demo = demo;
        Data = data;
        Config = config;
        Agents = agents;
    }

    /// <summary>The config file's settings, when started with one.</summary>
    public GatewayConfig? Config { get; }

    /// <summary>What applying the config's agents did (new keys, updates, agents not in the file).</summary>
    public ConfigAgentsResult Agents { get; }

    /// <summary>The first address Kestrel listens on (the real port when 0 was asked for).</summary>
    public Uri BaseUrl { get; }

    public JiraBackend Jira { get; }

    public DemoAccounts Demo { get; }

    public DataDirectory Data { get; }

    public IServiceProvider Services => _app.Services;

    public Uri McpUrl => new(BaseUrl, "mcp");

    public Uri ApprovalsUrl => new(BaseUrl, "approvals");

    public Uri OpenApiUrl => new(BaseUrl, "openapi/v1.json");

    public static async Task<ServeHost> StartAsync(ServeSettings settings, CancellationToken ct)
    {
        settings.Data.Ensure();
        var jira = settings.Config is { HasConnections: true } config
            ? JiraBackend.FromConfig(config)
            : await JiraBackend.StartSandboxAsync(settings.SandboxPort, ct);
        try
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                Args = [],
                ApplicationName = typeof(ServeHost).Assembly.GetName().Name,
                ContentRootPath = AppContext.BaseDirectory,
            });
            builder.WebHost.UseUrls([.. settings.Urls]);
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(settings.MinimumLogLevel);
            // The keys live in the owner-only data directory; there is no certificate to encrypt them with, and the
            // warning saying so on every first start would only alarm.
            builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
            // Says that antiforgery made the approvals page uncacheable — which is what the page wants.
            builder.Logging.AddFilter("Microsoft.AspNetCore.Antiforgery", LogLevel.Error);
            if (settings.MinimumLogLevel < LogLevel.None)
            {
                // stdout is the banner's (and --json's): every log line goes to stderr.
                builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
                builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            }

            var services = builder.Services;
            services.AddJiraGateCore(settings.Data, jira, settings.PolicyFiles, settings.Config?.Channels);
            services.AddDataProtection()
                .SetApplicationName("JiraGate")
                .PersistKeysToFileSystem(new DirectoryInfo(settings.Data.DataProtectionKeysPath));
            services.AddHttpClient();
            services.AddJiraGateGateway();
            services.AddJiraGateApprovalsPage();
            services.AddJiraGateMcpHttp();
            services.AddHealthChecks().AddJiraGateSqliteCheck().AddJiraGateAuditCheck();

            var app = builder.Build();
            try
            {
                app.MapJiraGateGateway();
                app.MapJiraGateApprovalsPage();
                app.MapJiraGateMcp();
                app.MapGet("/", () => Results.Redirect("/approvals")).ExcludeFromDescription();

                CoreServices.Open(app.Services);
                // With a config file, the agents are the file's and approvers come from 'jiragate approvers add'.
                var demo = settings.Config is null ? await DemoAccounts.EnsureAsync(app.Services, ct) : DemoAccounts.None;
                await app.StartAsync(ct);
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                var baseUrl = new Uri(address.TrimEnd('/') + "/");
                app.Services.GetRequiredService<GatewayLinks>().BaseUrl = baseUrl;
                // Created once listening, so a port already taken never costs a key that was never shown.
                var agents = settings.Config is { } c
                    ? await ConfigAgents.ApplyAsync(app.Services, c.Agents, create: true, ct)
                    : ConfigAgentsResult.None;
                // serve.json: lets 'call' and 'mcp' on this data directory use this serve's sandbox (RunningServe).
                return new ServeHost(app, jira, baseUrl, demo, settings.Data, settings.Config, agents)
                {
                    _runtimeFile = RunningServe.Publish(settings.Data, baseUrl, jira.Sandbox?.BaseUrl),
                };
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }
        }
        catch
        {
            await jira.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _runtimeFile?.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        await Jira.DisposeAsync();
    }
}
