using JiraGate.Governance.Agents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

namespace JiraGate.Mcp.Hosting;

/// <summary>Runs JiraGate's MCP server for one authenticated agent over stdio (<c>jiragate mcp --agent ID</c>) or any pair of streams.</summary>
public static class JiraGateMcpStdio
{
    /// <summary>The environment variable <c>jiragate mcp</c> reads the agent key from.</summary>
    public const string AgentKeyVariable = "JIRAGATE_AGENT_KEY";

    /// <summary>
    /// Checks the key <c>jiragate mcp --agent ID</c> was given (from <see cref="AgentKeyVariable"/>) against the
    /// <see cref="AgentRegistry"/>: it must be live and belong to <paramref name="agentId"/>.
    /// </summary>
    /// <param name="services">A provider with the <see cref="AgentRegistry"/>.</param>
    /// <param name="agentId">The agent named on the command line.</param>
    /// <param name="apiKey">The key (never echoed in the error).</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The agent's identity.</returns>
    /// <exception cref="UnauthorizedAccessException">No key, an unknown, revoked or expired key, a disabled agent, or another agent's key.</exception>
    public static async Task<AgentIdentity> AuthenticateAsync(IServiceProvider services, string agentId, string? apiKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new UnauthorizedAccessException($"No agent key: set {AgentKeyVariable} to the key of agent '{agentId}'.");
        }

        var auth = await services.GetRequiredService<AgentRegistry>().AuthenticateAsync(apiKey.Trim(), cancellationToken).ConfigureAwait(false);
        if (!auth.Succeeded)
        {
            throw new UnauthorizedAccessException($"The key in {AgentKeyVariable} was refused ({auth.Status.ToString().ToLowerInvariant()}): issue a new one with 'jiragate agents rotate-key {agentId}'.");
        }

        if (!string.Equals(auth.Holder!.Id, agentId, StringComparison.Ordinal))
        {
            throw new UnauthorizedAccessException($"The key in {AgentKeyVariable} belongs to another agent, not '{agentId}'.");
        }

        return auth.Holder.Identity;
    }

    /// <summary>Serves MCP on this process's standard input and output until the client disconnects or <paramref name="cancellationToken"/> fires.</summary>
    /// <param name="services">A provider with <c>AddJiraGateMcp()</c> and the pipeline registered.</param>
    /// <param name="agent">The agent every call acts as (already authenticated by the caller).</param>
    /// <param name="cancellationToken">Stops the server.</param>
    public static async Task RunStdioAsync(IServiceProvider services, AgentIdentity agent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(agent);
        var options = CreateOptions(services, agent);
        var loggerFactory = services.GetService<ILoggerFactory>();
        var transport = new StdioServerTransport(options, loggerFactory);
        await using var _ = transport.ConfigureAwait(false);
        await RunAsync(transport, options, services, loggerFactory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Serves MCP over a pair of streams (newline-delimited JSON-RPC, as stdio) — for tests and in-process hosts.</summary>
    /// <param name="services">A provider with <c>AddJiraGateMcp()</c> and the pipeline registered.</param>
    /// <param name="agent">The agent every call acts as.</param>
    /// <param name="input">Where requests arrive.</param>
    /// <param name="output">Where answers go.</param>
    /// <param name="cancellationToken">Stops the server.</param>
    public static async Task RunAsync(IServiceProvider services, AgentIdentity agent, Stream input, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var options = CreateOptions(services, agent);
        var loggerFactory = services.GetService<ILoggerFactory>();
        var transport = new StreamServerTransport(input, output, options.ServerInfo?.Name, loggerFactory);
        await using var _ = transport.ConfigureAwait(false);
        await RunAsync(transport, options, services, loggerFactory, cancellationToken).ConfigureAwait(false);
    }

    private static McpServerOptions CreateOptions(IServiceProvider services, AgentIdentity agent)
    {
        var options = new McpServerOptions();
        services.GetRequiredService<JiraGateMcpServer>().ConfigureHandlers(options, agent);
        return options;
    }

    private static async Task RunAsync(
        ModelContextProtocol.Protocol.ITransport transport, McpServerOptions options, IServiceProvider services, ILoggerFactory? loggerFactory, CancellationToken ct)
    {
        var server = McpServer.Create(transport, options, loggerFactory, services);
        await using var _ = server.ConfigureAwait(false);
        await server.RunAsync(ct).ConfigureAwait(false);
    }
}
