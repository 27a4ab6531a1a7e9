using System.Globalization;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Approvals;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Policies;

namespace JiraGate.Governance.Pipeline;

public sealed partial class OperationPipeline
{
    /// <inheritdoc />
    public async Task<OperationResult> GetApprovalResultAsync(AgentIdentity agent, string approvalId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentException.ThrowIfNullOrWhiteSpace(approvalId);
        var caller = await IdentifyAsync(agent, "approval result", cancellationToken).ConfigureAwait(false);
        if (caller is null)
        {
            return OperationResults.Unauthenticated("approval:" + approvalId);
        }
        var approval = await _approvals.GetForAgentAsync(caller.Identity, approvalId, cancellationToken).ConfigureAwait(false);
        return approval is null
            ? NotFound(approvalId)
            : await ResolveAsync(caller, approval, decision: null, execute: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Executes an approved request right after a person approved it (the approvals page calls this), with the same
    /// exactly-once claim as <see cref="GetApprovalResultAsync"/>: whichever comes first executes, the other reads the
    /// kept result. A pending, denied or expired approval is answered as such and not executed.
    /// </summary>
    /// <param name="approvalId">The approval.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result of the execution (or the approval's state); Failed not_found when there is no such approval.</returns>
    public async Task<OperationResult> ExecuteApprovedAsync(string approvalId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(approvalId);
        var approval = await _approvals.GetCurrentAsync(approvalId, cancellationToken).ConfigureAwait(false);
        if (approval is null)
        {
            return NotFound(approvalId);
        }
        var agent = await IdentifyAsync(new AgentIdentity { AgentId = approval.AgentId, OrgId = approval.OrgId }, approval.Operation, cancellationToken)
            .ConfigureAwait(false);
        return agent is null
            ? OperationResults.Unauthenticated(approval.Operation)
            : await ResolveAsync(agent, approval, decision: null, execute: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Answers an approval's state; an approved one is claimed (exactly once) and executed when <paramref name="execute"/>.</summary>
    private async Task<OperationResult> ResolveAsync(Agent agent, Approval approval, PolicyDecision? decision, bool execute, CancellationToken ct)
    {
        switch (approval.State)
        {
            case ApprovalState.Pending:
                return OperationResults.Pending(approval, decision);
            case ApprovalState.Executing:
                return OperationResults.Pending(approval, decision, executing: true);
            case ApprovalState.Denied:
                return OperationResults.Denied(approval.Operation, OperationErrorCodes.ApprovalDenied,
                    $"Approval {approval.Id} was denied by {approval.DecidedBy}"
                    + (approval.DecisionComment is null ? "." : $": {approval.DecisionComment}"), decision, approval.Id);
            case ApprovalState.Expired:
                return OperationResults.Denied(approval.Operation, OperationErrorCodes.ApprovalExpired,
                    $"Approval {approval.Id} expired at {approval.ExpiresAt.ToString("u", CultureInfo.InvariantCulture)} before it was "
                    + (approval.DecidedAt is null ? "decided" : "executed") + "; make the call again to ask anew.", decision, approval.Id);
            case ApprovalState.Executed:
                return StoredResult.ReadExecuted(approval);
            case ApprovalState.Failed:
                return StoredResult.ReadFailed(approval);
        }
        if (!execute || !Catalog.TryGet(approval.Operation, out var op))
        {
            return OperationResults.Pending(approval, decision);
        }
        return await ClaimAndRunAsync(agent, op, approval, decision, ct).ConfigureAwait(false);
    }

    private async Task<OperationResult> ClaimAndRunAsync(Agent agent, OperationDescriptor op, Approval approval, PolicyDecision? decision, CancellationToken ct)
    {
        var claim = await _approvals.BeginExecutionAsync(approval.Id, approval.Arguments, agent.Identity, _options.ExecutorName, ct).ConfigureAwait(false);
        if (!claim.Succeeded)
        {
            return claim.Refusal switch
            {
                ApprovalRefusal.NotFound => NotFound(approval.Id),
                ApprovalRefusal.ArgumentsTampered or ApprovalRefusal.ArgumentsMismatch => OperationResults.Failed(approval.Operation,
                    OperationErrorCodes.ApprovalTampered, claim.Message, decision, approval.Id),
                // Lost the race (someone else executes or executed it) or it expired: answer what it is now.
                _ when claim.Approval is { } current => await ResolveAsync(agent, current, decision, execute: false, ct).ConfigureAwait(false),
                _ => NotFound(approval.Id),
            };
        }
        var claimed = claim.Approval!;
        using var stored = claimed.Arguments.ToDocument();
        var arguments = stored.RootElement;

        // Decide again under the policies in force now: a grant withdrawn since the approval is not executed.
        var now = Decide(agent, op, arguments);
        OperationResult result;
        if (now.Effect == PolicyEffect.Deny)
        {
            result = OperationResults.Denied(op.Name, OperationErrorCodes.PolicyDenied,
                $"Approval {claimed.Id} was not executed: {now.Reason}.", now, claimed.Id);
            await AuditRefusalAsync(agent, op.Name, op, now, arguments, claimed.Id, result, ct).ConfigureAwait(false);
        }
        else
        {
            var audited = decision ?? ApprovedDecision(op, claimed, now);
            try
            {
                result = await ExecuteAuditedAsync(agent.Identity, op, arguments, audited, claimed.Id, ct).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Cancelled or a bug: the claim is final either way, so record it rather than leave it 'executing'.
                await RecordApprovalAsync(claimed.Id, OperationResults.Failed(op.Name, ex is OperationCanceledException
                    ? OperationErrorCodes.OutcomeUnknown : OperationErrorCodes.JiraError,
                    $"The execution was interrupted ({ex.GetType().Name}); check Jira before asking again.", audited, claimed.Id)).ConfigureAwait(false);
                throw;
            }
        }
        await RecordApprovalAsync(claimed.Id, result).ConfigureAwait(false);
        return result;
    }

    /// <summary>The decision recorded for an approved call: the one that asked for the approval, in approval terms.</summary>
    private static PolicyDecision ApprovedDecision(OperationDescriptor op, Approval approval, PolicyDecision current) => new()
    {
        Effect = PolicyEffect.NeedsApproval,
        Approval = approval.Automatic ? ApprovalMode.Auto : ApprovalMode.Hitl,
        HitlChannel = approval.Channel,
        Operation = op.Name,
        Policy = approval.Policy,
        Rule = DecisionRule.Granted,
        Reason = $"{op.Name} approved by {approval.DecidedBy} (approval {approval.Id})",
        Scopes = current.Scopes,
    };

    private async Task RecordApprovalAsync(string approvalId, OperationResult result)
    {
        try
        {
            // Not the caller's token: the execution happened, its result must be kept whatever the caller does.
            var recorded = result.IsOk
                ? await _approvals.CompleteAsync(approvalId, StoredResult.WriteValue(result), CancellationToken.None).ConfigureAwait(false)
                : await _approvals.FailAsync(approvalId, StoredResult.WriteError(result.Error!), CancellationToken.None).ConfigureAwait(false);
            if (!recorded.Succeeded)
            {
                PipelineLog.ApprovalOutcomeNotRecorded(_logger, approvalId, recorded.Refusal.ToString());
            }
        }
#pragma warning disable CA1031 // the call's result is returned whatever happens to its bookkeeping; the failure is logged
        catch (Exception ex)
#pragma warning restore CA1031
        {
            PipelineLog.ApprovalOutcomeNotRecorded(_logger, approvalId, ex.GetType().Name);
        }
    }

    private static OperationResult NotFound(string approvalId) => OperationResults.Failed("approval:" + approvalId,
        OperationErrorCodes.NotFound, $"No approval {approvalId} for this agent.");
}
