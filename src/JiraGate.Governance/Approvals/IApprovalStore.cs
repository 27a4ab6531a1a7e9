namespace JiraGate.Governance.Approvals;

/// <summary>
/// Persistence for approvals. Every state change is conditional (<see cref="TryTransitionAsync"/>): of any number of
/// concurrent callers making the same change, exactly one succeeds; this is what makes execution exactly-once, also
/// across gateway replicas sharing one database.
/// </summary>
public interface IApprovalStore
{
    /// <summary>Adds an approval. False when the id is taken (nothing is written).</summary>
    Task<bool> CreateAsync(Approval approval, CancellationToken cancellationToken = default);

    /// <summary>The approval with this id, or null.</summary>
    Task<Approval?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// The newest approval of this agent for the same operation and argument hash that is pending or approved and expires
    /// after <paramref name="now"/>, or null: an agent repeating a call finds its open request instead of opening another.
    /// </summary>
    Task<Approval?> FindOpenAsync(string agentId, string operation, string argumentsSha256, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Approvals matching the query, newest first.</summary>
    Task<IReadOnlyList<Approval>> ListAsync(ApprovalQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies the transition only if the approval is in <see cref="ApprovalTransition.From"/> (and, when asked, has the
    /// given argument hash and has not expired at <see cref="ApprovalTransition.At"/>), as one atomic conditional update.
    /// True for the one caller whose change was applied; false for every other.
    /// </summary>
    /// <exception cref="ArgumentException">The transition is not legal (<see cref="ApprovalStates.IsLegal"/>).</exception>
    Task<bool> TryTransitionAsync(ApprovalTransition transition, CancellationToken cancellationToken = default);

    /// <summary>Marks every pending or approved approval whose expiry is at or before <paramref name="now"/> expired; returns how many.</summary>
    Task<int> ExpireDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}

/// <summary>A conditional state change, with what it records.</summary>
public sealed record ApprovalTransition
{
    /// <summary>The approval.</summary>
    public required string ApprovalId { get; init; }

    /// <summary>The state it must be in.</summary>
    public required ApprovalState From { get; init; }

    /// <summary>The state it moves to.</summary>
    public required ApprovalState To { get; init; }

    /// <summary>When (recorded as decided/started/completed time, and compared with the expiry).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>When true, the change applies only if the approval expires after <see cref="At"/>.</summary>
    public bool RequireUnexpired { get; init; }

    /// <summary>When set, the change applies only if the stored argument hash equals this.</summary>
    public string? ArgumentsSha256 { get; init; }

    /// <summary>Who: the approver (to approved/denied) or the executor (to executing).</summary>
    public string? Actor { get; init; }

    /// <summary>The approver's comment (to approved/denied).</summary>
    public string? Comment { get; init; }

    /// <summary>The result (to executed).</summary>
    public string? ResultJson { get; init; }

    /// <summary>The error (to failed).</summary>
    public string? Error { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{ApprovalId}: {ApprovalStates.ToName(From)} → {ApprovalStates.ToName(To)}";
}

/// <summary>Which approvals to list.</summary>
public sealed class ApprovalQuery
{
    /// <summary>Only this organisation's.</summary>
    public string? OrgId { get; init; }

    /// <summary>Only this agent's.</summary>
    public string? AgentId { get; init; }

    /// <summary>Only in these stored states (any when null or empty).</summary>
    public IReadOnlyList<ApprovalState>? States { get; init; }

    /// <summary>At most this many (1–1000).</summary>
    public int Limit { get; init; } = 100;
}
