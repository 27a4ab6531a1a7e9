using System.Text;
using System.Text.Json;

namespace JiraGate.Governance.Audit;

/// <summary>
/// The audit log as JSON Lines: one canonical JSON object per line (UTF-8, <c>\n</c> after each). Record lines
/// are <see cref="AuditChain.ExportLineOf"/> (the hashed object plus <c>hash</c>); checkpoint lines are
/// <see cref="AuditCheckpoint.ToExportLine"/> (<c>"kind":"checkpoint"</c>) and follow the record they cover.
/// Anyone holding the public key can verify an export with <see cref="VerifyAsync"/>, or with the rules in
/// <see cref="AuditChain"/>, <see cref="CanonicalJson"/> and <see cref="AuditCheckpoint"/> in any language.
/// </summary>
public static class AuditExport
{
    /// <summary>Writes records (seq order) with their checkpoints.</summary>
    public static async Task WriteAsync(Stream destination, IAsyncEnumerable<AuditRecord> records, IReadOnlyList<AuditCheckpoint> checkpoints, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(checkpoints);
        var pending = new Queue<AuditCheckpoint>(checkpoints.OrderBy(c => c.Seq));
        var writer = new StreamWriter(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        await using (writer.ConfigureAwait(false))
        {
            while (pending.TryPeek(out var first) && first.Seq <= 0)
            {
                await writer.WriteLineAsync(pending.Dequeue().ToExportLine().AsMemory(), cancellationToken).ConfigureAwait(false);
            }
            await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                await writer.WriteLineAsync(AuditChain.ExportLineOf(record).AsMemory(), cancellationToken).ConfigureAwait(false);
                while (pending.TryPeek(out var cp) && cp.Seq <= record.Seq)
                {
                    await writer.WriteLineAsync(pending.Dequeue().ToExportLine().AsMemory(), cancellationToken).ConfigureAwait(false);
                }
            }
            while (pending.TryDequeue(out var rest))
            {
                await writer.WriteLineAsync(rest.ToExportLine().AsMemory(), cancellationToken).ConfigureAwait(false);
            }
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Verifies an export offline against <paramref name="publicKey"/> (raw 32-byte Ed25519).</summary>
    /// <remarks>Holds the export's records in memory while verifying.</remarks>
    /// <exception cref="FormatException">A line is not a record or checkpoint of this format (names the line).</exception>
    public static async Task<AuditVerifyResult> VerifyAsync(Stream source, ReadOnlyMemory<byte> publicKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var records = new List<AuditRecord>();
        var checkpoints = new List<AuditCheckpoint>();
        using var reader = new StreamReader(source, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, 1 << 16, leaveOpen: true);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                if (root.GetProperty("kind").GetString() == "checkpoint")
                {
                    checkpoints.Add(ParseCheckpoint(root));
                }
                else
                {
                    records.Add(ParseRecord(root));
                }
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new FormatException($"Line {lineNumber} of the audit export is not a record or checkpoint: {ex.Message}", ex);
            }
        }
        return await AuditVerifier.VerifyAsync(records.ToAsyncEnumerable(), checkpoints, publicKey, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Parses one exported record line's object.</summary>
    public static AuditRecord ParseRecord(JsonElement root)
    {
        var outcome = root.GetProperty("outcome");
        return new AuditRecord
        {
            Seq = root.GetProperty("seq").GetInt64(),
            Timestamp = AuditRecord.ParseTimestamp(root.GetProperty("ts").GetString()!),
            Kind = AuditRecord.ParseKind(root.GetProperty("kind").GetString()!),
            Agent = root.GetProperty("agent").GetString()!,
            Org = root.GetProperty("org").GetString()!,
            Operation = root.GetProperty("operation").GetString()!,
            Risk = root.GetProperty("risk").GetString(),
            Decision = root.GetProperty("decision").GetString(),
            Policy = root.GetProperty("policy").GetString(),
            ApprovalId = root.GetProperty("approval_id").GetString(),
            Parameters = CanonicalJson.Canonicalize(root.GetProperty("parameters")),
            IntentSeq = Int64OrNull(root.GetProperty("intent_seq")),
            Outcome = outcome.ValueKind == JsonValueKind.Null ? null : new AuditOutcome
            {
                Status = outcome.GetProperty("status").GetString()!,
                HttpStatus = (int?)Int64OrNull(outcome.GetProperty("http_status")),
                DurationMs = outcome.GetProperty("duration_ms").GetInt64(),
                JiraRequestId = outcome.GetProperty("jira_request_id").GetString(),
                ErrorCode = outcome.GetProperty("error_code").GetString(),
                ErrorMessage = outcome.GetProperty("error_message").GetString(),
            },
            PrevHash = root.GetProperty("prev_hash").GetString()!,
            Hash = root.GetProperty("hash").GetString()!,
        };
    }

    private static AuditCheckpoint ParseCheckpoint(JsonElement root) => new()
    {
        Seq = root.GetProperty("seq").GetInt64(),
        HeadHash = root.GetProperty("head_hash").GetString()!,
        Count = root.GetProperty("count").GetInt64(),
        Timestamp = AuditRecord.ParseTimestamp(root.GetProperty("ts").GetString()!),
        KeyId = root.GetProperty("key_id").GetString()!,
        Signature = root.GetProperty("signature").GetString()!,
    };

    private static long? Int64OrNull(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetInt64();
}
