using System.Collections.Concurrent;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Policies;

namespace JiraGate.Governance.Pipeline;

/// <summary>
/// One <see cref="CompiledPolicies"/> per agent, rebuilt when the agent's bindings or the policy set in force change
/// (compared on every call: the set by reference, the bindings by value), so no event can be missed.
/// </summary>
internal sealed class AgentPolicyCache
{
    private readonly PolicyEngine _engine;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public AgentPolicyCache(PolicyEngine engine) => _engine = engine;

    /// <summary>The agent's compiled policies, or why there are none (a binding names a policy not in the set).</summary>
    public Entry Get(Agent agent, PolicySet set)
    {
        if (_entries.TryGetValue(agent.Id, out var cached)
            && ReferenceEquals(cached.Set, set)
            && cached.Bindings.SequenceEqual(agent.Policies, StringComparer.Ordinal))
        {
            return cached;
        }
        var entry = Compile(agent, set);
        _entries[agent.Id] = entry;
        return entry;
    }

    private Entry Compile(Agent agent, PolicySet set)
    {
        var bindings = agent.Policies.ToArray();
        var policies = new List<Policy>(bindings.Length);
        foreach (var name in bindings.Distinct(StringComparer.Ordinal))
        {
            if (!set.TryGet(name, out var policy))
            {
                // Fail closed: dropping the missing policy could loosen an approval another binding relies on.
                return new Entry
                {
                    Set = set,
                    Bindings = bindings,
                    Error = $"agent {agent.Id} is bound to policy '{name}', which is not loaded; every call is denied until the binding or the policy files are fixed",
                };
            }
            policies.Add(policy);
        }
        return new Entry { Set = set, Bindings = bindings, Compiled = _engine.Compile(policies) };
    }

    internal sealed class Entry
    {
        public required PolicySet Set { get; init; }

        public required IReadOnlyList<string> Bindings { get; init; }

        public CompiledPolicies? Compiled { get; init; }

        public string? Error { get; init; }
    }
}
