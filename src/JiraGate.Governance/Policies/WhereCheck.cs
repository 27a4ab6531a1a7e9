using System.Text.Json;
using JiraGate.Governance.Catalog;

namespace JiraGate.Governance.Policies;

/// <summary>Evaluates a policy's <c>where</c> against one call's arguments.</summary>
internal readonly struct WhereCheck
{
    public static readonly WhereCheck Pass = new(true, null, null);

    private WhereCheck(bool grants, PolicyScope? scope, string? reason)
    {
        Grants = grants;
        Scope = scope;
        Reason = reason;
    }

    /// <summary>Whether the policy grants this call.</summary>
    public bool Grants { get; }

    /// <summary>What the caller must still enforce (JQL constraint, issue type of an existing issue), or null.</summary>
    public PolicyScope? Scope { get; }

    /// <summary>Why not, when it does not grant.</summary>
    public string? Reason { get; }

    public static WhereCheck Evaluate(Policy policy, OperationDescriptor op, JsonElement args)
    {
        var where = policy.Where!;
        var t = op.Targets;
        switch (t.Scope)
        {
            case OperationScope.Jql:
                // Granted only as constrained server-side: the JQL is ANDed with the scope's projects and types.
                return new WhereCheck(true, ScopeOf(policy), null);

            case OperationScope.Project:
            {
                var fail = CheckProject(policy, op, CallTargets.String(args, t.ProjectArgument), "names no project");
                return fail ?? CheckIssueType(policy, op, args, t.IssueTypeArgument) ?? Pass;
            }

            case OperationScope.Issue:
            {
                var key = CallTargets.String(args, t.IssueKeyArgument);
                var fail = CheckProject(policy, op, CallTargets.ProjectOfIssueKey(key), key is null ? "names no issue" : $"names issue {key} by id, not by a key that tells its project");
                if (fail is not null)
                {
                    return fail.Value;
                }

                // The issue's type is not in the arguments: the caller checks it against the scope before executing.
                return where.IssueTypes is null ? Pass : new WhereCheck(true, ScopeOf(policy), null);
            }

            case OperationScope.Bulk:
            {
                if (args.ValueKind != JsonValueKind.Object || !args.TryGetProperty(t.BulkArgument!, out var items) || items.ValueKind != JsonValueKind.Array)
                {
                    return Refuse(policy, op, "names no issues");
                }

                var i = 0;
                foreach (var item in items.EnumerateArray())
                {
                    var fail = CheckProject(policy, op, CallTargets.String(item, t.ProjectArgument), $"item {i} names no project")
                        ?? CheckIssueType(policy, op, item, t.IssueTypeArgument);
                    if (fail is not null)
                    {
                        return fail.Value;
                    }

                    i++;
                }

                return Pass;
            }

            case OperationScope.Global:
                return Pass;

            default:
                return Refuse(policy, op, "does not tell its project");
        }
    }

    private static WhereCheck? CheckProject(Policy policy, OperationDescriptor op, string? project, string missing)
    {
        var projects = policy.Where!.Projects;
        if (projects is null)
        {
            return null;
        }

        if (project is null)
        {
            return Refuse(policy, op, missing);
        }

        return CallTargets.Contains(projects, project)
            ? null
            : new WhereCheck(false, null, $"{op.Name} on project {project} is outside where.projects [{string.Join(", ", projects)}] of {policy.Name}");
    }

    private static WhereCheck? CheckIssueType(Policy policy, OperationDescriptor op, JsonElement args, string? argument)
    {
        var types = policy.Where!.IssueTypes;
        if (types is null || argument is null)
        {
            return null;
        }

        var type = CallTargets.String(args, argument);
        if (type is null)
        {
            return Refuse(policy, op, "names no issue type");
        }

        return CallTargets.Contains(types, type)
            ? null
            : new WhereCheck(false, null, $"{op.Name} of issue type {type} is outside where.issue_types [{string.Join(", ", types)}] of {policy.Name}");
    }

    private static WhereCheck Refuse(Policy policy, OperationDescriptor op, string why) =>
        new(false, null, $"{op.Name} {why}, and {policy.Name} grants only within its where");

    private static PolicyScope ScopeOf(Policy policy) =>
        new() { Policy = policy.Name, Projects = policy.Where!.Projects, IssueTypes = policy.Where.IssueTypes };
}
