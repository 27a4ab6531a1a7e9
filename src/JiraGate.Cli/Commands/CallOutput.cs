using System.Text.Json;
using JiraGate.Governance.Pipeline;

namespace JiraGate.Cli.Commands;

/// <summary>What <c>jiragate call --json</c> prints: the result in the agent API's words (snake_case).</summary>
internal sealed class CallOutput
{
    public required string Operation { get; init; }
    public required string Status { get; init; }
    public int ExitCode { get; init; }
    public JsonElement? Value { get; init; }
    public string? JiraRequestId { get; init; }
    public string? ApprovalId { get; init; }
    public DateTimeOffset? ApprovalExpiresAt { get; init; }
    public string? ApprovalChannel { get; init; }
    public string? Policy { get; init; }
    public CallError? Error { get; init; }

    public static CallOutput From(OperationResult result, int exitCode) => new()
    {
        Operation = result.Operation,
        Status = result.Status switch
        {
            OperationStatus.Ok => "ok",
            OperationStatus.Denied => "denied",
            OperationStatus.PendingApproval => "pending_approval",
            _ => "failed",
        },
        ExitCode = exitCode,
        Value = result.Value,
        JiraRequestId = result.JiraRequestId,
        ApprovalId = result.ApprovalId,
        ApprovalExpiresAt = result.ApprovalExpiresAt,
        ApprovalChannel = result.ApprovalChannel,
        Policy = result.Decision?.Policy,
        Error = result.Error is not { } e ? null : new CallError
        {
            Code = e.Code,
            Message = e.Message,
            JiraStatus = e.JiraStatus,
            JiraErrorMessages = e.JiraErrorMessages.Count == 0 ? null : e.JiraErrorMessages,
            JiraErrors = e.JiraErrors.Count == 0 ? null : e.JiraErrors,
            Arguments = e.Arguments.Count == 0 ? null : [.. e.Arguments.Select(a => new CallArgumentError { Argument = a.Argument, Message = a.Message })],
            RetryAfterSeconds = e.RetryAfter is { } r ? (int)Math.Ceiling(r.TotalSeconds) : null,
        },
    };
}

internal sealed class CallError
{
    public required string Code { get; init; }
    public required string Message { get; init; }
    public int? JiraStatus { get; init; }
    public IReadOnlyList<string>? JiraErrorMessages { get; init; }
    public IReadOnlyDictionary<string, string>? JiraErrors { get; init; }
    public IReadOnlyList<CallArgumentError>? Arguments { get; init; }
    public int? RetryAfterSeconds { get; init; }
}

internal sealed class CallArgumentError
{
    public required string Argument { get; init; }
    public required string Message { get; init; }
}
