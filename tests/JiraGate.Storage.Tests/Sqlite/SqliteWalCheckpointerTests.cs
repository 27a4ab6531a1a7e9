using JiraGate.Governance.Audit;
using JiraGate.Storage.Sqlite;
using JiraGate.Storage.Tests.Contracts;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace JiraGate.Storage.Tests.Sqlite;

/// <summary>
/// The background WAL checkpointer: driven by a <see cref="FakeTimeProvider"/> or run by hand, never by waiting.
/// (Rounds run on the thread pool; tests await <c>NextRoundAsync</c>, with a generous hang guard.)
/// </summary>
public sealed class SqliteWalCheckpointerTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);
    private readonly SqliteTestDatabase _db = new();
    private readonly FakeTimeProvider _time = new();
    private readonly CapturingLogger<SqliteDatabase> _log = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Open_Default_TurnsOffAutomaticCheckpointsAndRunsRoundsOnTheTimer()
    {
        await using var database = await OpenAsync();
        await using var holder = await database.OpenConnectionAsync(Ct); // see HoldWal
        Assert.Equal(0L, await ScalarAsync(database, "PRAGMA wal_autocheckpoint;"));
        var store = new SqliteAuditStore(database);
        await store.AppendAsync(AuditStoreContract.Chain(AuditHead.Empty, 20), null, Ct);

        await TickAsync(database);

        var round = Assert.Single(_log.Entries, e => e.EventId == 6101);
        Assert.Contains("(PASSIVE)", round.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("0 of 0 frames", round.Message, StringComparison.Ordinal); // it had frames to copy
        Assert.DoesNotContain(_log.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Open_IntervalZero_LeavesSqliteAutomaticCheckpointOn()
    {
        await using var database = await SqliteDatabase.OpenAsync(
            new SqliteStorageOptions { DatabasePath = _db.FilePath, DurableCommits = false, CheckpointInterval = TimeSpan.Zero }, _time, _log, Ct);

        Assert.Null(database.Checkpointer);
        Assert.Equal(1000L, await ScalarAsync(database, "PRAGMA wal_autocheckpoint;"));
    }

    [Fact]
    public async Task Checkpoint_WalOverLimit_RestartsAndTruncatesTheWal()
    {
        const long limit = 1L << 20;
        await using var database = await OpenAsync(limit);
        await using var holder = await database.OpenConnectionAsync(Ct); // see HoldWal
        await ExecuteAsync(database, "CREATE TABLE filler (b BLOB); INSERT INTO filler VALUES (zeroblob(3145728));");
        var wal = new FileInfo(_db.FilePath + "-wal");
        Assert.True(wal.Length > 2 * limit, $"WAL is {wal.Length} bytes");

        var result = await database.CheckpointAsync(Ct);

        Assert.Equal("RESTART", result.Mode);
        Assert.False(result.Busy);
        Assert.Equal(result.WalFrames, result.CheckpointedFrames);
        // The next commit writes from the WAL's start and cuts the file back (to twice the limit).
        await ExecuteAsync(database, "INSERT INTO filler VALUES (x'01');");
        wal.Refresh();
        Assert.True(wal.Length <= 2 * limit, $"WAL is {wal.Length} bytes after the restart");
        var next = await database.CheckpointAsync(Ct);
        Assert.Equal("PASSIVE", next.Mode);
        Assert.True(next.WalFrames < 10, $"{next.WalFrames} frames after the restart");
    }

    [Fact]
    public async Task Dispose_StopsTheTimerAndTruncatesTheWal()
    {
        var database = await OpenAsync();
        await using var holder = await database.OpenConnectionAsync(Ct); // see HoldWal
        var store = new SqliteAuditStore(database);
        await store.AppendAsync(AuditStoreContract.Chain(AuditHead.Empty, 50), null, Ct);
        Assert.True(new FileInfo(_db.FilePath + "-wal").Length > 0);
        var checkpointer = database.Checkpointer!;

        await database.DisposeAsync();

        Assert.True(checkpointer.IsStopped);
        Assert.Equal(0, new FileInfo(_db.FilePath + "-wal").Length);
        Assert.Contains(_log.Entries, e => e.EventId == 6101 && e.Message.Contains("(TRUNCATE)", StringComparison.Ordinal));
        // The data is all in the database file, and connections still work after disposal.
        Assert.Equal(50, (await store.GetHeadAsync(Ct)).Seq);
        database.Dispose(); // twice, and synchronously, is harmless
        Assert.Equal("PASSIVE", (await database.CheckpointAsync(Ct)).Mode); // a round by hand still works
    }

    [Fact]
    public async Task AddJiraGateSqlite_ProviderDisposedSynchronously_StopsTheCheckpointer()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddJiraGateSqlite(_db.FilePath, o => o.DurableCommits = false);
        var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var database = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<SqliteDatabase>(provider);

        provider.Dispose(); // as `jiragate` admin commands do on a bad policy file

        Assert.True(database.Checkpointer!.IsStopped);
    }

    [Fact]
    public async Task Round_CheckpointFails_IsLoggedAndAppendsCarryOn()
    {
        await using var database = await OpenAsync();
        var store = new SqliteAuditStore(database);
        var checkpointer = database.Checkpointer!;
        var open = checkpointer.OpenConnection;
        checkpointer.OpenConnection = _ => throw new SqliteException("disk I/O error", 10);

        await TickAsync(database);
        await store.AppendAsync(AuditStoreContract.Chain(AuditHead.Empty, 5), null, Ct);

        var failure = Assert.Single(_log.Entries, e => e.EventId == 6102);
        Assert.Equal(LogLevel.Warning, failure.Level);
        Assert.IsType<SqliteException>(failure.Exception);
        Assert.Equal(5, (await store.GetHeadAsync(Ct)).Seq);

        checkpointer.OpenConnection = open; // the next round works again
        await TickAsync(database);
        Assert.Contains(_log.Entries, e => e.EventId == 6101);
    }

    [Fact]
    public async Task TwoDatabasesOnOneFile_EachCheckpointing_BuildOneIntactChain()
    {
        // Two SqliteDatabase instances stand in for two processes (each with its own checkpointer and clock).
        var otherTime = new FakeTimeProvider();
        await using var first = await OpenAsync();
        var second = await SqliteDatabase.OpenAsync(new SqliteStorageOptions { DatabasePath = _db.FilePath, DurableCommits = false, CheckpointInterval = Interval }, otherTime, _log, Ct);
        var key = AuditSigningKey.Generate();
        await using var logA = new AuditLog(new SqliteAuditStore(first), key, new AuditLogOptions { CheckpointEvery = 10 });
        var logB = new AuditLog(new SqliteAuditStore(second), key, new AuditLogOptions { CheckpointEvery = 10 });
        for (var i = 0; i < 30; i++)
        {
            await (i % 2 == 0 ? logA : logB).AppendIntentAsync(new AuditIntent { Agent = "agent-a", Org = "org-1", Operation = "issues:get", Decision = "allow" }, Ct);
            if (i % 7 == 0)
            {
                await TickAsync(first);
                var next = second.Checkpointer!.NextRoundAsync();
                otherTime.Advance(Interval);
                await next.WaitAsync(HangGuard, Ct);
            }
        }
        await logB.DisposeAsync();
        await second.DisposeAsync(); // the short-lived one leaves; the other carries on
        await logA.AppendIntentAsync(new AuditIntent { Agent = "agent-a", Org = "org-1", Operation = "issues:get", Decision = "allow" }, Ct);

        var verdict = await logA.VerifyAsync(Ct);
        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(31, (await new SqliteAuditStore(first).GetHeadAsync(Ct)).Seq);
        Assert.DoesNotContain(_log.Entries, e => e.Level >= LogLevel.Warning);
    }

    // HoldWal: other test classes call SqliteConnection.ClearAllPools, which closes this test's idle pooled
    // connections; when the last one closes SQLite checkpoints and deletes the WAL. A connection held open
    // (idle, no transaction, so no snapshot) keeps the WAL file there for the assertions on its size.
    private Task<SqliteDatabase> OpenAsync(long walSizeLimit = 64L << 20) =>
        SqliteDatabase.OpenAsync(new SqliteStorageOptions { DatabasePath = _db.FilePath, DurableCommits = false, CheckpointInterval = Interval, WalSizeLimit = walSizeLimit }, _time, _log, Ct);

    private async Task TickAsync(SqliteDatabase database)
    {
        var next = database.Checkpointer!.NextRoundAsync();
        _time.Advance(Interval);
        await next.WaitAsync(HangGuard, Ct);
    }

    private static async Task<long> ScalarAsync(SqliteDatabase database, string sql)
    {
        await using var connection = await database.OpenConnectionAsync(Ct);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task ExecuteAsync(SqliteDatabase database, string sql)
    {
        await using var connection = await database.OpenConnectionAsync(Ct);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
