using System.Text.Json;

namespace JiraGate.Governance.Connector;

/// <summary>One issue of <see cref="JiraConnector.BulkCreateIssuesAsync"/>: the same fields as <see cref="JiraConnector.CreateIssueAsync"/>.</summary>
public sealed class NewIssue
{
    /// <summary>Project key, e.g. <c>SEC</c>.</summary>
    public required string ProjectKey { get; init; }

    /// <summary>One-line summary.</summary>
    public required string Summary { get; init; }

    /// <summary>Issue type name, e.g. <c>Bug</c>.</summary>
    public required string IssueType { get; init; }

    /// <summary>Description in Markdown.</summary>
    public string? Description { get; init; }

    /// <summary>Priority name, e.g. <c>High</c>.</summary>
    public string? Priority { get; init; }

    /// <summary>Labels (no spaces).</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>Atlassian accountId or email address.</summary>
    public string? Assignee { get; init; }

    /// <summary>Component names.</summary>
    public IReadOnlyList<string>? Components { get; init; }

    /// <summary>Custom field values by id, e.g. <c>customfield_10010</c>.</summary>
    public IReadOnlyDictionary<string, JsonElement>? CustomFields { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{IssueType} in {ProjectKey}";
}
