using System.Globalization;
using JiraGate.Jira.Connection;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira;

/// <summary>
/// The issue lists of boards and sprints, shared by <see cref="BoardsClient"/> and <see cref="SprintsClient"/>:
/// Cloud reads /rest/software/1.0 (cursor, RFC-127: the agile 1.0 lists are deprecated there), Data Center
/// /rest/agile/1.0 (offsets). Fields are always sent explicitly.
/// </summary>
internal static class AgileIssueLists
{
    /// <summary>One page: <paramref name="cloudPath"/> on Cloud, <paramref name="dataCenterPath"/> on Data Center.</summary>
    public static async Task<Page<Issue>> PageAsync(JiraConnection connection, string cloudPath, string dataCenterPath,
        ListAgileIssuesOptions? options, CancellationToken cancellationToken)
    {
        var profile = await connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        return profile.IsCloud
            ? await TokenPageAsync(connection, cloudPath, options, options?.NextPageToken, options?.PageSize, cancellationToken).ConfigureAwait(false)
            : await OffsetPageAsync(connection, dataCenterPath, options, options?.StartAt ?? 0, options?.PageSize, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The whole list page by page, honouring <see cref="ListAgileIssuesOptions.Limit"/> exactly.</summary>
    public static async IAsyncEnumerable<Issue> AllAsync(JiraConnection connection, string cloudPath, string dataCenterPath,
        ListAgileIssuesOptions? options, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var profile = await connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var issues = profile.IsCloud
            ? JiraPaging.ByTokenAsync((token, size, ct) => TokenPageAsync(connection, cloudPath, options, token, size, ct),
                options?.PageSize, options?.Limit, cancellationToken, options?.NextPageToken)
            : JiraPaging.ByOffsetAsync((startAt, size, ct) => OffsetPageAsync(connection, dataCenterPath, options, startAt, size, ct),
                options?.StartAt ?? 0, options?.PageSize, options?.Limit, cancellationToken);
        await foreach (var issue in issues.ConfigureAwait(false))
        {
            yield return issue;
        }
    }

    private static async Task<Page<Issue>> TokenPageAsync(JiraConnection connection, string path, ListAgileIssuesOptions? options,
        string? token, int? pageSize, CancellationToken cancellationToken)
    {
        var request = Common(JiraRequest.Get(path), options)
            .Query("nextPageToken", token)
            .Query("maxResults", pageSize)
            .Query("reconcileIssues", options?.ReconcileIssues?.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var response = await connection.SendAsync(request, JiraJsonContext.Default.SoftwareIssuePage, cancellationToken).ConfigureAwait(false);
        var body = response.Value;
        return JiraPaging.TokenPage(body.Issues, body.IsLast, body.NextPageToken, response.RequestId);
    }

    private static async Task<Page<Issue>> OffsetPageAsync(JiraConnection connection, string path, ListAgileIssuesOptions? options,
        int startAt, int? pageSize, CancellationToken cancellationToken)
    {
        var request = Common(JiraRequest.Get(path), options)
            .Query("startAt", startAt)
            .Query("maxResults", pageSize);
        var response = await connection.SendAsync(request, JiraJsonContext.Default.AgileIssuePage, cancellationToken).ConfigureAwait(false);
        var body = response.Value;
        // Board issue lists say isLast; sprint issue lists and the backlog only give a total.
        return body.IsLast is not null
            ? JiraPaging.PageBeanPage(body.Issues, body.StartAt, body.MaxResults, body.Total, body.IsLast, startAt, response.RequestId)
            : JiraPaging.LegacyTotalPage(body.Issues, body.StartAt, body.MaxResults, body.Total, startAt, response.RequestId);
    }

    private static JiraRequest Common(JiraRequest request, ListAgileIssuesOptions? options) => request
        .Query("jql", options?.Jql)
        .Query("validateQuery", options?.ValidateQuery)
        .Query("fields", options?.Fields is { Count: > 0 } fields ? fields : SearchOptions.DefaultFields)
        .Query("expand", options?.Expand);
}
