using System.Globalization;
using System.Text;
using JiraGate.Governance.Approvals;
using Microsoft.Data.Sqlite;

namespace JiraGate.Storage.Sqlite;

/// <summary>
/// The SQLite <see cref="IApprovalStore"/>. Every state change is one <c>UPDATE … WHERE id = ? AND state = ?</c>
/// (plus the expiry and argument-hash conditions): SQLite runs writers one at a time, so of concurrent callers making
/// the same change exactly one sees a changed row.
/// </summary>
public sealed class SqliteApprovalStore : IApprovalStore
{
    private const string Columns = "id, agent_id, org_id, agent_owner, operation, policy, channel, risk, automatic, arguments_json, arguments_sha256, "
        + "state, created_at, expires_at, decided_by, decided_at, decision_comment, executed_by, execution_started_at, completed_at, result_json, error";

    private readonly Func<CancellationToken, Task<SqliteConnection>> _open;

    /// <summary>Creates the store over a connection source (e.g. the database's <c>OpenConnectionAsync</c>).</summary>
    public SqliteApprovalStore(Func<CancellationToken, Task<SqliteConnection>> openConnection)
    {
        ArgumentNullException.ThrowIfNull(openConnection);
        _open = openConnection;
    }

    /// <inheritdoc />
    public async Task<bool> CreateAsync(Approval approval, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(approval);
        var connection = await _open(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var insert = SqliteValues.Command(connection,
                $"INSERT INTO approvals ({Columns}) VALUES ($id, $agent_id, $org_id, $agent_owner, $operation, $policy, $channel, $risk, $automatic, "
                + "$arguments_json, $arguments_sha256, $state, $created_at, $expires_at, $decided_by, $decided_at, $decision_comment, $executed_by, "
                + "$execution_started_at, $completed_at, $result_json, $error) ON CONFLICT (id) DO NOTHING;");
            var p = insert.Parameters;
            p.AddWithValue("$id", approval.Id);
            p.AddWithValue("$agent_id", approval.AgentId);
            p.AddWithValue("$org_id", approval.OrgId);
            p.AddWithValue("$agent_owner", SqliteValues.ToDb(approval.AgentOwner));
            p.AddWithValue("$operation", approval.Operation);
            p.AddWithValue("$policy", SqliteValues.ToDb(approval.Policy));
            p.AddWithValue("$channel", SqliteValues.ToDb(approval.Channel));
            p.AddWithValue("$risk", approval.Risk);
            p.AddWithValue("$automatic", approval.Automatic ? 1 : 0);
            p.AddWithValue("$arguments_json", approval.Arguments.CanonicalJson);
            p.AddWithValue("$arguments_sha256", approval.Arguments.Sha256);
            p.AddWithValue("$state", ApprovalStates.ToName(approval.State));
            p.AddWithValue("$created_at", SqliteValues.ToMs(approval.CreatedAt));
            p.AddWithValue("$expires_at", SqliteValues.ToMs(approval.ExpiresAt));
            p.AddWithValue("$decided_by", SqliteValues.ToDb(approval.DecidedBy));
            p.AddWithValue("$decided_at", SqliteValues.ToDb(approval.DecidedAt));
            p.AddWithValue("$decision_comment", SqliteValues.ToDb(approval.DecisionComment));
            p.AddWithValue("$executed_by", SqliteValues.ToDb(approval.ExecutedBy));
            p.AddWithValue("$execution_started_at", SqliteValues.ToDb(approval.ExecutionStartedAt));
            p.AddWithValue("$completed_at", SqliteValues.ToDb(approval.CompletedAt));
            p.AddWithValue("$result_json", SqliteValues.ToDb(approval.ResultJson));
            p.AddWithValue("$error", SqliteValues.ToDb(approval.Error));
            return await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    /// <inheritdoc />
    public async Task<Approval?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var found = await QueryAsync($"SELECT {Columns} FROM approvals WHERE id = $id;",
            p => p.AddWithValue("$id", id), cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public async Task<Approval?> FindOpenAsync(string agentId, string operation, string argumentsSha256, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        ArgumentException.ThrowIfNullOrWhiteSpace(argumentsSha256);
        var found = await QueryAsync(
            $"SELECT {Columns} FROM approvals WHERE agent_id = $agent_id AND operation = $operation AND arguments_sha256 = $sha "
            + "AND state IN ('pending', 'approved') AND expires_at > $now ORDER BY created_at DESC, id LIMIT 1;",
            p =>
            {
                p.AddWithValue("$agent_id", agentId);
                p.AddWithValue("$operation", operation);
                p.AddWithValue("$sha", argumentsSha256);
                p.AddWithValue("$now", SqliteValues.ToMs(now));
            }, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Approval>> ListAsync(ApprovalQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, "Limit must be between 1 and 1000.");
        }
        var sql = new StringBuilder($"SELECT {Columns} FROM approvals WHERE 1 = 1");
        if (query.OrgId is not null)
        {
            sql.Append(" AND org_id = $org_id");
        }
        if (query.AgentId is not null)
        {
            sql.Append(" AND agent_id = $agent_id");
        }
        var states = query.States ?? [];
        if (states.Count > 0)
        {
            sql.Append(" AND state IN (").AppendJoin(", ", states.Select((_, i) => $"$s{i}")).Append(')');
        }
        sql.Append(" ORDER BY created_at DESC, id LIMIT $limit;");
        return QueryAsync(sql.ToString(), p =>
        {
            if (query.OrgId is not null)
            {
                p.AddWithValue("$org_id", query.OrgId);
            }
            if (query.AgentId is not null)
            {
                p.AddWithValue("$agent_id", query.AgentId);
            }
            for (var i = 0; i < states.Count; i++)
            {
                p.AddWithValue("$s" + i.ToString(CultureInfo.InvariantCulture), ApprovalStates.ToName(states[i]));
            }
            p.AddWithValue("$limit", query.Limit);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> TryTransitionAsync(ApprovalTransition transition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transition);
        if (!ApprovalStates.IsLegal(transition.From, transition.To))
        {
            throw new ArgumentException($"{transition} is not a legal approval transition.", nameof(transition));
        }
        var set = transition.To switch
        {
            ApprovalState.Approved or ApprovalState.Denied => ", decided_by = $actor, decided_at = $at, decision_comment = $comment",
            ApprovalState.Executing => ", executed_by = $actor, execution_started_at = $at",
            ApprovalState.Executed => ", completed_at = $at, result_json = $result",
            ApprovalState.Failed => ", completed_at = $at, error = $error",
            _ => string.Empty,
        };
        var sql = new StringBuilder("UPDATE approvals SET state = $to").Append(set).Append(" WHERE id = $id AND state = $from");
        if (transition.RequireUnexpired)
        {
            sql.Append(" AND expires_at > $at");
        }
        if (transition.ArgumentsSha256 is not null)
        {
            sql.Append(" AND arguments_sha256 = $sha");
        }
        var connection = await _open(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var update = SqliteValues.Command(connection, sql.Append(';').ToString());
            var p = update.Parameters;
            p.AddWithValue("$id", transition.ApprovalId);
            p.AddWithValue("$from", ApprovalStates.ToName(transition.From));
            p.AddWithValue("$to", ApprovalStates.ToName(transition.To));
            p.AddWithValue("$at", SqliteValues.ToMs(transition.At));
            p.AddWithValue("$actor", SqliteValues.ToDb(transition.Actor));
            p.AddWithValue("$comment", SqliteValues.ToDb(transition.Comment));
            p.AddWithValue("$result", SqliteValues.ToDb(transition.ResultJson));
            p.AddWithValue("$error", SqliteValues.ToDb(transition.Error));
            p.AddWithValue("$sha", SqliteValues.ToDb(transition.ArgumentsSha256));
            return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    /// <inheritdoc />
    public async Task<int> ExpireDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var connection = await _open(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var update = SqliteValues.Command(connection,
                "UPDATE approvals SET state = 'expired' WHERE state IN ('pending', 'approved') AND expires_at <= $now;");
            update.Parameters.AddWithValue("$now", SqliteValues.ToMs(now));
            return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<Approval>> QueryAsync(string sql, Action<SqliteParameterCollection> bind, CancellationToken ct)
    {
        var connection = await _open(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = SqliteValues.Command(connection, sql);
            bind(command.Parameters);
            using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            var approvals = new List<Approval>();
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                approvals.Add(Read(reader));
            }
            return approvals;
        }
    }

    private static Approval Read(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        AgentId = r.GetString(1),
        OrgId = r.GetString(2),
        AgentOwner = SqliteValues.NullableString(r, 3),
        Operation = r.GetString(4),
        Policy = SqliteValues.NullableString(r, 5),
        Channel = SqliteValues.NullableString(r, 6),
        Risk = r.GetString(7),
        Automatic = r.GetInt64(8) != 0,
        Arguments = ApprovalArguments.FromStored(r.GetString(9), r.GetString(10)),
        State = ApprovalStates.Parse(r.GetString(11)),
        CreatedAt = SqliteValues.Time(r, 12),
        ExpiresAt = SqliteValues.Time(r, 13),
        DecidedBy = SqliteValues.NullableString(r, 14),
        DecidedAt = SqliteValues.NullableTime(r, 15),
        DecisionComment = SqliteValues.NullableString(r, 16),
        ExecutedBy = SqliteValues.NullableString(r, 17),
        ExecutionStartedAt = SqliteValues.NullableTime(r, 18),
        CompletedAt = SqliteValues.NullableTime(r, 19),
        ResultJson = SqliteValues.NullableString(r, 20),
        Error = SqliteValues.NullableString(r, 21),
    };
}
