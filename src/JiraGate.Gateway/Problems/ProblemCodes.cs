using System.Collections.Frozen;
using JiraGate.Governance.Pipeline;

namespace JiraGate.Gateway.Problems;

/// <summary>
/// The one table from a stable error code to an HTTP status and title. Choices where the issue left one open:
/// <list type="bullet">
/// <item><c>unknown_operation</c> → 404: the URL names an operation resource that does not exist (the code tells it
/// apart from <c>jira_not_found</c>).</item>
/// <item><c>approval_denied</c> → 403 (a person refused, like <c>policy_denied</c>); <c>approval_expired</c> and
/// <c>approval_tampered</c> → 409 (the approval's state no longer allows executing it; ask again).</item>
/// <item><c>outcome_unknown</c> → 504: a write was sent and no answer came back in time; never retried blindly.</item>
/// <item><c>jira_error</c> → 502 with Jira's own status in the <c>jira</c> member.</item>
/// <item>Oversized bodies are <c>invalid_input</c> with 413, a body that is not JSON <c>invalid_input</c> with 415.</item>
/// </list>
/// A code not in the table (a newer pipeline) maps to 500 rather than being hidden.
/// </summary>
public static class ProblemCodes
{
    /// <summary>Every problem's type URI is this followed by its code.</summary>
    public const string TypeBase = "https://jiragate.dev/problems/";

    /// <summary>The media type of every error answer.</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>An approval whose stored arguments no longer match their hash (a pipeline code newer than the contract on main).</summary>
    public const string ApprovalTampered = "approval_tampered";

    private static readonly FrozenDictionary<string, (int Status, string Title)> Table = new Dictionary<string, (int, string)>(StringComparer.Ordinal)
    {
        [OperationErrorCodes.InvalidInput] = (400, "Invalid input"),
        [OperationErrorCodes.UnknownOperation] = (404, "Unknown operation"),
        [OperationErrorCodes.Unauthenticated] = (401, "Unauthenticated"),
        [OperationErrorCodes.PolicyDenied] = (403, "Denied by policy"),
        [OperationErrorCodes.ApprovalDenied] = (403, "Approval denied"),
        [OperationErrorCodes.ApprovalExpired] = (409, "Approval expired"),
        [ApprovalTampered] = (409, "Approval tampered"),
        [OperationErrorCodes.ApprovalPending] = (409, "Approval pending"),
        [OperationErrorCodes.NotFound] = (404, "Not found"),
        [OperationErrorCodes.JiraNotFound] = (404, "Not found in Jira"),
        [OperationErrorCodes.RateLimited] = (429, "Rate limited"),
        [OperationErrorCodes.JiraError] = (502, "Jira refused the request"),
        [OperationErrorCodes.JiraUnavailable] = (503, "Jira unavailable"),
        [OperationErrorCodes.AuditUnavailable] = (503, "Audit log unavailable"),
        [OperationErrorCodes.OutcomeUnknown] = (504, "Outcome unknown"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The HTTP status for a code (500 for a code this build does not know).</summary>
    public static int StatusFor(string code) => Table.TryGetValue(code, out var entry) ? entry.Status : 500;

    /// <summary>The standard title for a code.</summary>
    public static string TitleFor(string code) => Table.TryGetValue(code, out var entry) ? entry.Title : "Gateway error";

    /// <summary>The codes this table maps, with their statuses (for documentation and tests).</summary>
    public static IReadOnlyDictionary<string, int> Statuses { get; } =
        Table.ToFrozenDictionary(p => p.Key, p => p.Value.Status, StringComparer.Ordinal);
}
