using JiraGate.Governance.Catalog;

namespace JiraGate.Gateway.Problems;

/// <summary>
/// One RFC 9457 problem in JiraGate's shape: a stable <see cref="Code"/> (from
/// <see cref="JiraGate.Governance.Pipeline.OperationErrorCodes"/>), the HTTP status it maps to, a sentence a person can
/// act on, and the extension members an agent needs (per-argument errors, Jira's own answer, when to retry).
/// </summary>
public sealed class Problem
{
    /// <summary>The stable code, e.g. <c>invalid_input</c>; also the last segment of the type URI.</summary>
    public required string Code { get; init; }

    /// <summary>The HTTP status.</summary>
    public required int Status { get; init; }

    /// <summary>What went wrong and what to do next (never a secret).</summary>
    public required string Detail { get; init; }

    /// <summary>A short summary of the kind of problem; the code's standard title when null.</summary>
    public string? Title { get; init; }

    /// <summary>The request path or resource the problem is about (<c>instance</c>), if any.</summary>
    public string? Instance { get; init; }

    /// <summary>The operation the problem concerns, if any.</summary>
    public string? Operation { get; init; }

    /// <summary>Each invalid argument (the <c>errors</c> member).</summary>
    public IReadOnlyList<ArgumentError> Errors { get; init; } = [];

    /// <summary>Jira's HTTP status, when Jira answered (the <c>jira</c> member).</summary>
    public int? JiraStatus { get; init; }

    /// <summary>Jira's errorMessages, when Jira answered.</summary>
    public IReadOnlyList<string> JiraErrorMessages { get; init; } = [];

    /// <summary>Jira's field errors, when Jira answered.</summary>
    public IReadOnlyDictionary<string, string> JiraErrors { get; init; } = new Dictionary<string, string>();

    /// <summary>How long to wait before trying again: the <c>retry_after</c> member (seconds) and the Retry-After header.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The type URI: <see cref="ProblemCodes.TypeBase"/> followed by the code.</summary>
    public string Type => ProblemCodes.TypeBase + Code;

    /// <inheritdoc />
    public override string ToString() => $"{Status} {Code}: {Detail}";
}
