using JiraGate.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace JiraGate.Governance.Tests.Approvals;

/// <summary>A fresh SQLite file with the agent, approver and approval stores on it; removed afterwards.</summary>
public sealed class TestStores : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "jiragate-governance-tests", Guid.NewGuid().ToString("n"));

    private TestStores()
    {
    }

    public string FilePath => Path.Combine(_directory, "jiragate.db");

    public SqliteAgentStore Agents { get; private set; } = null!;

    public SqliteApproverStore Approvers { get; private set; } = null!;

    public SqliteApprovalStore Approvals { get; private set; } = null!;

    public Func<CancellationToken, Task<SqliteConnection>> Open { get; private set; } = null!;

    public static async Task<TestStores> CreateAsync()
    {
        var stores = new TestStores();
        var database = await SqliteDatabase.OpenAsync(new SqliteStorageOptions { DatabasePath = stores.FilePath }, null, TestContext.Current.CancellationToken);
        stores.Open = database.OpenConnectionAsync;
        stores.Agents = new SqliteAgentStore(stores.Open);
        stores.Approvers = new SqliteApproverStore(stores.Open);
        stores.Approvals = new SqliteApprovalStore(stores.Open);
        return stores;
    }

    /// <summary>Every byte of the database: the main file, the WAL and the shared-memory index.</summary>
    public byte[] RawBytes()
    {
        var bytes = new List<byte>();
        foreach (var file in new[] { FilePath, FilePath + "-wal", FilePath + "-shm" })
        {
            if (File.Exists(file))
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                bytes.AddRange(copy.ToArray());
            }
        }
        return [.. bytes];
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Keeps every formatted log line (and exception text) for canary scans.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_lines)
        {
            _lines.Add($"{logLevel} {eventId.Id} {formatter(state, exception)} {exception}");
        }
    }
}
