using System.Text.Json;
using JiraGate.Governance.Audit;
using JiraGate.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace JiraGate.Governance.Tests.Audit;

/// <summary>An audit log on a fresh SQLite file in a temporary directory, with a signing key and a fake clock.</summary>
public sealed class AuditTestBed : IAsyncDisposable
{
    private AuditTestBed(string directory, SqliteDatabase database, AuditSigningKey key, FakeTimeProvider time, AuditLog log)
    {
        Directory = directory;
        Database = database;
        SigningKey = key;
        Time = time;
        Log = log;
        Store = new SqliteAuditStore(database);
    }

    public string Directory { get; }

    public SqliteDatabase Database { get; }

    public SqliteAuditStore Store { get; }

    public AuditSigningKey SigningKey { get; }

    public FakeTimeProvider Time { get; }

    public AuditLog Log { get; private set; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<AuditTestBed> CreateAsync(AuditLogOptions? options = null, bool durable = false)
    {
        var directory = Path.Combine(Path.GetTempPath(), "jiragate-audit-" + Guid.NewGuid().ToString("N"));
        var database = await SqliteDatabase.OpenAsync(new SqliteStorageOptions { DatabasePath = Path.Combine(directory, "jiragate.db"), DurableCommits = durable }, null, Ct);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var key = AuditSigningKey.Generate();
        var log = new AuditLog(new SqliteAuditStore(database), key, options, time);
        return new AuditTestBed(directory, database, key, time, log);
    }

    /// <summary>A new AuditLog over the same file (as after a restart).</summary>
    public async Task RestartAsync(AuditLogOptions? options = null)
    {
        await Log.DisposeAsync();
        Log = new AuditLog(new SqliteAuditStore(Database), SigningKey, options, Time);
    }

    public static AuditIntent Intent(string agent = "agent-a", string operation = "issues:create", string? json = null, string decision = "allow") => new()
    {
        Agent = agent,
        Org = "org-1",
        Operation = operation,
        Risk = "medium",
        Decision = decision,
        Policy = "jira-soc-triage",
        Parameters = JsonDocument.Parse(json ?? "{\"project\":\"SEC\",\"summary\":\"Suspicious login\"}").RootElement.Clone(),
    };

    /// <summary>Appends intent+outcome pairs, advancing the clock a second per pair.</summary>
    public async Task AppendPairsAsync(int pairs)
    {
        for (var i = 0; i < pairs; i++)
        {
            var intent = await Log.AppendIntentAsync(Intent(agent: "agent-" + (i % 3)), Ct);
            await Log.AppendOutcomeAsync(intent, new AuditOutcome { Status = "ok", HttpStatus = 201, DurationMs = 10 + i, JiraRequestId = "req-" + i }, Ct);
            Time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Runs SQL directly on the database file, as an attacker with file access would.</summary>
    public async Task ExecuteSqlAsync(string sql)
    {
        using var connection = await Database.OpenConnectionAsync(Ct);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    /// <summary>Every byte of every file of the database (main file, WAL, shared memory).</summary>
    public byte[] AllFileBytes()
    {
        SqliteConnection.ClearAllPools();
        return [.. System.IO.Directory.GetFiles(Directory).SelectMany(File.ReadAllBytes)];
    }

    public async ValueTask DisposeAsync()
    {
        await Log.DisposeAsync();
        SigningKey.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A store that fails on demand, to prove the log fails closed.</summary>
public sealed class FailingAuditStore(IAuditStore inner) : IAuditStore
{
    public bool Failing { get; set; }

    public int AppendAttempts { get; private set; }

    public Task<AuditHead> GetHeadAsync(CancellationToken cancellationToken = default) =>
        Failing ? throw new IOException("disk full") : inner.GetHeadAsync(cancellationToken);

    public Task AppendAsync(IReadOnlyList<AuditRecord> records, AuditCheckpoint? checkpoint = null, CancellationToken cancellationToken = default)
    {
        AppendAttempts++;
        return Failing ? throw new IOException("disk full") : inner.AppendAsync(records, checkpoint, cancellationToken);
    }

    public IAsyncEnumerable<AuditRecord> ReadAsync(long fromSeq = 1, CancellationToken cancellationToken = default) => inner.ReadAsync(fromSeq, cancellationToken);

    public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);

    public Task<IReadOnlyList<AuditCheckpoint>> ListCheckpointsAsync(CancellationToken cancellationToken = default) => inner.ListCheckpointsAsync(cancellationToken);
}
