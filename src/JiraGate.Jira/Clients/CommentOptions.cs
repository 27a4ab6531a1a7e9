using JiraGate.Jira.Models;

namespace JiraGate.Jira;

/// <summary>Options for <see cref="CommentsClient.ListCommentsPageAsync"/> and <see cref="CommentsClient.ListCommentsAsync"/>.</summary>
public sealed class ListCommentsOptions
{
    /// <summary>Order: <c>created</c> (oldest first, Jira's default) or <c>-created</c> (newest first).</summary>
    public string? OrderBy { get; init; }

    /// <summary>Expansions, e.g. <c>renderedBody</c> (the body as HTML in <see cref="Comment.RenderedBody"/>).</summary>
    public IReadOnlyList<string>? Expand { get; init; }

    /// <summary>The offset of the first comment (single page, or where the auto-pager starts).</summary>
    public int? StartAt { get; init; }

    /// <summary>Comments per page to ask for (Jira's maxResults; Cloud's default is 100). The server may return fewer.</summary>
    public int? PageSize { get; init; }

    /// <summary><see cref="CommentsClient.ListCommentsAsync"/> yields at most this many comments. Null: all.</summary>
    public int? Limit { get; init; }
}

/// <summary>Options for <see cref="CommentsClient.GetCommentAsync"/>.</summary>
public sealed class GetCommentOptions
{
    /// <summary>Expansions, e.g. <c>renderedBody</c>.</summary>
    public IReadOnlyList<string>? Expand { get; init; }
}

/// <summary>Options for <see cref="CommentsClient.AddCommentAsync"/>.</summary>
public sealed class AddCommentOptions
{
    /// <summary>Restricts the comment to a role or group; null: everyone who can see the issue.</summary>
    public Visibility? Visibility { get; init; }

    /// <summary>Expansions for the returned comment, e.g. <c>renderedBody</c>.</summary>
    public IReadOnlyList<string>? Expand { get; init; }
}

/// <summary>Options for <see cref="CommentsClient.UpdateCommentAsync"/>.</summary>
public sealed class UpdateCommentOptions
{
    /// <summary>A new restriction; null keeps the comment's own (Jira changes only what is sent).</summary>
    public Visibility? Visibility { get; init; }

    /// <summary>Whether watchers are notified (Cloud; default true).</summary>
    public bool? NotifyUsers { get; init; }

    /// <summary>Cloud, apps and admins: edit even where the workflow forbids it.</summary>
    public bool? OverrideEditableFlag { get; init; }

    /// <summary>Expansions for the returned comment, e.g. <c>renderedBody</c>.</summary>
    public IReadOnlyList<string>? Expand { get; init; }
}
