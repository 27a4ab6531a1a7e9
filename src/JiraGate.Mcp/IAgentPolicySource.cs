using JiraGate.Governance.Agents;
using JiraGate.Governance.Policies;

namespace JiraGate.Mcp;

/// <summary>The compiled policies bound to an agent: what its tools list is built from.</summary>
public interface IAgentPolicySource
{
    /// <summary>The agent's compiled policies, or null when it has none in force (unknown agent, disabled, or a binding names a missing policy): then it sees no tools.</summary>
    /// <param name="agent">The authenticated agent.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    ValueTask<CompiledPolicies?> GetPoliciesAsync(AgentIdentity agent, CancellationToken cancellationToken = default);
}
