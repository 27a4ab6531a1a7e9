using System.Text;

namespace JiraGate.Governance.Audit;

/// <summary>
/// A signed statement "the chain had <see cref="Count"/> records ending at <see cref="Seq"/> with hash
/// <see cref="HeadHash"/> at <see cref="Timestamp"/>". Verification against the last checkpoint detects a
/// truncated tail and a rewritten (re-hashed) chain.
/// </summary>
/// <remarks>
/// The signature is Ed25519 over the UTF-8 of <c>"jiragate-audit-checkpoint/1\n"</c> followed by the canonical
/// JSON <c>{"count":n,"head_hash":"…","seq":n,"ts":"…"}</c> (see <see cref="SignedPayload"/>). Export lines add
/// <c>"key_id"</c>, <c>"kind":"checkpoint"</c> and <c>"signature"</c> (base64).
/// </remarks>
public sealed class AuditCheckpoint
{
    /// <summary>The seq of the record the checkpoint covers (0 for an empty log).</summary>
    public required long Seq { get; init; }

    /// <summary>That record's hash (the genesis hash for an empty log).</summary>
    public required string HeadHash { get; init; }

    /// <summary>How many records the chain held (equals <see cref="Seq"/> for a chain with no gaps).</summary>
    public required long Count { get; init; }

    /// <summary>When the checkpoint was made.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The signing key's id (see <see cref="AuditSigningKey.KeyId"/>).</summary>
    public required string KeyId { get; init; }

    /// <summary>The Ed25519 signature, base64.</summary>
    public required string Signature { get; init; }

    /// <summary>The bytes the signature covers.</summary>
    public static byte[] SignedPayload(long seq, string headHash, long count, DateTimeOffset timestamp)
    {
        var b = new StringBuilder("jiragate-audit-checkpoint/1\n{\"count\":");
        CanonicalJson.WriteNumber(b, count);
        b.Append(",\"head_hash\":");
        CanonicalJson.WriteString(b, headHash);
        b.Append(",\"seq\":");
        CanonicalJson.WriteNumber(b, seq);
        b.Append(",\"ts\":");
        CanonicalJson.WriteString(b, AuditRecord.FormatTimestamp(timestamp));
        b.Append('}');
        return Encoding.UTF8.GetBytes(b.ToString());
    }

    /// <summary>The export line of this checkpoint (canonical JSON).</summary>
    public string ToExportLine()
    {
        var b = new StringBuilder("{\"count\":");
        CanonicalJson.WriteNumber(b, Count);
        b.Append(",\"head_hash\":");
        CanonicalJson.WriteString(b, HeadHash);
        b.Append(",\"key_id\":");
        CanonicalJson.WriteString(b, KeyId);
        b.Append(",\"kind\":\"checkpoint\",\"seq\":");
        CanonicalJson.WriteNumber(b, Seq);
        b.Append(",\"signature\":");
        CanonicalJson.WriteString(b, Signature);
        b.Append(",\"ts\":");
        CanonicalJson.WriteString(b, AuditRecord.FormatTimestamp(Timestamp));
        b.Append('}');
        return b.ToString();
    }

    /// <summary>Whether the signature is valid for <paramref name="publicKey"/> (raw 32-byte Ed25519 key).</summary>
    public bool VerifySignature(ReadOnlySpan<byte> publicKey)
    {
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(Signature);
        }
        catch (FormatException)
        {
            return false;
        }
        return AuditSigningKey.Verify(publicKey, SignedPayload(Seq, HeadHash, Count, Timestamp), signature);
    }

    /// <inheritdoc />
    public override string ToString() => $"checkpoint #{Seq} ({Count} records, head {HeadHash[..Math.Min(12, HeadHash.Length)]}…)";
}
