using System.Runtime.CompilerServices;
using JiraGate.Jira.Connection;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira;

/// <summary>
/// Agile boards (/rest/agile/1.0/board, the same on Cloud and Data Center), their sprints, and their issue
/// lists (Cloud: /rest/software/1.0 with cursors; Data Center: /rest/agile/1.0 with offsets).
/// </summary>
public sealed class BoardsClient
{
    private const string Agile = "/rest/agile/1.0";
    private const string Software = "/rest/software/1.0";

    internal BoardsClient(JiraConnection connection) => Connection = connection;

    internal JiraConnection Connection { get; }

    /// <summary>One page of the boards the caller can see.</summary>
    /// <param name="options">Type, name and project filters, order and paging.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page, with <see cref="Page{T}.Total"/>.</returns>
    /// <exception cref="JiraValidationException">An invalid type or order, or an unknown project.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/software/rest/api-group-board/#api-rest-agile-1-0-board-get</remarks>
    [JiraEndpoint("GET", Agile + "/board", Deployment = JiraDeployment.Auto)]
    public Task<Page<Board>> ListBoardsPageAsync(ListBoardsOptions? options = null, CancellationToken cancellationToken = default) =>
        BoardsPageAsync(options, options?.StartAt ?? 0, options?.PageSize, cancellationToken);

    /// <summary>Every board the caller can see, page by page as the caller reads; stops on Jira's <c>isLast</c> or the limit.</summary>
    /// <param name="options">Filters, order, page size and limit.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The boards.</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/software/rest/api-group-board/#api-rest-agile-1-0-board-get</remarks>
    [JiraEndpoint("GET", Agile + "/board", Deployment = JiraDeployment.Auto)]
    public async IAsyncEnumerable<Board> ListBoardsAsync(ListBoardsOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var boards = JiraPaging.ByOffsetAsync((startAt, size, ct) => BoardsPageAsync(options, startAt, size, ct),
            options?.StartAt ?? 0, options?.PageSize, options?.Limit, cancellationToken);
        await foreach (var board in boards.ConfigureAwait(false))
        {
            yield return board;
        }
    }

    /// <summary>Gets one board.</summary>
    /// <param name="boardId">The board id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The board.</returns>
    /// <exception cref="JiraNotFoundException">No such board — or no permission to see it.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/software/rest/api-group-board/#api-rest-agile-1-0-board-boardid-get</remarks>
    [JiraEndpoint("GET", Agile + "/board/{boardId}", Deployment = JiraDeployment.Auto)]
    public async Task<Board> GetBoardAsync(long boardId, CancellationToken cancellationToken = default)
    {
        var request = JiraRequest.Get(BoardPath(boardId));
        var response = await Connection.SendAsync(request, JiraJsonContext.Default.Board, cancellationToken).ConfigureAwait(false);
        response.Value.RequestId = response.RequestId;
        return response.Value;
    }

    /// <summary>One page of a board's sprints: closed first, then active, then future.</summary>
    /// <param name="boardId">The board id (a scrum board).</param>
    /// <param name="options">State filter and paging.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page; Jira gives no total here, only <c>isLast</c>.</returns>
    /// <exception cref="JiraNotFoundException">No such board — or no permission to see it.</exception>
    /// <exception cref="JiraValidationException">The board does not support sprints (kanban, simple).</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/software/rest/api-group-board/#api-rest-agile-1-0-board-boardid-sprint-get</remarks>
    [JiraEndpoint("GET", Agile + "/board/{boardId}/sprint", Deployment = JiraDeployment.Auto)]
    public Task<Page<Sprint>> ListSprintsPageAsync(long boardId, ListBoardSprintsOptions? options = null, CancellationToken cancellationToken = default) =>
        SprintsPageAsync(boardId, options, options?.StartAt ?? 0, options?.PageSize, cancellationToken);

    /// <summary>Every sprint of a board, page by page as the caller reads; stops on Jira's <c>isLast</c> or the limit.</summary>
    /// <param name="boardId">The board id (a scrum board).</param>
    /// <param name="options">State filter, page size and limit.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The sprints.</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/software/rest/api-group-board/#api-rest-agile-1-0-board-boardid-sprint-get</remarks>
    [JiraEndpoint("GET", Agile + "/board/{boardId}/sprint", Deployment = JiraDeployment.Auto)]
    public async IAsyncEnumerable<Sprint> ListSprintsAsync(long boardId, ListBoardSprintsOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sprints = JiraPaging.ByOffsetAsync((startAt, size, ct) => SprintsPageAsync(boardId, options, startAt, size, ct),
            options?.StartAt ?? 0, options?.PageSize, options?.Limit, cancellationToken);
        await foreach (var sprint in sprints.ConfigureAwait(false))
        {
            yield return sprint;
        }
    }

    /// <summary>
    /// One page of a board's backlog: incomplete issues in no active or future sprint, in rank order. On Cloud,
    /// pass the previous page's <see cref="Page{T}.NextPageToken"/>; on Data Center, <see cref="ListAgileIssuesOptions.StartAt"/>.
    /// </summary>
    /// <param name="boardId">The board id (a scrum board).</param>
    /// <param name="options">JQL narrowing, fields, paging.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page; <see cref="Page{T}.Total"/> only on Data Center.</returns>
    /// <exception cref="JiraNotFoundException">No such board — or no permission to see it.</exception>
    /// <exception cref="JiraValidationException">The board has no backlog (kanban, simple), or the JQL is invalid.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/software/rest/api-group-board/#api-rest-software-1-0-board-boardid-backlog-get</remarks>
    [JiraEndpoint("GET", Software + "/board/{boardId}/backlog")]
    [JiraEndpoint("GET", Agile + "/board/{boardId}/backlog", Deployment = JiraDeployment.DataCenter)]
    public Task<Page<Issue>> ListBacklogPageAsync(long boardId, ListAgileIssuesOptions? options = null, CancellationToken cancellationToken = default) =>
        AgileIssueLists.PageAsync(Connection, SoftwareBoardPath(boardId) + "/backlog", BoardPath(boardId) + "/backlog", options, cancellationToken);

    /// <summary>A board's whole backlog, page by page as the caller reads; stops at the last page or the limit.</summary>
    /// <param name="boardId">The board id (a scrum board).</param>
    /// <param name="options">JQL narrowing, fields, page size and limit.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The backlog's issues in rank order.</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/software/rest/api-group-board/#api-rest-software-1-0-board-boardid-backlog-get</remarks>
    [JiraEndpoint("GET", Software + "/board/{boardId}/backlog")]
    [JiraEndpoint("GET", Agile + "/board/{boardId}/backlog", Deployment = JiraDeployment.DataCenter)]
    public IAsyncEnumerable<Issue> ListBacklogAsync(long boardId, ListAgileIssuesOptions? options = null, CancellationToken cancellationToken = default) =>
        AgileIssueLists.AllAsync(Connection, SoftwareBoardPath(boardId) + "/backlog", BoardPath(boardId) + "/backlog", options, cancellationToken);

    /// <summary>One page of all issues on a board (its filter's issues, in rank order).</summary>
    /// <param name="boardId">The board id.</param>
    /// <param name="options">JQL narrowing, fields, paging.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page; <see cref="Page{T}.Total"/> only on Data Center.</returns>
    /// <exception cref="JiraNotFoundException">No such board — or no permission to see it.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/software/rest/api-group-board/#api-rest-software-1-0-board-boardid-issue-get</remarks>
    [JiraEndpoint("GET", Software + "/board/{boardId}/issue")]
    [JiraEndpoint("GET", Agile + "/board/{boardId}/issue", Deployment = JiraDeployment.DataCenter)]
    public Task<Page<Issue>> ListIssuesPageAsync(long boardId, ListAgileIssuesOptions? options = null, CancellationToken cancellationToken = default) =>
        AgileIssueLists.PageAsync(Connection, SoftwareBoardPath(boardId) + "/issue", BoardPath(boardId) + "/issue", options, cancellationToken);

    /// <summary>All issues on a board, page by page as the caller reads; stops at the last page or the limit.</summary>
    /// <param name="boardId">The board id.</param>
    /// <param name="options">JQL narrowing, fields, page size and limit.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The board's issues in rank order.</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/software/rest/api-group-board/#api-rest-software-1-0-board-boardid-issue-get</remarks>
    [JiraEndpoint("GET", Software + "/board/{boardId}/issue")]
    [JiraEndpoint("GET", Agile + "/board/{boardId}/issue", Deployment = JiraDeployment.DataCenter)]
    public IAsyncEnumerable<Issue> ListIssuesAsync(long boardId, ListAgileIssuesOptions? options = null, CancellationToken cancellationToken = default) =>
        AgileIssueLists.AllAsync(Connection, SoftwareBoardPath(boardId) + "/issue", BoardPath(boardId) + "/issue", options, cancellationToken);

    private static string BoardPath(long boardId) => Agile + "/board/" + JiraRequest.Segment(Id(boardId));

    private static string SoftwareBoardPath(long boardId) => Software + "/board/" + JiraRequest.Segment(Id(boardId));

    internal static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Page<Board>> BoardsPageAsync(ListBoardsOptions? options, int startAt, int? pageSize, CancellationToken cancellationToken)
    {
        var request = JiraRequest.Get(Agile + "/board")
            .Query("startAt", startAt)
            .Query("maxResults", pageSize)
            .Query("type", options?.Types)
            .Query("name", options?.Name)
            .Query("projectKeyOrId", options?.ProjectKeyOrId)
            .Query("orderBy", options?.OrderBy);
        var response = await Connection.SendAsync(request, JiraJsonContext.Default.PageBeanResponseBoard, cancellationToken).ConfigureAwait(false);
        var body = response.Value;
        return JiraPaging.PageBeanPage(body.Values, body.StartAt, body.MaxResults, body.Total, body.IsLast, startAt, response.RequestId);
    }

    private async Task<Page<Sprint>> SprintsPageAsync(long boardId, ListBoardSprintsOptions? options, int startAt, int? pageSize,
        CancellationToken cancellationToken)
    {
        var request = JiraRequest.Get(BoardPath(boardId) + "/sprint")
            .Query("startAt", startAt)
            .Query("maxResults", pageSize)
            .Query("state", options?.States?.Distinct().Select(StateName));
        var response = await Connection.SendAsync(request, JiraJsonContext.Default.PageBeanResponseSprint, cancellationToken).ConfigureAwait(false);
        var body = response.Value;
        // No total on this endpoint: isLast decides (an empty page ends it when even that is missing).
        return JiraPaging.PageBeanPage(body.Values, body.StartAt, body.MaxResults, body.Total, body.IsLast, startAt, response.RequestId);
    }

    internal static string StateName(SprintState state) => state switch
    {
        SprintState.Future => "future",
        SprintState.Active => "active",
        SprintState.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a sprint state."),
    };
}
