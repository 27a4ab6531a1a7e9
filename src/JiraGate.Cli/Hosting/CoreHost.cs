using Microsoft.Extensions.Logging.Console;

namespace JiraGate.Cli.Hosting;

/// <summary>
/// The governance core without a web server, for commands that run in the foreground (<c>mcp</c>, <c>call</c>): the
/// same data directory and Jira connection as <c>serve</c> (with no configuration, the in-process sandbox). Logs go
/// to stderr only, so stdout stays the command's (MCP's, for <c>mcp</c>).
/// </summary>
internal sealed class CoreHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private CoreHost(ServiceProvider provider, JiraBackend jira)
    {
        _provider = provider;
        Jira = jira;
    }

    public IServiceProvider Services => _provider;

    public JiraBackend Jira { get; }

    public static Task<CoreHost> StartAsync(DataDirectory data, IReadOnlyList<string> policyFiles, LogLevel logLevel, Action<IServiceCollection>? configure, CancellationToken ct) =>
        StartAsync(data, policyFiles, logLevel, configure, notices: null, config: null, ct);

    /// <summary>Starts the core; the Jira is a running serve's sandbox when there is one (else its own, said on <paramref name="notices"/>).</summary>
    public static Task<CoreHost> StartAsync(DataDirectory data, IReadOnlyList<string> policyFiles, LogLevel logLevel, Action<IServiceCollection>? configure, TextWriter? notices, CancellationToken ct) =>
        StartAsync(data, policyFiles, logLevel, configure, notices, config: null, ct);

    /// <summary>With a checked jiragate.yaml: its connections (without any, the sandbox as above) and approval channels.</summary>
    public static async Task<CoreHost> StartAsync(DataDirectory data, IReadOnlyList<string> policyFiles, LogLevel logLevel, Action<IServiceCollection>? configure,
        TextWriter? notices, GatewayConfig? config, CancellationToken ct)
    {
        data.Ensure();
        var jira = config is { HasConnections: true } ? JiraBackend.FromConfig(config) : await RunningServe.JiraForAsync(data, notices, ct);
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(logLevel);
            if (logLevel < LogLevel.None)
            {
                logging.AddSimpleConsole(o => o.SingleLine = true);
                logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            }
        });
        services.AddJiraGateCore(data, jira, policyFiles, config?.Channels);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        try
        {
            CoreServices.Open(provider);
        }
        catch
        {
            await provider.DisposeAsync();
            await jira.DisposeAsync();
            throw;
        }
        return new CoreHost(provider, jira);
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await Jira.DisposeAsync();
    }
}
