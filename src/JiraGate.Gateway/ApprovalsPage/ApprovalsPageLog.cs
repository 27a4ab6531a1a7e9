using Microsoft.Extensions.Logging;

namespace JiraGate.Gateway.ApprovalsPage;

/// <summary>The approvals page's log messages (EventIds 5100–5199). Keys and cookies are never logged.</summary>
internal static partial class ApprovalsPageLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Approvals page: the preview could not read {IssueKey} ({Reason}).")]
    public static partial void PreviewFailed(ILogger logger, string issueKey, string reason);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Approvals page: approver {ApproverId} signed in (key {KeyId}).")]
    public static partial void SignedIn(ILogger logger, string approverId, string? keyId);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Approvals page: a sign-in was refused ({Status}).")]
    public static partial void SignInRefused(ILogger logger, string status);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "Approvals page: approver {ApproverId} signed out.")]
    public static partial void SignedOut(ILogger logger, string approverId);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Warning, Message = "Approvals page: a form without a valid antiforgery token was refused ({Path}).")]
    public static partial void AntiforgeryRefused(ILogger logger, string path);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Information, Message = "Approvals page: approval {ApprovalId} executed after approval: {Status}.")]
    public static partial void Executed(ILogger logger, string approvalId, string status);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Error, Message = "Approvals page: executing approval {ApprovalId} failed ({Reason}); the agent's collection reports its state.")]
    public static partial void ExecutionFailed(ILogger logger, string approvalId, string reason);

    [LoggerMessage(EventId = 5108, Level = LogLevel.Information, Message = "Approvals page: no pipeline is registered; approval {ApprovalId} executes when the agent collects it.")]
    public static partial void ExecutionLeftToAgent(ILogger logger, string approvalId);
}
