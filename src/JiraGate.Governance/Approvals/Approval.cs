namespace JiraGate.Governance.Approvals;

/// <summary>
/// One approval: what was asked (agent, organisation, operation, policy, channel, risk and the exact arguments), its
/// state, who decided and when, and the execution's result. The id is the idempotency key of the execution.
/// </summary>
public sealed record Approval
{
    /// <summary>The id, e.g. <c>apr_…</c> (random; the execution's idempotency key).</summary>
    public required string Id { get; init; }

    /// <summary>The requesting agent.</summary>
    public required string AgentId { get; init; }

    /// <summary>The agent's organisation.</summary>
    public required string OrgId { get; init; }

    /// <summary>The agent's owner when the request was made (four-eyes: never an approver of it).</summary>
    public string? AgentOwner { get; init; }

    /// <summary>The operation, e.g. <c>issues:delete</c>.</summary>
    public required string Operation { get; init; }

    /// <summary>The policy that asked for approval.</summary>
    public string? Policy { get; init; }

    /// <summary>Where a person is asked, e.g. <c>#jira-approvals</c> (null for auto approvals).</summary>
    public string? Channel { get; init; }

    /// <summary>The operation's risk level: <c>low</c>, <c>medium</c> or <c>high</c>.</summary>
    public required string Risk { get; init; }

    /// <summary>Whether the policy approved it automatically (<c>auto</c>): created approved, decided by "auto".</summary>
    public bool Automatic { get; init; }

    /// <summary>The exact arguments and their hash.</summary>
    public required ApprovalArguments Arguments { get; init; }

    /// <summary>The stored state (see <see cref="ApprovalService"/> for how expiry is applied on read).</summary>
    public required ApprovalState State { get; init; }

    /// <summary>When it was requested.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>After this instant it can no longer be approved, denied or executed.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Who approved or denied it (an approver id, or <c>auto</c>).</summary>
    public string? DecidedBy { get; init; }

    /// <summary>When it was approved or denied.</summary>
    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>The approver's comment, if any.</summary>
    public string? DecisionComment { get; init; }

    /// <summary>Who claimed the execution.</summary>
    public string? ExecutedBy { get; init; }

    /// <summary>When the execution was claimed.</summary>
    public DateTimeOffset? ExecutionStartedAt { get; init; }

    /// <summary>When the execution finished (executed or failed).</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The execution's result (JSON), for the agent to collect.</summary>
    public string? ResultJson { get; init; }

    /// <summary>Why the execution failed.</summary>
    public string? Error { get; init; }

    /// <summary>The decider recorded for <c>auto</c> approvals.</summary>
    public const string AutoApprover = "auto";

    /// <inheritdoc />
    public override string ToString() => $"approval {Id} ({Operation} by {AgentId}@{OrgId}): {ApprovalStates.ToName(State)}";
}
