namespace JiraGate.Governance.Agents;

/// <summary>
/// A freshly issued API key: returned once, at creation or rotation, and never again (only its hash is stored).
/// It never prints itself: <see cref="ToString"/> shows the prefix and key id only, so a stray log line cannot leak it.
/// </summary>
public sealed class IssuedApiKey
{
    private readonly string _key;

    internal IssuedApiKey(string key, string keyId, string holderId, string prefix)
    {
        _key = key;
        KeyId = keyId;
        HolderId = holderId;
        Prefix = prefix;
    }

    /// <summary>The key's public id (safe to log; it identifies the key, it does not unlock anything).</summary>
    public string KeyId { get; }

    /// <summary>The agent or approver it belongs to.</summary>
    public string HolderId { get; }

    /// <summary>The recognisable prefix, <c>jg_agent_</c> or <c>jg_appr_</c>.</summary>
    public string Prefix { get; }

    /// <summary>The key itself, to hand to its holder once. Call only where it is shown to them.</summary>
    public string Reveal() => _key;

    /// <inheritdoc />
    public override string ToString() => $"{Prefix}{KeyId}_[redacted]";
}
