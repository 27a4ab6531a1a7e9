using System.Globalization;
using System.Runtime.CompilerServices;
using JiraGate.Jira.Connection;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira;

/// <summary>
/// Issues: read, search (Cloud /search/jql with cursors; Data Center /search with offsets), write (create, edit,
/// delete, assign, transition, bulk create), and their metadata (createmeta, editmeta, changelog, properties).
/// </summary>
public sealed partial class IssuesClient
{
    /// <summary>Past this length the query moves into a POST body (proxies refuse very long URLs).</summary>
    private const int MaxGetLength = 4000;

    private readonly JiraConnection _connection;

    internal IssuesClient(JiraConnection connection) => _connection = connection;

    /// <summary>Gets one issue.</summary>
    /// <param name="issueIdOrKey">The issue id (10455) or key (SEC-456).</param>
    /// <param name="options">Fields, expansions and properties to return.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The issue; rich-text fields are ADF on Cloud and wiki markup on Data Center.</returns>
    /// <exception cref="JiraNotFoundException">No such issue — or no permission to see it.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/issue/{issueIdOrKey}")]
    [JiraEndpoint("GET", "/rest/api/2/issue/{issueIdOrKey}", Deployment = JiraDeployment.DataCenter)]
    public async Task<Issue> GetIssueAsync(string issueIdOrKey, GetIssueOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var request = JiraRequest.Get(profile.RestPrefix + "/issue/" + JiraRequest.Segment(issueIdOrKey))
            .Query("fields", options?.Fields)
            .Query("expand", options?.Expand)
            .Query("properties", options?.Properties)
            .Query("fieldsByKeys", options?.FieldsByKeys)
            .Query("updateHistory", options?.UpdateHistory);
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.Issue, cancellationToken).ConfigureAwait(false);
        response.Value.RequestId = response.RequestId;
        return response.Value;
    }

    /// <summary>
    /// One page of issues matching a JQL query. On Cloud, pass the previous page's
    /// <see cref="Page{T}.NextPageToken"/> as <see cref="SearchOptions.NextPageToken"/>; on Data Center, use
    /// <see cref="SearchOptions.StartAt"/>. Fields are always sent explicitly.
    /// </summary>
    /// <param name="jql">The query; Cloud refuses unbounded queries (add a restriction such as a project).</param>
    /// <param name="options">Fields, page size, cursor or offset.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page; <see cref="Page{T}.Total"/> only on Data Center.</returns>
    /// <exception cref="JiraValidationException">The JQL is invalid or unbounded.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/search/jql")]
    [JiraEndpoint("POST", "/rest/api/3/search/jql")]
    [JiraEndpoint("GET", "/rest/api/2/search", Deployment = JiraDeployment.DataCenter)]
    [JiraEndpoint("POST", "/rest/api/2/search", Deployment = JiraDeployment.DataCenter)]
    public async Task<Page<Issue>> SearchPageAsync(string jql, SearchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jql);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        return profile.IsCloud
            ? await TokenPageAsync(profile, jql, options, options?.NextPageToken, options?.PageSize, cancellationToken).ConfigureAwait(false)
            : await OffsetPageAsync(profile, jql, options, options?.StartAt ?? 0, options?.PageSize, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every issue matching a JQL query, fetched page by page as the caller reads; stops at the server's last
    /// page or after <see cref="SearchOptions.Limit"/> issues, whichever comes first. It starts at
    /// <see cref="SearchOptions.NextPageToken"/> (Cloud) or <see cref="SearchOptions.StartAt"/> (Data Center) when given.
    /// </summary>
    /// <param name="jql">The query; Cloud refuses unbounded queries.</param>
    /// <param name="options">Fields, page size and limit.</param>
    /// <param name="cancellationToken">Cancels the enumeration (also mid-page).</param>
    /// <returns>The issues, in the query's order.</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/search/jql")]
    [JiraEndpoint("GET", "/rest/api/2/search", Deployment = JiraDeployment.DataCenter)]
    public async IAsyncEnumerable<Issue> SearchAsync(string jql, SearchOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jql);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var issues = profile.IsCloud
            ? JiraPaging.ByTokenAsync((token, size, ct) => TokenPageAsync(profile, jql, options, token, size, ct),
                options?.PageSize, options?.Limit, cancellationToken, options?.NextPageToken)
            : JiraPaging.ByOffsetAsync((startAt, size, ct) => OffsetPageAsync(profile, jql, options, startAt, size, ct),
                options?.StartAt ?? 0, options?.PageSize, options?.Limit, cancellationToken);
        await foreach (var issue in issues.ConfigureAwait(false))
        {
            // Stop at once when cancelled mid-page, not only before the next page.
            cancellationToken.ThrowIfCancellationRequested();
            yield return issue;
        }
    }

    private async Task<Page<Issue>> TokenPageAsync(SiteProfile profile, string jql, SearchOptions? options, string? token,
        int? pageSize, CancellationToken cancellationToken)
    {
        var fields = FieldsOf(options);
        var path = profile.RestPrefix + "/search/jql";
        var request = JiraRequest.Get(path)
            .Query("jql", jql)
            .Query("nextPageToken", token)
            .Query("maxResults", pageSize)
            .Query("fields", fields)
            .Query("expand", options?.Expand)
            .Query("properties", options?.Properties)
            .Query("fieldsByKeys", options?.FieldsByKeys)
            .Query("reconcileIssues", options?.ReconcileIssues?.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        if (request.PathAndQuery().Length > MaxGetLength)
        {
            request = JiraRequest.Post(path).AsRead().Json(new SearchJqlRequest
            {
                Jql = jql,
                NextPageToken = token,
                MaxResults = pageSize,
                Fields = fields,
                Expand = options?.Expand is { Count: > 0 } expand ? string.Join(',', expand) : null,
                Properties = options?.Properties,
                FieldsByKeys = options?.FieldsByKeys,
                ReconcileIssues = options?.ReconcileIssues,
            }, JiraJsonContext.Default.SearchJqlRequest);
        }
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.SearchJqlResponse, cancellationToken).ConfigureAwait(false);
        var body = response.Value;
        return JiraPaging.TokenPage(body.Issues, body.IsLast, body.NextPageToken, response.RequestId);
    }

    private async Task<Page<Issue>> OffsetPageAsync(SiteProfile profile, string jql, SearchOptions? options, int startAt,
        int? pageSize, CancellationToken cancellationToken)
    {
        var fields = FieldsOf(options);
        var path = profile.RestPrefix + "/search";
        var request = JiraRequest.Get(path)
            .Query("jql", jql)
            .Query("startAt", startAt)
            .Query("maxResults", pageSize)
            .Query("fields", fields)
            .Query("expand", options?.Expand)
            .Query("properties", options?.Properties)
            .Query("fieldsByKeys", options?.FieldsByKeys);
        if (request.PathAndQuery().Length > MaxGetLength)
        {
            request = JiraRequest.Post(path).AsRead().Json(new SearchOffsetRequest
            {
                Jql = jql,
                StartAt = startAt,
                MaxResults = pageSize,
                Fields = fields,
                Expand = options?.Expand,
                Properties = options?.Properties,
                FieldsByKeys = options?.FieldsByKeys,
            }, JiraJsonContext.Default.SearchOffsetRequest);
        }
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.SearchOffsetPage, cancellationToken).ConfigureAwait(false);
        var body = response.Value;
        return JiraPaging.LegacyTotalPage(body.Issues, body.StartAt, body.MaxResults, body.Total, startAt, response.RequestId);
    }

    private static IReadOnlyList<string> FieldsOf(SearchOptions? options) =>
        options?.Fields is { Count: > 0 } fields ? fields : SearchOptions.DefaultFields;
}
