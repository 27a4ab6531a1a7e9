using JiraGate.Governance.Pipeline;
using JiraGate.Jira;
using JiraGate.Jira.Models;

namespace JiraGate.Governance.Execution;

/// <summary>
/// Enforces a restricted <see cref="ExecutionScope"/> on calls whose reach the policy could not see in the arguments:
/// an issue's type (and its real project — a key may have moved) is read from Jira before anything is done to it.
/// </summary>
internal static class ScopeGuard
{
    private static readonly IReadOnlyList<string> ScopeFields = ["project", "issuetype"];

    /// <summary>Reads the issue's project and type and refuses it when no grant of the scope allows both.</summary>
    /// <exception cref="ExecutionScopeException">The issue is outside the scope.</exception>
    public static async Task CheckIssueAsync(OperationRun run, string issueKey, CancellationToken cancellationToken)
    {
        if (IsOpen(run.Scope))
        {
            return;
        }
        var issue = await run.Jira.Issues.GetIssueAsync(issueKey, new GetIssueOptions { Fields = ScopeFields }, cancellationToken).ConfigureAwait(false);
        Check(run.Scope, issue.Fields.Project?.Key, issue.Fields.IssueType?.Name, issue.Key);
    }

    /// <summary>Refuses a project (and issue type, when given: a null type checks the project alone) that no grant allows.</summary>
    /// <exception cref="ExecutionScopeException">Outside the scope.</exception>
    public static void Check(ExecutionScope scope, string? project, string? issueType, string what)
    {
        if (IsOpen(scope))
        {
            return;
        }
        foreach (var grant in scope.Grants)
        {
            if (Allows(grant.Projects, project) && (issueType is null || Allows(grant.IssueTypes, issueType)))
            {
                return;
            }
        }
        throw new ExecutionScopeException(
            $"{what} ({(project ?? "unknown project")}{(issueType is null ? "" : ", " + issueType)}) is outside what the policy's where allows: "
            + string.Join("; ", scope.Grants.Select(Describe)) + ".");
    }

    /// <summary>Refuses, under a restricted scope, an operation whose project the arguments do not reveal.</summary>
    /// <exception cref="ExecutionScopeException">The scope is restricted.</exception>
    public static void RefuseOpaque(ExecutionScope scope, string operation)
    {
        if (!IsOpen(scope))
        {
            throw new ExecutionScopeException(
                $"{operation} does not tell which project it reaches, so a policy whose where restricts projects or issue types cannot allow it.");
        }
    }

    /// <summary>True when some grant restricts nothing (a call may use what any grant allows).</summary>
    public static bool IsOpen(ExecutionScope scope) =>
        scope.IsUnrestricted || scope.Grants.Any(g => g.Projects is null && g.IssueTypes is null);

    private static bool Allows(IReadOnlyList<string>? allowed, string? value) =>
        allowed is null || (value is not null && allowed.Any(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase)));

    private static string Describe(Policies.PolicyScope grant) =>
        grant.Policy + ": projects " + (grant.Projects is null ? "any" : "[" + string.Join(", ", grant.Projects) + "]")
        + ", issue types " + (grant.IssueTypes is null ? "any" : "[" + string.Join(", ", grant.IssueTypes) + "]");

    /// <summary>The issue's project key and type name, for checks on an issue already read.</summary>
    public static void Check(ExecutionScope scope, Issue issue) =>
        Check(scope, issue.Fields.Project?.Key, issue.Fields.IssueType?.Name, issue.Key);
}
