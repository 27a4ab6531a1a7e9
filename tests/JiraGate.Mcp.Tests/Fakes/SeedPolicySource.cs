using JiraGate.Governance.Agents;
using JiraGate.Governance.Policies;

namespace JiraGate.Mcp.Tests.Fakes;

/// <summary>Binds each agent id to the seed policy of the same name (agent "jira-readonly" → policy jira-readonly).</summary>
public sealed class SeedPolicySource : IAgentPolicySource
{
    private static readonly PolicySet Seed = SeedPolicies.Load();
    private static readonly PolicyEngine Engine = new();

    public static CompiledPolicies Compile(string policy) => Engine.Compile(Seed.Select([policy]));

    public ValueTask<CompiledPolicies?> GetPoliciesAsync(AgentIdentity agent, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Seed.TryGet(agent.AgentId, out _) ? Compile(agent.AgentId) : null);
}
