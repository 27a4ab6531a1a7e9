using JiraGate.Governance.Agents;

namespace JiraGate.Governance.Approvals;

public sealed partial class ApprovalService
{
    /// <summary>
    /// Claims an approved request for execution: exactly one caller ever succeeds (a conditional approved → executing
    /// change), and only with the arguments that were approved. The result carries the stored approval, whose
    /// <see cref="Approval.Arguments"/> are what must be executed. When <paramref name="agent"/> is given, another agent's
    /// approval is not found. Then report the outcome with <see cref="CompleteAsync"/> or <see cref="FailAsync"/>.
    /// </summary>
    /// <param name="approvalId">The approval (the idempotency key).</param>
    /// <param name="arguments">The arguments of the call being executed: must hash to the approved ones.</param>
    /// <param name="agent">The calling agent, when the call comes from one.</param>
    /// <param name="executor">Who executes (e.g. a gateway replica's name), recorded.</param>
    /// <param name="cancellationToken">Cancels the store calls.</param>
    public async Task<ApprovalResult> BeginExecutionAsync(string approvalId, ApprovalArguments arguments, AgentIdentity? agent = null,
        string executor = "gateway", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentException.ThrowIfNullOrWhiteSpace(executor);
        var approval = await GetCurrentAsync(approvalId, cancellationToken).ConfigureAwait(false);
        var refusal = CheckExecutable(approval, approvalId, arguments, agent);
        if (refusal is null)
        {
            var claimed = await _store.TryTransitionAsync(new ApprovalTransition
            {
                ApprovalId = approvalId,
                From = ApprovalState.Approved,
                To = ApprovalState.Executing,
                At = _time.GetUtcNow(),
                RequireUnexpired = true,
                ArgumentsSha256 = arguments.Sha256,
                Actor = executor,
            }, cancellationToken).ConfigureAwait(false);
            var now = await GetCurrentAsync(approvalId, cancellationToken).ConfigureAwait(false);
            if (claimed && now is not null)
            {
                ApprovalsLog.Claimed(_logger, approvalId, executor);
                return ApprovalResult.Ok(now, $"Approval {approvalId} claimed for execution by {executor}.");
            }
            refusal = CheckExecutable(now, approvalId, arguments, agent)
                ?? ApprovalResult.Refused(ApprovalRefusal.WrongState, $"Approval {approvalId} changed meanwhile.", now);
        }
        ApprovalsLog.Refused(_logger, approvalId, "execute", executor, refusal.Refusal);
        return refusal;
    }

    /// <summary>Records the result of a claimed execution, for the agent to collect.</summary>
    public Task<ApprovalResult> CompleteAsync(string approvalId, string resultJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resultJson);
        return FinishAsync(approvalId, ApprovalState.Executed, resultJson, null, cancellationToken);
    }

    /// <summary>Records that a claimed execution failed (final: the agent must ask again).</summary>
    public Task<ApprovalResult> FailAsync(string approvalId, string error, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return FinishAsync(approvalId, ApprovalState.Failed, null, error, cancellationToken);
    }

    private async Task<ApprovalResult> FinishAsync(string approvalId, ApprovalState to, string? result, string? error, CancellationToken ct)
    {
        var applied = await _store.TryTransitionAsync(new ApprovalTransition
        {
            ApprovalId = approvalId,
            From = ApprovalState.Executing,
            To = to,
            At = _time.GetUtcNow(),
            ResultJson = result,
            Error = error,
        }, ct).ConfigureAwait(false);
        var now = await _store.GetAsync(approvalId, ct).ConfigureAwait(false);
        if (now is null)
        {
            return ApprovalResult.Refused(ApprovalRefusal.NotFound, $"No approval {approvalId}.");
        }
        if (!applied)
        {
            return ApprovalResult.Refused(ApprovalRefusal.WrongState,
                $"Approval {approvalId} is {ApprovalStates.ToName(now.State)}, not executing: its outcome cannot be recorded.", now);
        }
        ApprovalsLog.Completed(_logger, approvalId, ApprovalStates.ToName(to));
        return ApprovalResult.Ok(now, $"Approval {approvalId} {ApprovalStates.ToName(to)}.");
    }

    private ApprovalResult? CheckExecutable(Approval? approval, string approvalId, ApprovalArguments arguments, AgentIdentity? agent)
    {
        if (approval is null || (agent is not null && !IsOwnedBy(approval, agent)))
        {
            return ApprovalResult.Refused(ApprovalRefusal.NotFound, $"No approval {approvalId}.");
        }
        if (!approval.Arguments.IsIntact)
        {
            ApprovalsLog.ArgumentsTampered(_logger, approval.Id);
            return ApprovalResult.Refused(ApprovalRefusal.ArgumentsTampered,
                $"Approval {approval.Id}'s stored arguments do not match their hash; it will not be executed.", approval);
        }
        if (!approval.Arguments.Matches(arguments))
        {
            return ApprovalResult.Refused(ApprovalRefusal.ArgumentsMismatch,
                $"Approval {approval.Id} was granted for other arguments ({approval.Arguments}); these ({arguments}) need their own approval.", approval);
        }
        return approval.State switch
        {
            ApprovalState.Approved => null,
            ApprovalState.Expired => ApprovalResult.Refused(ApprovalRefusal.Expired,
                $"Approval {approval.Id} expired at {approval.ExpiresAt:u} and can no longer be executed; ask again.", approval),
            ApprovalState.Pending => ApprovalResult.Refused(ApprovalRefusal.WrongState,
                $"Approval {approval.Id} is still waiting for a decision.", approval),
            ApprovalState.Denied => ApprovalResult.Refused(ApprovalRefusal.WrongState,
                $"Approval {approval.Id} was denied by {approval.DecidedBy}.", approval),
            _ => ApprovalResult.Refused(ApprovalRefusal.WrongState,
                $"Approval {approval.Id} was already executed once ({ApprovalStates.ToName(approval.State)}); it is never executed twice.", approval),
        };
    }
}
