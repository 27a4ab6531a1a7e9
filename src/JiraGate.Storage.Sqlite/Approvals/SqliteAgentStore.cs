using System.Text.Json;
using JiraGate.Governance.Agents;
using Microsoft.Data.Sqlite;

namespace JiraGate.Storage.Sqlite;

/// <summary>The SQLite <see cref="IAgentStore"/>: tables <c>agents</c> and <c>agent_keys</c> (hashes only).</summary>
public sealed class SqliteAgentStore : SqliteKeyHolderStore<Agent>, IAgentStore
{
    /// <summary>Creates the store over a connection source (e.g. the database's <c>OpenConnectionAsync</c>).</summary>
    /// <param name="openConnection">Opens a configured connection; the store disposes it.</param>
    public SqliteAgentStore(Func<CancellationToken, Task<SqliteConnection>> openConnection)
        : base(openConnection, "agents", "agent_keys",
            ["id", "org_id", "display_name", "owner", "policies", "enabled", "created_at", "updated_at"],
            ["display_name", "owner", "policies", "enabled", "updated_at"])
    {
    }

    private protected override void Bind(SqliteCommand command, Agent holder)
    {
        command.Parameters.AddWithValue("$id", holder.Id);
        command.Parameters.AddWithValue("$org_id", holder.OrgId);
        command.Parameters.AddWithValue("$display_name", holder.DisplayName);
        command.Parameters.AddWithValue("$owner", holder.Owner);
        command.Parameters.AddWithValue("$policies", PoliciesJson(holder.Policies));
        command.Parameters.AddWithValue("$enabled", holder.Enabled ? 1 : 0);
        command.Parameters.AddWithValue("$created_at", SqliteValues.ToMs(holder.CreatedAt));
        command.Parameters.AddWithValue("$updated_at", SqliteValues.ToMs(holder.UpdatedAt));
    }

    private protected override Agent Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        OrgId = reader.GetString(1),
        DisplayName = reader.GetString(2),
        Owner = reader.GetString(3),
        Policies = ParsePolicies(reader.GetString(4)),
        Enabled = reader.GetInt64(5) != 0,
        CreatedAt = SqliteValues.Time(reader, 6),
        UpdatedAt = SqliteValues.Time(reader, 7),
    };

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
