using System.CommandLine;
using JiraGate.Cli.Hosting;
using JiraGate.Governance.Agents;
using JiraGate.Mcp.Hosting;

namespace JiraGate.Cli.Commands;

/// <summary>
/// <c>jiragate mcp --agent ID</c>: MCP over stdio for one agent (key from JIRAGATE_AGENT_KEY), on the same data directory
/// and Jira connection as <c>serve</c>. Nothing but MCP is written to stdout; logs and errors go to stderr.
/// Start-up opens only the database and the policies (initialize and tools/list need nothing else, TARGETS.md wants
/// tools/list within 50 ms of process start); Jira, the pipeline, the audit log and the vault start on the first tool call.
/// </summary>
internal static class McpCommand
{
    public static Command Create()
    {
        var agent = CommonServeOptions.Agent();
        var dataDir = CommonServeOptions.DataDir();
        var policies = CommonServeOptions.Policies();
        var config = ConfigStartup.Option();
        var verbose = new Option<bool>("--verbose") { Description = "Log to stderr at information level." };
        var command = new Command("mcp", "Serve MCP over stdio for one agent (its key from JIRAGATE_AGENT_KEY), for MCP clients that launch a command.")
        {
            agent, dataDir, policies, config, verbose,
        };
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (await ConfigStartup.ResolveAsync(parse.GetValue(config), parse.GetValue(dataDir)!, parse.GetValue(policies) ?? [], error, ct) is not { } start)
            {
                return ExitCodes.Usage;
            }
            return await RunAsync(
                new McpRun
                {
                    Data = new DataDirectory(start.DataDir),
                    PolicyFiles = start.PolicyFiles,
                    Config = start.Config,
                    AgentId = parse.GetValue(agent)!,
                    AgentKey = Environment.GetEnvironmentVariable(JiraGateMcpStdio.AgentKeyVariable),
                    LogLevel = parse.GetValue(verbose) ? LogLevel.Information : LogLevel.Warning,
                },
                error,
                (core, identity, token) => JiraGateMcpStdio.RunStdioAsync(core.Services, identity, token),
                ct);
        });
        return command;
    }

    /// <summary>Checks, opens the core lazily, authenticates the agent and serves with <paramref name="serve"/> (stdio, or streams in tests).</summary>
    internal static async Task<int> RunAsync(McpRun run, TextWriter error, Func<CoreHost, AgentIdentity, CancellationToken, Task> serve, CancellationToken ct)
    {
        StartupTrace.Mark("mcp command parsed");
        // Only files given on the command line are read here (a config's were checked with it); with none, the seed's
        // policies load once, in the core.
        if (run.Config is null && run.PolicyFiles.Count > 0 && await PolicyFiles.ReportAsync(run.PolicyFiles, error))
        {
            return ExitCodes.Usage;
        }
        await using var core = await CoreHost.StartAsync(new CoreHostOptions
        {
            Data = run.Data,
            PolicyFiles = run.PolicyFiles,
            LogLevel = run.LogLevel,
            Configure = s => s.AddJiraGateMcp(),
            StartJira = run.StartJira,
            Config = run.Config,
            Notices = error,
            OpenLazily = true,
        }, ct);
        run.Started?.Invoke(core);
        if (run.Config is { } file)
        {
            // The file's policies for existing agents; creating agents (and showing keys) is serve's job.
            await ConfigAgents.ApplyAsync(core.Services, file.Agents, create: false, ct);
        }
        AgentIdentity identity;
        try
        {
            identity = await JiraGateMcpStdio.AuthenticateAsync(core.Services, run.AgentId, run.AgentKey, ct);
        }
        catch (UnauthorizedAccessException ex)
        {
            await error.WriteLineAsync("error: " + ex.Message);
            return ExitCodes.Denied;
        }
        StartupTrace.Mark("agent authenticated");
        _ = core.Services.GetService<ILoggerFactory>()?.CreateLogger("JiraGate.Mcp");
        StartupTrace.Mark("logging ready");
        _ = core.Services.GetRequiredService<JiraGate.Mcp.JiraGateMcpServer>();
        StartupTrace.Mark("MCP tools ready; serving MCP");
        try
        {
            await serve(core, identity, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl+C or the client closed: a clean end.
        }
        return ExitCodes.Ok;
    }
}

/// <summary>One <c>jiragate mcp</c> run: what the command line and environment said.</summary>
internal sealed class McpRun
{
    public required DataDirectory Data { get; init; }

    public IReadOnlyList<string> PolicyFiles { get; init; } = [];

    public required string AgentId { get; init; }

    /// <summary>From JIRAGATE_AGENT_KEY; never echoed.</summary>
    public string? AgentKey { get; init; }

    public LogLevel LogLevel { get; init; } = LogLevel.Warning;

    /// <summary>A checked jiragate.yaml (its connections, channels and agents), or null for the embedded default.</summary>
    public GatewayConfig? Config { get; init; }

    /// <summary>How Jira starts on the first tool call; default: the config's connections, else a running serve's sandbox or its own.</summary>
    public Func<CancellationToken, Task<JiraBackend>>? StartJira { get; init; }

    /// <summary>Sees the core once opened (tests check what it started).</summary>
    public Action<CoreHost>? Started { get; init; }

    public override string ToString() => $"mcp --agent {AgentId} --data-dir {Data.Root}";
}
