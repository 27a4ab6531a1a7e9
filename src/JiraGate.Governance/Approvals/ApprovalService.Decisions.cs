using JiraGate.Governance.Agents;

namespace JiraGate.Governance.Approvals;

public sealed partial class ApprovalService
{
    /// <summary>
    /// Approves a pending request. Refused (a result, not an exception) when the approval is not found in the approver's
    /// organisation, when the approver is the requesting agent or its owner (four-eyes), when it is no longer pending, or
    /// when it expired. Of concurrent deciders exactly one succeeds.
    /// </summary>
    public Task<ApprovalResult> ApproveAsync(string approvalId, ApproverIdentity approver, string? comment = null, CancellationToken cancellationToken = default) =>
        DecideAsync(approvalId, approver, ApprovalState.Approved, comment, cancellationToken);

    /// <summary>Denies a pending request; the same rules as <see cref="ApproveAsync"/>.</summary>
    public Task<ApprovalResult> DenyAsync(string approvalId, ApproverIdentity approver, string? comment = null, CancellationToken cancellationToken = default) =>
        DecideAsync(approvalId, approver, ApprovalState.Denied, comment, cancellationToken);

    private async Task<ApprovalResult> DecideAsync(string approvalId, ApproverIdentity approver, ApprovalState decision, string? comment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(approver);
        var verb = decision == ApprovalState.Approved ? "approve" : "deny";
        var approval = await GetForApproverAsync(approver, approvalId, ct).ConfigureAwait(false);
        var result = approval is null
            ? ApprovalResult.Refused(ApprovalRefusal.NotFound, $"No approval {approvalId} in organisation {approver.OrgId}.")
            : await FourEyesAsync(approval, approver, verb, ct).ConfigureAwait(false) ?? WrongStateForDecision(approval, verb);
        if (result is null)
        {
            var applied = await _store.TryTransitionAsync(new ApprovalTransition
            {
                ApprovalId = approval!.Id,
                From = ApprovalState.Pending,
                To = decision,
                At = _time.GetUtcNow(),
                RequireUnexpired = true,
                Actor = approver.ApproverId,
                Comment = string.IsNullOrWhiteSpace(comment) ? null : comment,
            }, ct).ConfigureAwait(false);
            var now = await GetCurrentAsync(approval.Id, ct).ConfigureAwait(false) ?? approval;
            if (applied)
            {
                ApprovalsLog.Decided(_logger, now.Id, ApprovalStates.ToName(decision), approver.ApproverId);
                return ApprovalResult.Ok(now, $"Approval {now.Id} {ApprovalStates.ToName(decision)} by {approver.ApproverId}.");
            }
            // Someone else decided first, or it expired in between.
            result = WrongStateForDecision(now, verb) ?? ApprovalResult.Refused(ApprovalRefusal.WrongState, $"Approval {now.Id} changed meanwhile.", now);
        }
        ApprovalsLog.Refused(_logger, approvalId, verb, approver.ApproverId, result.Refusal);
        return result;
    }

    private async Task<ApprovalResult?> FourEyesAsync(Approval approval, ApproverIdentity approver, string verb, CancellationToken ct)
    {
        var who = approver.ApproverId;
        if (Same(who, approval.AgentId))
        {
            return ApprovalResult.Refused(ApprovalRefusal.FourEyes,
                $"{who} made this request and cannot {verb} it (four-eyes): another approver must decide.", approval);
        }
        // The owner then and now: handing the agent to someone else does not let its old or new owner decide.
        var currentOwner = (await _agents.GetAsync(approval.AgentId, ct).ConfigureAwait(false))?.Owner;
        if (Same(who, approval.AgentOwner) || Same(who, currentOwner))
        {
            return ApprovalResult.Refused(ApprovalRefusal.FourEyes,
                $"{who} owns agent {approval.AgentId} and cannot {verb} its requests (four-eyes): another approver must decide.", approval);
        }
        return null;
    }

    private static ApprovalResult? WrongStateForDecision(Approval approval, string verb) => approval.State switch
    {
        ApprovalState.Pending => null,
        ApprovalState.Expired => ApprovalResult.Refused(ApprovalRefusal.Expired,
            $"Approval {approval.Id} expired at {approval.ExpiresAt:u} and can no longer be decided; the agent must ask again.", approval),
        _ => ApprovalResult.Refused(ApprovalRefusal.WrongState,
            $"Approval {approval.Id} cannot be {(verb == "approve" ? "approved" : "denied")}: it is already {ApprovalStates.ToName(approval.State)}"
            + (approval.DecidedBy is null ? "." : $" (decided by {approval.DecidedBy})."), approval),
    };

    // Identities compare case-insensitively here: "Alice" must not slip past a four-eyes check on "alice".
    private static bool Same(string a, string? b) => b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
