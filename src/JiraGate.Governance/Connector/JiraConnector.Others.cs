using JiraGate.Governance.Pipeline;

namespace JiraGate.Governance.Connector;

public sealed partial class JiraConnector
{
    /// <summary><c>comments:read</c> — an issue's comments.</summary>
    /// <param name="issueKey">e.g. <c>SEC-456</c>.</param>
    /// <param name="maxResults">Page size, 1–100.</param>
    /// <param name="startAt">Offset of the first comment.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("comments:read")]
    public Task<OperationResult> ListCommentsAsync(string issueKey, int? maxResults = null, int? startAt = null, CancellationToken cancellationToken = default) =>
        Call("comments:read", Args().String("issue_key", issueKey).Int("max_results", maxResults).Int("start_at", startAt), cancellationToken);

    /// <summary><c>comments:create</c> — add a comment.</summary>
    /// <param name="issueKey">e.g. <c>SEC-456</c>.</param>
    /// <param name="body">Markdown.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("comments:create")]
    public Task<OperationResult> AddCommentAsync(string issueKey, string body, CancellationToken cancellationToken = default) =>
        Call("comments:create", Args().String("issue_key", issueKey).String("body", body), cancellationToken);

    /// <summary><c>comments:update</c> — replace a comment's body.</summary>
    /// <param name="issueKey">e.g. <c>SEC-456</c>.</param>
    /// <param name="commentId">The comment's id.</param>
    /// <param name="body">Markdown.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("comments:update")]
    public Task<OperationResult> UpdateCommentAsync(string issueKey, string commentId, string body, CancellationToken cancellationToken = default) =>
        Call("comments:update", Args().String("issue_key", issueKey).String("comment_id", commentId).String("body", body), cancellationToken);

    /// <summary><c>comments:delete</c> — delete a comment.</summary>
    /// <param name="issueKey">e.g. <c>SEC-456</c>.</param>
    /// <param name="commentId">The comment's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("comments:delete")]
    public Task<OperationResult> DeleteCommentAsync(string issueKey, string commentId, CancellationToken cancellationToken = default) =>
        Call("comments:delete", Args().String("issue_key", issueKey).String("comment_id", commentId), cancellationToken);

    /// <summary><c>attachments:read</c> — an issue's attachments.</summary>
    /// <param name="issueKey">e.g. <c>SEC-456</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("attachments:read")]
    public Task<OperationResult> ListAttachmentsAsync(string issueKey, CancellationToken cancellationToken = default) =>
        Call("attachments:read", Args().String("issue_key", issueKey), cancellationToken);

    /// <summary><c>attachments:upload</c> — attach a file (the audit log keeps only its size and SHA-256).</summary>
    /// <param name="issueKey">e.g. <c>SEC-456</c>.</param>
    /// <param name="fileName">File name without directories.</param>
    /// <param name="content">The bytes (at most ~10 MB).</param>
    /// <param name="contentType">MIME type, e.g. <c>text/plain</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("attachments:upload")]
    public Task<OperationResult> UploadAttachmentAsync(string issueKey, string fileName, ReadOnlyMemory<byte> content, string? contentType = null,
        CancellationToken cancellationToken = default) =>
        Call("attachments:upload", Args().String("issue_key", issueKey).String("file_name", fileName)
            .String("content_base64", Convert.ToBase64String(content.Span)).String("content_type", contentType), cancellationToken);

    /// <summary><c>attachments:delete</c> — delete an attachment.</summary>
    /// <param name="attachmentId">The attachment's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("attachments:delete")]
    public Task<OperationResult> DeleteAttachmentAsync(string attachmentId, CancellationToken cancellationToken = default) =>
        Call("attachments:delete", Args().String("attachment_id", attachmentId), cancellationToken);

    /// <summary><c>worklogs:read</c> — an issue's worklog entries.</summary>
    /// <param name="issueKey">e.g. <c>SEC-456</c>.</param>
    /// <param name="maxResults">Page size, 1–100.</param>
    /// <param name="startAt">Offset of the first entry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("worklogs:read")]
    public Task<OperationResult> ListWorklogsAsync(string issueKey, int? maxResults = null, int? startAt = null, CancellationToken cancellationToken = default) =>
        Call("worklogs:read", Args().String("issue_key", issueKey).Int("max_results", maxResults).Int("start_at", startAt), cancellationToken);

    /// <summary><c>worklogs:create</c> — log work on an issue.</summary>
    /// <param name="issueKey">e.g. <c>SEC-456</c>.</param>
    /// <param name="timeSpent">Jira duration, e.g. <c>1h 30m</c>.</param>
    /// <param name="started">When the work started.</param>
    /// <param name="comment">Markdown.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("worklogs:create")]
    public Task<OperationResult> AddWorklogAsync(string issueKey, string timeSpent, DateTimeOffset? started = null, string? comment = null,
        CancellationToken cancellationToken = default) =>
        Call("worklogs:create", Args().String("issue_key", issueKey).String("time_spent", timeSpent).Time("started", started).String("comment", comment),
            cancellationToken);

    /// <summary><c>projects:read</c> — the projects the connection can see.</summary>
    /// <param name="query">Filter by key or name.</param>
    /// <param name="maxResults">Page size, 1–100.</param>
    /// <param name="startAt">Offset.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("projects:read")]
    public Task<OperationResult> ListProjectsAsync(string? query = null, int? maxResults = null, int? startAt = null, CancellationToken cancellationToken = default) =>
        Call("projects:read", Args().String("query", query).Int("max_results", maxResults).Int("start_at", startAt), cancellationToken);

    /// <summary><c>projects:read_detail</c> — one project.</summary>
    /// <param name="projectKey">e.g. <c>SEC</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("projects:read_detail")]
    public Task<OperationResult> GetProjectAsync(string projectKey, CancellationToken cancellationToken = default) =>
        Call("projects:read_detail", Args().String("project_key", projectKey), cancellationToken);

    /// <summary><c>projects:read_components</c> — a project's components.</summary>
    /// <param name="projectKey">e.g. <c>SEC</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("projects:read_components")]
    public Task<OperationResult> GetProjectComponentsAsync(string projectKey, CancellationToken cancellationToken = default) =>
        Call("projects:read_components", Args().String("project_key", projectKey), cancellationToken);

    /// <summary><c>projects:read_versions</c> — a project's versions.</summary>
    /// <param name="projectKey">e.g. <c>SEC</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("projects:read_versions")]
    public Task<OperationResult> GetProjectVersionsAsync(string projectKey, CancellationToken cancellationToken = default) =>
        Call("projects:read_versions", Args().String("project_key", projectKey), cancellationToken);

    /// <summary><c>users:read</c> — search users.</summary>
    /// <param name="query">Name or email to match.</param>
    /// <param name="maxResults">Page size, 1–100.</param>
    /// <param name="startAt">Offset.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("users:read")]
    public Task<OperationResult> SearchUsersAsync(string? query = null, int? maxResults = null, int? startAt = null, CancellationToken cancellationToken = default) =>
        Call("users:read", Args().String("query", query).Int("max_results", maxResults).Int("start_at", startAt), cancellationToken);

    /// <summary><c>users:read_detail</c> — one user.</summary>
    /// <param name="accountId">Atlassian accountId.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("users:read_detail")]
    public Task<OperationResult> GetUserAsync(string accountId, CancellationToken cancellationToken = default) =>
        Call("users:read_detail", Args().String("account_id", accountId), cancellationToken);

    /// <summary><c>users:read_groups</c> — a user's groups.</summary>
    /// <param name="accountId">Atlassian accountId.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("users:read_groups")]
    public Task<OperationResult> GetUserGroupsAsync(string accountId, CancellationToken cancellationToken = default) =>
        Call("users:read_groups", Args().String("account_id", accountId), cancellationToken);

    /// <summary><c>boards:read</c> — agile boards.</summary>
    /// <param name="projectKey">Only boards of this project.</param>
    /// <param name="type"><c>scrum</c>, <c>kanban</c> or <c>simple</c>.</param>
    /// <param name="name">Board name contains this text.</param>
    /// <param name="maxResults">Page size, 1–100.</param>
    /// <param name="startAt">Offset.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("boards:read")]
    public Task<OperationResult> ListBoardsAsync(string? projectKey = null, string? type = null, string? name = null, int? maxResults = null, int? startAt = null,
        CancellationToken cancellationToken = default) =>
        Call("boards:read", Args().String("project_key", projectKey).String("type", type).String("name", name).Int("max_results", maxResults)
            .Int("start_at", startAt), cancellationToken);

    /// <summary><c>boards:read_sprints</c> — a board's sprints.</summary>
    /// <param name="boardId">e.g. <c>42</c>.</param>
    /// <param name="state"><c>active</c>, <c>future</c> or <c>closed</c>.</param>
    /// <param name="maxResults">Page size, 1–100.</param>
    /// <param name="startAt">Offset.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("boards:read_sprints")]
    public Task<OperationResult> GetBoardSprintsAsync(string boardId, string? state = null, int? maxResults = null, int? startAt = null,
        CancellationToken cancellationToken = default) =>
        Call("boards:read_sprints", Args().String("board_id", boardId).String("state", state).Int("max_results", maxResults).Int("start_at", startAt),
            cancellationToken);

    /// <summary><c>boards:read_backlog</c> — a board's backlog issues.</summary>
    /// <param name="boardId">e.g. <c>42</c>.</param>
    /// <param name="jql">Extra JQL filter.</param>
    /// <param name="maxResults">Page size, 1–100.</param>
    /// <param name="startAt">Offset.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("boards:read_backlog")]
    public Task<OperationResult> GetBoardBacklogAsync(string boardId, string? jql = null, int? maxResults = null, int? startAt = null,
        CancellationToken cancellationToken = default) =>
        Call("boards:read_backlog", Args().String("board_id", boardId).String("jql", jql).Int("max_results", maxResults).Int("start_at", startAt),
            cancellationToken);

    /// <summary><c>sprints:read</c> — one sprint.</summary>
    /// <param name="sprintId">e.g. <c>7</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("sprints:read")]
    public Task<OperationResult> GetSprintAsync(string sprintId, CancellationToken cancellationToken = default) =>
        Call("sprints:read", Args().String("sprint_id", sprintId), cancellationToken);

    /// <summary><c>sprints:read_issues</c> — a sprint's issues.</summary>
    /// <param name="sprintId">e.g. <c>7</c>.</param>
    /// <param name="jql">Extra JQL filter.</param>
    /// <param name="maxResults">Page size, 1–100.</param>
    /// <param name="startAt">Offset.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("sprints:read_issues")]
    public Task<OperationResult> GetSprintIssuesAsync(string sprintId, string? jql = null, int? maxResults = null, int? startAt = null,
        CancellationToken cancellationToken = default) =>
        Call("sprints:read_issues", Args().String("sprint_id", sprintId).String("jql", jql).Int("max_results", maxResults).Int("start_at", startAt),
            cancellationToken);

    /// <summary><c>fields:read</c> — every issue field, system and custom.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("fields:read")]
    public Task<OperationResult> ListFieldsAsync(CancellationToken cancellationToken = default) => Call("fields:read", Args(), cancellationToken);

    /// <summary><c>priorities:read</c> — the priority levels.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("priorities:read")]
    public Task<OperationResult> ListPrioritiesAsync(CancellationToken cancellationToken = default) => Call("priorities:read", Args(), cancellationToken);

    /// <summary><c>statuses:read</c> — the issue statuses.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("statuses:read")]
    public Task<OperationResult> ListStatusesAsync(CancellationToken cancellationToken = default) => Call("statuses:read", Args(), cancellationToken);

    /// <summary><c>webhooks:read</c> — registered webhooks.</summary>
    /// <param name="maxResults">Page size, 1–100.</param>
    /// <param name="startAt">Offset.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("webhooks:read")]
    public Task<OperationResult> ListWebhooksAsync(int? maxResults = null, int? startAt = null, CancellationToken cancellationToken = default) =>
        Call("webhooks:read", Args().Int("max_results", maxResults).Int("start_at", startAt), cancellationToken);

    /// <summary><c>webhooks:create</c> — register a webhook.</summary>
    /// <param name="url">HTTPS URL that receives the events.</param>
    /// <param name="events">Event names, e.g. <c>jira:issue_created</c>.</param>
    /// <param name="jqlFilter">Only issues matching this JQL.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("webhooks:create")]
    public Task<OperationResult> RegisterWebhookAsync(Uri url, IReadOnlyList<string> events, string? jqlFilter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Call("webhooks:create", Args().String("url", url.OriginalString).Strings("events", events).String("jql_filter", jqlFilter), cancellationToken);
    }

    /// <summary><c>webhooks:delete</c> — delete a webhook.</summary>
    /// <param name="webhookId">The webhook's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [GovernedOperation("webhooks:delete")]
    public Task<OperationResult> DeleteWebhookAsync(string webhookId, CancellationToken cancellationToken = default) =>
        Call("webhooks:delete", Args().String("webhook_id", webhookId), cancellationToken);
}
