using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace JiraGate.Storage.Sqlite;

/// <summary>
/// Copies the WAL into the database file off the commit path. SQLite's automatic checkpoint runs inside the
/// committing transaction (every 1,000 pages, with an fsync of the database file), so one commit in a few
/// hundred stalls, and every append queued behind it; the connections therefore run with
/// <c>wal_autocheckpoint = 0</c> and this runs <c>PRAGMA wal_checkpoint(PASSIVE)</c> on a timer instead.
/// </summary>
/// <remarks>
/// A passive checkpoint never blocks writers, but under continuous writes it rarely catches up with the last
/// commit, and the WAL only restarts from its beginning when it has. So when the WAL passes
/// <see cref="SqliteStorageOptions.WalSizeLimit"/>, a <c>RESTART</c> checkpoint follows the passive one: it briefly
/// holds the write lock (the passive round has already copied nearly everything) and bounds the file. Disposal
/// stops the timer and runs a final <c>TRUNCATE</c>. Each process sharing the file runs its own checkpointer;
/// checkpoints are serialised by SQLite, so that is safe. Failures are logged and never reach a commit.
/// </remarks>
internal sealed class SqliteWalCheckpointer : IAsyncDisposable
{
    private const int FrameHeaderBytes = 24;
    // A restart holds the write lock while it waits for readers (another process's export, say): give up soon.
    private static readonly TimeSpan MaxRestartWait = TimeSpan.FromMilliseconds(50);

    private readonly string _path;
    private readonly long _walLimitBytes;
    private readonly TimeSpan _restartWait;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PeriodicTimer _timer;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _gate = new(1, 1); // one round at a time: timer, manual and final
    private readonly Task _loop;
    private TaskCompletionSource _round = NewRound();
    private long _pageSize;
    private int _disposed;

    public SqliteWalCheckpointer(SqliteStorageOptions options, Func<CancellationToken, Task<SqliteConnection>> openConnection, TimeProvider time, ILogger logger)
    {
        _path = options.DatabasePath;
        _walLimitBytes = options.WalSizeLimit;
        _restartWait = options.BusyTimeout < MaxRestartWait ? options.BusyTimeout : MaxRestartWait;
        OpenConnection = openConnection;
        _time = time;
        _logger = logger;
        _timer = new PeriodicTimer(options.CheckpointInterval, time);
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Where each round gets its connection (a seam for tests that make rounds fail).</summary>
    internal Func<CancellationToken, Task<SqliteConnection>> OpenConnection { get; set; }

    /// <summary>True once the timer loop has ended (disposed, or the database file is gone).</summary>
    internal bool IsStopped => _loop.IsCompleted;

    /// <summary>Completes when the next round (timer, manual or final) has finished, failed or not.</summary>
    internal Task NextRoundAsync() => Volatile.Read(ref _round).Task;

    /// <summary>
    /// One round now: <c>PASSIVE</c>, then <c>RESTART</c> if the WAL is over the limit (<c>TRUNCATE</c> when
    /// <paramref name="final"/>). Throws what SQLite throws; the timer's rounds log it instead.
    /// </summary>
    public async Task<SqliteCheckpointResult> RunAsync(bool final, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var started = _time.GetTimestamp();
            var connection = await OpenConnection(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                if (_pageSize == 0)
                {
                    _pageSize = await ScalarAsync(connection, "PRAGMA page_size;", cancellationToken).ConfigureAwait(false);
                }
                var result = await CheckpointAsync(connection, "PASSIVE", cancellationToken).ConfigureAwait(false);
                var over = result.WalFrames * (_pageSize + FrameHeaderBytes) > _walLimitBytes;
                if (final || over)
                {
                    // A second passive pass copies what was committed during the first, so the restart, which
                    // holds the write lock, has almost nothing left to copy.
                    await CheckpointAsync(connection, "PASSIVE", cancellationToken).ConfigureAwait(false);
                    await ScalarAsync(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(long)_restartWait.TotalMilliseconds};"), cancellationToken).ConfigureAwait(false);
                    var frames = result.WalFrames;
                    result = await CheckpointAsync(connection, final ? "TRUNCATE" : "RESTART", cancellationToken).ConfigureAwait(false);
                    if (result.Busy)
                    {
                        SqliteCheckpointMessages.RestartBusy(_logger, _path, frames, _walLimitBytes);
                    }
                }
                SqliteCheckpointMessages.Completed(_logger, result.Mode, _path, result.CheckpointedFrames, result.WalFrames, result.Busy,
                    (long)_time.GetElapsedTime(started).TotalMilliseconds);
                return result;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the timer, waits for a running round, then runs the final <c>TRUNCATE</c> round (logged, never thrown).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        _timer.Dispose();
        await _loop.ConfigureAwait(false);
        if (File.Exists(_path))
        {
            await TryRunAsync(final: true, CancellationToken.None).ConfigureAwait(false);
        }
        _stop.Dispose(); // _gate stays usable: SqliteDatabase.CheckpointAsync still works after disposal
    }

    private static TaskCompletionSource NewRound() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task<SqliteCheckpointResult> CheckpointAsync(SqliteConnection connection, string mode, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"PRAGMA wal_checkpoint({mode}) returned no row.");
        }
        // (busy, log, checkpointed); log and checkpointed are -1 when the database is not in WAL mode.
        return new SqliteCheckpointResult { Mode = mode, Busy = reader.GetInt64(0) != 0, WalFrames = reader.GetInt64(1), CheckpointedFrames = reader.GetInt64(2) };
    }

    private async Task LoopAsync()
    {
        try
        {
            while (await _timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                if (!File.Exists(_path))
                {
                    SqliteCheckpointMessages.FileGone(_logger, _path);
                    return;
                }
                await TryRunAsync(final: false, _stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // disposed
        }
    }

    private async Task TryRunAsync(bool final, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(final, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A checkpoint is housekeeping: the commits it follows are already durable in the WAL.
            SqliteCheckpointMessages.Failed(_logger, _path, ex.GetType().Name, ex);
        }
        finally
        {
            Interlocked.Exchange(ref _round, NewRound()).TrySetResult();
        }
    }
}
