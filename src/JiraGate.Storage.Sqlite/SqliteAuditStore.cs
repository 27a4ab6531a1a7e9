using System.Runtime.CompilerServices;
using System.Text;
using JiraGate.Governance.Audit;
using Microsoft.Data.Sqlite;

namespace JiraGate.Storage.Sqlite;

/// <summary>
/// <see cref="IAuditStore"/> on SQLite: <c>audit_records</c> and <c>audit_checkpoints</c> (migration 0001).
/// Each append is one <c>BEGIN IMMEDIATE</c> transaction that re-reads the head before inserting, so
/// processes sharing the file still build one chain; with <see cref="SqliteStorageOptions.DurableCommits"/>
/// the commit is on disk when the task completes.
/// </summary>
public sealed class SqliteAuditStore : IAuditStore
{
    private const string Columns =
        "seq, ts, kind, agent, org, operation, risk, decision, policy, approval_id, parameters, intent_seq, " +
        "outcome_status, outcome_http_status, outcome_duration_ms, outcome_jira_request_id, outcome_error_code, outcome_error_message, prev_hash, hash";

    private readonly SqliteDatabase _database;

    /// <summary>Creates the store over an opened database.</summary>
    public SqliteAuditStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public async Task<AuditHead> GetHeadAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadHeadAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task AppendAsync(IReadOnlyList<AuditRecord> records, AuditCheckpoint? checkpoint = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        for (var i = 1; i < records.Count; i++)
        {
            if (records[i].Seq != records[i - 1].Seq + 1 || records[i].PrevHash != records[i - 1].Hash)
            {
                throw new ArgumentException($"Records must be consecutive and chained; record {records[i].Seq} does not follow {records[i - 1].Seq}.", nameof(records));
            }
        }
        if (records.Count == 0 && checkpoint is null)
        {
            return;
        }
        using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);
        var head = await ReadHeadAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (records.Count > 0 && (records[0].Seq != head.Seq + 1 || records[0].PrevHash != head.Hash))
        {
            throw new AuditChainConflictException($"The batch starts at record {records[0].Seq} but the stored chain ends at {head.Seq}.");
        }
        if (records.Count > 0)
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO audit_records ({Columns}) VALUES ($seq, $ts, $kind, $agent, $org, $operation, $risk, $decision, $policy, $approval_id, $parameters, $intent_seq, $o_status, $o_http, $o_duration, $o_request, $o_code, $o_message, $prev_hash, $hash);";
            var p = new Dictionary<string, SqliteParameter>(StringComparer.Ordinal);
            foreach (var name in new[] { "$seq", "$ts", "$kind", "$agent", "$org", "$operation", "$risk", "$decision", "$policy", "$approval_id", "$parameters", "$intent_seq", "$o_status", "$o_http", "$o_duration", "$o_request", "$o_code", "$o_message", "$prev_hash", "$hash" })
            {
                p[name] = insert.Parameters.AddWithValue(name, DBNull.Value); // type inferred from each value
            }
            insert.Prepare();
            foreach (var r in records)
            {
                p["$seq"].Value = r.Seq;
                p["$ts"].Value = r.TimestampText;
                p["$kind"].Value = AuditRecord.KindName(r.Kind);
                p["$agent"].Value = r.Agent;
                p["$org"].Value = r.Org;
                p["$operation"].Value = r.Operation;
                p["$risk"].Value = (object?)r.Risk ?? DBNull.Value;
                p["$decision"].Value = (object?)r.Decision ?? DBNull.Value;
                p["$policy"].Value = (object?)r.Policy ?? DBNull.Value;
                p["$approval_id"].Value = (object?)r.ApprovalId ?? DBNull.Value;
                p["$parameters"].Value = r.Parameters;
                p["$intent_seq"].Value = (object?)r.IntentSeq ?? DBNull.Value;
                p["$o_status"].Value = (object?)r.Outcome?.Status ?? DBNull.Value;
                p["$o_http"].Value = (object?)r.Outcome?.HttpStatus ?? DBNull.Value;
                p["$o_duration"].Value = (object?)r.Outcome?.DurationMs ?? DBNull.Value;
                p["$o_request"].Value = (object?)r.Outcome?.JiraRequestId ?? DBNull.Value;
                p["$o_code"].Value = (object?)r.Outcome?.ErrorCode ?? DBNull.Value;
                p["$o_message"].Value = (object?)r.Outcome?.ErrorMessage ?? DBNull.Value;
                p["$prev_hash"].Value = r.PrevHash;
                p["$hash"].Value = r.Hash;
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        if (checkpoint is not null)
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO audit_checkpoints (seq, head_hash, count, ts, key_id, signature) VALUES ($seq, $head, $count, $ts, $key, $sig) ON CONFLICT (seq) DO NOTHING;";
            insert.Parameters.AddWithValue("$seq", checkpoint.Seq);
            insert.Parameters.AddWithValue("$head", checkpoint.HeadHash);
            insert.Parameters.AddWithValue("$count", checkpoint.Count);
            insert.Parameters.AddWithValue("$ts", AuditRecord.FormatTimestamp(checkpoint.Timestamp));
            insert.Parameters.AddWithValue("$key", checkpoint.KeyId);
            insert.Parameters.AddWithValue("$sig", checkpoint.Signature);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AuditRecord> ReadAsync(long fromSeq = 1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM audit_records WHERE seq >= $from ORDER BY seq;";
        command.Parameters.AddWithValue("$from", fromSeq);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return Map(reader);
        }
    }

    /// <inheritdoc />
    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        var where = new StringBuilder("seq > $after");
        command.Parameters.AddWithValue("$after", query.AfterSeq);
        void Filter(string column, string name, object? value)
        {
            if (value is not null)
            {
                where.Append(" AND ").Append(column).Append(' ').Append(name);
                command.Parameters.AddWithValue(name[(name.IndexOf('$', StringComparison.Ordinal))..], value);
            }
        }
        Filter("agent", "= $agent", query.Agent);
        Filter("org", "= $org", query.Org);
        Filter("operation", "= $operation", query.Operation);
        Filter("decision", "= $decision", query.Decision);
        Filter("kind", "= $kind", query.Kind is { } k ? AuditRecord.KindName(k) : null);
        Filter("ts", ">= $from", query.From is { } from ? AuditRecord.FormatTimestamp(from) : null);
        Filter("ts", "< $to", query.To is { } to ? AuditRecord.FormatTimestamp(to) : null);
        command.CommandText = $"SELECT {Columns} FROM audit_records WHERE {where} ORDER BY seq LIMIT $limit;";
        command.Parameters.AddWithValue("$limit", query.Limit + 1);
        var records = new List<AuditRecord>(Math.Min(query.Limit + 1, 128));
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                records.Add(Map(reader));
            }
        }
        var more = records.Count > query.Limit;
        if (more)
        {
            records.RemoveAt(records.Count - 1);
        }
        return new AuditPage { Records = records, NextAfterSeq = more ? records[^1].Seq : null };
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditCheckpoint>> ListCheckpointsAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, head_hash, count, ts, key_id, signature FROM audit_checkpoints ORDER BY seq;";
        var list = new List<AuditCheckpoint>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new AuditCheckpoint
            {
                Seq = reader.GetInt64(0),
                HeadHash = reader.GetString(1),
                Count = reader.GetInt64(2),
                Timestamp = AuditRecord.ParseTimestamp(reader.GetString(3)),
                KeyId = reader.GetString(4),
                Signature = reader.GetString(5),
            });
        }
        return list;
    }

    /// <inheritdoc />
    public override string ToString() => "SQLite audit store";

    private static async Task<AuditHead> ReadHeadAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1;";
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new AuditHead { Seq = reader.GetInt64(0), Hash = reader.GetString(1) }
            : AuditHead.Empty;
    }

    private static AuditRecord Map(SqliteDataReader r)
    {
        string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        long? L(int i) => r.IsDBNull(i) ? null : r.GetInt64(i);
        var status = S(12);
        return new AuditRecord
        {
            Seq = r.GetInt64(0),
            Timestamp = AuditRecord.ParseTimestamp(r.GetString(1)),
            Kind = AuditRecord.ParseKind(r.GetString(2)),
            Agent = r.GetString(3),
            Org = r.GetString(4),
            Operation = r.GetString(5),
            Risk = S(6),
            Decision = S(7),
            Policy = S(8),
            ApprovalId = S(9),
            Parameters = r.GetString(10),
            IntentSeq = L(11),
            Outcome = status is null ? null : new AuditOutcome
            {
                Status = status,
                HttpStatus = (int?)L(13),
                DurationMs = L(14) ?? 0,
                JiraRequestId = S(15),
                ErrorCode = S(16),
                ErrorMessage = S(17),
            },
            PrevHash = r.GetString(18),
            Hash = r.GetString(19),
        };
    }
}
