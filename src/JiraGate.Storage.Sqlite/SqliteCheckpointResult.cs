namespace JiraGate.Storage.Sqlite;

/// <summary>What one checkpoint round did (the row <c>PRAGMA wal_checkpoint</c> returns, for the last mode run).</summary>
public sealed class SqliteCheckpointResult
{
    /// <summary><c>PASSIVE</c>, <c>RESTART</c> or <c>TRUNCATE</c>: the last mode run in the round.</summary>
    public required string Mode { get; init; }

    /// <summary>True when the checkpoint could not finish because another connection held a lock it needed.</summary>
    public required bool Busy { get; init; }

    /// <summary>Frames in the WAL when the checkpoint ran (0 after a restart or truncate took effect).</summary>
    public required long WalFrames { get; init; }

    /// <summary>Frames of the WAL copied into the database file so far.</summary>
    public required long CheckpointedFrames { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Mode}: {CheckpointedFrames}/{WalFrames} frames{(Busy ? ", busy" : "")}";
}
