namespace JiraGate.Governance.Approvals;

/// <summary>Why an approval action was refused.</summary>
public enum ApprovalRefusal
{
    /// <summary>Not refused.</summary>
    None = 0,

    /// <summary>No such approval visible to the caller (another agent's or another organisation's looks the same).</summary>
    NotFound = 1,

    /// <summary>The approval is not in a state that allows the action (already decided, already executed, still pending…).</summary>
    WrongState = 2,

    /// <summary>The approval expired.</summary>
    Expired = 3,

    /// <summary>Four-eyes: the requesting agent and its owner can never approve or deny its requests.</summary>
    FourEyes = 4,

    /// <summary>The call's arguments are not the ones approved.</summary>
    ArgumentsMismatch = 5,

    /// <summary>The stored arguments no longer match their hash: never executed.</summary>
    ArgumentsTampered = 6,
}

/// <summary>The outcome of approving, denying, claiming or completing an approval: a result, not an exception.</summary>
public sealed class ApprovalResult
{
    /// <summary>Why it was refused, or <see cref="ApprovalRefusal.None"/>.</summary>
    public required ApprovalRefusal Refusal { get; init; }

    /// <summary>A sentence a person can act on.</summary>
    public required string Message { get; init; }

    /// <summary>The approval as it now stands (null when not found).</summary>
    public Approval? Approval { get; init; }

    /// <summary>Whether the action was applied.</summary>
    public bool Succeeded => Refusal == ApprovalRefusal.None;

    internal static ApprovalResult Ok(Approval approval, string message) =>
        new() { Refusal = ApprovalRefusal.None, Message = message, Approval = approval };

    internal static ApprovalResult Refused(ApprovalRefusal refusal, string message, Approval? approval = null) =>
        new() { Refusal = refusal, Message = message, Approval = approval };

    /// <inheritdoc />
    public override string ToString() => Succeeded ? Message : $"{Refusal}: {Message}";
}
