using JiraGate.Governance.Catalog;

namespace JiraGate.Governance.Policies;

/// <summary>How a granted call is approved. Ordered by strictness: None &lt; Auto &lt; Hitl.</summary>
public enum ApprovalMode
{
    /// <summary>No approval: the call runs.</summary>
    None = 0,

    /// <summary>Approved at once, but recorded as an approval in the audit log.</summary>
    Auto = 1,

    /// <summary>A human decides through the policy's <c>hitl_channel</c>.</summary>
    Hitl = 2,
}

/// <summary>Where a policy came from: file, line and column (1-based), for errors and explanations.</summary>
/// <param name="File">The file name as given to the loader.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>The approval mode per risk level (<c>approval: none</c> is all <see cref="ApprovalMode.None"/>).</summary>
public sealed class PolicyApproval
{
    /// <summary><c>approval: none</c>.</summary>
    public static PolicyApproval None { get; } = new();

    /// <summary>Mode for low-risk operations.</summary>
    public ApprovalMode Low { get; init; }

    /// <summary>Mode for medium-risk operations.</summary>
    public ApprovalMode Medium { get; init; }

    /// <summary>Mode for high-risk operations.</summary>
    public ApprovalMode High { get; init; }

    /// <summary>Whether some level asks for a human.</summary>
    public bool UsesHitl => Low == ApprovalMode.Hitl || Medium == ApprovalMode.Hitl || High == ApprovalMode.Hitl;

    /// <summary>The mode for an operation of the given risk.</summary>
    public ApprovalMode For(RiskLevel risk) => risk switch
    {
        RiskLevel.Low => Low,
        RiskLevel.Medium => Medium,
        _ => High,
    };
}

/// <summary>The <c>where</c> extension: grants only for calls within these projects and issue types.</summary>
public sealed class PolicyWhere
{
    /// <summary>Project keys the grants are limited to, or null for any project.</summary>
    public IReadOnlyList<string>? Projects { get; init; }

    /// <summary>Issue type names the grants are limited to, or null for any type.</summary>
    public IReadOnlyList<string>? IssueTypes { get; init; }
}

/// <summary>The <c>escalate</c> extension: raises approval to hitl for large calls.</summary>
public sealed class PolicyEscalation
{
    /// <summary>A call touching more than this many issues needs a human.</summary>
    public required int BulkOver { get; init; }
}

/// <summary>One policy, in seed 000's format plus the <c>deny</c>, <c>where</c> and <c>escalate</c> extensions.</summary>
public sealed class Policy
{
    /// <summary>The connector served by JiraGate.</summary>
    public const string JiraConnector = "jira";

    /// <summary>Unique name, e.g. <c>jira-soc-triage</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The connector; only <c>jira</c> grants anything.</summary>
    public string Connector { get; init; } = JiraConnector;

    /// <summary>Globs over operation names (<c>*</c> matches any run of characters).</summary>
    public required IReadOnlyList<string> Operations { get; init; }

    /// <summary>The highest risk this policy grants.</summary>
    public required RiskLevel RiskMax { get; init; }

    /// <summary>Approval per risk level.</summary>
    public PolicyApproval Approval { get; init; } = PolicyApproval.None;

    /// <summary>The channel that hitl requests go to, e.g. <c>#jira-approvals</c>.</summary>
    public string? HitlChannel { get; init; }

    /// <summary>Globs this policy denies, whatever any policy grants.</summary>
    public IReadOnlyList<string> Deny { get; init; } = [];

    /// <summary>Optional argument scope of the grants.</summary>
    public PolicyWhere? Where { get; init; }

    /// <summary>Optional escalation to hitl for bulk calls.</summary>
    public PolicyEscalation? Escalate { get; init; }

    /// <summary>Where the policy was defined, when loaded from a file.</summary>
    public SourceLocation? Source { get; init; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
