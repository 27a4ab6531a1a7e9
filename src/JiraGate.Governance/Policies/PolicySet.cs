using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace JiraGate.Governance.Policies;

/// <summary>A whole, validated set of policies with unique names (never a partial one: see <see cref="PolicyLoader"/>).</summary>
public sealed class PolicySet
{
    private readonly FrozenDictionary<string, Policy> _byName;

    /// <summary>Creates a set; names must be unique.</summary>
    /// <exception cref="ArgumentException">Two policies share a name.</exception>
    public PolicySet(IEnumerable<Policy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var list = policies.ToArray();
        var dict = new Dictionary<string, Policy>(StringComparer.Ordinal);
        foreach (var p in list)
        {
            if (!dict.TryAdd(p.Name, p))
            {
                throw new ArgumentException($"Duplicate policy name '{p.Name}'.", nameof(policies));
            }
        }

        All = list;
        _byName = dict.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The policies in file order.</summary>
    public IReadOnlyList<Policy> All { get; }

    /// <summary>Looks a policy up by name.</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out Policy? policy) => _byName.TryGetValue(name, out policy);

    /// <summary>The policies with the given names (as an agent binds them).</summary>
    /// <exception cref="KeyNotFoundException">A name is not in the set.</exception>
    public IReadOnlyList<Policy> Select(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.Select(n => _byName.TryGetValue(n, out var p) ? p : throw new KeyNotFoundException($"No policy named '{n}'.")).ToArray();
    }
}
