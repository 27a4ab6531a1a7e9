namespace JiraGate.Governance.Audit;

/// <summary>Why verification failed.</summary>
public enum AuditProblem
{
    /// <summary>A record's content no longer matches its hash, or a record was changed and re-hashed.</summary>
    Edited,

    /// <summary>Records are missing from the middle of the chain (a gap in seq).</summary>
    Deleted,

    /// <summary>A record that is not part of the chain was inserted.</summary>
    Inserted,

    /// <summary>Records are out of order.</summary>
    Reordered,

    /// <summary>Records at the end are missing: a signed checkpoint covers more than the log holds.</summary>
    Truncated,

    /// <summary>The chain is self-consistent but does not match a signed checkpoint: it was rewritten.</summary>
    CheckpointMismatch,

    /// <summary>A checkpoint's signature is not valid for the public key.</summary>
    CheckpointSignatureInvalid,
}

/// <summary>What <see cref="AuditLog.VerifyAsync(CancellationToken)"/> or <see cref="AuditVerifier"/> found.</summary>
public sealed class AuditVerifyResult
{
    /// <summary>True when every record and checkpoint checked out.</summary>
    public bool IsValid => Problem is null;

    /// <summary>Records read before the verdict.</summary>
    public required long RecordsChecked { get; init; }

    /// <summary>The last good record's seq (0 if none).</summary>
    public long LastGoodSeq { get; init; }

    /// <summary>The last good record's hash.</summary>
    public string? HeadHash { get; init; }

    /// <summary>How many signed checkpoints were verified.</summary>
    public int CheckpointsVerified { get; init; }

    /// <summary>The first problem found, or null.</summary>
    public AuditProblem? Problem { get; init; }

    /// <summary>The seq of the first bad (or first missing) record.</summary>
    public long? FirstBadSeq { get; init; }

    /// <summary>A sentence naming the record and what is wrong with it.</summary>
    public string? Message { get; init; }

    /// <inheritdoc />
    public override string ToString() => IsValid
        ? $"valid: {RecordsChecked} records, head #{LastGoodSeq}, {CheckpointsVerified} checkpoints verified"
        : $"{Problem} at #{FirstBadSeq}: {Message}";
}
