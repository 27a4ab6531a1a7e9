using JiraGate.Storage.Sqlite;

namespace JiraGate.Storage.Tests.Sqlite;

/// <summary>A fresh database file in its own temporary directory, deleted with the test.</summary>
public sealed class SqliteTestDatabase : IDisposable
{
    public SqliteTestDatabase()
    {
        Directory = Path.Combine(Path.GetTempPath(), "jiragate-storage-" + Guid.NewGuid().ToString("N"));
        FilePath = System.IO.Path.Combine(Directory, "jiragate.db");
    }

    public string Directory { get; }

    public string FilePath { get; }

    public Task<SqliteDatabase> OpenAsync(bool durable = false) =>
        SqliteDatabase.OpenAsync(new SqliteStorageOptions { DatabasePath = FilePath, DurableCommits = durable }, null, TestContext.Current.CancellationToken);

    /// <summary>Opens (and migrates) the database; the stores get its connection factory.</summary>
    public async Task<Func<CancellationToken, Task<Microsoft.Data.Sqlite.SqliteConnection>>> OpenConnectionsAsync() =>
        (await OpenAsync()).OpenConnectionAsync;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
