using JiraGate.Governance.Agents;
using Microsoft.Data.Sqlite;

namespace JiraGate.Storage.Sqlite;

/// <summary>The key operations of a holder table and its key table (agents/agent_keys, approvers/approver_keys).</summary>
internal sealed class SqliteKeyTable(Func<CancellationToken, Task<SqliteConnection>> open, string holderTable, string keyTable)
{
    private readonly string _insertKey = $"INSERT INTO {keyTable} (key_id, holder_id, hash, created_at, expires_at, revoked_at) VALUES ($key_id, $holder_id, $hash, $created_at, $expires_at, $revoked_at);";
    private readonly string _holderExists = $"SELECT 1 FROM {holderTable} WHERE id = $id;";
    private readonly string _retire = $"UPDATE {keyTable} SET expires_at = $at WHERE holder_id = $holder_id AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $at);";
    private readonly string _revoke = $"UPDATE {keyTable} SET revoked_at = $at WHERE holder_id = $holder_id AND revoked_at IS NULL;";
    private readonly string _select = $"SELECT key_id, holder_id, hash, created_at, expires_at, revoked_at FROM {keyTable}";

    public async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, StoredApiKey key, CancellationToken ct)
    {
        using var insert = SqliteValues.Command(connection, _insertKey, transaction);
        insert.Parameters.AddWithValue("$key_id", key.KeyId);
        insert.Parameters.AddWithValue("$holder_id", key.HolderId);
        insert.Parameters.AddWithValue("$hash", key.Hash.ToArray());
        insert.Parameters.AddWithValue("$created_at", SqliteValues.ToMs(key.CreatedAt));
        insert.Parameters.AddWithValue("$expires_at", SqliteValues.ToDb(key.ExpiresAt));
        insert.Parameters.AddWithValue("$revoked_at", SqliteValues.ToDb(key.RevokedAt));
        await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async Task<bool> AddKeyAsync(StoredApiKey key, DateTimeOffset retireOthersAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        var connection = await open(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using (var exists = SqliteValues.Command(connection, _holderExists, transaction))
            {
                exists.Parameters.AddWithValue("$id", key.HolderId);
                if (await exists.ExecuteScalarAsync(ct).ConfigureAwait(false) is null)
                {
                    return false;
                }
            }
            using (var retire = SqliteValues.Command(connection, _retire, transaction))
            {
                retire.Parameters.AddWithValue("$holder_id", key.HolderId);
                retire.Parameters.AddWithValue("$at", SqliteValues.ToMs(retireOthersAt));
                await retire.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            await InsertAsync(connection, transaction, key, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }
    }

    public async Task<int> RevokeAsync(string holderId, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holderId);
        var connection = await open(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var revoke = SqliteValues.Command(connection, _revoke);
            revoke.Parameters.AddWithValue("$holder_id", holderId);
            revoke.Parameters.AddWithValue("$at", SqliteValues.ToMs(at));
            return await revoke.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    public async Task<StoredApiKey?> FindAsync(string keyId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        var keys = await QueryAsync(_select + " WHERE key_id = $p;", keyId, ct).ConfigureAwait(false);
        return keys.Count == 0 ? null : keys[0];
    }

    public Task<IReadOnlyList<StoredApiKey>> ListAsync(string holderId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holderId);
        return QueryAsync(_select + " WHERE holder_id = $p ORDER BY created_at, key_id;", holderId, ct);
    }

    private async Task<IReadOnlyList<StoredApiKey>> QueryAsync(string sql, string parameter, CancellationToken ct)
    {
        var connection = await open(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = SqliteValues.Command(connection, sql);
            command.Parameters.AddWithValue("$p", parameter);
            using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            var keys = new List<StoredApiKey>();
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                keys.Add(new StoredApiKey
                {
                    KeyId = reader.GetString(0),
                    HolderId = reader.GetString(1),
                    Hash = (byte[])reader.GetValue(2),
                    CreatedAt = SqliteValues.Time(reader, 3),
                    ExpiresAt = SqliteValues.NullableTime(reader, 4),
                    RevokedAt = SqliteValues.NullableTime(reader, 5),
                });
            }
            return keys;
        }
    }
}
