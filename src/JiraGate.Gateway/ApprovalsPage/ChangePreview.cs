namespace JiraGate.Gateway.ApprovalsPage;

/// <summary>What an approved request will do: one sentence, and field by field what changes.</summary>
internal sealed class ChangePreview
{
    /// <summary>E.g. "Delete SEC-456 'Suspicious login' permanently."</summary>
    public required string Sentence { get; init; }

    /// <summary>Field rows (empty when the sentence says it all).</summary>
    public IReadOnlyList<FieldChange> Fields { get; init; } = [];

    /// <summary>Why current values are missing, when they could not be read.</summary>
    public string? Note { get; init; }

    /// <summary>Whether the rows have a meaningful "current" column (false for a new issue).</summary>
    public bool ShowsCurrent { get; init; }
}

/// <summary>One field: its current value (null: empty or unknown) and the value the request sets.</summary>
internal sealed record FieldChange(string Field, string? Current, string? New)
{
    /// <summary>Whether the value really changes.</summary>
    public bool Changes => !string.Equals(Current, New, StringComparison.Ordinal);
}
