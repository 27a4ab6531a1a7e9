using JiraGate.Jira.Connection;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira;

/// <summary>
/// Agile sprints (/rest/agile/1.0/sprint, the same on Cloud and Data Center) and their issues (Cloud:
/// /rest/software/1.0 with cursors; Data Center: /rest/agile/1.0 with offsets).
/// </summary>
public sealed class SprintsClient
{
    private const string Agile = "/rest/agile/1.0";
    private const string Software = "/rest/software/1.0";

    internal SprintsClient(JiraConnection connection) => Connection = connection;

    internal JiraConnection Connection { get; }

    /// <summary>Gets one sprint.</summary>
    /// <param name="sprintId">The sprint id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The sprint.</returns>
    /// <exception cref="JiraNotFoundException">No such sprint — or no permission to see its board or any of its issues.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/software/rest/api-group-sprint/#api-rest-agile-1-0-sprint-sprintid-get</remarks>
    [JiraEndpoint("GET", Agile + "/sprint/{sprintId}", Deployment = JiraDeployment.Auto)]
    public async Task<Sprint> GetSprintAsync(long sprintId, CancellationToken cancellationToken = default)
    {
        var response = await Connection.SendAsync(JiraRequest.Get(SprintPath(sprintId)), JiraJsonContext.Default.Sprint, cancellationToken)
            .ConfigureAwait(false);
        response.Value.RequestId = response.RequestId;
        return response.Value;
    }

    /// <summary>
    /// One page of a sprint's issues, in rank order. On Cloud, pass the previous page's
    /// <see cref="Page{T}.NextPageToken"/>; on Data Center, <see cref="ListAgileIssuesOptions.StartAt"/>.
    /// </summary>
    /// <param name="sprintId">The sprint id.</param>
    /// <param name="options">JQL narrowing, fields, paging.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page; <see cref="Page{T}.Total"/> only on Data Center.</returns>
    /// <exception cref="JiraNotFoundException">No such sprint — or no permission to see it.</exception>
    /// <exception cref="JiraValidationException">The JQL is invalid.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/software/rest/api-group-sprint/#api-rest-software-1-0-sprint-sprintid-issue-get</remarks>
    [JiraEndpoint("GET", Software + "/sprint/{sprintId}/issue")]
    [JiraEndpoint("GET", Agile + "/sprint/{sprintId}/issue", Deployment = JiraDeployment.DataCenter)]
    public Task<Page<Issue>> ListIssuesPageAsync(long sprintId, ListAgileIssuesOptions? options = null, CancellationToken cancellationToken = default) =>
        AgileIssueLists.PageAsync(Connection, SoftwareSprintPath(sprintId) + "/issue", SprintPath(sprintId) + "/issue", options, cancellationToken);

    /// <summary>All issues of a sprint, page by page as the caller reads; stops at the last page or the limit.</summary>
    /// <param name="sprintId">The sprint id.</param>
    /// <param name="options">JQL narrowing, fields, page size and limit.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The sprint's issues in rank order.</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/software/rest/api-group-sprint/#api-rest-software-1-0-sprint-sprintid-issue-get</remarks>
    [JiraEndpoint("GET", Software + "/sprint/{sprintId}/issue")]
    [JiraEndpoint("GET", Agile + "/sprint/{sprintId}/issue", Deployment = JiraDeployment.DataCenter)]
    public IAsyncEnumerable<Issue> ListIssuesAsync(long sprintId, ListAgileIssuesOptions? options = null, CancellationToken cancellationToken = default) =>
        AgileIssueLists.AllAsync(Connection, SoftwareSprintPath(sprintId) + "/issue", SprintPath(sprintId) + "/issue", options, cancellationToken);

    /// <summary>
    /// A write: partially updates a sprint — rename it, set its goal or dates, start a future sprint
    /// (<see cref="SprintState.Active"/>) or close an active one (<see cref="SprintState.Closed"/>). Only the
    /// properties set in <paramref name="update"/> are sent. Not retried once it may have reached Jira.
    /// </summary>
    /// <param name="sprintId">The sprint id.</param>
    /// <param name="update">What to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The sprint as it is after the update.</returns>
    /// <exception cref="JiraNotFoundException">No such sprint — or no permission to see it.</exception>
    /// <exception cref="JiraValidationException">
    /// An invalid change: a state move other than future→active→closed, starting without dates or while the board
    /// has an active sprint, an end before the start, a name longer than 30 characters.
    /// </exception>
    /// <exception cref="JiraForbiddenException">The caller may not manage sprints of the board's project.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/software/rest/api-group-sprint/#api-rest-agile-1-0-sprint-sprintid-post</remarks>
    [JiraEndpoint("POST", Agile + "/sprint/{sprintId}", Deployment = JiraDeployment.Auto)]
    public async Task<Sprint> UpdateSprintAsync(long sprintId, SprintUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var body = new SprintUpdateRequest
        {
            Name = update.Name,
            Goal = update.Goal,
            State = update.State,
            StartDate = update.StartDate,
            EndDate = update.EndDate,
        };
        var request = JiraRequest.Post(SprintPath(sprintId)).Json(body, JiraJsonContext.Default.SprintUpdateRequest);
        var response = await Connection.SendAsync(request, JiraJsonContext.Default.Sprint, cancellationToken).ConfigureAwait(false);
        response.Value.RequestId = response.RequestId;
        return response.Value;
    }

    private static string SprintPath(long sprintId) => Agile + "/sprint/" + JiraRequest.Segment(BoardsClient.Id(sprintId));

    private static string SoftwareSprintPath(long sprintId) => Software + "/sprint/" + JiraRequest.Segment(BoardsClient.Id(sprintId));
}
