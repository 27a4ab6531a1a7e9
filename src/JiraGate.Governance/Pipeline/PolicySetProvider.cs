using JiraGate.Governance.Policies;

namespace JiraGate.Governance.Pipeline;

/// <summary>The policy set currently in force. The pipeline reads it on every call, so a reload takes effect at once.</summary>
public interface IPolicySetProvider
{
    /// <summary>The whole, validated set in force now (never a partial one).</summary>
    PolicySet Current { get; }
}

/// <summary>
/// Holds the policy set in force and lets the host swap it (e.g. after a policy file was edited and reloaded
/// successfully). A failed reload keeps the old set: a bad file never falls open.
/// </summary>
public sealed class PolicySetHolder : IPolicySetProvider
{
    private PolicySet _current;

    /// <summary>Starts with <paramref name="initial"/>.</summary>
    public PolicySetHolder(PolicySet initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _current = initial;
    }

    /// <inheritdoc />
    public PolicySet Current => Volatile.Read(ref _current);

    /// <summary>Puts <paramref name="policies"/> in force; every agent's compiled table is rebuilt on its next call.</summary>
    public void Replace(PolicySet policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        Volatile.Write(ref _current, policies);
    }

    /// <inheritdoc />
    public override string ToString() => $"policy set ({Current.All.Count} policies)";
}
