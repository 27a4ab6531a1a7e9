using JiraGate.Jira.Models;

namespace JiraGate.Jira;

/// <summary>Options for <see cref="BoardsClient.ListBoardsPageAsync"/> and <see cref="BoardsClient.ListBoardsAsync"/>.</summary>
public sealed class ListBoardsOptions
{
    /// <summary>Only boards of these types: <c>scrum</c>, <c>kanban</c>, <c>simple</c>. Null or empty: all.</summary>
    public IReadOnlyList<string>? Types { get; init; }

    /// <summary>Only boards whose name contains this text (case-insensitive).</summary>
    public string? Name { get; init; }

    /// <summary>Only boards of this project (key or id). An unknown or hidden project is a 400.</summary>
    public string? ProjectKeyOrId { get; init; }

    /// <summary>Ordering: <c>name</c>, <c>-name</c> or <c>+name</c>. Null: Jira's order (by id).</summary>
    public string? OrderBy { get; init; }

    /// <summary>The offset of the first board (single page, or where the auto-pager starts).</summary>
    public int? StartAt { get; init; }

    /// <summary>Boards per page to ask for (Jira's maxResults, default and cap 50); the server may return fewer.</summary>
    public int? PageSize { get; init; }

    /// <summary><see cref="BoardsClient.ListBoardsAsync"/> yields at most this many boards. Null: all.</summary>
    public int? Limit { get; init; }
}

/// <summary>Options for <see cref="BoardsClient.ListSprintsPageAsync"/> and <see cref="BoardsClient.ListSprintsAsync"/>.</summary>
public sealed class ListBoardSprintsOptions
{
    /// <summary>Only sprints in these states. Null or empty: all (closed, then active, then future).</summary>
    public IReadOnlyList<SprintState>? States { get; init; }

    /// <summary>The offset of the first sprint (single page, or where the auto-pager starts).</summary>
    public int? StartAt { get; init; }

    /// <summary>Sprints per page to ask for (Jira's maxResults, default and cap 50); the server may return fewer.</summary>
    public int? PageSize { get; init; }

    /// <summary><see cref="BoardsClient.ListSprintsAsync"/> yields at most this many sprints. Null: all.</summary>
    public int? Limit { get; init; }
}

/// <summary>
/// Options for the Agile issue lists: a board's issues and backlog, a sprint's issues. Cloud pages them with a
/// cursor (/rest/software/1.0, <see cref="NextPageToken"/>); Data Center with offsets (/rest/agile/1.0,
/// <see cref="StartAt"/>). <see cref="Fields"/> is always sent.
/// </summary>
public sealed class ListAgileIssuesOptions
{
    /// <summary>Narrows the list further, e.g. <c>status = "In Progress"</c>; an ORDER BY replaces rank order.</summary>
    public string? Jql { get; init; }

    /// <summary>Validate <see cref="Jql"/> (Jira's default: true); false makes an invalid query match nothing instead of failing.</summary>
    public bool? ValidateQuery { get; init; }

    /// <summary>Fields to return; <see cref="SearchOptions.DefaultFields"/> when null or empty.</summary>
    public IReadOnlyList<string>? Fields { get; init; }

    /// <summary>Expansions, e.g. <c>names</c>, <c>schema</c>, <c>renderedFields</c>.</summary>
    public IReadOnlyList<string>? Expand { get; init; }

    /// <summary>Cloud: ids of issues just written, so the (eventually consistent) list includes them (at most 50).</summary>
    public IReadOnlyList<long>? ReconcileIssues { get; init; }

    /// <summary>Issues per page to ask for (Jira's maxResults); the server may return fewer.</summary>
    public int? PageSize { get; init; }

    /// <summary>The auto-pager yields at most this many issues in all. Null: the whole list.</summary>
    public int? Limit { get; init; }

    /// <summary>Cloud: the cursor from the previous page's <see cref="Page{T}.NextPageToken"/>.</summary>
    public string? NextPageToken { get; init; }

    /// <summary>Data Center: the offset of the first issue (single page, or where the auto-pager starts).</summary>
    public int? StartAt { get; init; }
}

/// <summary>
/// A partial update of a sprint (<see cref="SprintsClient.UpdateSprintAsync"/>): only the properties set are
/// sent; the rest keep their values. Starting a sprint needs start and end dates (here or already on it).
/// </summary>
public sealed class SprintUpdate
{
    /// <summary>The new name (Jira allows 1–30 characters).</summary>
    public string? Name { get; init; }

    /// <summary>The new goal (plain text); an empty string clears it.</summary>
    public string? Goal { get; init; }

    /// <summary>Moves the sprint: <see cref="SprintState.Active"/> starts a future sprint, <see cref="SprintState.Closed"/> closes an active one.</summary>
    public SprintState? State { get; init; }

    /// <summary>The new start date.</summary>
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>The new end date (after the start date).</summary>
    public DateTimeOffset? EndDate { get; init; }
}
