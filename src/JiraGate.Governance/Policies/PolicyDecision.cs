namespace JiraGate.Governance.Policies;

/// <summary>What the policy engine says about one call.</summary>
public enum PolicyEffect
{
    /// <summary>Refused: nothing is sent to Jira.</summary>
    Deny = 0,

    /// <summary>Allowed without approval.</summary>
    Allow = 1,

    /// <summary>Allowed once approved (<see cref="ApprovalMode.Auto"/> or <see cref="ApprovalMode.Hitl"/>).</summary>
    NeedsApproval = 2,
}

/// <summary>The rule that decided.</summary>
public enum DecisionRule
{
    /// <summary>A policy's glob granted the operation within its risk_max (and where, if any).</summary>
    Granted = 0,

    /// <summary>A policy's <c>deny</c> glob matched: denies override every grant.</summary>
    DeniedByPolicy = 1,

    /// <summary>No bound policy has a glob that matches the operation (default deny).</summary>
    NoGrant = 2,

    /// <summary>A glob matched, but the operation's risk is above every matching policy's risk_max.</summary>
    RiskAboveMax = 3,

    /// <summary>A glob matched, but the call's arguments fall outside the policy's <c>where</c>.</summary>
    OutsideWhere = 4,

    /// <summary>The operation is not in the catalog.</summary>
    UnknownOperation = 5,
}

/// <summary>A residual scope the caller must still enforce: JQL is constrained to it, an issue's type checked against it.</summary>
public sealed class PolicyScope
{
    /// <summary>The policy whose <c>where</c> this is.</summary>
    public required string Policy { get; init; }

    /// <summary>Project keys, or null for any.</summary>
    public IReadOnlyList<string>? Projects { get; init; }

    /// <summary>Issue type names, or null for any.</summary>
    public IReadOnlyList<string>? IssueTypes { get; init; }
}

/// <summary>
/// A decision: effect, approval mode and channel, and which policy, glob and rule decided. Decisions that do not depend on
/// arguments are precomputed and shared, so treat them as immutable values.
/// </summary>
public sealed class PolicyDecision
{
    /// <summary>Allow, Deny or NeedsApproval.</summary>
    public required PolicyEffect Effect { get; init; }

    /// <summary>The approval mode (None unless <see cref="Effect"/> is NeedsApproval).</summary>
    public ApprovalMode Approval { get; init; }

    /// <summary>Where a hitl request goes (only for <see cref="ApprovalMode.Hitl"/>).</summary>
    public string? HitlChannel { get; init; }

    /// <summary>The operation asked for.</summary>
    public required string Operation { get; init; }

    /// <summary>The deciding policy, if one decided.</summary>
    public string? Policy { get; init; }

    /// <summary>The deciding glob (from <c>operations</c> or <c>deny</c>), if one decided.</summary>
    public string? Glob { get; init; }

    /// <summary>The rule that decided.</summary>
    public required DecisionRule Rule { get; init; }

    /// <summary>A sentence a person can act on, e.g. "denied by policy P glob G".</summary>
    public required string Reason { get; init; }

    /// <summary>Whether an <c>escalate</c> rule raised the approval to hitl.</summary>
    public bool Escalated { get; init; }

    /// <summary>
    /// Empty when the grant is unconstrained. Otherwise the call was granted only within these scopes (any one suffices):
    /// JQL searches must be constrained to them, and an issue's type checked against them, before the call is made.
    /// </summary>
    public IReadOnlyList<PolicyScope> Scopes { get; init; } = [];

    /// <summary>Whether the call may proceed (possibly after approval).</summary>
    public bool IsGranted => Effect != PolicyEffect.Deny;

    /// <inheritdoc />
    public override string ToString() => Reason;
}
