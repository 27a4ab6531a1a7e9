namespace JiraGate.Governance.Audit;

/// <summary>
/// Where audit records live (port; SQLite and PostgreSQL implement it). The store keeps records exactly as
/// given; chaining, hashing and signing happen in <see cref="AuditLog"/>.
/// </summary>
/// <remarks>
/// Implementations must make <see cref="AppendAsync"/> all-or-nothing and durable when it completes, and
/// must refuse a batch that does not continue the stored chain (<see cref="AuditChainConflictException"/>),
/// checked inside the same transaction as the insert, so several processes sharing one store still build one chain.
/// </remarks>
public interface IAuditStore
{
    /// <summary>The last record's seq and hash (seq 0 and <see cref="AuditChain.GenesisHash"/> when empty).</summary>
    Task<AuditHead> GetHeadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends <paramref name="records"/> (consecutive seqs starting at head + 1, the first chaining to the head's
    /// hash) and, if given, <paramref name="checkpoint"/>, in one durable transaction.
    /// </summary>
    /// <exception cref="AuditChainConflictException">The batch does not continue the stored head; nothing was written.</exception>
    Task AppendAsync(IReadOnlyList<AuditRecord> records, AuditCheckpoint? checkpoint = null, CancellationToken cancellationToken = default);

    /// <summary>Every record with seq ≥ <paramref name="fromSeq"/>, in seq order, as stored.</summary>
    IAsyncEnumerable<AuditRecord> ReadAsync(long fromSeq = 1, CancellationToken cancellationToken = default);

    /// <summary>One page of records matching <paramref name="query"/>, in seq order.</summary>
    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every checkpoint, in seq order.</summary>
    Task<IReadOnlyList<AuditCheckpoint>> ListCheckpointsAsync(CancellationToken cancellationToken = default);
}

/// <summary>The end of the chain.</summary>
public sealed class AuditHead
{
    /// <summary>The empty chain's head.</summary>
    public static readonly AuditHead Empty = new() { Seq = 0, Hash = AuditChain.GenesisHash };

    /// <summary>The last record's seq (0 when empty).</summary>
    public required long Seq { get; init; }

    /// <summary>The last record's hash.</summary>
    public required string Hash { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"head #{Seq} {Hash}";
}

/// <summary>A filter over the audit log; every criterion given must match. Pages by <see cref="AfterSeq"/>.</summary>
public sealed class AuditQuery
{
    /// <summary>Only this agent's records.</summary>
    public string? Agent { get; init; }

    /// <summary>Only this organisation's records.</summary>
    public string? Org { get; init; }

    /// <summary>Only this operation (exact name).</summary>
    public string? Operation { get; init; }

    /// <summary>Only records with this decision.</summary>
    public string? Decision { get; init; }

    /// <summary>Only intents or only outcomes.</summary>
    public AuditRecordKind? Kind { get; init; }

    /// <summary>Records at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Records before this time.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Records after this seq (the previous page's <see cref="AuditPage.NextAfterSeq"/>).</summary>
    public long AfterSeq { get; init; }

    /// <summary>Page size, 1–1,000 (100 by default).</summary>
    public int Limit { get; init; } = 100;

    /// <summary>Throws when <see cref="Limit"/> or <see cref="AfterSeq"/> is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Limit, 1, nameof(Limit));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Limit, 1000, nameof(Limit));
        ArgumentOutOfRangeException.ThrowIfNegative(AfterSeq, nameof(AfterSeq));
    }
}

/// <summary>One page of query results.</summary>
public sealed class AuditPage
{
    /// <summary>The matching records, in seq order.</summary>
    public required IReadOnlyList<AuditRecord> Records { get; init; }

    /// <summary>Pass as <see cref="AuditQuery.AfterSeq"/> for the next page; null when this is the last.</summary>
    public long? NextAfterSeq { get; init; }
}

/// <summary>An append did not continue the stored chain (another writer appended first); nothing was written.</summary>
public sealed class AuditChainConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AuditChainConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public AuditChainConflictException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public AuditChainConflictException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The audit log could not record an intent (or outcome). For an intent this means: do not call Jira (fail closed).
/// </summary>
public sealed class AuditUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AuditUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public AuditUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public AuditUnavailableException()
    {
    }
}
