using System.Text.Json;
using JiraGate.Governance.Catalog;
using static JiraGate.Governance.Policies.CompiledPolicies;

namespace JiraGate.Governance.Policies;

/// <summary>
/// Decides calls by policy, as ARCHITECTURE.md "Governance semantics" says: default deny; a policy grants when its
/// connector is jira, a glob matches and the risk is within risk_max (and the call is within its <c>where</c>); any
/// <c>deny</c> glob overrides every grant; the strictest approval among granting policies wins (hitl &gt; auto &gt; none);
/// <c>escalate</c> raises a bulk call to hitl. Policy order never changes a decision.
/// </summary>
public sealed partial class PolicyEngine
{
    /// <summary>Creates an engine over a catalog (default: seed 000's).</summary>
    public PolicyEngine(OperationCatalog? catalog = null) => Catalog = catalog ?? OperationCatalog.Default;

    /// <summary>The catalog decisions are made over.</summary>
    public OperationCatalog Catalog { get; }

    /// <summary>Compiles the policies bound to one agent into a decision table.</summary>
    /// <exception cref="ArgumentException">Two policies share a name.</exception>
    public CompiledPolicies Compile(IEnumerable<Policy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var ordered = policies.OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();
        for (var i = 1; i < ordered.Length; i++)
        {
            if (string.Equals(ordered[i - 1].Name, ordered[i].Name, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Policy '{ordered[i].Name}' is bound twice.", nameof(policies));
            }
        }

        var jira = ordered.Where(p => p.Connector == Policy.JiraConnector).ToArray();
        var table = new Entry[Catalog.Count];
        foreach (var op in Catalog.All)
        {
            table[op.Index] = CompileEntry(jira, op);
        }

        return new CompiledPolicies(Catalog, ordered, table);
    }

    /// <summary>Decides one call. Allocation-free when the operation's row is precomputed (no <c>where</c>/<c>escalate</c> at play).</summary>
    public PolicyDecision Decide(CompiledPolicies policies, string operation, JsonElement arguments = default)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(operation);
        return policies.Catalog.TryGet(operation, out var op)
            ? Decide(policies.Table[op.Index], arguments)
            : Deny(operation, DecisionRule.UnknownOperation, null, null, $"unknown operation '{operation}'");
    }

    /// <summary>Decides one call to a catalog operation.</summary>
    public PolicyDecision Decide(CompiledPolicies policies, OperationDescriptor operation, JsonElement arguments = default)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(operation);
        return Decide(policies.Table[operation.Index], arguments);
    }

    private static PolicyDecision Decide(Entry entry, JsonElement arguments) =>
        entry.Static ?? DecideDynamic(entry, arguments);

    private static Entry CompileEntry(Policy[] policies, OperationDescriptor op)
    {
        foreach (var p in policies)
        {
            if (FirstMatch(p.Deny, op.Name) is { } denyGlob)
            {
                return new Entry { Operation = op, Static = Deny(op.Name, DecisionRule.DeniedByPolicy, p.Name, denyGlob, $"{op.Name} denied by policy {p.Name} glob {denyGlob}") };
            }
        }

        Candidate? unconditional = null;
        var conditional = new List<Candidate>();
        PolicyDecision? refusal = null;
        foreach (var p in policies)
        {
            if (FirstMatch(p.Operations, op.Name) is not { } glob)
            {
                continue;
            }

            if (op.Risk > p.RiskMax)
            {
                refusal ??= Deny(op.Name, DecisionRule.RiskAboveMax, p.Name, glob,
                    $"{op.Name}: risk {Lower(op.Risk)} above risk_max {Lower(p.RiskMax)} of {p.Name}");
                continue;
            }

            var usesWhere = p.Where is not null && op.Targets.Scope != OperationScope.Global;
            if (usesWhere && op.Targets.Scope == OperationScope.Opaque)
            {
                // Its project cannot be told from the arguments: a where-scoped policy never grants it.
                refusal ??= Deny(op.Name, DecisionRule.OutsideWhere, p.Name, glob,
                    $"{op.Name}: its project cannot be told from its arguments, and {p.Name} grants only within its where");
                continue;
            }

            var candidate = new Candidate
            {
                Policy = p,
                Glob = glob,
                Mode = p.Approval.For(op.Risk),
                UsesWhere = usesWhere,
                UsesEscalate = p.Escalate is not null && op.Targets.BulkArgument is not null,
            };

            if (candidate.UsesWhere || candidate.UsesEscalate)
            {
                conditional.Add(candidate);
            }
            else if (candidate.Beats(candidate.Mode, unconditional?.Mode ?? ApprovalMode.None, unconditional))
            {
                unconditional = candidate;
            }
        }

        if (unconditional is null && conditional.Count == 0)
        {
            return new Entry { Operation = op, Static = refusal ?? Deny(op.Name, DecisionRule.NoGrant, null, null, $"no policy grants {op.Name}") };
        }

        // Conditional candidates that can never be stricter than the unconditional grant change nothing but scopes,
        // and an unconditional grant makes scopes moot: drop them so the row stays precomputed.
        if (unconditional is not null)
        {
            conditional.RemoveAll(c => !c.UsesEscalate && !c.Beats(c.Mode, unconditional.Mode, unconditional));
        }

        return conditional.Count == 0
            ? new Entry { Operation = op, Static = Grant(op.Name, unconditional!, unconditional!.Mode, escalated: false, [], null) }
            : new Entry { Operation = op, Unconditional = unconditional, Conditional = [.. conditional] };
    }

    private static PolicyDecision DecideDynamic(Entry entry, JsonElement arguments)
    {
        var op = entry.Operation;
        var best = entry.Unconditional;
        var bestMode = best?.Mode ?? ApprovalMode.None;
        var bestEscalation = (string?)null;
        var unscoped = best is not null;
        List<PolicyScope>? scopes = null;
        string? firstRefusal = null;
        Candidate? refused = null;

        foreach (var c in entry.Conditional)
        {
            var check = c.UsesWhere ? WhereCheck.Evaluate(c.Policy, op, arguments) : WhereCheck.Pass;
            if (!check.Grants)
            {
                if (firstRefusal is null)
                {
                    firstRefusal = check.Reason;
                    refused = c;
                }

                continue;
            }

            var mode = c.Mode;
            string? escalation = null;
            if (c.UsesEscalate && CallTargets.BulkCount(arguments, op.Targets.BulkArgument) is var n && n > c.Policy.Escalate!.BulkOver)
            {
                mode = ApprovalMode.Hitl;
                escalation = $"{n} issues over bulk_over {c.Policy.Escalate.BulkOver} of {c.Policy.Name}";
            }

            if (check.Scope is null)
            {
                unscoped = true;
            }
            else
            {
                (scopes ??= []).Add(check.Scope);
            }

            if (c.Beats(mode, bestMode, best))
            {
                best = c;
                bestMode = mode;
                bestEscalation = escalation;
            }
        }

        if (best is null)
        {
            return Deny(op.Name, DecisionRule.OutsideWhere, refused?.Policy.Name, refused?.Glob, firstRefusal ?? $"no policy grants {op.Name}");
        }

        return Grant(op.Name, best, bestMode, bestEscalation is not null, unscoped ? [] : scopes!, bestEscalation);
    }

    private static PolicyDecision Grant(string operation, Candidate c, ApprovalMode mode, bool escalated, IReadOnlyList<PolicyScope> scopes, string? escalation)
    {
        var p = c.Policy;
        var how = mode switch
        {
            ApprovalMode.None => "allowed",
            ApprovalMode.Auto => "needs auto approval",
            _ => $"needs hitl approval in {p.HitlChannel ?? "(no channel)"}",
        };
        var reason = $"{operation} {how} by policy {p.Name} glob {c.Glob}" + (escalation is null ? "" : $" (escalated: {escalation})");
        return new PolicyDecision
        {
            Effect = mode == ApprovalMode.None ? PolicyEffect.Allow : PolicyEffect.NeedsApproval,
            Approval = mode,
            HitlChannel = mode == ApprovalMode.Hitl ? p.HitlChannel : null,
            Operation = operation,
            Policy = p.Name,
            Glob = c.Glob,
            Rule = DecisionRule.Granted,
            Reason = reason,
            Escalated = escalated,
            Scopes = scopes,
        };
    }

    private static PolicyDecision Deny(string operation, DecisionRule rule, string? policy, string? glob, string reason) =>
        new() { Effect = PolicyEffect.Deny, Operation = operation, Rule = rule, Policy = policy, Glob = glob, Reason = reason };

    internal static string? FirstMatch(IReadOnlyList<string> globs, string operation)
    {
        foreach (var g in globs)
        {
            if (OperationGlob.IsMatch(g, operation))
            {
                return g;
            }
        }

        return null;
    }

    internal static string Lower(RiskLevel risk) => risk switch { RiskLevel.Low => "low", RiskLevel.Medium => "medium", _ => "high" };
}
