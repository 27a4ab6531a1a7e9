using Microsoft.Extensions.Logging;

namespace JiraGate.Governance.Pipeline;

/// <summary>Log lines of the pipeline (event ids 4200–4299). Never arguments, values or secrets.</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Call {Operation} refused: agent {AgentId}@{OrgId} is unknown, disabled or of another organisation")]
    public static partial void Unauthenticated(ILogger logger, string operation, string agentId, string orgId);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Error,
        Message = "Audit intent for {Operation} by {AgentId} could not be written ({ErrorType}); the call was refused and nothing was sent to Jira")]
    public static partial void IntentFailed(ILogger logger, string operation, string agentId, string errorType);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Error,
        Message = "Audit outcome for {Operation} by {AgentId} (intent #{IntentSeq}) could not be written ({ErrorType}); the result is returned, the intent stands")]
    public static partial void OutcomeFailed(ILogger logger, string operation, string agentId, long intentSeq, string errorType);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Warning,
        Message = "Audit record of a refused call {Operation} by {AgentId} ({Code}) could not be written ({ErrorType})")]
    public static partial void RejectionNotAudited(ILogger logger, string operation, string agentId, string code, string errorType);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Information, Message = "{Operation} by {AgentId}: {Status} {Code} in {DurationMs} ms")]
    public static partial void Executed(ILogger logger, string operation, string agentId, OperationStatus status, string? code, long durationMs);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Error,
        Message = "Approval {ApprovalId}: the execution's outcome could not be recorded ({ErrorType}); it stays 'executing'")]
    public static partial void ApprovalOutcomeNotRecorded(ILogger logger, string approvalId, string errorType);

    [LoggerMessage(EventId = 4207, Level = LogLevel.Error, Message = "{Operation} by {AgentId}: the executor failed unexpectedly ({ErrorType})")]
    public static partial void ExecutorCrashed(ILogger logger, string operation, string agentId, string errorType, Exception exception);
}
