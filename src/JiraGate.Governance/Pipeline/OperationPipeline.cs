using System.Text.Json;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Approvals;
using JiraGate.Governance.Audit;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Policies;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JiraGate.Governance.Pipeline;

/// <summary>
/// The one way to Jira (ARCHITECTURE.md "One operation, end to end"): identify the agent, resolve the operation,
/// validate the arguments, decide by policy, ask for approval when needed, write the audit intent (and refuse the
/// call if it cannot be written), execute, write the outcome, answer. Governance outcomes are results, never
/// exceptions.
/// </summary>
/// <remarks>
/// Every call from a registered agent is audited: refused ones (unknown operation, invalid input, policy denial,
/// pending approval) as an intent with no Jira call and a <c>not_executed</c> outcome; executed ones as an intent
/// before and an outcome after the call. Calls from unknown or disabled agents are only logged: an unproven
/// identity must not be able to write to the audit log.
/// </remarks>
public sealed partial class OperationPipeline : IOperationPipeline
{
    private static readonly JsonElement EmptyArguments = JsonDocument.Parse("{}").RootElement.Clone();

    private readonly IAgentStore _agents;
    private readonly IPolicySetProvider _policySets;
    private readonly PolicyEngine _engine;
    private readonly AgentPolicyCache _compiled;
    private readonly ApprovalService _approvals;
    private readonly AuditLog _audit;
    private readonly IOperationExecutor _executor;
    private readonly OperationPipelineOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the pipeline.</summary>
    /// <param name="agents">The agent registry's store (step 1).</param>
    /// <param name="policies">The policy set in force (step 4).</param>
    /// <param name="approvals">The approval queue (step 5).</param>
    /// <param name="audit">The audit log (steps 6 and 8).</param>
    /// <param name="executor">What carries operations out against Jira (step 7).</param>
    /// <param name="engine">The policy engine; its catalog is the pipeline's (seed 000's by default).</param>
    /// <param name="options">Executor name.</param>
    /// <param name="timeProvider">The clock for durations.</param>
    /// <param name="logger">Where refusals and failures are logged (never arguments).</param>
    public OperationPipeline(
        IAgentStore agents,
        IPolicySetProvider policies,
        ApprovalService approvals,
        AuditLog audit,
        IOperationExecutor executor,
        PolicyEngine? engine = null,
        IOptions<OperationPipelineOptions>? options = null,
        TimeProvider? timeProvider = null,
        ILogger<OperationPipeline>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(approvals);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(executor);
        _agents = agents;
        _policySets = policies;
        _engine = engine ?? new PolicyEngine();
        _compiled = new AgentPolicyCache(_engine);
        _approvals = approvals;
        _audit = audit;
        _executor = executor;
        _options = options?.Value ?? new OperationPipelineOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(_options.ExecutorName, nameof(options));
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The catalog operations are resolved in.</summary>
    public OperationCatalog Catalog => _engine.Catalog;

    /// <inheritdoc />
    public async Task<OperationResult> ExecuteAsync(OperationCall call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(call.Agent);
        ArgumentNullException.ThrowIfNull(call.Operation);

        // 1. identify
        var agent = await IdentifyAsync(call.Agent, call.Operation, cancellationToken).ConfigureAwait(false);
        if (agent is null)
        {
            return OperationResults.Unauthenticated(call.Operation);
        }
        var arguments = call.Arguments.ValueKind == JsonValueKind.Undefined ? EmptyArguments : call.Arguments;

        // 2. resolve
        if (!Catalog.TryGet(call.Operation, out var op))
        {
            var unknown = OperationResults.Failed(call.Operation, OperationErrorCodes.UnknownOperation,
                $"'{call.Operation}' is not one of the {Catalog.Count} operations; list them with jiragate policy explain or tools/list.");
            await AuditRefusalAsync(agent, call.Operation, null, null, arguments, null, unknown, cancellationToken).ConfigureAwait(false);
            return unknown;
        }

        // 3. validate: fail fast, nothing sent
        var validation = ArgumentValidator.Validate(op, arguments);
        if (!validation.IsValid)
        {
            var invalid = OperationResults.InvalidInput(op.Name, validation.Errors);
            await AuditRefusalAsync(agent, op.Name, op, null, arguments, null, invalid, cancellationToken).ConfigureAwait(false);
            return invalid;
        }

        // 4. decide
        var decision = Decide(agent, op, arguments);
        if (decision.Effect == PolicyEffect.Deny)
        {
            var denied = OperationResults.Denied(op.Name, OperationErrorCodes.PolicyDenied, decision.Reason, decision);
            await AuditRefusalAsync(agent, op.Name, op, decision, arguments, null, denied, cancellationToken).ConfigureAwait(false);
            return denied;
        }

        // 5. approve
        if (decision.Effect == PolicyEffect.NeedsApproval)
        {
            var approval = await _approvals.RequestAsync(new ApprovalRequest
            {
                Agent = agent.Identity,
                Operation = op.Name,
                Risk = PolicyEngine.Lower(op.Risk),
                Policy = decision.Policy,
                Channel = decision.HitlChannel,
                Arguments = arguments,
                Automatic = decision.Approval == ApprovalMode.Auto,
            }, cancellationToken).ConfigureAwait(false);
            if (approval.State == ApprovalState.Pending)
            {
                var pending = OperationResults.Pending(approval, decision);
                await AuditRefusalAsync(agent, op.Name, op, decision, arguments, approval.Id, pending, cancellationToken).ConfigureAwait(false);
                return pending;
            }
            // auto (approved at once), or the agent repeated a call a person has approved meanwhile.
            return await ResolveAsync(agent, approval, decision, execute: true, cancellationToken).ConfigureAwait(false);
        }

        // 6-9. audit intent, execute, audit outcome, answer
        return await ExecuteAuditedAsync(agent.Identity, op, arguments, decision, approvalId: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The agent when it exists, is enabled and belongs to the claimed organisation; else null (logged).</summary>
    private async Task<Agent?> IdentifyAsync(AgentIdentity identity, string operation, CancellationToken ct)
    {
        var agent = string.IsNullOrEmpty(identity.AgentId) ? null : await _agents.GetAsync(identity.AgentId, ct).ConfigureAwait(false);
        if (agent is { Enabled: true } && string.Equals(agent.OrgId, identity.OrgId, StringComparison.Ordinal))
        {
            return agent;
        }
        PipelineLog.Unauthenticated(_logger, operation, identity.AgentId, identity.OrgId);
        return null;
    }

    private PolicyDecision Decide(Agent agent, OperationDescriptor op, JsonElement arguments)
    {
        var entry = _compiled.Get(agent, _policySets.Current);
        return entry.Compiled is { } compiled
            ? _engine.Decide(compiled, op, arguments)
            : new PolicyDecision { Effect = PolicyEffect.Deny, Operation = op.Name, Rule = DecisionRule.NoGrant, Reason = entry.Error! };
    }

    private static ExecutionScope ScopeOf(PolicyDecision decision, AgentIdentity agent) =>
        new() { Grants = decision.Scopes.Count == 0 ? [] : decision.Scopes, Agent = agent };

    private static string DecisionName(PolicyDecision? decision) => decision switch
    {
        null => "none",
        { Effect: PolicyEffect.Deny } => "deny",
        { Effect: PolicyEffect.Allow } => "allow",
        { Approval: ApprovalMode.Auto } => "approval_auto",
        _ => "approval_hitl",
    };
}
