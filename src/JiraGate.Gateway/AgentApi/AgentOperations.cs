using JiraGate.Governance.Agents;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Policies;

namespace JiraGate.Gateway.AgentApi;

/// <summary>
/// What one agent may call, computed from its bound policies with the policy engine: every operation whose decision is
/// not a deny, with its approval mode. An operation whose decision depends on the call's arguments (a <c>where</c> or
/// <c>escalate</c>) is listed as <c>conditional</c> with the strictest mode a granting policy gives it.
/// </summary>
public sealed class AgentOperations
{
    private readonly PolicyEngine _engine;
    private readonly Func<PolicySet> _policies;

    /// <summary>Creates the view over an engine and the policy set in force (read on every call, so reloads apply).</summary>
    public AgentOperations(PolicyEngine engine, Func<PolicySet> policies)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(policies);
        _engine = engine;
        _policies = policies;
    }

    /// <summary>The operations <paramref name="agent"/> may call, in catalog order. A binding to a policy that is not
    /// loaded lists nothing (the pipeline denies every call of such an agent: fail closed).</summary>
    public IReadOnlyList<OperationInfo> List(Agent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var set = _policies();
        var bound = new List<Policy>(agent.Policies.Count);
        foreach (var name in agent.Policies.Distinct(StringComparer.Ordinal))
        {
            if (!set.TryGet(name, out var policy))
            {
                return [];
            }
            bound.Add(policy);
        }
        var compiled = _engine.Compile(bound);
        var list = new List<OperationInfo>();
        foreach (var op in _engine.Catalog.All)
        {
            if (compiled.IsStatic(op.Name))
            {
                var decision = _engine.Decide(compiled, op);
                if (decision.IsGranted)
                {
                    list.Add(Describe(op, decision.Approval, decision.HitlChannel, conditional: false));
                }
            }
            else if (StrictestConditionalGrant(compiled.Policies, op) is { } grant)
            {
                list.Add(Describe(op, grant.Mode, grant.Mode == ApprovalMode.Hitl ? grant.Channel : null, conditional: true));
            }
        }
        return list;
    }

    /// <summary><c>none</c>, <c>auto</c> or <c>hitl</c>.</summary>
    public static string ModeName(ApprovalMode mode) => mode switch
    {
        ApprovalMode.None => "none",
        ApprovalMode.Auto => "auto",
        _ => "hitl",
    };

    /// <summary><c>low</c>, <c>medium</c> or <c>high</c>.</summary>
    public static string RiskName(RiskLevel risk) => risk switch
    {
        RiskLevel.Low => "low",
        RiskLevel.Medium => "medium",
        _ => "high",
    };

    private static OperationInfo Describe(OperationDescriptor op, ApprovalMode mode, string? channel, bool conditional) => new()
    {
        Name = op.Name,
        Family = op.Family,
        Risk = RiskName(op.Risk),
        Approval = ModeName(mode),
        HitlChannel = channel,
        Conditional = conditional,
        Description = op.Description,
        Parameters = op.ParametersSchema,
    };

    // Only reached for rows the engine could not precompute, which exist only when some policy grants the operation
    // under some arguments. The mode is the base one: an escalate can still raise a large bulk call to hitl.
    private static (ApprovalMode Mode, string? Channel)? StrictestConditionalGrant(IReadOnlyList<Policy> policies, OperationDescriptor op)
    {
        (ApprovalMode Mode, string? Channel)? best = null;
        foreach (var p in policies)
        {
            if (p.Connector != Policy.JiraConnector || !p.Operations.Any(g => OperationGlob.IsMatch(g, op.Name)) || op.Risk > p.RiskMax)
            {
                continue;
            }
            var mode = p.Approval.For(op.Risk);
            if (best is null || mode > best.Value.Mode)
            {
                best = (mode, p.HitlChannel);
            }
        }
        return best;
    }
}
