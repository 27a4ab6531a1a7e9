using Microsoft.Extensions.Logging;

namespace JiraGate.Governance.Audit;

/// <summary>Audit log events (EventIds 4100–4199). Never record parameters or messages from the store.</summary>
internal static partial class AuditLogMessages
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Error,
        Message = "Audit commit of {Count} records failed ({ErrorType}); those calls are refused (fail closed).")]
    public static partial void CommitFailed(ILogger logger, int count, string errorType, Exception exception);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Audit append lost a race with another writer (attempt {Attempt}); re-reading the head.")]
    public static partial void ChainConflict(ILogger logger, int attempt);
}
