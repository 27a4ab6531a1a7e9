using System.Text.Json;
using JiraGate.Governance.Agents;
using Microsoft.Data.Sqlite;

namespace JiraGate.Storage.Sqlite;

/// <summary>The SQLite <see cref="IAgentStore"/>: tables <c>agents</c> and <c>agent_keys</c> (hashes only).</summary>
public sealed class SqliteAgentStore : IAgentStore
{
    private const string Columns = "id, org_id, display_name, owner, policies, enabled, created_at, updated_at";
    private readonly Func<CancellationToken, Task<SqliteConnection>> _open;
    private readonly SqliteKeyTable _keys;

    /// <summary>Creates the store over a connection source (e.g. the database's <c>OpenConnectionAsync</c>).</summary>
    public SqliteAgentStore(Func<CancellationToken, Task<SqliteConnection>> openConnection)
    {
        ArgumentNullException.ThrowIfNull(openConnection);
        _open = openConnection;
        _keys = new SqliteKeyTable(openConnection, "agents", "agent_keys");
    }

    /// <inheritdoc />
    public async Task<bool> CreateAsync(Agent holder, StoredApiKey firstKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentNullException.ThrowIfNull(firstKey);
        var connection = await _open(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using (var insert = SqliteValues.Command(connection,
                $"INSERT INTO agents ({Columns}) VALUES ($id, $org_id, $display_name, $owner, $policies, $enabled, $created_at, $updated_at) ON CONFLICT (id) DO NOTHING;",
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
    public async Task<Agent?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var found = await QueryAsync($"SELECT {Columns} FROM agents WHERE id = $p;", id, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Agent>> ListAsync(string? orgId = null, CancellationToken cancellationToken = default) =>
        orgId is null
            ? QueryAsync($"SELECT {Columns} FROM agents ORDER BY id;", null, cancellationToken)
            : QueryAsync($"SELECT {Columns} FROM agents WHERE org_id = $p ORDER BY id;", orgId, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> UpdateAsync(Agent holder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var connection = await _open(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var update = SqliteValues.Command(connection,
                "UPDATE agents SET display_name = $display_name, owner = $owner, policies = $policies, enabled = $enabled, updated_at = $updated_at WHERE id = $id;");
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

    private static void Bind(SqliteCommand command, Agent agent)
    {
        command.Parameters.AddWithValue("$id", agent.Id);
        command.Parameters.AddWithValue("$org_id", agent.OrgId);
        command.Parameters.AddWithValue("$display_name", agent.DisplayName);
        command.Parameters.AddWithValue("$owner", agent.Owner);
        command.Parameters.AddWithValue("$policies", PoliciesJson(agent.Policies));
        command.Parameters.AddWithValue("$enabled", agent.Enabled ? 1 : 0);
        command.Parameters.AddWithValue("$created_at", SqliteValues.ToMs(agent.CreatedAt));
        command.Parameters.AddWithValue("$updated_at", SqliteValues.ToMs(agent.UpdatedAt));
    }

    private async Task<IReadOnlyList<Agent>> QueryAsync(string sql, string? parameter, CancellationToken ct)
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
            var agents = new List<Agent>();
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                agents.Add(new Agent
                {
                    Id = reader.GetString(0),
                    OrgId = reader.GetString(1),
                    DisplayName = reader.GetString(2),
                    Owner = reader.GetString(3),
                    Policies = ParsePolicies(reader.GetString(4)),
                    Enabled = reader.GetInt64(5) != 0,
                    CreatedAt = SqliteValues.Time(reader, 6),
                    UpdatedAt = SqliteValues.Time(reader, 7),
                });
            }
            return agents;
        }
    }

    private static string PoliciesJson(IReadOnlyList<string> policies)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var policy in policies)
            {
                json.WriteStringValue(policy);
            }
            json.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string[] ParsePolicies(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e => e.GetString()!)];
    }
}
