using System.Collections.Concurrent;
using System.Text.Json;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Execution;
using JiraGate.Governance.Pipeline;
using JiraGate.Jira;

namespace JiraGate.Cli.Hosting;

/// <summary>
/// The pipeline's one executor, over every Jira site of the backend: a call goes to the connection its agent is bound
/// to in jiragate.yaml (or the only one), through that site's own named client and <see cref="JiraOperationExecutor"/>.
/// </summary>
internal sealed class ConnectionRouter(IJiraClientFactory clients, JiraBackend backend) : IOperationExecutor
{
    private readonly ConcurrentDictionary<string, JiraOperationExecutor> _executors = new(StringComparer.Ordinal);

    public Task<OperationOutput> ExecuteAsync(OperationDescriptor operation, JsonElement arguments, ExecutionScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var site = SiteFor(scope.Agent?.AgentId);
        var executor = _executors.GetOrAdd(site, name => new JiraOperationExecutor(clients.Get(name)));
        return executor.ExecuteAsync(operation, arguments, scope, cancellationToken);
    }

    /// <summary>The client name the agent's calls go to.</summary>
    public string SiteFor(string? agentId)
    {
        if (agentId is not null && backend.AgentConnections.TryGetValue(agentId, out var named))
        {
            return named;
        }
        if (backend.Sites.Count == 1)
        {
            return backend.Sites[0].Name;
        }
        var names = string.Join(", ", backend.Sites.Select(s => s.Name));
        throw agentId is null
            ? new InvalidOperationException($"There are several Jira connections ({names}) and this read belongs to no agent, so none is picked.")
            // Refused as configuration says nothing: guessing a site could write to the wrong Jira.
            : new ExecutionScopeException($"Agent '{agentId}' has no Jira connection: jiragate.yaml defines several ({names}) and does not list this agent. Add it under 'agents:' with 'connection: NAME'.");
    }
}
