namespace JiraGate.Governance.Agents;

/// <summary>
/// An API key as stores keep it: its public id, whose it is, and the SHA-256 of the whole key. The key itself is never
/// stored; it cannot be recovered from this.
/// </summary>
public sealed class StoredApiKey
{
    /// <summary>The key's public id: the part between the prefix and the secret (used to find the row).</summary>
    public required string KeyId { get; init; }

    /// <summary>The id of the agent or approver the key belongs to.</summary>
    public required string HolderId { get; init; }

    /// <summary>SHA-256 of the whole key (UTF-8), 32 bytes.</summary>
    public required ReadOnlyMemory<byte> Hash { get; init; }

    /// <summary>When the key was issued.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>From when the key stops working (set by a rotation with a grace period), or null.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When the key was revoked, or null.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"key {KeyId} of {HolderId}";
}
