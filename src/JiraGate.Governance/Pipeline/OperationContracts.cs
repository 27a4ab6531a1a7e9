using System.Text.Json;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Policies;

namespace JiraGate.Governance.Pipeline;

/// <summary>How a call reached JiraGate; recorded in the audit log.</summary>
public enum EntryPoint
{
    /// <summary>The C# SDK (<c>JiraConnector</c>).</summary>
    Sdk,

    /// <summary>The agent HTTP API.</summary>
    Http,

    /// <summary>An MCP tool call.</summary>
    Mcp,

    /// <summary>The <c>jiragate call</c> command.</summary>
    Cli,
}

/// <summary>One operation an agent asks for: who, which of the 36 operations, and its arguments (snake_case JSON, per the catalog's schema).</summary>
public sealed class OperationCall
{
    /// <summary>The authenticated caller.</summary>
    public required AgentIdentity Agent { get; init; }

    /// <summary>The operation name, e.g. <c>issues:create</c>.</summary>
    public required string Operation { get; init; }

    /// <summary>The arguments as a JSON object; <c>default</c> means none.</summary>
    public JsonElement Arguments { get; init; }

    /// <summary>Where the call came from.</summary>
    public EntryPoint EntryPoint { get; init; } = EntryPoint.Sdk;

    /// <inheritdoc />
    public override string ToString() => Operation + " by " + Agent;
}

/// <summary>What became of a call. Governance outcomes are results, not exceptions.</summary>
public enum OperationStatus
{
    /// <summary>Carried out; <see cref="OperationResult.Value"/> holds Jira's answer, normalised.</summary>
    Ok,

    /// <summary>Refused by policy (or the approval was denied or expired); nothing reached Jira.</summary>
    Denied,

    /// <summary>Waiting for a human; collect it later with the approval id.</summary>
    PendingApproval,

    /// <summary>Invalid input, Jira refused or was unreachable, or the audit log was unavailable.</summary>
    Failed,
}

/// <summary>The stable error codes shared by every entry point (ARCHITECTURE.md "Errors").</summary>
public static class OperationErrorCodes
{
    /// <summary>No policy bound to the agent grants the operation, or a deny matched.</summary>
    public const string PolicyDenied = "policy_denied";

    /// <summary>The call waits for a human decision.</summary>
    public const string ApprovalPending = "approval_pending";

    /// <summary>A human denied the approval.</summary>
    public const string ApprovalDenied = "approval_denied";

    /// <summary>Nobody decided in time.</summary>
    public const string ApprovalExpired = "approval_expired";

    /// <summary>The operation name is not one of the 36.</summary>
    public const string UnknownOperation = "unknown_operation";

    /// <summary>Arguments missing, of the wrong type or out of range; nothing was sent.</summary>
    public const string InvalidInput = "invalid_input";

    /// <summary>The approval (or other JiraGate object) does not exist for this caller.</summary>
    public const string NotFound = "not_found";

    /// <summary>The caller is unknown, revoked or disabled.</summary>
    public const string Unauthenticated = "unauthenticated";

    /// <summary>Jira answered with an error (its errorMessages/errors are attached).</summary>
    public const string JiraError = "jira_error";

    /// <summary>Jira says the thing does not exist — or that the connection may not see it.</summary>
    public const string JiraNotFound = "jira_not_found";

    /// <summary>Jira asked us to slow down and retries ran out.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>Jira could not be reached or kept failing.</summary>
    public const string JiraUnavailable = "jira_unavailable";

    /// <summary>A write was sent but no answer came: it may or may not have happened. Never retried blindly.</summary>
    public const string OutcomeUnknown = "outcome_unknown";

    /// <summary>The audit intent could not be written, so the call was refused (fail closed).</summary>
    public const string AuditUnavailable = "audit_unavailable";

    /// <summary>An approval's stored arguments no longer match their hash (changed behind JiraGate's back); never executed.</summary>
    public const string ApprovalTampered = "approval_tampered";
}

/// <summary>Why a call did not succeed, in one shape for every entry point.</summary>
public sealed class OperationError
{
    /// <summary>A stable code from <see cref="OperationErrorCodes"/>.</summary>
    public required string Code { get; init; }

    /// <summary>What went wrong and what to do, for a person or an agent.</summary>
    public required string Message { get; init; }

    /// <summary>Jira's HTTP status, when Jira answered.</summary>
    public int? JiraStatus { get; init; }

    /// <summary>Jira's errorMessages, when Jira answered.</summary>
    public IReadOnlyList<string> JiraErrorMessages { get; init; } = [];

    /// <summary>Jira's field errors, when Jira answered.</summary>
    public IReadOnlyDictionary<string, string> JiraErrors { get; init; } = new Dictionary<string, string>();

    /// <summary>Each invalid argument, for <see cref="OperationErrorCodes.InvalidInput"/>.</summary>
    public IReadOnlyList<ArgumentError> Arguments { get; init; } = [];

    /// <summary>How long to wait before trying again, when known.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <inheritdoc />
    public override string ToString() => Code + ": " + Message;
}

/// <summary>The result of <see cref="IOperationPipeline.ExecuteAsync"/>.</summary>
public sealed class OperationResult
{
    /// <summary>The operation asked for.</summary>
    public required string Operation { get; init; }

    /// <summary>What became of it.</summary>
    public required OperationStatus Status { get; init; }

    /// <summary>The normalised answer (JSON; rich text as Markdown) when <see cref="OperationStatus.Ok"/>.</summary>
    public JsonElement? Value { get; init; }

    /// <summary>Jira's request id, when Jira answered.</summary>
    public string? JiraRequestId { get; init; }

    /// <summary>The policy decision that applied (null when the call failed before a decision).</summary>
    public PolicyDecision? Decision { get; init; }

    /// <summary>The approval, when one was needed (pending, or the one that was executed).</summary>
    public string? ApprovalId { get; init; }

    /// <summary>When a pending approval expires.</summary>
    public DateTimeOffset? ApprovalExpiresAt { get; init; }

    /// <summary>The channel a pending approval was sent to, e.g. <c>#jira-approvals</c>.</summary>
    public string? ApprovalChannel { get; init; }

    /// <summary>Why it did not succeed (Denied and Failed).</summary>
    public OperationError? Error { get; init; }

    /// <summary>True when <see cref="Status"/> is <see cref="OperationStatus.Ok"/>.</summary>
    public bool IsOk => Status == OperationStatus.Ok;

    /// <inheritdoc />
    public override string ToString() => Operation + ": " + Status + (Error is null ? "" : " (" + Error.Code + ")");
}

/// <summary>The one way to Jira for every entry point (ARCHITECTURE.md "One operation, end to end").</summary>
public interface IOperationPipeline
{
    /// <summary>Validates, decides, asks for approval when needed, audits, executes and answers.</summary>
    /// <param name="call">The caller, operation and arguments.</param>
    /// <param name="cancellationToken">Cancels the call (a write already sent may still happen; it is audited as such).</param>
    /// <returns>Ok, Denied, PendingApproval or Failed — never an exception for a governance outcome.</returns>
    Task<OperationResult> ExecuteAsync(OperationCall call, CancellationToken cancellationToken = default);

    /// <summary>
    /// The state of one of the agent's approvals: still pending, denied/expired, or — once approved — the result of
    /// executing the stored request exactly once (executing it now if nobody has yet). Another agent's approval is not found.
    /// </summary>
    /// <param name="agent">The agent that asked.</param>
    /// <param name="approvalId">The id from a pending result.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result; Failed with <see cref="OperationErrorCodes.NotFound"/> when unknown or not the agent's.</returns>
    Task<OperationResult> GetApprovalResultAsync(AgentIdentity agent, string approvalId, CancellationToken cancellationToken = default);
}

/// <summary>The projects and issue types a <c>where</c>-scoped grant allows; a search is constrained to them server-side.</summary>
public sealed class ExecutionScope
{
    /// <summary>No restriction (at least one granting policy has no <c>where</c>).</summary>
    public static ExecutionScope Unrestricted { get; } = new() { Grants = [] };

    /// <summary>One entry per granting policy with a <c>where</c>; a call may touch what ANY of them allows. Empty: unrestricted.</summary>
    public required IReadOnlyList<PolicyScope> Grants { get; init; }

    /// <summary>True when nothing restricts the call.</summary>
    public bool IsUnrestricted => Grants.Count == 0;

    /// <summary>
    /// The agent the call is made for (set by the pipeline; null for reads that are nobody's call, e.g. an approval
    /// preview). A host with several Jira connections routes on it.
    /// </summary>
    public AgentIdentity? Agent { get; init; }
}

/// <summary>The answer of one executed operation.</summary>
public sealed class OperationOutput
{
    /// <summary>The normalised JSON answer (snake_case or Jira's own names — documented per operation; rich text as Markdown).</summary>
    public required JsonElement Value { get; init; }

    /// <summary>Jira's request id of the (last) call made.</summary>
    public string? JiraRequestId { get; init; }
}

/// <summary>Carries out one operation the pipeline has already validated, decided and audited.</summary>
public interface IOperationExecutor
{
    /// <summary>Calls Jira for <paramref name="operation"/> with <paramref name="arguments"/>, honouring <paramref name="scope"/>.</summary>
    /// <param name="operation">The catalog entry.</param>
    /// <param name="arguments">Arguments valid against the operation's schema.</param>
    /// <param name="scope">Where-scopes to apply (e.g. AND-ed into a JQL search).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The normalised answer.</returns>
    /// <exception cref="OperationArgumentException">An argument the schema accepts but Jira cannot use (unknown email, unknown transition name …).</exception>
    /// <exception cref="JiraGate.Jira.JiraException">Jira refused or failed.</exception>
    Task<OperationOutput> ExecuteAsync(OperationDescriptor operation, JsonElement arguments, ExecutionScope scope, CancellationToken cancellationToken = default);
}

/// <summary>An argument that passed the schema but cannot be used (e.g. an email that matches no Jira user); maps to <c>invalid_input</c>.</summary>
public sealed class OperationArgumentException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="argument">The argument's name, e.g. <c>assignee</c>.</param>
    /// <param name="message">What was wrong and what to do.</param>
    public OperationArgumentException(string argument, string message) : base(message) => Argument = argument;

    /// <summary>Creates the exception.</summary>
    public OperationArgumentException() : base("An argument could not be used.") => Argument = "";

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong.</param>
    public OperationArgumentException(string message) : base(message) => Argument = "";

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="innerException">The cause.</param>
    public OperationArgumentException(string message, Exception innerException) : base(message, innerException) => Argument = "";

    /// <summary>The argument's name.</summary>
    public string Argument { get; }
}
