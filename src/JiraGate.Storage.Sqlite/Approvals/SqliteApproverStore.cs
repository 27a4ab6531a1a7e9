using JiraGate.Governance.Agents;
using Microsoft.Data.Sqlite;

namespace JiraGate.Storage.Sqlite;

/// <summary>The SQLite <see cref="IApproverStore"/>: tables <c>approvers</c> and <c>approver_keys</c> (hashes only).</summary>
public sealed class SqliteApproverStore : SqliteKeyHolderStore<Approver>, IApproverStore
{
    /// <summary>Creates the store over a connection source (e.g. the database's <c>OpenConnectionAsync</c>).</summary>
    /// <param name="openConnection">Opens a configured connection; the store disposes it.</param>
    public SqliteApproverStore(Func<CancellationToken, Task<SqliteConnection>> openConnection)
        : base(openConnection, "approvers", "approver_keys",
            ["id", "org_id", "display_name", "email", "enabled", "created_at", "updated_at"],
            ["display_name", "email", "enabled", "updated_at"])
    {
    }

    private protected override void Bind(SqliteCommand command, Approver holder)
    {
        command.Parameters.AddWithValue("$id", holder.Id);
        command.Parameters.AddWithValue("$org_id", holder.OrgId);
        command.Parameters.AddWithValue("$display_name", holder.DisplayName);
        command.Parameters.AddWithValue("$email", SqliteValues.ToDb(holder.Email));
        command.Parameters.AddWithValue("$enabled", holder.Enabled ? 1 : 0);
        command.Parameters.AddWithValue("$created_at", SqliteValues.ToMs(holder.CreatedAt));
        command.Parameters.AddWithValue("$updated_at", SqliteValues.ToMs(holder.UpdatedAt));
    }

    private protected override Approver Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        OrgId = reader.GetString(1),
        DisplayName = reader.GetString(2),
        Email = SqliteValues.NullableString(reader, 3),
        Enabled = reader.GetInt64(4) != 0,
        CreatedAt = SqliteValues.Time(reader, 5),
        UpdatedAt = SqliteValues.Time(reader, 6),
    };
}
