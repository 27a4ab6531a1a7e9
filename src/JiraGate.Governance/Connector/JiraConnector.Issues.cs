using System.Text.Json;
using JiraGate.Governance.Pipeline;

namespace JiraGate.Governance.Connector;

public sealed partial class JiraConnector
{
    /// <summary><c>issues:read</c> — search issues with JQL.</summary>
    /// <param name="jql">JQL, e.g. <c>project = SEC AND status = Open</c>.</param>
    /// <param name="maxResults">Page size, 1–100.</param>
    /// <param name="fields">Fields to return (Jira's default set when null).</param>
    /// <param name="nextPageToken">The previous page's token, for the next page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("issues:read")]
    public Task<OperationResult> SearchIssuesAsync(string jql, int maxResults = 50, IReadOnlyList<string>? fields = null, string? nextPageToken = null,
        CancellationToken cancellationToken = default) =>
        Call("issues:read", Args().String("jql", jql).Int("max_results", maxResults).Strings("fields", fields).String("next_page_token", nextPageToken), cancellationToken);

    /// <summary><c>issues:read_detail</c> — one issue by key or id.</summary>
    /// <param name="issueKey">e.g. <c>SEC-456</c>.</param>
    /// <param name="fields">Fields to return.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("issues:read_detail")]
    public Task<OperationResult> GetIssueAsync(string issueKey, IReadOnlyList<string>? fields = null, CancellationToken cancellationToken = default) =>
        Call("issues:read_detail", Args().String("issue_key", issueKey).Strings("fields", fields), cancellationToken);

    /// <summary><c>issues:create</c> — create an issue.</summary>
    /// <param name="projectKey">e.g. <c>SEC</c>.</param>
    /// <param name="summary">One-line summary.</param>
    /// <param name="issueType">e.g. <c>Bug</c>.</param>
    /// <param name="priority">e.g. <c>High</c>.</param>
    /// <param name="labels">Labels (no spaces).</param>
    /// <param name="description">Markdown.</param>
    /// <param name="assignee">accountId or email.</param>
    /// <param name="components">Component names.</param>
    /// <param name="customFields">Custom field values by id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("issues:create")]
    public Task<OperationResult> CreateIssueAsync(string projectKey, string summary, string issueType, string? priority = null,
        IReadOnlyList<string>? labels = null, string? description = null, string? assignee = null, IReadOnlyList<string>? components = null,
        IReadOnlyDictionary<string, JsonElement>? customFields = null, CancellationToken cancellationToken = default) =>
        Call("issues:create", Args().NewIssueFields(projectKey, summary, issueType, priority, labels, description, assignee, components, customFields),
            cancellationToken);

    /// <summary><c>issues:update</c> — set one or more fields; those not given are left as they are.</summary>
    /// <param name="issueKey">e.g. <c>SEC-456</c>.</param>
    /// <param name="summary">New summary.</param>
    /// <param name="description">New description (Markdown).</param>
    /// <param name="priority">New priority name.</param>
    /// <param name="labels">New labels (replace the old ones).</param>
    /// <param name="assignee">New assignee (accountId or email).</param>
    /// <param name="components">New component names.</param>
    /// <param name="customFields">Custom field values by id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("issues:update")]
    public Task<OperationResult> UpdateIssueAsync(string issueKey, string? summary = null, string? description = null, string? priority = null,
        IReadOnlyList<string>? labels = null, string? assignee = null, IReadOnlyList<string>? components = null,
        IReadOnlyDictionary<string, JsonElement>? customFields = null, CancellationToken cancellationToken = default) =>
        Call("issues:update", Args().String("issue_key", issueKey).String("summary", summary).String("description", description)
            .String("priority", priority).Strings("labels", labels).String("assignee", assignee).Strings("components", components)
            .Object("custom_fields", customFields), cancellationToken);

    /// <summary><c>issues:delete</c> — permanently delete an issue (high risk).</summary>
    /// <param name="issueKey">e.g. <c>SEC-456</c>.</param>
    /// <param name="deleteSubtasks">Also delete its subtasks (required when it has any).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("issues:delete")]
    public Task<OperationResult> DeleteIssueAsync(string issueKey, bool deleteSubtasks = false, CancellationToken cancellationToken = default) =>
        Call("issues:delete", Args().String("issue_key", issueKey).Bool("delete_subtasks", deleteSubtasks ? true : null), cancellationToken);

    /// <summary><c>issues:transition</c> — move an issue through its workflow; give exactly one of the three targets.</summary>
    /// <param name="issueKey">e.g. <c>SEC-456</c>.</param>
    /// <param name="transitionId">A transition id from <see cref="GetTransitionsAsync"/>, e.g. <c>31</c>.</param>
    /// <param name="status">Or the target status name, e.g. <c>In Progress</c>.</param>
    /// <param name="transitionName">Or the transition's name.</param>
    /// <param name="comment">A comment to add (Markdown).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("issues:transition")]
    public Task<OperationResult> TransitionIssueAsync(string issueKey, string? transitionId = null, string? status = null, string? transitionName = null,
        string? comment = null, CancellationToken cancellationToken = default) =>
        Call("issues:transition", Args().String("issue_key", issueKey).String("transition_id", transitionId).String("status", status)
            .String("transition_name", transitionName).String("comment", comment), cancellationToken);

    /// <summary><c>issues:assign</c> — assign an issue (null unassigns).</summary>
    /// <param name="issueKey">e.g. <c>SEC-456</c>.</param>
    /// <param name="assignee">accountId or email; null to unassign.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("issues:assign")]
    public Task<OperationResult> AssignIssueAsync(string issueKey, string? assignee, CancellationToken cancellationToken = default) =>
        Call("issues:assign", Args().String("issue_key", issueKey).NullableString("assignee", assignee), cancellationToken);

    /// <summary><c>issues:read_transitions</c> — the transitions available on an issue now.</summary>
    /// <param name="issueKey">e.g. <c>SEC-456</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("issues:read_transitions")]
    public Task<OperationResult> GetTransitionsAsync(string issueKey, CancellationToken cancellationToken = default) =>
        Call("issues:read_transitions", Args().String("issue_key", issueKey), cancellationToken);

    /// <summary><c>issues:bulk_create</c> — create up to 50 issues in one request.</summary>
    /// <param name="issues">The issues.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("issues:bulk_create")]
    public Task<OperationResult> BulkCreateIssuesAsync(IReadOnlyList<NewIssue> issues, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issues);
        return Call("issues:bulk_create", Args().Issues("issues", issues), cancellationToken);
    }
}
