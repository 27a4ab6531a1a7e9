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

    /// <inheritdoc />
    public override string ToString() => $"SQLite {DatabasePath}";
}
