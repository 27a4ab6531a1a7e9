namespace JiraGate.Governance.Policies;

/// <summary>One mistake in a policy (or policy test) file, with its place.</summary>
public sealed class PolicyError
{
    /// <summary>The file name as given to the loader.</summary>
    public required string File { get; init; }

    /// <summary>1-based line.</summary>
    public required int Line { get; init; }

    /// <summary>1-based column.</summary>
    public required int Column { get; init; }

    /// <summary>A stable code: <c>yaml_syntax</c>, <c>unknown_key</c>, <c>wrong_type</c>, <c>missing_key</c>, <c>invalid_value</c>,
    /// <c>unmatched_glob</c>, <c>hitl_without_channel</c>, <c>duplicate_name</c>, <c>duplicate_key</c>, <c>too_large</c>, <c>empty</c>,
    /// <c>unsupported</c>.</summary>
    public required string Code { get; init; }

    /// <summary>What is wrong and how to fix it.</summary>
    public required string Message { get; init; }

    /// <summary><c>file:line:column: message</c>, the shape editors and CI annotate.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
