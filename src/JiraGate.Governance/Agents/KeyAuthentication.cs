namespace JiraGate.Governance.Agents;

/// <summary>The outcome of checking an API key. Only <see cref="Authenticated"/> lets a caller in.</summary>
public enum KeyAuthenticationStatus
{
    /// <summary>The key is live and its holder enabled.</summary>
    Authenticated = 0,

    /// <summary>No key, or not in the key format for this kind of holder.</summary>
    Malformed = 1,

    /// <summary>Well-formed but unknown (no such key id, or the secret does not match).</summary>
    Unknown = 2,

    /// <summary>The key was revoked.</summary>
    Revoked = 3,

    /// <summary>The key was rotated out and its grace period is over.</summary>
    Expired = 4,

    /// <summary>The key is live but its holder is disabled (or gone).</summary>
    Disabled = 5,
}

/// <summary>A key check: a status and, when authenticated, who. Never contains the key.</summary>
/// <typeparam name="THolder">Agent or approver.</typeparam>
public sealed class KeyAuthentication<THolder>
    where THolder : class, IKeyHolder
{
    /// <summary>What the check found.</summary>
    public required KeyAuthenticationStatus Status { get; init; }

    /// <summary>The holder, when <see cref="Status"/> is <see cref="KeyAuthenticationStatus.Authenticated"/>.</summary>
    public THolder? Holder { get; init; }

    /// <summary>The key's public id, when the key was well-formed (safe to log).</summary>
    public string? KeyId { get; init; }

    /// <summary>Whether the caller is let in.</summary>
    public bool Succeeded => Status == KeyAuthenticationStatus.Authenticated && Holder is not null;

    /// <inheritdoc />
    public override string ToString() => Succeeded ? $"authenticated {Holder}" : $"not authenticated ({Status})";
}
