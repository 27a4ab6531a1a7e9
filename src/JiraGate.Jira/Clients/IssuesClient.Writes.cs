using System.Text.Json.Nodes;
using JiraGate.Jira.Connection;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira;

/// <summary>Writes to one issue: create, edit, delete, assign, transition.</summary>
public sealed partial class IssuesClient
{
    /// <summary>
    /// Creates an issue. Not idempotent: it is never retried once sent, and a timeout or lost connection raises
    /// <see cref="JiraOutcomeUnknownException"/> — search for the issue before creating it again.
    /// </summary>
    /// <param name="issue">Project, issue type and summary at least; rich text as Markdown, users by account id (Cloud) or username (Data Center).</param>
    /// <param name="options">Create options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new issue's id, key and URL.</returns>
    /// <exception cref="JiraValidationException">A field is missing, invalid or not on the create screen (<see cref="JiraException.Errors"/> names it).</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-post</remarks>
    [JiraEndpoint("POST", "/rest/api/3/issue")]
    [JiraEndpoint("POST", "/rest/api/2/issue", Deployment = JiraDeployment.DataCenter)]
    public async Task<CreatedIssue> CreateIssueAsync(IssueWrite issue, CreateIssueOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var request = JiraRequest.Post(profile.RestPrefix + "/issue")
            .Query("updateHistory", options?.UpdateHistory)
            .Json(issue.ToJson(profile.IsCloud), JiraJsonContext.Default.JsonObject);
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.CreatedIssue, cancellationToken).ConfigureAwait(false);
        response.Value.RequestId = response.RequestId;
        return response.Value;
    }

    /// <summary>
    /// Edits an issue: only what <paramref name="changes"/> sets is sent, so every other field stays as it is.
    /// </summary>
    /// <param name="issueIdOrKey">The issue id or key.</param>
    /// <param name="changes">The fields to set and the update operations to apply.</param>
    /// <param name="options">Notifications, overrides, and whether to return the edited issue.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The edited issue when <see cref="UpdateIssueOptions.ReturnIssue"/> is set, else null.</returns>
    /// <exception cref="JiraValidationException">A field is invalid or not on the edit screen.</exception>
    /// <exception cref="JiraConflictException">A conflicting update happened at the same time.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-put</remarks>
    [JiraEndpoint("PUT", "/rest/api/3/issue/{issueIdOrKey}")]
    [JiraEndpoint("PUT", "/rest/api/2/issue/{issueIdOrKey}", Deployment = JiraDeployment.DataCenter)]
    public async Task<Issue?> UpdateIssueAsync(string issueIdOrKey, IssueWrite changes, UpdateIssueOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.IsEmpty)
        {
            throw new ArgumentException("Nothing to update: set at least one field, operation or property.", nameof(changes));
        }
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var returnIssue = options?.ReturnIssue == true;
        var request = JiraRequest.Put(IssuePath(profile, issueIdOrKey))
            .Query("notifyUsers", options?.NotifyUsers)
            .Query("overrideScreenSecurity", options?.OverrideScreenSecurity)
            .Query("overrideEditableFlag", options?.OverrideEditableFlag)
            .Json(changes.ToJson(profile.IsCloud), JiraJsonContext.Default.JsonObject);
        if (returnIssue && profile.IsCloud)
        {
            request.Query("returnIssue", true).Query("expand", options?.Expand);
            var edited = await _connection.SendAsync(request, JiraJsonContext.Default.Issue, cancellationToken).ConfigureAwait(false);
            edited.Value.RequestId = edited.RequestId;
            return edited.Value;
        }
        await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return returnIssue
            ? await GetIssueAsync(issueIdOrKey, new GetIssueOptions { Expand = options?.Expand }, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>Deletes an issue. An issue with sub-tasks is deleted only with <paramref name="deleteSubtasks"/> (else 400).</summary>
    /// <param name="issueIdOrKey">The issue id or key.</param>
    /// <param name="deleteSubtasks">Delete its sub-tasks too.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Jira has deleted it.</returns>
    /// <exception cref="JiraValidationException">The issue has sub-tasks and <paramref name="deleteSubtasks"/> is false.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-delete</remarks>
    [JiraEndpoint("DELETE", "/rest/api/3/issue/{issueIdOrKey}")]
    [JiraEndpoint("DELETE", "/rest/api/2/issue/{issueIdOrKey}", Deployment = JiraDeployment.DataCenter)]
    public async Task DeleteIssueAsync(string issueIdOrKey, bool deleteSubtasks = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var request = JiraRequest.Delete(IssuePath(profile, issueIdOrKey)).Query("deleteSubtasks", deleteSubtasks ? true : null);
        await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Assigns an issue (needs the Assign Issues permission, not Edit). Users are named by account id on Cloud and
    /// by username on Data Center; to go from an email address, look the user up first.
    /// </summary>
    /// <param name="issueIdOrKey">The issue id or key.</param>
    /// <param name="assignee">The account id (Cloud) or username (Data Center); null unassigns; <see cref="IssueWrite.DefaultAssignee"/> ("-1") picks the project's default.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Jira has assigned it.</returns>
    /// <exception cref="JiraValidationException">Cloud: the user does not exist or cannot be assigned.</exception>
    /// <exception cref="JiraNotFoundException">No such issue; on Data Center also no such user.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-assignee-put</remarks>
    [JiraEndpoint("PUT", "/rest/api/3/issue/{issueIdOrKey}/assignee")]
    [JiraEndpoint("PUT", "/rest/api/2/issue/{issueIdOrKey}/assignee", Deployment = JiraDeployment.DataCenter)]
    public async Task AssignIssueAsync(string issueIdOrKey, string? assignee, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var request = JiraRequest.Put(IssuePath(profile, issueIdOrKey) + "/assignee")
            .Json(IssueWrite.User(profile.IsCloud, assignee), JiraJsonContext.Default.JsonObject);
        await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The transitions the caller can take on the issue now (ids differ per workflow: read them before transitioning).</summary>
    /// <param name="issueIdOrKey">The issue id or key.</param>
    /// <param name="options">Screen fields, one transition, unavailable ones.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The transitions, in Jira's order.</returns>
    /// <exception cref="JiraNotFoundException">No such issue, or no permission to see it.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-transitions-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/issue/{issueIdOrKey}/transitions")]
    [JiraEndpoint("GET", "/rest/api/2/issue/{issueIdOrKey}/transitions", Deployment = JiraDeployment.DataCenter)]
    public async Task<IReadOnlyList<Transition>> GetTransitionsAsync(string issueIdOrKey, GetTransitionsOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var request = JiraRequest.Get(IssuePath(profile, issueIdOrKey) + "/transitions")
            .Query("expand", options?.IncludeFields == true ? "transitions.fields" : null)
            .Query("transitionId", options?.TransitionId)
            .Query("includeUnavailableTransitions", options?.IncludeUnavailable)
            .Query("skipRemoteOnlyCondition", options?.SkipRemoteOnlyCondition)
            .Query("sortByOpsBarAndStatus", options?.SortByOpsBarAndStatus);
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.TransitionsResponse, cancellationToken).ConfigureAwait(false);
        return response.Value.Transitions ?? [];
    }

    /// <summary>
    /// Moves the issue through a workflow transition, filling the transition screen's fields when given.
    /// Not idempotent: never retried once sent (a lost answer raises <see cref="JiraOutcomeUnknownException"/>).
    /// </summary>
    /// <param name="issueIdOrKey">The issue id or key.</param>
    /// <param name="transitionId">The transition id, from <see cref="GetTransitionsAsync"/>.</param>
    /// <param name="options">Screen fields, a comment and a resolution.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Jira has moved the issue.</returns>
    /// <exception cref="JiraValidationException">The transition is not available now, or a screen field is missing or invalid.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-transitions-post</remarks>
    [JiraEndpoint("POST", "/rest/api/3/issue/{issueIdOrKey}/transitions")]
    [JiraEndpoint("POST", "/rest/api/2/issue/{issueIdOrKey}/transitions", Deployment = JiraDeployment.DataCenter)]
    public async Task TransitionIssueAsync(string issueIdOrKey, string transitionId, TransitionIssueOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(transitionId);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var body = options?.Changes?.ToJson(profile.IsCloud) ?? [];
        body["transition"] = new JsonObject { ["id"] = transitionId };
        if (options?.Resolution is { Length: > 0 } resolution)
        {
            Child(body, "fields", () => new JsonObject())["resolution"] = new JsonObject { [resolution.All(char.IsAsciiDigit) ? "id" : "name"] = resolution };
        }
        if (options?.Comment is { Length: > 0 } comment)
        {
            Child(Child(body, "update", () => new JsonObject()), "comment", () => new JsonArray())
                .Add((JsonNode)new JsonObject { ["add"] = new JsonObject { ["body"] = IssueWrite.RichText(profile.IsCloud, comment) } });
        }
        var request = JiraRequest.Post(IssuePath(profile, issueIdOrKey) + "/transitions").Json(body, JiraJsonContext.Default.JsonObject);
        await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The child node of that name, added when absent (a node cannot be re-attached to its own parent).</summary>
    private static T Child<T>(JsonObject parent, string name, Func<T> create)
        where T : JsonNode
    {
        if (parent[name] is T existing)
        {
            return existing;
        }
        var created = create();
        parent[name] = created;
        return created;
    }

    private static string IssuePath(SiteProfile profile, string issueIdOrKey) =>
        profile.RestPrefix + "/issue/" + JiraRequest.Segment(issueIdOrKey);
}
