using System.Globalization;
using System.Net;
using JiraGate.Governance.Approvals;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Policies;
using JiraGate.Jira;
using Polly.Timeout;

namespace JiraGate.Governance.Pipeline;

/// <summary>Builds the pipeline's results and turns executor exceptions into the stable error codes.</summary>
internal static class OperationResults
{
    public static OperationResult Failed(string operation, string code, string message, PolicyDecision? decision = null, string? approvalId = null) => new()
    {
        Operation = operation,
        Status = OperationStatus.Failed,
        Decision = decision,
        ApprovalId = approvalId,
        Error = new OperationError { Code = code, Message = message },
    };

    public static OperationResult Failed(string operation, OperationError error, PolicyDecision? decision, string? approvalId) => new()
    {
        Operation = operation,
        // A scope refusal found while executing is still the policy saying no, not a failure.
        Status = error.Code == OperationErrorCodes.PolicyDenied ? OperationStatus.Denied : OperationStatus.Failed,
        Decision = decision,
        ApprovalId = approvalId,
        Error = error,
    };

    public static OperationResult Denied(string operation, string code, string message, PolicyDecision? decision = null, string? approvalId = null) => new()
    {
        Operation = operation,
        Status = OperationStatus.Denied,
        Decision = decision,
        ApprovalId = approvalId,
        Error = new OperationError { Code = code, Message = message },
    };

    public static OperationResult Unauthenticated(string operation) => Failed(operation, OperationErrorCodes.Unauthenticated,
        "The agent is unknown, disabled or not of this organisation; register or enable it (jiragate agents) and use its own id and organisation.");

    public static OperationResult InvalidInput(string operation, IReadOnlyList<ArgumentError> errors) => new()
    {
        Operation = operation,
        Status = OperationStatus.Failed,
        Error = new OperationError
        {
            Code = OperationErrorCodes.InvalidInput,
            Message = $"{errors.Count} invalid argument{(errors.Count == 1 ? "" : "s")} for {operation}: "
                + string.Join("; ", errors.Select(e => e.ToString())) + ". Nothing was sent to Jira.",
            Arguments = errors,
        },
    };

    public static OperationResult Pending(Approval approval, PolicyDecision? decision, bool executing = false) => new()
    {
        Operation = approval.Operation,
        Status = OperationStatus.PendingApproval,
        Decision = decision,
        ApprovalId = approval.Id,
        ApprovalExpiresAt = approval.ExpiresAt,
        ApprovalChannel = approval.Channel,
        Error = new OperationError
        {
            Code = OperationErrorCodes.ApprovalPending,
            Message = executing
                ? $"Approval {approval.Id} was approved and is being executed now; ask for its result again in a moment."
                : $"{approval.Operation} waits for a person's approval{(approval.Channel is null ? "" : " in " + approval.Channel)}; "
                  + $"ask for the result of approval {approval.Id} again before {approval.ExpiresAt.ToString("u", CultureInfo.InvariantCulture)}.",
        },
    };

    /// <summary>The error for an exception the executor threw, or null when it is not one the pipeline knows (a bug).</summary>
    public static OperationError? Map(Exception exception, CancellationToken callerToken) => exception switch
    {
        // The call reached outside the projects or issue types its policy's `where` grants (found while executing,
        // e.g. the issue's real project); the policy says no, and nothing was changed.
        Execution.ExecutionScopeException s => new OperationError
        {
            Code = OperationErrorCodes.PolicyDenied,
            Message = s.Message + " Nothing was changed in Jira.",
        },
        OperationArgumentException a => new OperationError
        {
            Code = OperationErrorCodes.InvalidInput,
            Message = a.Message + " Nothing was changed in Jira.",
            Arguments = [new ArgumentError { Argument = a.Argument, Keyword = "jira", Message = a.Message }],
        },
        JiraNotFoundException j => FromJira(j, OperationErrorCodes.JiraNotFound,
            "Jira says it does not exist, or the connection may not see it. " + j.Message),
        JiraRateLimitedException j => FromJira(j, OperationErrorCodes.RateLimited,
            "Jira asked to slow down and the retries ran out"
            + (j.RetryAfter is { } wait ? $"; try again in {Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s." : "; try again later.")),
        JiraOutcomeUnknownException j => FromJira(j, OperationErrorCodes.OutcomeUnknown, j.Message),
        JiraException { StatusCode: null } j => FromJira(j, OperationErrorCodes.JiraUnavailable, j.Message),
        JiraException { StatusCode: >= HttpStatusCode.InternalServerError } j => FromJira(j, OperationErrorCodes.JiraUnavailable, j.Message),
        JiraException j => FromJira(j, OperationErrorCodes.JiraError, j.Message),
        HttpRequestException or TimeoutException or TimeoutRejectedException => new OperationError
        {
            Code = OperationErrorCodes.JiraUnavailable,
            Message = $"Jira could not be reached ({exception.GetType().Name}); try again later.",
        },
        // A timeout inside the HTTP stack, not the caller giving up.
        OperationCanceledException when !callerToken.IsCancellationRequested => new OperationError
        {
            Code = OperationErrorCodes.JiraUnavailable,
            Message = "Jira did not answer in time; try again later.",
        },
        _ => null,
    };

    private static OperationError FromJira(JiraException j, string code, string message) => new()
    {
        Code = code,
        Message = message,
        JiraStatus = j.StatusCode is { } s ? (int)s : null,
        JiraErrorMessages = j.ErrorMessages,
        JiraErrors = j.Errors,
        RetryAfter = j.RetryAfter,
    };
}
