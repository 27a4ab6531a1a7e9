using System.Globalization;

namespace JiraGate.Governance.Audit;

/// <summary>Whether a record was written before the Jira call (intent) or after it (outcome).</summary>
public enum AuditRecordKind
{
    /// <summary>Written, durably, before the call; if it cannot be written the call is not made.</summary>
    Intent,

    /// <summary>Written after the call with its result.</summary>
    Outcome,
}

/// <summary>
/// One link of the audit chain. <see cref="Hash"/> = SHA-256 over the ASCII of <see cref="PrevHash"/> (64
/// lower-case hex digits) followed by the UTF-8 canonical JSON of the record without its hash
/// (see <see cref="AuditChain"/> and <see cref="CanonicalJson"/>).
/// </summary>
/// <remarks>A class, not a record, so no generated members leak or compare parameters by reference.</remarks>
public sealed class AuditRecord
{
    /// <summary>Position in the chain: 1, 2, 3, … with no gaps.</summary>
    public required long Seq { get; init; }

    /// <summary>When the record was appended (UTC; the log's clock).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Intent or outcome.</summary>
    public required AuditRecordKind Kind { get; init; }

    /// <summary>The calling agent's id.</summary>
    public required string Agent { get; init; }

    /// <summary>The agent's organisation id.</summary>
    public required string Org { get; init; }

    /// <summary>The operation, e.g. <c>issues:create</c>.</summary>
    public required string Operation { get; init; }

    /// <summary>The operation's risk level (<c>low</c>, <c>medium</c>, <c>high</c>).</summary>
    public string? Risk { get; init; }

    /// <summary>The policy decision, e.g. <c>allow</c>, <c>deny</c>, <c>approval_required</c>.</summary>
    public string? Decision { get; init; }

    /// <summary>The policy that decided.</summary>
    public string? Policy { get; init; }

    /// <summary>The approval this call executes, if any.</summary>
    public string? ApprovalId { get; init; }

    /// <summary>The call's arguments after redaction, as canonical JSON (<c>{}</c> when none).</summary>
    public required string Parameters { get; init; }

    /// <summary>For an outcome, the seq of its intent record.</summary>
    public long? IntentSeq { get; init; }

    /// <summary>For an outcome, what happened.</summary>
    public AuditOutcome? Outcome { get; init; }

    /// <summary>The previous record's hash (64 zeros for the first record).</summary>
    public required string PrevHash { get; init; }

    /// <summary>This record's hash (64 lower-case hex digits).</summary>
    public required string Hash { get; init; }

    /// <summary>The timestamp as written in the canonical JSON and the store: <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>.</summary>
    public string TimestampText => FormatTimestamp(Timestamp);

    /// <summary>Formats a timestamp as the audit log writes it (UTC, 7 fractional digits, fixed width, sorts as text).</summary>
    public static string FormatTimestamp(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses a timestamp written by <see cref="FormatTimestamp"/>.</summary>
    public static DateTimeOffset ParseTimestamp(string text) =>
        new(DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);

    /// <summary>The kind's name in JSON and the store: <c>intent</c> or <c>outcome</c>.</summary>
    public static string KindName(AuditRecordKind kind) => kind == AuditRecordKind.Intent ? "intent" : "outcome";

    /// <summary>Parses <c>intent</c> or <c>outcome</c>.</summary>
    public static AuditRecordKind ParseKind(string text) => text switch
    {
        "intent" => AuditRecordKind.Intent,
        "outcome" => AuditRecordKind.Outcome,
        _ => throw new FormatException($"Unknown audit record kind '{text}'."),
    };

    /// <inheritdoc />
    public override string ToString() => $"#{Seq} {KindName(Kind)} {Agent}@{Org} {Operation} {Decision}";
}

/// <summary>What a Jira call (or its refusal) came to.</summary>
public sealed class AuditOutcome
{
    /// <summary>
    /// <c>ok</c>, <c>failed</c> (Jira or the network answered with an error), <c>unknown</c> (e.g. a timeout
    /// after the request was sent), or <c>not_executed</c>.
    /// </summary>
    public required string Status { get; init; }

    /// <summary>Jira's HTTP status, if it answered.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>How long the call took, in milliseconds.</summary>
    public long DurationMs { get; init; }

    /// <summary>Jira's request id (the <c>X-ARequestId</c> header), if it answered.</summary>
    public string? JiraRequestId { get; init; }

    /// <summary>The stable error code (e.g. <c>jira_error</c>, <c>rate_limited</c>), if it failed.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The error message (credentials in it are scrubbed before it is stored).</summary>
    public string? ErrorMessage { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Status} {HttpStatus} {DurationMs} ms {ErrorCode}";
}
