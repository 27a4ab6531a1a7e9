using System.CommandLine;
using JiraGate.Cli.Hosting;
using JiraGate.Mcp.Hosting;

namespace JiraGate.Cli.Commands;

/// <summary>
/// <c>jiragate mcp --agent ID</c>: MCP over stdio for one agent (key from JIRAGATE_AGENT_KEY), on the same data directory
/// and Jira connection as <c>serve</c>. Nothing but MCP is written to stdout; logs and errors go to stderr.
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
            var policyFiles = parse.GetValue(policies) ?? [];
            var configPath = parse.GetValue(config);
            if ((configPath is null && await PolicyFiles.ReportAsync(policyFiles, error))
                || await ConfigStartup.ResolveAsync(configPath, parse.GetValue(dataDir)!, policyFiles, error, ct) is not { } start)
            {
                return ExitCodes.Usage;
            }
            var agentId = parse.GetValue(agent)!;
            await using var core = await CoreHost.StartAsync(new DataDirectory(start.DataDir), start.PolicyFiles,
                parse.GetValue(verbose) ? LogLevel.Information : LogLevel.Warning, s => s.AddJiraGateMcp(), error, start.Config, ct);
            if (start.Config is { } file)
            {
                // The file's policies for existing agents; creating agents (and showing keys) is serve's job.
                await ConfigAgents.ApplyAsync(core.Services, file.Agents, create: false, ct);
            }
            Governance.Agents.AgentIdentity identity;
            try
            {
                identity = await JiraGateMcpStdio.AuthenticateAsync(core.Services, agentId, Environment.GetEnvironmentVariable(JiraGateMcpStdio.AgentKeyVariable), ct);
            }
            catch (UnauthorizedAccessException ex)
            {
                await error.WriteLineAsync("error: " + ex.Message);
                return ExitCodes.Denied;
            }
            try
            {
                await JiraGateMcpStdio.RunStdioAsync(core.Services, identity, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Ctrl+C or the client closed: a clean end.
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
