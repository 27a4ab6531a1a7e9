namespace JiraGate.Governance.Approvals;

/// <summary>
/// Where an approval is in its life: pending → approved | denied | expired; approved → executing → executed | failed;
/// approved → expired when nobody executes it in time. Denied, expired, executed and failed are final.
/// </summary>
public enum ApprovalState
{
    /// <summary>Waiting for a person's decision.</summary>
    Pending = 0,

    /// <summary>Approved (by a person, or by <c>auto</c>); may be executed once.</summary>
    Approved = 1,

    /// <summary>Refused by a person. Final.</summary>
    Denied = 2,

    /// <summary>Not decided, or not executed, before it expired. Final.</summary>
    Expired = 3,

    /// <summary>
    /// Claimed for execution by exactly one caller; the outcome is not in yet. If none comes within
    /// <see cref="ApprovalOptions.ExecutionLease"/> (the executing process stopped), it becomes failed, outcome unknown.
    /// </summary>
    Executing = 4,

    /// <summary>Executed; the result is kept for the agent to collect. Final.</summary>
    Executed = 5,

    /// <summary>Execution was attempted and failed; the error is kept. Final (a new request is needed).</summary>
    Failed = 6,
}

/// <summary>The legal transitions, and the names states are stored under.</summary>
public static class ApprovalStates
{
    /// <summary>Whether <paramref name="from"/> → <paramref name="to"/> is a legal transition.</summary>
    public static bool IsLegal(ApprovalState from, ApprovalState to) => (from, to) switch
    {
        (ApprovalState.Pending, ApprovalState.Approved) => true,
        (ApprovalState.Pending, ApprovalState.Denied) => true,
        (ApprovalState.Pending, ApprovalState.Expired) => true,
        (ApprovalState.Approved, ApprovalState.Executing) => true,
        (ApprovalState.Approved, ApprovalState.Expired) => true,
        (ApprovalState.Executing, ApprovalState.Executed) => true,
        (ApprovalState.Executing, ApprovalState.Failed) => true,
        _ => false,
    };

    /// <summary>Whether nothing can follow the state.</summary>
    public static bool IsFinal(ApprovalState state) =>
        state is ApprovalState.Denied or ApprovalState.Expired or ApprovalState.Executed or ApprovalState.Failed;

    /// <summary>Whether an approval in this state is still subject to its expiry.</summary>
    public static bool CanExpire(ApprovalState state) => state is ApprovalState.Pending or ApprovalState.Approved;

    /// <summary>The stored name: <c>pending</c>, <c>approved</c>, …</summary>
    public static string ToName(ApprovalState state) => state switch
    {
        ApprovalState.Pending => "pending",
        ApprovalState.Approved => "approved",
        ApprovalState.Denied => "denied",
        ApprovalState.Expired => "expired",
        ApprovalState.Executing => "executing",
        ApprovalState.Executed => "executed",
        ApprovalState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown approval state."),
    };

    /// <summary>The state stored under <paramref name="name"/>.</summary>
    /// <exception cref="FormatException">Not a state name.</exception>
    public static ApprovalState Parse(string name) => name switch
    {
        "pending" => ApprovalState.Pending,
        "approved" => ApprovalState.Approved,
        "denied" => ApprovalState.Denied,
        "expired" => ApprovalState.Expired,
        "executing" => ApprovalState.Executing,
        "executed" => ApprovalState.Executed,
        "failed" => ApprovalState.Failed,
        _ => throw new FormatException($"'{name}' is not an approval state."),
    };
}
