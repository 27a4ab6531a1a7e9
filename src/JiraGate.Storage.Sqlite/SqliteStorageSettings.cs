using Microsoft.Extensions.DependencyInjection;

namespace JiraGate.Storage.Sqlite;

/// <summary>Settings of <see cref="SqliteServiceCollectionExtensions.AddJiraGateSqlite"/> besides the path.</summary>
public sealed class SqliteStorageSettings
{
    /// <summary>How long a writer waits for another's lock (5 s by default).</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Flush each commit to disk before it returns (default); false only for tests and benchmarks.</summary>
    public bool DurableCommits { get; set; } = true;
}
