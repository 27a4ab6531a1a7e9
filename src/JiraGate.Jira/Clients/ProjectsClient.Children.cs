using System.Runtime.CompilerServices;
using JiraGate.Jira.Connection;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira;

/// <summary>A project's components and versions: paged PageBeans on Cloud, one plain list on Data Center.</summary>
public sealed partial class ProjectsClient
{
    /// <summary>One page of a project's components.</summary>
    /// <param name="projectIdOrKey">The project id or key.</param>
    /// <param name="options">Filter, order and paging.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page (Cloud's includes each component's issue count).</returns>
    /// <exception cref="JiraNotFoundException">No such project — or no permission to see it.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-project-components/#api-rest-api-3-project-projectidorkey-component-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/project/{projectIdOrKey}/component")]
    [JiraEndpoint("GET", "/rest/api/2/project/{projectIdOrKey}/components", Deployment = JiraDeployment.DataCenter)]
    public async Task<Page<ProjectComponent>> GetComponentsPageAsync(string projectIdOrKey, ComponentListOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectIdOrKey);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        return await ComponentPageAsync(profile, projectIdOrKey, options, options?.StartAt ?? 0, options?.PageSize, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every component of a project, page by page as the caller reads.</summary>
    /// <param name="projectIdOrKey">The project id or key.</param>
    /// <param name="options">Filter, order, page size and limit.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The components.</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-project-components/#api-rest-api-3-project-projectidorkey-component-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/project/{projectIdOrKey}/component")]
    [JiraEndpoint("GET", "/rest/api/2/project/{projectIdOrKey}/components", Deployment = JiraDeployment.DataCenter)]
    public async IAsyncEnumerable<ProjectComponent> GetComponentsAsync(string projectIdOrKey, ComponentListOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectIdOrKey);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        // Data Center sends the whole list at once: ask once (no page size), then limit here.
        var components = JiraPaging.ByOffsetAsync((startAt, size, ct) => ComponentPageAsync(profile, projectIdOrKey, options, startAt, size, ct),
            options?.StartAt ?? 0, profile.IsCloud ? options?.PageSize : null, options?.Limit, cancellationToken);
        await foreach (var component in components.ConfigureAwait(false))
        {
            yield return component;
        }
    }

    /// <summary>One page of a project's versions.</summary>
    /// <param name="projectIdOrKey">The project id or key.</param>
    /// <param name="options">Status, filter, order, expansions and paging.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="JiraNotFoundException">No such project — or no permission to see it.</exception>
    /// <exception cref="JiraValidationException">An unknown status or order (Cloud).</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-project-versions/#api-rest-api-3-project-projectidorkey-version-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/project/{projectIdOrKey}/version")]
    [JiraEndpoint("GET", "/rest/api/2/project/{projectIdOrKey}/versions", Deployment = JiraDeployment.DataCenter)]
    public async Task<Page<ProjectVersion>> GetVersionsPageAsync(string projectIdOrKey, VersionListOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectIdOrKey);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        return await VersionPageAsync(profile, projectIdOrKey, options, options?.StartAt ?? 0, options?.PageSize, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every version of a project, page by page as the caller reads.</summary>
    /// <param name="projectIdOrKey">The project id or key.</param>
    /// <param name="options">Status, filter, order, expansions, page size and limit.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The versions.</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-project-versions/#api-rest-api-3-project-projectidorkey-version-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/project/{projectIdOrKey}/version")]
    [JiraEndpoint("GET", "/rest/api/2/project/{projectIdOrKey}/versions", Deployment = JiraDeployment.DataCenter)]
    public async IAsyncEnumerable<ProjectVersion> GetVersionsAsync(string projectIdOrKey, VersionListOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectIdOrKey);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var versions = JiraPaging.ByOffsetAsync((startAt, size, ct) => VersionPageAsync(profile, projectIdOrKey, options, startAt, size, ct),
            options?.StartAt ?? 0, profile.IsCloud ? options?.PageSize : null, options?.Limit, cancellationToken);
        await foreach (var version in versions.ConfigureAwait(false))
        {
            yield return version;
        }
    }

    private async Task<Page<ProjectComponent>> ComponentPageAsync(SiteProfile profile, string projectIdOrKey, ComponentListOptions? options,
        int startAt, int? pageSize, CancellationToken cancellationToken)
    {
        if (profile.IsCloud)
        {
            var request = JiraRequest.Get(ProjectPath(profile, projectIdOrKey) + "/component")
                .Query("startAt", startAt)
                .Query("maxResults", pageSize)
                .Query("orderBy", options?.OrderBy)
                .Query("query", options?.Query);
            var response = await _connection.SendAsync(request, JiraJsonContext.Default.PageBeanResponseProjectComponent, cancellationToken).ConfigureAwait(false);
            var body = response.Value;
            return JiraPaging.PageBeanPage(body.Values, body.StartAt, body.MaxResults, body.Total, body.IsLast, startAt, response.RequestId);
        }
        var orderBy = LocalOrder.Parse(options?.OrderBy, "name", "name", "description");
        var list = await _connection.SendAsync(JiraRequest.Get(ProjectPath(profile, projectIdOrKey) + "/components"),
            JiraJsonContext.Default.IReadOnlyListProjectComponent, cancellationToken).ConfigureAwait(false);
        IEnumerable<ProjectComponent> components = list.Value;
        if (options?.Query is { Length: > 0 } query)
        {
            components = components.Where(c => LocalOrder.Contains(c.Name, query) || LocalOrder.Contains(c.Description, query));
        }
        var sorted = orderBy.Field == "description"
            ? orderBy.Apply(components, c => c.Description ?? "")
            : orderBy.Apply(components, c => c.Name ?? "");
        return LocalPage(sorted.ToList(), startAt, pageSize, list.RequestId);
    }

    private async Task<Page<ProjectVersion>> VersionPageAsync(SiteProfile profile, string projectIdOrKey, VersionListOptions? options,
        int startAt, int? pageSize, CancellationToken cancellationToken)
    {
        if (profile.IsCloud)
        {
            var request = JiraRequest.Get(ProjectPath(profile, projectIdOrKey) + "/version")
                .Query("startAt", startAt)
                .Query("maxResults", pageSize)
                .Query("orderBy", options?.OrderBy)
                .Query("query", options?.Query)
                .Query("status", options?.Status)
                .Query("expand", options?.Expand);
            var response = await _connection.SendAsync(request, JiraJsonContext.Default.PageBeanResponseProjectVersion, cancellationToken).ConfigureAwait(false);
            var body = response.Value;
            return JiraPaging.PageBeanPage(body.Values, body.StartAt, body.MaxResults, body.Total, body.IsLast, startAt, response.RequestId);
        }
        var orderBy = LocalOrder.Parse(options?.OrderBy, "sequence", "sequence", "name", "releaseDate", "startDate", "description");
        var statuses = options?.Status ?? [];
        foreach (var status in statuses)
        {
            if (status is not ("released" or "unreleased" or "archived"))
            {
                throw new ArgumentException($"Unknown version status '{status}'; use released, unreleased or archived.", nameof(options));
            }
        }
        var list = await _connection.SendAsync(JiraRequest.Get(ProjectPath(profile, projectIdOrKey) + "/versions").Query("expand", options?.Expand),
            JiraJsonContext.Default.IReadOnlyListProjectVersion, cancellationToken).ConfigureAwait(false);
        var versions = list.Value.Where(v =>
            (statuses.Count == 0 || statuses.Any(s => HasStatus(v, s)))
            && (options?.Query is not { Length: > 0 } query || LocalOrder.Contains(v.Name, query) || LocalOrder.Contains(v.Description, query)));
        // Versions without a date sort last, as Jira documents for releaseDate.
        var sorted = orderBy.Field switch
        {
            "name" => orderBy.Apply(versions, v => v.Name ?? ""),
            "description" => orderBy.Apply(versions, v => v.Description ?? ""),
            "releaseDate" => orderBy.Apply(versions, v => (v.ReleaseDate ?? DateOnly.MaxValue).DayNumber),
            "startDate" => orderBy.Apply(versions, v => (v.StartDate ?? DateOnly.MaxValue).DayNumber),
            _ => orderBy.Descending ? versions.Reverse() : versions,
        };
        return LocalPage(sorted.ToList(), startAt, pageSize, list.RequestId);
    }

    private static bool HasStatus(ProjectVersion version, string status) => status switch
    {
        "released" => version.Released == true && version.Archived != true,
        "unreleased" => version.Released != true && version.Archived != true,
        _ => version.Archived == true,
    };

    /// <summary>Cloud's <c>orderBy</c> syntax (<c>[+|-]field</c>), applied by the client where Jira returns one unordered list.</summary>
    private readonly record struct LocalOrder(string Field, bool Descending)
    {
        public static LocalOrder Parse(string? orderBy, string defaultField, params string[] allowed)
        {
            if (string.IsNullOrEmpty(orderBy))
            {
                return new(defaultField, false);
            }
            var descending = orderBy[0] == '-';
            var name = orderBy[0] is '-' or '+' ? orderBy[1..] : orderBy;
            var field = allowed.FirstOrDefault(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException(
                    $"Data Center cannot order this list by '{orderBy}'; use one of {string.Join(", ", allowed)} (optionally with '-').", nameof(orderBy));
            return new(field, descending);
        }

        public IEnumerable<T> Apply<T>(IEnumerable<T> items, Func<T, string> key) => Descending
            ? items.OrderByDescending(key, StringComparer.OrdinalIgnoreCase)
            : items.OrderBy(key, StringComparer.OrdinalIgnoreCase);

        public IEnumerable<T> Apply<T>(IEnumerable<T> items, Func<T, int> key) => Descending
            ? items.OrderByDescending(key)
            : items.OrderBy(key);

        public static bool Contains(string? text, string query) => text?.Contains(query, StringComparison.OrdinalIgnoreCase) ?? false;
    }
}
