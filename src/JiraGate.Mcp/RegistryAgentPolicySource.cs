using System.Collections.Concurrent;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Policies;

namespace JiraGate.Mcp;

/// <summary>
/// Reads an agent's bindings from the <see cref="AgentRegistry"/> and compiles them against the policy set in force,
/// keeping one table per agent until its bindings or the set change. Fails closed: a binding to a policy that is not
/// loaded, a disabled agent or another organisation's agent id yields no policies at all.
/// </summary>
public sealed class RegistryAgentPolicySource : IAgentPolicySource
{
    private readonly AgentRegistry _agents;
    private readonly Func<PolicySet> _policies;
    private readonly PolicyEngine _engine;
    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.Ordinal);

    /// <summary>Creates the source.</summary>
    /// <param name="agents">Where agents and their bindings live.</param>
    /// <param name="policies">The policy set in force now (read on every look-up, so a reload takes effect at once).</param>
    /// <param name="engine">The engine that compiles (default: over the seed catalog).</param>
    public RegistryAgentPolicySource(AgentRegistry agents, Func<PolicySet> policies, PolicyEngine? engine = null)
    {
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(policies);
        _agents = agents;
        _policies = policies;
        _engine = engine ?? new PolicyEngine();
    }

    /// <inheritdoc />
    public async ValueTask<CompiledPolicies?> GetPoliciesAsync(AgentIdentity agent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var stored = await _agents.GetAsync(agent.AgentId, cancellationToken).ConfigureAwait(false);
        if (stored is null || !stored.Enabled || !string.Equals(stored.OrgId, agent.OrgId, StringComparison.Ordinal))
        {
            return null;
        }

        var set = _policies();
        if (_cache.TryGetValue(stored.Id, out var cached)
            && ReferenceEquals(cached.Set, set)
            && cached.Bindings.SequenceEqual(stored.Policies, StringComparer.Ordinal))
        {
            return cached.Compiled;
        }

        CompiledPolicies? compiled = null;
        var names = stored.Policies.Distinct(StringComparer.Ordinal).ToArray();
        if (names.All(n => set.TryGet(n, out _)))
        {
            compiled = _engine.Compile(set.Select(names));
        }

        _cache[stored.Id] = new Entry(set, [.. stored.Policies], compiled);
        return compiled;
    }

    private sealed record Entry(PolicySet Set, IReadOnlyList<string> Bindings, CompiledPolicies? Compiled);
}
