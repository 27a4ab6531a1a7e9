using System.Runtime.CompilerServices;
using JiraGate.Jira.Connection;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira;

/// <summary>Options for <see cref="ProjectsClient.SearchProjectsPageAsync"/> and <see cref="ProjectsClient.SearchProjectsAsync"/>.</summary>
public sealed class ProjectSearchOptions
{
    /// <summary>Matches project key or name, case-insensitively (on Data Center, filtered by the client).</summary>
    public string? Query { get; init; }

    /// <summary>Only these project keys.</summary>
    public IReadOnlyList<string>? Keys { get; init; }

    /// <summary>Cloud ordering, e.g. <c>key</c>, <c>-name</c>, <c>lastIssueUpdatedTime</c>.</summary>
    public string? OrderBy { get; init; }

    /// <summary>Expansions, e.g. <c>description</c>, <c>lead</c>, <c>issueTypes</c>.</summary>
    public IReadOnlyList<string>? Expand { get; init; }

    /// <summary>The offset of the first project.</summary>
    public int? StartAt { get; init; }

    /// <summary>Projects per page to ask for (Cloud caps it at 100).</summary>
    public int? PageSize { get; init; }

    /// <summary><see cref="ProjectsClient.SearchProjectsAsync"/> yields at most this many projects.</summary>
    public int? Limit { get; init; }
}

/// <summary>
/// Projects the caller can see (Cloud /project/search, paged; Data Center /project, one list), one project, and
/// its components, versions, roles, permission scheme and issue security levels (the other partial files).
/// </summary>
public sealed partial class ProjectsClient
{
    private readonly JiraConnection _connection;

    internal ProjectsClient(JiraConnection connection) => _connection = connection;

    /// <summary>One page of the projects the caller can see.</summary>
    /// <param name="options">Filter, order, expansions and paging.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page (Data Center returns every project at once, so its page is the last).</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-projects/#api-rest-api-3-project-search-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/project/search")]
    [JiraEndpoint("GET", "/rest/api/2/project", Deployment = JiraDeployment.DataCenter)]
    public async Task<Page<Project>> SearchProjectsPageAsync(ProjectSearchOptions? options = null, CancellationToken cancellationToken = default)
    {
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        return profile.IsCloud
            ? await CloudPageAsync(profile, options, options?.StartAt ?? 0, options?.PageSize, cancellationToken).ConfigureAwait(false)
            : await DataCenterPageAsync(profile, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every project the caller can see, page by page as the caller reads.</summary>
    /// <param name="options">Filter, order, expansions, page size and limit.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The projects.</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-projects/#api-rest-api-3-project-search-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/project/search")]
    [JiraEndpoint("GET", "/rest/api/2/project", Deployment = JiraDeployment.DataCenter)]
    public async IAsyncEnumerable<Project> SearchProjectsAsync(ProjectSearchOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var projects = profile.IsCloud
            ? JiraPaging.ByOffsetAsync((startAt, size, ct) => CloudPageAsync(profile, options, startAt, size, ct),
                options?.StartAt ?? 0, options?.PageSize, options?.Limit, cancellationToken)
            // One unpaged list on Data Center: fetched once, then limited here.
            : JiraPaging.ByOffsetAsync((_, _, ct) => DataCenterPageAsync(profile, options, ct),
                0, null, options?.Limit, cancellationToken);
        await foreach (var project in projects.ConfigureAwait(false))
        {
            yield return project;
        }
    }

    /// <summary>Gets one project, with its components, versions, issue types and role links.</summary>
    /// <param name="projectIdOrKey">The project id (10000) or key (SEC).</param>
    /// <param name="options">Expansions and properties.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The project; components, versions and roles are in <see cref="Models.Project.AdditionalProperties"/>.</returns>
    /// <exception cref="JiraNotFoundException">No such project — or no permission to see it.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-projects/#api-rest-api-3-project-projectidorkey-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/project/{projectIdOrKey}")]
    [JiraEndpoint("GET", "/rest/api/2/project/{projectIdOrKey}", Deployment = JiraDeployment.DataCenter)]
    public async Task<Project> GetProjectAsync(string projectIdOrKey, GetProjectOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectIdOrKey);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var request = JiraRequest.Get(ProjectPath(profile, projectIdOrKey))
            .Query("expand", options?.Expand)
            .Query("properties", profile.IsCloud ? options?.Properties : null);
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.Project, cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    /// <summary><c>{prefix}/project/{idOrKey}</c> with the id or key escaped as one segment.</summary>
    private static string ProjectPath(SiteProfile profile, string projectIdOrKey) =>
        profile.RestPrefix + "/project/" + JiraRequest.Segment(projectIdOrKey);

    /// <summary>
    /// One page cut from a list Jira returns whole (Data Center components and versions), so the page and
    /// auto-paging methods behave the same on both deployments.
    /// </summary>
    private static Page<T> LocalPage<T>(IReadOnlyList<T> all, int startAt, int? pageSize, string? requestId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startAt);
        var items = all.Skip(startAt).Take(pageSize ?? int.MaxValue).ToList();
        return new Page<T>
        {
            Items = items,
            IsLast = startAt + items.Count >= all.Count,
            StartAt = startAt,
            MaxResults = pageSize,
            Total = all.Count,
            RequestId = requestId,
        };
    }

    private async Task<Page<Project>> CloudPageAsync(SiteProfile profile, ProjectSearchOptions? options, int startAt, int? pageSize,
        CancellationToken cancellationToken)
    {
        var request = JiraRequest.Get(profile.RestPrefix + "/project/search")
            .Query("startAt", startAt)
            .Query("maxResults", pageSize)
            .Query("query", options?.Query)
            .Query("orderBy", options?.OrderBy)
            .Query("expand", options?.Expand);
        foreach (var key in options?.Keys ?? [])
        {
            request.Query("keys", key);
        }
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.PageBeanResponseProject, cancellationToken).ConfigureAwait(false);
        var body = response.Value;
        return JiraPaging.PageBeanPage(body.Values, body.StartAt, body.MaxResults, body.Total, body.IsLast, startAt, response.RequestId);
    }

    private async Task<Page<Project>> DataCenterPageAsync(SiteProfile profile, ProjectSearchOptions? options, CancellationToken cancellationToken)
    {
        var request = JiraRequest.Get(profile.RestPrefix + "/project").Query("expand", options?.Expand);
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.IReadOnlyListProject, cancellationToken).ConfigureAwait(false);
        IEnumerable<Project> projects = response.Value;
        if (options?.Query is { Length: > 0 } query)
        {
            projects = projects.Where(p => p.Key.Contains(query, StringComparison.OrdinalIgnoreCase)
                || (p.Name?.Contains(query, StringComparison.OrdinalIgnoreCase) ?? false));
        }
        if (options?.Keys is { Count: > 0 } keys)
        {
            projects = projects.Where(p => keys.Contains(p.Key, StringComparer.OrdinalIgnoreCase));
        }
        var all = projects.ToList();
        return new Page<Project> { Items = all, IsLast = true, StartAt = 0, Total = all.Count, RequestId = response.RequestId };
    }
}
