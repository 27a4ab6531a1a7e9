using System.Globalization;
using Microsoft.Data.Sqlite;

namespace JiraGate.Storage.Sqlite;

/// <summary>
/// One JiraGate SQLite database: opened once (WAL journal, migrations applied), then a source of configured
/// connections for the stores. Connections are pooled; each one gets the busy timeout, foreign keys and the
/// synchronous level when opened.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly string _connectionPragmas;

    private SqliteDatabase(SqliteStorageOptions options)
    {
        Options = options;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();
        _connectionPragmas = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = {(options.DurableCommits ? "FULL" : "NORMAL")};");
    }

    /// <summary>The settings this database was opened with.</summary>
    public SqliteStorageOptions Options { get; }

    /// <summary>The schema version after migrations.</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>Opens (creating if needed) the database, switches it to WAL and applies pending migrations.</summary>
    /// <exception cref="SqliteMigrationException">A migration failed (nothing of it was applied) or the database is newer than this build.</exception>
    public static async Task<SqliteDatabase> OpenAsync(SqliteStorageOptions options, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        if (Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath)) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }
        var database = new SqliteDatabase(options);
        using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using (var wal = connection.CreateCommand())
        {
            // Persistent: set once on the file, readers then never block the writer.
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = (string?)await wal.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite refused WAL mode for '{options.DatabasePath}' (journal mode is {mode}).");
            }
        }
        database.SchemaVersion = await SqliteMigrator.MigrateAsync(
            connection, SqliteMigrator.EmbeddedMigrations(), timeProvider ?? TimeProvider.System, cancellationToken).ConfigureAwait(false);
        return database;
    }

    /// <summary>An open connection with the per-connection settings applied; the caller disposes it.</summary>
    public async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = _connectionPragmas;
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"SQLite database {Options.DatabasePath} (schema {SchemaVersion})";
}
