using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using JiraGate.Governance.Agents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JiraGate.Governance.Approvals;

/// <summary>
/// The approval queue (pipeline step 5): opens requests bound to agent, operation and argument hash, notifies the
/// channel without waiting for it, lets approvers decide under four-eyes, and hands each approved request to exactly
/// one executor. Expiry is read from the injected <see cref="TimeProvider"/>: an approval past its expiry is expired
/// whatever its stored state says, and is marked so the first time it is touched.
/// </summary>
public sealed partial class ApprovalService
{
    private readonly IApprovalStore _store;
    private readonly IAgentStore _agents;
    private readonly IApprovalNotifier _notifier;
    private readonly ApprovalOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the service.</summary>
    public ApprovalService(IApprovalStore store, IAgentStore agents, IApprovalNotifier? notifier = null,
        IOptions<ApprovalOptions>? options = null, TimeProvider? timeProvider = null, ILogger<ApprovalService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(agents);
        _store = store;
        _agents = agents;
        _notifier = notifier ?? NullApprovalNotifier.Instance;
        _options = options?.Value ?? new ApprovalOptions();
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>
    /// Opens an approval for a call, or returns the agent's open one for the same operation and arguments (repeating a
    /// call while it waits does not open a second request). <c>auto</c> requests are recorded already approved by "auto";
    /// human ones are pending, and the channel is notified in the background.
    /// </summary>
    /// <exception cref="FormatException">The arguments have a duplicate key.</exception>
    public async Task<Approval> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Agent);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Operation, nameof(request));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Risk, nameof(request));
        var arguments = ApprovalArguments.From(request.Arguments);
        var now = _time.GetUtcNow();
        if (!request.Automatic)
        {
            var open = await _store.FindOpenAsync(request.Agent.AgentId, request.Operation, arguments.Sha256, now, cancellationToken).ConfigureAwait(false);
            if (open is not null && open.OrgId == request.Agent.OrgId && !open.Automatic)
            {
                return open;
            }
        }
        var agent = await _agents.GetAsync(request.Agent.AgentId, cancellationToken).ConfigureAwait(false);
        var approval = new Approval
        {
            Id = "apr_" + ApiKeys.RandomBase32(16),
            AgentId = request.Agent.AgentId,
            OrgId = request.Agent.OrgId,
            AgentOwner = agent?.Owner,
            Operation = request.Operation,
            Policy = request.Policy,
            Channel = request.Automatic ? null : request.Channel,
            Risk = request.Risk.ToLowerInvariant(),
            Automatic = request.Automatic,
            Arguments = arguments,
            State = request.Automatic ? ApprovalState.Approved : ApprovalState.Pending,
            CreatedAt = now,
            ExpiresAt = now + _options.ExpiryFor(request.Risk),
            DecidedBy = request.Automatic ? Approval.AutoApprover : null,
            DecidedAt = request.Automatic ? now : null,
        };
        if (!await _store.CreateAsync(approval, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Approval id {approval.Id} collided; retry the request.");
        }
        ApprovalsLog.Requested(_logger, approval.Id, approval.Operation, approval.AgentId, approval.OrgId, approval.Risk, approval.Policy, approval.Channel);
        if (!approval.Automatic)
        {
            // Off the request path: a slow or failing webhook never delays or fails the call; the approval stays
            // pending and visible on the approvals page whatever happens to the notice.
            _ = Task.Run(() => NotifyAsync(approval), CancellationToken.None);
        }
        return approval;
    }

    /// <summary>An agent's own approval (result included), or null — another agent's approval is not found.</summary>
    public async Task<Approval?> GetForAgentAsync(AgentIdentity agent, string approvalId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var approval = await GetCurrentAsync(approvalId, cancellationToken).ConfigureAwait(false);
        return approval is not null && IsOwnedBy(approval, agent) ? approval : null;
    }

    /// <summary>An approval of the approver's organisation, or null.</summary>
    public async Task<Approval?> GetForApproverAsync(ApproverIdentity approver, string approvalId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(approver);
        var approval = await GetCurrentAsync(approvalId, cancellationToken).ConfigureAwait(false);
        return approval is not null && string.Equals(approval.OrgId, approver.OrgId, StringComparison.Ordinal) ? approval : null;
    }

    /// <summary>Approvals matching the query, newest first, with expiry applied first.</summary>
    public async Task<IReadOnlyList<Approval>> ListAsync(ApprovalQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await ExpireDueAsync(cancellationToken).ConfigureAwait(false);
        return await _store.ListAsync(query, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks every approval past its expiry expired, and every execution interrupted past its lease failed (a sweep;
    /// reads do the same one approval at a time). Returns how many changed.
    /// </summary>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken = default)
    {
        var changed = await _store.ExpireDueAsync(_time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var executing = await _store.ListAsync(new ApprovalQuery { States = [ApprovalState.Executing], Limit = 1000 }, cancellationToken).ConfigureAwait(false);
        foreach (var approval in executing)
        {
            if (await TryFailInterruptedAsync(approval, cancellationToken).ConfigureAwait(false))
            {
                changed++;
            }
        }
        return changed;
    }

    /// <summary>Reads an approval, first marking it expired if its time is up.</summary>
    internal async Task<Approval?> GetCurrentAsync(string approvalId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(approvalId);
        var approval = await _store.GetAsync(approvalId, ct).ConfigureAwait(false);
        if (approval is { State: ApprovalState.Executing })
        {
            return await TryFailInterruptedAsync(approval, ct).ConfigureAwait(false)
                ? await _store.GetAsync(approvalId, ct).ConfigureAwait(false)
                : approval;
        }
        if (approval is null || !ApprovalStates.CanExpire(approval.State) || _time.GetUtcNow() < approval.ExpiresAt)
        {
            return approval;
        }
        await _store.TryTransitionAsync(new ApprovalTransition
        {
            ApprovalId = approval.Id,
            From = approval.State,
            To = ApprovalState.Expired,
            At = _time.GetUtcNow(),
        }, ct).ConfigureAwait(false);
        return await _store.GetAsync(approvalId, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// An execution claimed longer ago than <see cref="ApprovalOptions.ExecutionLease"/> whose outcome never came: the
    /// process that claimed it stopped. It becomes failed with outcome_unknown (conditionally, so a late outcome wins).
    /// </summary>
    private async Task<bool> TryFailInterruptedAsync(Approval approval, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var started = approval.ExecutionStartedAt ?? approval.DecidedAt ?? approval.CreatedAt;
        if (now - started < _options.ExecutionLease)
        {
            return false;
        }
        var message = $"JiraGate stopped while executing approval {approval.Id} (claimed by {approval.ExecutedBy ?? "an executor"} at "
            + started.ToString("u", CultureInfo.InvariantCulture) + "), so whether Jira applied it is unknown. It will not be executed again: "
            + "check Jira (and 'jiragate audit list') before asking anew.";
        var failed = await _store.TryTransitionAsync(new ApprovalTransition
        {
            ApprovalId = approval.Id,
            From = ApprovalState.Executing,
            To = ApprovalState.Failed,
            At = now,
            Error = InterruptedError(message),
        }, ct).ConfigureAwait(false);
        if (failed)
        {
            ApprovalsLog.Interrupted(_logger, approval.Id, approval.ExecutedBy ?? "");
        }
        return failed;
    }

    /// <summary>The stored error, in the shape the pipeline keeps errors in (code + message).</summary>
    private static string InterruptedError(string message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("code", Pipeline.OperationErrorCodes.OutcomeUnknown);
            w.WriteString("message", message);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static bool IsOwnedBy(Approval approval, AgentIdentity agent) =>
        string.Equals(approval.AgentId, agent.AgentId, StringComparison.Ordinal)
        && string.Equals(approval.OrgId, agent.OrgId, StringComparison.Ordinal);

    private async Task NotifyAsync(Approval approval)
    {
        try
        {
            await _notifier.NotifyAsync(approval, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // a notice must never take anything down; the failure is logged
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // The type and our own message only: an HTTP exception's text could carry the webhook's address.
            var reason = ex is ApprovalNotificationException ? ex.Message : ex.GetType().Name;
            ApprovalsLog.NotificationFailed(_logger, approval.Id, approval.Channel, reason);
        }
    }
}
