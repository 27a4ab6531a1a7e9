using JiraGate.Governance.Agents;
using Microsoft.Data.Sqlite;

namespace JiraGate.Storage.Sqlite;

/// <summary>
/// What the agent and approver stores share: a holder table plus its key table (hashes only, see
/// <see cref="SqliteKeyTable"/>). A subclass names its table and columns and maps one row.
/// </summary>
/// <typeparam name="THolder">The agent or approver record.</typeparam>
public abstract class SqliteKeyHolderStore<THolder> : IKeyHolderStore<THolder>
    where THolder : class, IKeyHolder
{
    private readonly Func<CancellationToken, Task<SqliteConnection>> _open;
    private readonly SqliteKeyTable _keys;
    private readonly string _table;
    private readonly string _columns;
    private readonly string _insert;
    private readonly string _update;

    /// <summary>Creates the store over a connection source (e.g. the database's <c>OpenConnectionAsync</c>).</summary>
    /// <param name="openConnection">Opens a configured connection; the store disposes it.</param>
    /// <param name="table">The holder table, e.g. <c>agents</c>.</param>
    /// <param name="keyTable">Its key table, e.g. <c>agent_keys</c>.</param>
    /// <param name="columns">Every column, in the order <see cref="Read"/> reads them; the first is <c>id</c>.</param>
    /// <param name="updatable">The columns an update may change.</param>
    private protected SqliteKeyHolderStore(Func<CancellationToken, Task<SqliteConnection>> openConnection, string table, string keyTable,
        IReadOnlyList<string> columns, IReadOnlyList<string> updatable)
    {
        ArgumentNullException.ThrowIfNull(openConnection);
        _open = openConnection;
        _keys = new SqliteKeyTable(openConnection, table, keyTable);
        _table = table;
        _columns = string.Join(", ", columns);
        _insert = $"INSERT INTO {table} ({_columns}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))}) ON CONFLICT (id) DO NOTHING;";
        _update = $"UPDATE {table} SET {string.Join(", ", updatable.Select(c => c + " = $" + c))} WHERE id = $id;";
    }

    /// <summary>Binds every column of <paramref name="holder"/> as <c>$column</c>.</summary>
    private protected abstract void Bind(SqliteCommand command, THolder holder);

    /// <summary>Reads one row, columns in constructor order.</summary>
    private protected abstract THolder Read(SqliteDataReader reader);

    /// <inheritdoc />
    public async Task<bool> CreateAsync(THolder holder, StoredApiKey firstKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentNullException.ThrowIfNull(firstKey);
        var connection = await _open(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using (var insert = SqliteValues.Command(connection, _insert, transaction))
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
    public async Task<THolder?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var found = await QueryAsync($"SELECT {_columns} FROM {_table} WHERE id = $p;", id, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<THolder>> ListAsync(string? orgId = null, CancellationToken cancellationToken = default) =>
        orgId is null
            ? QueryAsync($"SELECT {_columns} FROM {_table} ORDER BY id;", null, cancellationToken)
            : QueryAsync($"SELECT {_columns} FROM {_table} WHERE org_id = $p ORDER BY id;", orgId, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> UpdateAsync(THolder holder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var connection = await _open(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var update = SqliteValues.Command(connection, _update);
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

    private async Task<IReadOnlyList<THolder>> QueryAsync(string sql, string? parameter, CancellationToken ct)
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
            var holders = new List<THolder>();
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                holders.Add(Read(reader));
            }
            return holders;
        }
    }
}
