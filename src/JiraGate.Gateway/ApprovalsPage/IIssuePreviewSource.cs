using JiraGate.Governance.Agents;

namespace JiraGate.Gateway.ApprovalsPage;

/// <summary>
/// Reads an issue's current values for the approvals page's "what will change" preview. The default reads through the
/// registered <see cref="JiraGate.Governance.Pipeline.IOperationExecutor"/> (<c>issues:read_detail</c>); register your
/// own to read elsewhere.
/// </summary>
public interface IIssuePreviewSource
{
    /// <summary>The issue's current values, or null when it does not exist (or is not visible).</summary>
    /// <param name="issueKey">The issue, e.g. <c>SEC-456</c>.</param>
    /// <param name="customFields">Custom fields the change touches, whose current values are wanted as well.</param>
    /// <param name="requestedBy">The agent whose request is previewed: the read goes to that agent's Jira connection.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="Exception">Jira could not be read; the page then shows the change without current values.</exception>
    Task<IssueSnapshot?> GetIssueAsync(string issueKey, IReadOnlyCollection<string> customFields, AgentIdentity? requestedBy, CancellationToken cancellationToken = default);
}

/// <summary>An issue's current values, as text for people.</summary>
public sealed class IssueSnapshot
{
    /// <summary>The issue key.</summary>
    public required string Key { get; init; }

    /// <summary>The title (summary).</summary>
    public string? Summary { get; init; }

    /// <summary>The workflow status, e.g. <c>Open</c>.</summary>
    public string? Status { get; init; }

    /// <summary>
    /// Current values by the argument names of <c>issues:update</c> (<c>summary</c>, <c>description</c>, <c>priority</c>,
    /// <c>labels</c>, <c>assignee</c>, <c>components</c>) and by custom field name; null means empty.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Fields { get; init; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override string ToString() => Key;
}
