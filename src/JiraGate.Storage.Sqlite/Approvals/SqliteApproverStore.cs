using JiraGate.Governance.Agents;
using Microsoft.Data.Sqlite;

namespace JiraGate.Storage.Sqlite;

/// <summary>The SQLite <see cref="IApproverStore"/>: tables <c>approvers</c> and <c>approver_keys</c> (hashes only).</summary>
public sealed class SqliteApproverStore : IApproverStore
{
    private const string Columns = "id, org_id, display_name, email, enabled, created_at, updated_at";
    private readonly Func<CancellationToken, Task<SqliteConnection>> _open;
    private readonly SqliteKeyTable _keys;

    /// <summary>Creates the store over a connection source (e.g. the database's <c>OpenConnectionAsync</c>).</summary>
    public SqliteApproverStore(Func<CancellationToken, Task<SqliteConnection>> openConnection)
    {
        ArgumentNullException.ThrowIfNull(openConnection);
        _open = openConnection;
        _keys = new SqliteKeyTable(openConnection, "approvers", "approver_keys");
    }

    /// <inheritdoc />
    public async Task<bool> CreateAsync(Approver holder, StoredApiKey firstKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentNullException.ThrowIfNull(firstKey);
        var connection = await _open(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using (var insert = SqliteValues.Command(connection,
                $"INSERT INTO approvers ({Columns}) VALUES ($id, $org_id, $display_name, $email, $enabled, $created_at, $updated_at) ON CONFLICT (id) DO NOTHING;",
                transaction))
            {
                Bind(insert, holder);
                if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    return false;
                }
            }
            await _keys.InsertAsync(connection, transaction, firstKey, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    /// <inheritdoc />
    public async Task<Approver?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var found = await QueryAsync($"SELECT {Columns} FROM approvers WHERE id = $p;", id, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Approver>> ListAsync(string? orgId = null, CancellationToken cancellationToken = default) =>
        orgId is null
            ? QueryAsync($"SELECT {Columns} FROM approvers ORDER BY id;", null, cancellationToken)
            : QueryAsync($"SELECT {Columns} FROM approvers WHERE org_id = $p ORDER BY id;", orgId, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> UpdateAsync(Approver holder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var connection = await _open(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var update = SqliteValues.Command(connection,
                "UPDATE approvers SET display_name = $display_name, email = $email, enabled = $enabled, updated_at = $updated_at WHERE id = $id;");
            Bind(update, holder);
            return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    /// <inheritdoc />
    public Task<bool> AddKeyAsync(StoredApiKey key, DateTimeOffset retireOthersAt, CancellationToken cancellationToken = default) =>
        _keys.AddKeyAsync(key, retireOthersAt, cancellationToken);

    /// <inheritdoc />
    public Task<int> RevokeKeysAsync(string holderId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        _keys.RevokeAsync(holderId, at, cancellationToken);

    /// <inheritdoc />
    public Task<StoredApiKey?> FindKeyAsync(string keyId, CancellationToken cancellationToken = default) =>
        _keys.FindAsync(keyId, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredApiKey>> ListKeysAsync(string holderId, CancellationToken cancellationToken = default) =>
        _keys.ListAsync(holderId, cancellationToken);

    private static void Bind(SqliteCommand command, Approver approver)
    {
        command.Parameters.AddWithValue("$id", approver.Id);
        command.Parameters.AddWithValue("$org_id", approver.OrgId);
        command.Parameters.AddWithValue("$display_name", approver.DisplayName);
        command.Parameters.AddWithValue("$email", SqliteValues.ToDb(approver.Email));
        command.Parameters.AddWithValue("$enabled", approver.Enabled ? 1 : 0);
        command.Parameters.AddWithValue("$created_at", SqliteValues.ToMs(approver.CreatedAt));
        command.Parameters.AddWithValue("$updated_at", SqliteValues.ToMs(approver.UpdatedAt));
    }

    private async Task<IReadOnlyList<Approver>> QueryAsync(string sql, string? parameter, CancellationToken ct)
    {
        var connection = await _open(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = SqliteValues.Command(connection, sql);
            if (parameter is not null)
            {
                command.Parameters.AddWithValue("$p", parameter);
            }
            using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            var approvers = new List<Approver>();
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                approvers.Add(new Approver
                {
                    Id = reader.GetString(0),
                    OrgId = reader.GetString(1),
                    DisplayName = reader.GetString(2),
                    Email = SqliteValues.NullableString(reader, 3),
                    Enabled = reader.GetInt64(4) != 0,
                    CreatedAt = SqliteValues.Time(reader, 5),
                    UpdatedAt = SqliteValues.Time(reader, 6),
                });
            }
            return approvers;
        }
    }
}
