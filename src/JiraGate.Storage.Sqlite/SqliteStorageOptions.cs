namespace JiraGate.Storage.Sqlite;

/// <summary>Where the SQLite database lives and how connections behave.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The database file, e.g. <c>.jiragate/jiragate.db</c> (its directory is created if missing).</summary>
    public required string DatabasePath { get; init; }

    /// <summary>How long a writer waits for another's lock before failing (5 s by default).</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether each commit is flushed to disk before it returns (<c>PRAGMA synchronous=FULL</c>, the default):
    /// needed for "durable before the Jira call". <c>false</c> uses NORMAL (safe against corruption, but the
    /// last commits can be lost on power failure); for tests and benchmarks only.
    /// </summary>
    public bool DurableCommits { get; init; } = true;

    /// <summary>
    /// How often a background checkpointer copies the WAL into the database file (250 ms by default), off the commit
    /// path; <see cref="TimeSpan.Zero"/> turns it off and leaves SQLite's automatic checkpoint (inside a commit,
    /// every 1,000 pages) on.
    /// </summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The WAL size (64 MiB by default) past which a checkpoint round also restarts the WAL (briefly holding the
    /// write lock) and past which a restarted WAL file is truncated: the bound on the WAL under continuous writes.
    /// </summary>
    public long WalSizeLimit { get; init; } = 64L * 1024 * 1024;

    /// <inheritdoc />
    public override string ToString() => $"SQLite {DatabasePath}";
}
