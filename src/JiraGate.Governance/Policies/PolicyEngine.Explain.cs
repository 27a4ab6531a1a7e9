using System.Text;
using System.Text.Json;
using JiraGate.Governance.Catalog;

namespace JiraGate.Governance.Policies;

/// <summary>A decision with the reasoning behind it, one line per bound policy (for <c>jiragate policy explain</c>).</summary>
public sealed class PolicyExplanation
{
    /// <summary>The decision, exactly as <see cref="PolicyEngine.Decide(CompiledPolicies, string, JsonElement)"/> returns it.</summary>
    public required PolicyDecision Decision { get; init; }

    /// <summary>What each bound policy (by name) said about the operation.</summary>
    public required IReadOnlyList<string> Trace { get; init; }

    /// <summary>The decision's reason followed by the trace.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(Decision.Reason);
        foreach (var line in Trace)
        {
            sb.Append('\n').Append("  ").Append(line);
        }

        return sb.ToString();
    }
}

public sealed partial class PolicyEngine
{
    /// <summary>Decides a call and says which policy, glob and rule decided, and what every other bound policy said.</summary>
    public PolicyExplanation Explain(CompiledPolicies policies, string operation, JsonElement arguments = default)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(operation);
        var decision = Decide(policies, operation, arguments);
        var trace = new List<string>();
        if (!policies.Catalog.TryGet(operation, out var op))
        {
            return new PolicyExplanation { Decision = decision, Trace = trace };
        }

        if (policies.Policies.Count == 0)
        {
            trace.Add("no policy is bound (default deny)");
        }

        foreach (var p in policies.Policies)
        {
            trace.Add($"{p.Name}: {Say(p, op, arguments)}");
        }

        return new PolicyExplanation { Decision = decision, Trace = trace };
    }

    private static string Say(Policy p, OperationDescriptor op, JsonElement arguments)
    {
        if (p.Connector != Policy.JiraConnector)
        {
            return $"connector {p.Connector} is not jira; grants nothing";
        }

        if (FirstMatch(p.Deny, op.Name) is { } deny)
        {
            return $"deny glob {deny} matches: denied, whatever any policy grants";
        }

        if (FirstMatch(p.Operations, op.Name) is not { } glob)
        {
            return $"no glob matches {op.Name}";
        }

        if (op.Risk > p.RiskMax)
        {
            return $"glob {glob} matches, but risk {Lower(op.Risk)} is above risk_max {Lower(p.RiskMax)}";
        }

        if (p.Where is not null && op.Targets.Scope != OperationScope.Global)
        {
            var check = WhereCheck.Evaluate(p, op, arguments);
            if (!check.Grants)
            {
                return $"glob {glob} matches, but {check.Reason}";
            }

            if (check.Scope is not null)
            {
                return $"glob {glob} grants within where (projects: {List(check.Scope.Projects)}; issue types: {List(check.Scope.IssueTypes)}), approval {Mode(p, op, arguments)}";
            }
        }

        return $"glob {glob} grants (risk {Lower(op.Risk)} within risk_max {Lower(p.RiskMax)}), approval {Mode(p, op, arguments)}";
    }

    private static string Mode(Policy p, OperationDescriptor op, JsonElement arguments)
    {
        var mode = p.Approval.For(op.Risk);
        if (p.Escalate is not null && op.Targets.BulkArgument is not null
            && CallTargets.BulkCount(arguments, op.Targets.BulkArgument) is var n && n > p.Escalate.BulkOver)
        {
            return $"hitl in {p.HitlChannel} (escalated: {n} issues over bulk_over {p.Escalate.BulkOver})";
        }

        return mode switch
        {
            ApprovalMode.None => "none",
            ApprovalMode.Auto => "auto",
            _ => $"hitl in {p.HitlChannel}",
        };
    }

    private static string List(IReadOnlyList<string>? items) => items is null ? "any" : string.Join(", ", items);
}
