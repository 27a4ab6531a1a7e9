using System.Text.Json;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Audit;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Policies;

namespace JiraGate.Governance.Pipeline;

public sealed partial class OperationPipeline
{
    /// <summary>Steps 6–9: intent (fail closed), execute, outcome (best effort), answer.</summary>
    private async Task<OperationResult> ExecuteAuditedAsync(AgentIdentity agent, OperationDescriptor op, JsonElement arguments,
        PolicyDecision decision, string? approvalId, CancellationToken ct)
    {
        AuditReceipt intent;
        try
        {
            intent = await _audit.AppendIntentAsync(Intent(agent, op.Name, op, decision, arguments, approvalId), ct).ConfigureAwait(false);
        }
        catch (AuditUnavailableException ex)
        {
            PipelineLog.IntentFailed(_logger, op.Name, agent.AgentId, ex.InnerException?.GetType().Name ?? ex.GetType().Name);
            return OperationResults.Failed(op.Name, OperationErrorCodes.AuditUnavailable,
                "The audit log could not record this call, so it was not made (nothing was sent to Jira); try again when the audit store is back.",
                decision, approvalId);
        }

        var started = _time.GetTimestamp();
        OperationResult result;
        AuditOutcome outcome;
        try
        {
            var output = await _executor.ExecuteAsync(op, arguments, ScopeOf(decision, agent), ct).ConfigureAwait(false);
            result = new OperationResult
            {
                Operation = op.Name,
                Status = OperationStatus.Ok,
                Value = output.Value,
                JiraRequestId = output.JiraRequestId,
                Decision = decision,
                ApprovalId = approvalId,
            };
            outcome = new AuditOutcome { Status = "ok", DurationMs = Elapsed(started), JiraRequestId = output.JiraRequestId };
        }
        catch (Exception ex) when (OperationResults.Map(ex, ct) is { } error)
        {
            result = OperationResults.Failed(op.Name, error, decision, approvalId);
            outcome = new AuditOutcome
            {
                Status = error.Code == OperationErrorCodes.OutcomeUnknown ? "unknown" : "failed",
                HttpStatus = error.JiraStatus,
                DurationMs = Elapsed(started),
                JiraRequestId = (ex as Jira.JiraException)?.RequestId,
                ErrorCode = error.Code,
                ErrorMessage = error.Message,
            };
        }
        catch (Exception ex)
        {
            // The caller gave up (a write may still happen) or the executor has a bug: record it, then let it surface.
            var cancelled = ex is OperationCanceledException;
            if (!cancelled)
            {
                PipelineLog.ExecutorCrashed(_logger, op.Name, agent.AgentId, ex.GetType().Name, ex);
            }
            await AppendOutcomeAsync(intent, op.Name, agent, new AuditOutcome
            {
                Status = cancelled ? "unknown" : "failed",
                DurationMs = Elapsed(started),
                ErrorCode = cancelled ? "cancelled" : "internal_error",
                ErrorMessage = ex.GetType().Name,
            }).ConfigureAwait(false);
            throw;
        }

        await AppendOutcomeAsync(intent, op.Name, agent, outcome).ConfigureAwait(false);
        PipelineLog.Executed(_logger, op.Name, agent.AgentId, result.Status, result.Error?.Code, outcome.DurationMs);
        return result;
    }

    /// <summary>
    /// Records a call that was not sent to Jira (unknown operation, invalid input, denial, pending approval): an intent
    /// with its redacted arguments and a <c>not_executed</c> outcome. A failure is logged; the refusal stands either way.
    /// </summary>
    private async Task AuditRefusalAsync(Agent agent, string operation, OperationDescriptor? op, PolicyDecision? decision,
        JsonElement arguments, string? approvalId, OperationResult result, CancellationToken ct)
    {
        var code = result.Error?.Code ?? "";
        try
        {
            var intent = await _audit.AppendIntentAsync(Intent(agent.Identity, operation, op, decision, arguments, approvalId), ct).ConfigureAwait(false);
            await _audit.AppendOutcomeAsync(intent, new AuditOutcome
            {
                Status = "not_executed",
                ErrorCode = code,
                // Only the argument names for invalid input: the messages may quote values.
                ErrorMessage = code == OperationErrorCodes.InvalidInput
                    ? "invalid: " + string.Join(", ", result.Error!.Arguments.Select(a => a.Argument.Length == 0 ? "(arguments)" : a.Argument).Distinct(StringComparer.Ordinal))
                    : result.Error?.Message,
            }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (AuditUnavailableException ex)
        {
            PipelineLog.RejectionNotAudited(_logger, operation, agent.Id, code, ex.InnerException?.GetType().Name ?? ex.GetType().Name);
        }
    }

    private async Task AppendOutcomeAsync(AuditReceipt intent, string operation, AgentIdentity agent, AuditOutcome outcome)
    {
        try
        {
            // Never the caller's token: the call happened, its outcome must be recorded if at all possible.
            await _audit.AppendOutcomeAsync(intent, outcome, CancellationToken.None).ConfigureAwait(false);
        }
        catch (AuditUnavailableException ex)
        {
            PipelineLog.OutcomeFailed(_logger, operation, agent.AgentId, intent.Seq, ex.InnerException?.GetType().Name ?? ex.GetType().Name);
        }
    }

    private static AuditIntent Intent(AgentIdentity agent, string operation, OperationDescriptor? op, PolicyDecision? decision,
        JsonElement arguments, string? approvalId) => new()
    {
        Agent = agent.AgentId,
        Org = agent.OrgId,
        Operation = operation,
        Risk = op is null ? null : PolicyEngine.Lower(op.Risk),
        Decision = DecisionName(decision),
        Policy = decision?.Policy,
        ApprovalId = approvalId,
        Parameters = arguments,
        Redactions = op?.Redactions,
    };

    private long Elapsed(long started) => (long)_time.GetElapsedTime(started).TotalMilliseconds;
}
