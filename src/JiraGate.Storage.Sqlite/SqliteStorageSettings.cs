using Microsoft.Extensions.DependencyInjection;

namespace JiraGate.Storage.Sqlite;

/// <summary>Settings of <see cref="SqliteServiceCollectionExtensions.AddJiraGateSqlite"/> besides the path.</summary>
public sealed class SqliteStorageSettings
{
    /// <summary>How long a writer waits for another's lock (5 s by default).</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Flush each commit to disk before it returns (default); false only for tests and benchmarks.</summary>
    public bool DurableCommits { get; set; } = true;

    /// <summary>How often the background WAL checkpointer runs (250 ms by default; zero: SQLite checkpoints inside commits).</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The WAL size past which it is restarted and truncated (64 MiB by default).</summary>
    public long WalSizeLimit { get; set; } = 64L * 1024 * 1024;
}
