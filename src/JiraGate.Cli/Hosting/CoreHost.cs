using JiraGate.Governance.Pipeline;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JiraGate.Cli.Hosting;

/// <summary>What <see cref="CoreHost"/> starts, and how much of it up front.</summary>
internal sealed class CoreHostOptions
{
    public required DataDirectory Data { get; init; }

    public IReadOnlyList<string> PolicyFiles { get; init; } = [];

    public LogLevel LogLevel { get; init; } = LogLevel.Warning;

    /// <summary>More services (e.g. <c>AddJiraGateMcp</c>).</summary>
    public Action<IServiceCollection>? Configure { get; init; }

    /// <summary>
    /// How the Jira backend starts. Default: the connections of <see cref="Config"/>; without any, a running serve's
    /// sandbox, else an in-process one of its own (said on <see cref="Notices"/>).
    /// </summary>
    public Func<CancellationToken, Task<JiraBackend>>? StartJira { get; init; }

    /// <summary>A checked jiragate.yaml: its connections and approval channels.</summary>
    public GatewayConfig? Config { get; init; }

    /// <summary>Where one-line notices go (stderr; never MCP's stdout).</summary>
    public TextWriter? Notices { get; init; }

    /// <summary>
    /// Open only what answering without Jira needs — the database and the policies — and start Jira, the pipeline, the
    /// audit log and the vault on the first call (<c>mcp</c>: initialize and tools/list need none of them). Otherwise
    /// everything is opened at start, so a problem stops the start instead of the first call.
    /// </summary>
    public bool OpenLazily { get; init; }
}

/// <summary>
/// The governance core without a web server, for commands that run in the foreground (<c>mcp</c>, <c>call</c>): the
/// same data directory and Jira connection as <c>serve</c> (with no configuration, the in-process sandbox). Logs go
/// to stderr only, so stdout stays the command's (MCP's, for <c>mcp</c>).
/// </summary>
internal sealed class CoreHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private CoreHost(ServiceProvider provider, LazyJiraBackend jira)
    {
        _provider = provider;
        Jira = jira;
    }

    public IServiceProvider Services => _provider;

    /// <summary>The Jira backend; with <see cref="CoreHostOptions.OpenLazily"/> started by the first call that needs it.</summary>
    public LazyJiraBackend Jira { get; }

    public static Task<CoreHost> StartAsync(DataDirectory data, IReadOnlyList<string> policyFiles, LogLevel logLevel, Action<IServiceCollection>? configure, CancellationToken ct) =>
        StartAsync(new CoreHostOptions { Data = data, PolicyFiles = policyFiles, LogLevel = logLevel, Configure = configure }, ct);

    /// <summary>Opens everything at start; <paramref name="config"/>'s connections, else the embedded default's sandbox.</summary>
    public static Task<CoreHost> StartAsync(DataDirectory data, IReadOnlyList<string> policyFiles, LogLevel logLevel, Action<IServiceCollection>? configure,
        TextWriter? notices, GatewayConfig? config, CancellationToken ct) =>
        StartAsync(new CoreHostOptions { Data = data, PolicyFiles = policyFiles, LogLevel = logLevel, Configure = configure, Notices = notices, Config = config }, ct);

    public static async Task<CoreHost> StartAsync(CoreHostOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Data.Ensure();
        var configured = options.Config is { HasConnections: true } config ? JiraBackend.FromConfig(config) : null;
        var jira = new LazyJiraBackend(options.StartJira
            ?? (configured is not null ? _ => Task.FromResult(configured) : ct => RunningServe.JiraForAsync(options.Data, options.Notices, ct)));
        var sites = configured is not null ? SitePlan.Of(configured) : SitePlan.Sandbox;
        try
        {
            if (!options.OpenLazily)
            {
                await jira.GetAsync(ct);
            }
            var services = new ServiceCollection();
            services.AddLogging(logging =>
            {
                logging.SetMinimumLevel(options.LogLevel);
                if (options.LogLevel < LogLevel.None)
                {
                    logging.AddProvider(new DeferredConsoleLoggerProvider(options.LogLevel));
                }
            });
            services.AddJiraGateCore(options.Data, sites, () => jira.Current, options.PolicyFiles, options.Config?.Channels);
            DeferExecutor(services, jira);
            if (options.OpenLazily)
            {
                services.Replace(ServiceDescriptor.Singleton<IOperationPipeline>(sp => new DeferredOperationPipeline(sp.GetRequiredService<OperationPipeline>)));
            }
            options.Configure?.Invoke(services);
            var provider = services.BuildServiceProvider();
            StartupTrace.Mark("services built");
            try
            {
                if (options.OpenLazily)
                {
                    _ = provider.GetRequiredService<Storage.Sqlite.SqliteDatabase>();
                    StartupTrace.Mark("database opened");
                    _ = provider.GetRequiredService<IPolicySetProvider>().Current;
                    StartupTrace.Mark("policies loaded");
                }
                else
                {
                    CoreServices.Open(provider);
                }
            }
            catch
            {
                await provider.DisposeAsync();
                throw;
            }
            if (RunningServe.Read(options.Data) is { } serve && Uri.TryCreate(serve.Gateway + "/", UriKind.Absolute, out var gateway))
            {
                // Approval notices link to the approvals page of the serve that shares this data directory.
                provider.GetRequiredService<GatewayLinks>().BaseUrl = gateway;
            }
            StartupTrace.Mark("core opened" + (options.OpenLazily ? " (database, policies; Jira on first call)" : ""));
            return new CoreHost(provider, jira);
        }
        catch
        {
            await jira.DisposeAsync();
            throw;
        }
    }

    /// <summary>Wraps the registered executor so it is built, and Jira started, on the first call.</summary>
    private static void DeferExecutor(IServiceCollection services, LazyJiraBackend jira)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IOperationExecutor) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("No IOperationExecutor is registered: AddJiraGateCore registers the Jira executor.");
        Func<IServiceProvider, IOperationExecutor> create = registered switch
        {
            { ImplementationInstance: IOperationExecutor instance } => _ => instance,
            { ImplementationFactory: { } factory } => sp => (IOperationExecutor)factory(sp),
            { ImplementationType: { } type } => sp => (IOperationExecutor)ActivatorUtilities.CreateInstance(sp, type),
            _ => throw new InvalidOperationException("The IOperationExecutor registration has no implementation."),
        };
        services.Remove(registered);
        services.AddSingleton<IOperationExecutor>(sp => new DeferredOperationExecutor(jira, () => create(sp)));
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await Jira.DisposeAsync();
    }
}
