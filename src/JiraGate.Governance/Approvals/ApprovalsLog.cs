using Microsoft.Extensions.Logging;

namespace JiraGate.Governance.Approvals;

/// <summary>Log lines of the approvals feature (event ids 4100–4199). Never arguments, keys or webhook URLs.</summary>
internal static partial class ApprovalsLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information,
        Message = "Approval {ApprovalId} requested: {Operation} by {AgentId}@{OrgId}, risk {Risk}, policy {Policy}, channel {Channel}")]
    public static partial void Requested(ILogger logger, string approvalId, string operation, string agentId, string orgId, string risk, string? policy, string? channel);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Approval {ApprovalId} {Decision} by {ApproverId}")]
    public static partial void Decided(ILogger logger, string approvalId, string decision, string approverId);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Approval {ApprovalId}: {Action} by {Actor} refused ({Refusal})")]
    public static partial void Refused(ILogger logger, string approvalId, string action, string actor, ApprovalRefusal refusal);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Approval {ApprovalId} claimed for execution by {Executor}")]
    public static partial void Claimed(ILogger logger, string approvalId, string executor);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "Approval {ApprovalId} execution finished: {State}")]
    public static partial void Completed(ILogger logger, string approvalId, string state);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning,
        Message = "Approval {ApprovalId}: notifying channel {Channel} failed ({Reason}); it stays pending and visible on the approvals page")]
    public static partial void NotificationFailed(ILogger logger, string approvalId, string? channel, string reason);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning,
        Message = "Approval {ApprovalId}: no webhook is configured for channel {Channel}; it is visible on the approvals page only")]
    public static partial void NoWebhookForChannel(ILogger logger, string approvalId, string? channel);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Debug, Message = "Approval {ApprovalId}: channel {Channel} notified")]
    public static partial void Notified(ILogger logger, string approvalId, string? channel);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Warning,
        Message = "Approval {ApprovalId}: stored arguments do not match their hash; refusing to execute")]
    public static partial void ArgumentsTampered(ILogger logger, string approvalId);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning,
        Message = "Approval {ApprovalId}: the execution claimed by {Executor} never reported an outcome within its lease; marked failed (outcome unknown), never executed again")]
    public static partial void Interrupted(ILogger logger, string approvalId, string executor);
}
