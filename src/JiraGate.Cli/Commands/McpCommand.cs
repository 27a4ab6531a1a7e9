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
        var verbose = new Option<bool>("--verbose") { Description = "Log to stderr at information level." };
        var command = new Command("mcp", "Serve MCP over stdio for one agent (its key from JIRAGATE_AGENT_KEY), for MCP clients that launch a command.")
        {
            agent, dataDir, policies, verbose,
        };
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var policyFiles = parse.GetValue(policies) ?? [];
            if (await PolicyFiles.ReportAsync(policyFiles, error))
            {
                return ExitCodes.Usage;
            }
            var agentId = parse.GetValue(agent)!;
            await using var core = await CoreHost.StartAsync(new DataDirectory(parse.GetValue(dataDir)!), policyFiles,
                parse.GetValue(verbose) ? LogLevel.Information : LogLevel.Warning, s => s.AddJiraGateMcp(), error, ct);
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
