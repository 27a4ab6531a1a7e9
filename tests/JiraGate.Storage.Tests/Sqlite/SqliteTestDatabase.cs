using JiraGate.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace JiraGate.Storage.Tests.Sqlite;

/// <summary>A fresh SQLite file per test, removed afterwards.</summary>
public sealed class SqliteTestDatabase : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "jiragate-storage-tests", Guid.NewGuid().ToString("n"));

    public string FilePath => Path.Combine(_directory, "jiragate.db");

    public Task<Func<CancellationToken, Task<SqliteConnection>>> OpenAsync() =>
        ApprovalsSqlite.OpenAsync(FilePath, cancellationToken: TestContext.Current.CancellationToken);

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
