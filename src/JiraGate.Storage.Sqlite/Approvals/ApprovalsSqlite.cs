using Microsoft.Data.Sqlite;

namespace JiraGate.Storage.Sqlite;

/// <summary>
/// An interim way to open a SQLite file for the agent, approver and approval stores: WAL journal, busy timeout,
/// foreign keys, and <see cref="AgentsApprovalsSchema"/> applied. The shared database factory and migrations runner
/// replace it (pass its <c>OpenConnectionAsync</c> to the stores instead).
/// </summary>
public static class ApprovalsSqlite
{
    /// <summary>
    /// Opens (creating if needed) the database file, applies the schema and returns a function that opens configured,
    /// pooled connections for the stores (each caller disposes its connection).
    /// </summary>
    public static async Task<Func<CancellationToken, Task<SqliteConnection>>> OpenAsync(string databasePath, TimeSpan? busyTimeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        if (Path.GetDirectoryName(Path.GetFullPath(databasePath)) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }
        var timeout = busyTimeout ?? TimeSpan.FromSeconds(30);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)),
        }.ToString();
        var pragmas = $"PRAGMA busy_timeout = {(long)timeout.TotalMilliseconds}; PRAGMA synchronous = FULL;";

        async Task<SqliteConnection> Open(CancellationToken ct)
        {
            var connection = new SqliteConnection(connectionString);
            try
            {
                await connection.OpenAsync(ct).ConfigureAwait(false);
                using var command = connection.CreateCommand();
                command.CommandText = pragmas;
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                return connection;
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        var first = await Open(cancellationToken).ConfigureAwait(false);
        await using (first.ConfigureAwait(false))
        {
            using (var wal = first.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode = WAL;";
                await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await AgentsApprovalsSchema.ApplyAsync(first, cancellationToken).ConfigureAwait(false);
        }
        return Open;
    }
}

/// <summary>Small helpers shared by the agent, approver and approval stores.</summary>
internal static class SqliteValues
{
    public static long ToMs(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static object ToDb(DateTimeOffset? value) => value is { } v ? v.ToUnixTimeMilliseconds() : DBNull.Value;

    public static object ToDb(string? value) => value is null ? DBNull.Value : value;

    public static DateTimeOffset Time(SqliteDataReader reader, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public static DateTimeOffset? NullableTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
