using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JiraGate.Storage.Sqlite;

/// <summary>
/// One JiraGate SQLite database: opened once (WAL journal, migrations applied), then a source of configured
/// connections for the stores. Connections are pooled; each one gets the busy timeout, foreign keys and the
/// synchronous level when opened. Unless <see cref="SqliteStorageOptions.CheckpointInterval"/> is zero, a background
/// checkpointer copies the WAL into the file off the commit path; dispose the database to stop it (a last
/// checkpoint truncates the WAL). Connections keep working after disposal.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable, IDisposable
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
        if (options.CheckpointInterval > TimeSpan.Zero)
        {
            // Per connection: no commit runs a checkpoint; the checkpointer does (see SqliteWalCheckpointer).
            // A restarted WAL is cut back to twice the restart threshold, not to it: the WAL passes the threshold
            // by up to a round's worth of commits, and cutting below that makes each cycle regrow the file (an
            // fsync that also commits the new size costs more than one that overwrites in place).
            _connectionPragmas += string.Create(CultureInfo.InvariantCulture, $" PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = {2 * options.WalSizeLimit};");
        }
    }

    /// <summary>The settings this database was opened with.</summary>
    public SqliteStorageOptions Options { get; }

    /// <summary>The schema version after migrations.</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>The background WAL checkpointer; null when <see cref="SqliteStorageOptions.CheckpointInterval"/> is zero.</summary>
    internal SqliteWalCheckpointer? Checkpointer { get; private set; }

    /// <summary>Opens (creating if needed) the database, switches it to WAL and applies pending migrations.</summary>
    /// <exception cref="SqliteMigrationException">A migration failed (nothing of it was applied) or the database is newer than this build.</exception>
    public static Task<SqliteDatabase> OpenAsync(SqliteStorageOptions options, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default) =>
        OpenAsync(options, timeProvider, null, cancellationToken);

    /// <summary>
    /// Opens (creating if needed) the database, switches it to WAL, applies pending migrations and starts the
    /// background checkpointer (on <paramref name="timeProvider"/>'s clock; failures go to <paramref name="logger"/>).
    /// </summary>
    /// <exception cref="SqliteMigrationException">A migration failed (nothing of it was applied) or the database is newer than this build.</exception>
    public static async Task<SqliteDatabase> OpenAsync(SqliteStorageOptions options, TimeProvider? timeProvider, ILogger<SqliteDatabase>? logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CheckpointInterval, TimeSpan.Zero, nameof(SqliteStorageOptions.CheckpointInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WalSizeLimit, 1L << 20, nameof(SqliteStorageOptions.WalSizeLimit));
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
        var time = timeProvider ?? TimeProvider.System;
        database.SchemaVersion = await SqliteMigrator.MigrateAsync(
            connection, SqliteMigrator.EmbeddedMigrations(), time, cancellationToken).ConfigureAwait(false);
        if (options.CheckpointInterval > TimeSpan.Zero)
        {
            database.Checkpointer = new SqliteWalCheckpointer(options, database.OpenConnectionAsync, time, (ILogger?)logger ?? NullLogger.Instance);
        }
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

    /// <summary>
    /// Runs a checkpoint round now: <c>PASSIVE</c>, then <c>RESTART</c> when the WAL is over
    /// <see cref="SqliteStorageOptions.WalSizeLimit"/>. Without a background checkpointer, one <c>PASSIVE</c> checkpoint.
    /// </summary>
    /// <exception cref="SqliteException">SQLite refused the checkpoint.</exception>
    public async Task<SqliteCheckpointResult> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        if (Checkpointer is { } checkpointer)
        {
            return await checkpointer.RunAsync(final: false, cancellationToken).ConfigureAwait(false);
        }
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new SqliteCheckpointResult { Mode = "PASSIVE", Busy = reader.GetInt64(0) != 0, WalFrames = reader.GetInt64(1), CheckpointedFrames = reader.GetInt64(2) };
    }

    /// <summary>Stops the background checkpointer after a last <c>TRUNCATE</c> checkpoint (logged if it fails).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Checkpointer is { } checkpointer)
        {
            await checkpointer.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <see cref="DisposeAsync"/>, blocking: for containers disposed synchronously (a service provider refuses to
    /// dispose an async-only singleton that way).
    /// </summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override string ToString() => $"SQLite database {Options.DatabasePath} (schema {SchemaVersion})";
}
