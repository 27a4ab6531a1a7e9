using System.Runtime.CompilerServices;
using JiraGate.Jira.Connection;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira;

/// <summary>
/// Comments on issues. Text goes in as Markdown and is sent as ADF on Cloud (v3) and wiki markup on Data
/// Center (v2); comments come back with the body as Jira sent it plus <see cref="Comment.BodyAsMarkdown"/>.
/// </summary>
public sealed class CommentsClient
{
    private readonly JiraConnection _connection;

    internal CommentsClient(JiraConnection connection) => _connection = connection;

    /// <summary>One page of an issue's comments (legacy offset page with a total).</summary>
    /// <param name="issueIdOrKey">The issue id or key.</param>
    /// <param name="options">Order, expansions, offset and page size.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page; <see cref="Page{T}.Total"/> counts the comments the caller can see.</returns>
    /// <exception cref="JiraNotFoundException">No such issue — or no permission to see it.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/#api-rest-api-3-issue-issueidorkey-comment-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/issue/{issueIdOrKey}/comment")]
    [JiraEndpoint("GET", "/rest/api/2/issue/{issueIdOrKey}/comment", Deployment = JiraDeployment.DataCenter)]
    public Task<Page<Comment>> ListCommentsPageAsync(string issueIdOrKey, ListCommentsOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        return PageAsync(issueIdOrKey, options, options?.StartAt ?? 0, options?.PageSize, cancellationToken);
    }

    /// <summary>Every comment on an issue, page by page as the caller reads; stops at the last page or after <see cref="ListCommentsOptions.Limit"/>.</summary>
    /// <param name="issueIdOrKey">The issue id or key.</param>
    /// <param name="options">Order, expansions, start, page size and limit.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The comments, oldest first unless <see cref="ListCommentsOptions.OrderBy"/> says otherwise.</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/#api-rest-api-3-issue-issueidorkey-comment-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/issue/{issueIdOrKey}/comment")]
    [JiraEndpoint("GET", "/rest/api/2/issue/{issueIdOrKey}/comment", Deployment = JiraDeployment.DataCenter)]
    public async IAsyncEnumerable<Comment> ListCommentsAsync(string issueIdOrKey, ListCommentsOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        var comments = JiraPaging.ByOffsetAsync((startAt, size, ct) => PageAsync(issueIdOrKey, options, startAt, size, ct),
            options?.StartAt ?? 0, options?.PageSize, options?.Limit, cancellationToken);
        await foreach (var comment in comments.ConfigureAwait(false))
        {
            yield return comment;
        }
    }

    /// <summary>Gets one comment.</summary>
    /// <param name="issueIdOrKey">The issue id or key.</param>
    /// <param name="commentId">The comment id.</param>
    /// <param name="options">Expansions.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The comment.</returns>
    /// <exception cref="JiraNotFoundException">No such issue or comment — or no permission to see it.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/#api-rest-api-3-issue-issueidorkey-comment-id-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/issue/{issueIdOrKey}/comment/{id}")]
    [JiraEndpoint("GET", "/rest/api/2/issue/{issueIdOrKey}/comment/{id}", Deployment = JiraDeployment.DataCenter)]
    public async Task<Comment> GetCommentAsync(string issueIdOrKey, string commentId, GetCommentOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var path = await CommentPathAsync(issueIdOrKey, commentId, cancellationToken).ConfigureAwait(false);
        var request = JiraRequest.Get(path).Query("expand", options?.Expand);
        return await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a comment written in Markdown (sent as ADF on Cloud, wiki markup on Data Center).</summary>
    /// <param name="issueIdOrKey">The issue id or key.</param>
    /// <param name="markdown">The comment text in Markdown; must not be blank.</param>
    /// <param name="options">Visibility and expansions.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new comment as Jira stored it.</returns>
    /// <exception cref="JiraNotFoundException">No such issue — or no permission to see it.</exception>
    /// <exception cref="JiraValidationException">No permission to comment, or the body or visibility is refused.</exception>
    /// <remarks>Not idempotent: never blindly retried. https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/#api-rest-api-3-issue-issueidorkey-comment-post</remarks>
    [JiraEndpoint("POST", "/rest/api/3/issue/{issueIdOrKey}/comment")]
    [JiraEndpoint("POST", "/rest/api/2/issue/{issueIdOrKey}/comment", Deployment = JiraDeployment.DataCenter)]
    public async Task<Comment> AddCommentAsync(string issueIdOrKey, string markdown, AddCommentOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(markdown);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var request = JiraRequest.Post(profile.RestPrefix + "/issue/" + JiraRequest.Segment(issueIdOrKey) + "/comment")
            .Query("expand", options?.Expand)
            .Json(new CommentWriteRequest { Body = RichTextValue.FromMarkdown(markdown, profile.IsCloud), Visibility = options?.Visibility },
                JiraJsonContext.Default.CommentWriteRequest);
        return await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces a comment's text with Markdown (and its visibility, when given).</summary>
    /// <param name="issueIdOrKey">The issue id or key.</param>
    /// <param name="commentId">The comment id.</param>
    /// <param name="markdown">The new text in Markdown; must not be blank.</param>
    /// <param name="options">Visibility, notification and expansions.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated comment.</returns>
    /// <exception cref="JiraNotFoundException">No such issue or comment — or no permission to see it.</exception>
    /// <exception cref="JiraValidationException">No permission to edit this comment (Jira answers 400), or the body is refused.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/#api-rest-api-3-issue-issueidorkey-comment-id-put</remarks>
    [JiraEndpoint("PUT", "/rest/api/3/issue/{issueIdOrKey}/comment/{id}")]
    [JiraEndpoint("PUT", "/rest/api/2/issue/{issueIdOrKey}/comment/{id}", Deployment = JiraDeployment.DataCenter)]
    public async Task<Comment> UpdateCommentAsync(string issueIdOrKey, string commentId, string markdown, UpdateCommentOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(markdown);
        var path = await CommentPathAsync(issueIdOrKey, commentId, cancellationToken).ConfigureAwait(false);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var request = JiraRequest.Put(path)
            .Query("notifyUsers", options?.NotifyUsers)
            .Query("overrideEditableFlag", options?.OverrideEditableFlag)
            .Query("expand", options?.Expand)
            .Json(new CommentWriteRequest { Body = RichTextValue.FromMarkdown(markdown, profile.IsCloud), Visibility = options?.Visibility },
                JiraJsonContext.Default.CommentWriteRequest);
        return await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a comment.</summary>
    /// <param name="issueIdOrKey">The issue id or key.</param>
    /// <param name="commentId">The comment id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Jira has deleted it.</returns>
    /// <exception cref="JiraNotFoundException">No such issue or comment — or no permission to see it.</exception>
    /// <exception cref="JiraValidationException">No permission to delete this comment (Jira answers 400, not 403).</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/#api-rest-api-3-issue-issueidorkey-comment-id-delete</remarks>
    [JiraEndpoint("DELETE", "/rest/api/3/issue/{issueIdOrKey}/comment/{id}")]
    [JiraEndpoint("DELETE", "/rest/api/2/issue/{issueIdOrKey}/comment/{id}", Deployment = JiraDeployment.DataCenter)]
    public async Task DeleteCommentAsync(string issueIdOrKey, string commentId, CancellationToken cancellationToken = default)
    {
        var path = await CommentPathAsync(issueIdOrKey, commentId, cancellationToken).ConfigureAwait(false);
        await _connection.SendAsync(JiraRequest.Delete(path), cancellationToken).ConfigureAwait(false);
    }

    private async Task<Page<Comment>> PageAsync(string issueIdOrKey, ListCommentsOptions? options, int startAt, int? pageSize,
        CancellationToken cancellationToken)
    {
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var request = JiraRequest.Get(profile.RestPrefix + "/issue/" + JiraRequest.Segment(issueIdOrKey) + "/comment")
            .Query("startAt", startAt)
            .Query("maxResults", pageSize)
            .Query("orderBy", options?.OrderBy)
            .Query("expand", options?.Expand);
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.CommentsPageResponse, cancellationToken).ConfigureAwait(false);
        var body = response.Value;
        return JiraPaging.LegacyTotalPage(body.Comments, body.StartAt, body.MaxResults, body.Total, startAt, response.RequestId);
    }

    private async Task<string> CommentPathAsync(string issueIdOrKey, string commentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(commentId);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        return profile.RestPrefix + "/issue/" + JiraRequest.Segment(issueIdOrKey) + "/comment/" + JiraRequest.Segment(commentId);
    }

    private async Task<Comment> SendAsync(JiraRequest request, CancellationToken cancellationToken)
    {
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.Comment, cancellationToken).ConfigureAwait(false);
        response.Value.RequestId = response.RequestId;
        return response.Value;
    }
}
