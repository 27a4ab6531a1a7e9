using Microsoft.Extensions.Logging;

namespace JiraGate.Storage.Sqlite;

/// <summary>WAL checkpointer events (EventIds 6100–6199). Paths only; never row contents.</summary>
internal static partial class SqliteCheckpointMessages
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Debug,
        Message = "WAL checkpoint ({Mode}) of {Path}: {Checkpointed} of {Frames} frames copied, busy {Busy}, {ElapsedMs} ms.")]
    public static partial void Completed(ILogger logger, string mode, string path, long checkpointed, long frames, bool busy, long elapsedMs);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning,
        Message = "WAL checkpoint of {Path} failed ({ErrorType}); commits are unaffected, the next round retries.")]
    public static partial void Failed(ILogger logger, string path, string errorType, Exception exception);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information,
        Message = "WAL of {Path} holds {Frames} frames (over the {LimitBytes}-byte limit) and could not be restarted (another connection is reading or writing); retrying next round.")]
    public static partial void RestartBusy(ILogger logger, string path, long frames, long limitBytes);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Information,
        Message = "Database file {Path} no longer exists; its WAL checkpointer stops.")]
    public static partial void FileGone(ILogger logger, string path);
}
