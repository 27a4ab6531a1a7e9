using System.Security.Cryptography;
using System.Text;

namespace JiraGate.Governance.Audit;

/// <summary>
/// The hash chain's rules. A record's canonical JSON (without <c>hash</c>) has exactly these members, in this
/// (sorted) order, each always present (null when empty):
/// <c>agent, approval_id, decision, intent_seq, kind, operation, org, outcome, parameters, policy, prev_hash, risk, seq, ts</c>,
/// where <c>outcome</c> is null or <c>{duration_ms, error_code, error_message, http_status, jira_request_id, status}</c>,
/// <c>parameters</c> is the redacted arguments' canonical JSON, <c>kind</c> is <c>intent</c> or <c>outcome</c>,
/// and <c>ts</c> is <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>.
/// <c>hash = hex(SHA-256(ascii(prev_hash) ‖ utf8(canonical JSON)))</c>, lower-case; the first record's prev_hash is 64 zeros.
/// An exported line is the same object with <c>hash</c> added (in its sorted place).
/// </summary>
public static class AuditChain
{
    /// <summary>The prev_hash of record 1.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>The canonical JSON of a record without its hash.</summary>
    public static string CanonicalJsonOf(AuditRecord record) => Write(record, includeHash: false);

    /// <summary>The canonical JSON of a record with its hash: one line of an export.</summary>
    public static string ExportLineOf(AuditRecord record) => Write(record, includeHash: true);

    /// <summary>The hash a record should carry, from its content and prev_hash.</summary>
    public static string ComputeHash(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return ComputeHash(record.PrevHash, CanonicalJsonOf(record));
    }

    /// <summary><c>hex(SHA-256(ascii(prevHash) ‖ utf8(canonicalJson)))</c>.</summary>
    public static string ComputeHash(string prevHash, string canonicalJson)
    {
        ArgumentNullException.ThrowIfNull(prevHash);
        ArgumentNullException.ThrowIfNull(canonicalJson);
        var bytes = new byte[Encoding.ASCII.GetByteCount(prevHash) + Encoding.UTF8.GetByteCount(canonicalJson)];
        var n = Encoding.ASCII.GetBytes(prevHash, bytes);
        Encoding.UTF8.GetBytes(canonicalJson, bytes.AsSpan(n));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private static string Write(AuditRecord r, bool includeHash)
    {
        ArgumentNullException.ThrowIfNull(r);
        var b = new StringBuilder(256 + r.Parameters.Length);
        b.Append("{\"agent\":");
        CanonicalJson.WriteString(b, r.Agent);
        b.Append(",\"approval_id\":");
        CanonicalJson.WriteString(b, r.ApprovalId);
        b.Append(",\"decision\":");
        CanonicalJson.WriteString(b, r.Decision);
        if (includeHash)
        {
            b.Append(",\"hash\":");
            CanonicalJson.WriteString(b, r.Hash);
        }
        b.Append(",\"intent_seq\":");
        CanonicalJson.WriteNumber(b, r.IntentSeq);
        b.Append(",\"kind\":");
        CanonicalJson.WriteString(b, AuditRecord.KindName(r.Kind));
        b.Append(",\"operation\":");
        CanonicalJson.WriteString(b, r.Operation);
        b.Append(",\"org\":");
        CanonicalJson.WriteString(b, r.Org);
        b.Append(",\"outcome\":");
        if (r.Outcome is { } o)
        {
            b.Append("{\"duration_ms\":");
            CanonicalJson.WriteNumber(b, o.DurationMs);
            b.Append(",\"error_code\":");
            CanonicalJson.WriteString(b, o.ErrorCode);
            b.Append(",\"error_message\":");
            CanonicalJson.WriteString(b, o.ErrorMessage);
            b.Append(",\"http_status\":");
            CanonicalJson.WriteNumber(b, o.HttpStatus);
            b.Append(",\"jira_request_id\":");
            CanonicalJson.WriteString(b, o.JiraRequestId);
            b.Append(",\"status\":");
            CanonicalJson.WriteString(b, o.Status);
            b.Append('}');
        }
        else
        {
            b.Append("null");
        }
        // Already canonical (the redactor writes it so); stores keep it byte for byte.
        b.Append(",\"parameters\":").Append(r.Parameters);
        b.Append(",\"policy\":");
        CanonicalJson.WriteString(b, r.Policy);
        b.Append(",\"prev_hash\":");
        CanonicalJson.WriteString(b, r.PrevHash);
        b.Append(",\"risk\":");
        CanonicalJson.WriteString(b, r.Risk);
        b.Append(",\"seq\":");
        CanonicalJson.WriteNumber(b, r.Seq);
        b.Append(",\"ts\":");
        CanonicalJson.WriteString(b, r.TimestampText);
        b.Append('}');
        return b.ToString();
    }
}
