using System.Globalization;
using System.Runtime.CompilerServices;
using JiraGate.Jira.Connection;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira;

/// <summary>
/// Worklogs on issues. Comments go in as Markdown (ADF on Cloud, wiki markup on Data Center); start times are
/// written in Jira's own form. Data Center lists every worklog at once and has no start-time filter, so both
/// paging and the filter are applied here there.
/// </summary>
public sealed class WorklogsClient
{
    private readonly JiraConnection _connection;

    internal WorklogsClient(JiraConnection connection) => _connection = connection;

    /// <summary>One page of an issue's worklogs, oldest first.</summary>
    /// <param name="issueIdOrKey">The issue id or key.</param>
    /// <param name="options">Start-time window, offset, page size and expansions.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="JiraNotFoundException">No such issue — or no permission to see it.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-worklogs/#api-rest-api-3-issue-issueidorkey-worklog-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/issue/{issueIdOrKey}/worklog")]
    [JiraEndpoint("GET", "/rest/api/2/issue/{issueIdOrKey}/worklog", Deployment = JiraDeployment.DataCenter)]
    public async Task<Page<Worklog>> ListWorklogsPageAsync(string issueIdOrKey, ListWorklogsOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        var startAt = options?.StartAt ?? 0;
        ArgumentOutOfRangeException.ThrowIfNegative(startAt);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        if (profile.IsCloud)
        {
            return await CloudPageAsync(profile, issueIdOrKey, options, startAt, options?.PageSize, cancellationToken).ConfigureAwait(false);
        }
        var all = await DataCenterAllAsync(profile, issueIdOrKey, options, cancellationToken).ConfigureAwait(false);
        var items = all.Items.Skip(startAt).Take(options?.PageSize ?? int.MaxValue).ToList();
        return new Page<Worklog>
        {
            Items = items,
            IsLast = startAt + items.Count >= all.Items.Count,
            StartAt = startAt,
            MaxResults = options?.PageSize,
            Total = all.Items.Count,
            RequestId = all.RequestId,
        };
    }

    /// <summary>Every worklog on an issue, oldest first; stops at the last page or after <see cref="ListWorklogsOptions.Limit"/>.</summary>
    /// <param name="issueIdOrKey">The issue id or key.</param>
    /// <param name="options">Start-time window, start, page size, limit and expansions.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The worklogs.</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-worklogs/#api-rest-api-3-issue-issueidorkey-worklog-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/issue/{issueIdOrKey}/worklog")]
    [JiraEndpoint("GET", "/rest/api/2/issue/{issueIdOrKey}/worklog", Deployment = JiraDeployment.DataCenter)]
    public async IAsyncEnumerable<Worklog> ListWorklogsAsync(string issueIdOrKey, ListWorklogsOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var worklogs = profile.IsCloud
            ? JiraPaging.ByOffsetAsync((startAt, size, ct) => CloudPageAsync(profile, issueIdOrKey, options, startAt, size, ct),
                options?.StartAt ?? 0, options?.PageSize, options?.Limit, cancellationToken)
            // One unpaged list on Data Center: fetched once, then offset and limited here.
            : JiraPaging.ByOffsetAsync(async (_, _, ct) =>
                {
                    var all = await DataCenterAllAsync(profile, issueIdOrKey, options, ct).ConfigureAwait(false);
                    return new Page<Worklog> { Items = [.. all.Items.Skip(options?.StartAt ?? 0)], IsLast = true, RequestId = all.RequestId };
                }, 0, null, options?.Limit, cancellationToken);
        await foreach (var worklog in worklogs.ConfigureAwait(false))
        {
            yield return worklog;
        }
    }

    /// <summary>Gets one worklog.</summary>
    /// <param name="issueIdOrKey">The issue id or key.</param>
    /// <param name="worklogId">The worklog id.</param>
    /// <param name="options">Expansions.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The worklog.</returns>
    /// <exception cref="JiraNotFoundException">No such issue or worklog — or no permission to see it.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-worklogs/#api-rest-api-3-issue-issueidorkey-worklog-id-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/issue/{issueIdOrKey}/worklog/{id}")]
    [JiraEndpoint("GET", "/rest/api/2/issue/{issueIdOrKey}/worklog/{id}", Deployment = JiraDeployment.DataCenter)]
    public async Task<Worklog> GetWorklogAsync(string issueIdOrKey, string worklogId, GetWorklogOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var path = await WorklogPathAsync(issueIdOrKey, worklogId, cancellationToken).ConfigureAwait(false);
        return await SendAsync(JiraRequest.Get(path).Query("expand", options?.Expand), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Logs work on an issue.</summary>
    /// <param name="issueIdOrKey">The issue id or key.</param>
    /// <param name="worklog">When the work started, the time spent, and an optional Markdown comment and visibility.</param>
    /// <param name="options">How the remaining estimate moves, notification and expansions.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new worklog as Jira stored it.</returns>
    /// <exception cref="ArgumentException">No start time or time spent, or an estimate adjustment without its value.</exception>
    /// <exception cref="JiraNotFoundException">No such issue — or no permission to see it.</exception>
    /// <exception cref="JiraException">Jira refused it: no permission to log work (400 on Cloud, 403 on Data Center) or invalid values.</exception>
    /// <remarks>Not idempotent: never blindly retried. https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-worklogs/#api-rest-api-3-issue-issueidorkey-worklog-post</remarks>
    [JiraEndpoint("POST", "/rest/api/3/issue/{issueIdOrKey}/worklog")]
    [JiraEndpoint("POST", "/rest/api/2/issue/{issueIdOrKey}/worklog", Deployment = JiraDeployment.DataCenter)]
    public async Task<Worklog> AddWorklogAsync(string issueIdOrKey, WorklogEntry worklog, AddWorklogOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        ArgumentNullException.ThrowIfNull(worklog);
        if (worklog.Started is null)
        {
            throw new ArgumentException("A worklog needs Started: when the work began.", nameof(worklog));
        }
        if (worklog.TimeSpentSeconds is null && string.IsNullOrWhiteSpace(worklog.TimeSpent))
        {
            throw new ArgumentException("A worklog needs TimeSpentSeconds or TimeSpent.", nameof(worklog));
        }
        Require(options?.AdjustEstimate, options?.NewEstimate, options?.ReduceBy, "ReduceBy");
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var request = JiraRequest.Post(profile.RestPrefix + "/issue/" + JiraRequest.Segment(issueIdOrKey) + "/worklog")
            .Query("adjustEstimate", Wire(options?.AdjustEstimate))
            .Query("newEstimate", options?.NewEstimate)
            .Query("reduceBy", options?.ReduceBy)
            .Query("notifyUsers", options?.NotifyUsers)
            .Query("expand", options?.Expand)
            .Json(Body(worklog, profile.IsCloud), JiraJsonContext.Default.WorklogWriteRequest);
        return await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes a worklog: only what <paramref name="changes"/> sets is sent.</summary>
    /// <param name="issueIdOrKey">The issue id or key.</param>
    /// <param name="worklogId">The worklog id.</param>
    /// <param name="changes">The new start, time spent, Markdown comment or visibility.</param>
    /// <param name="options">How the remaining estimate moves, notification and expansions.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated worklog.</returns>
    /// <exception cref="JiraNotFoundException">No such issue or worklog — or no permission to see it.</exception>
    /// <exception cref="JiraException">No permission to edit this worklog (400 on Cloud, 403 on Data Center) or invalid values.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-worklogs/#api-rest-api-3-issue-issueidorkey-worklog-id-put</remarks>
    [JiraEndpoint("PUT", "/rest/api/3/issue/{issueIdOrKey}/worklog/{id}")]
    [JiraEndpoint("PUT", "/rest/api/2/issue/{issueIdOrKey}/worklog/{id}", Deployment = JiraDeployment.DataCenter)]
    public async Task<Worklog> UpdateWorklogAsync(string issueIdOrKey, string worklogId, WorklogEntry changes, UpdateWorklogOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (options?.AdjustEstimate == WorklogEstimateAdjustment.Manual)
        {
            throw new ArgumentException("Jira has no manual estimate adjustment for an update: use Auto, New or Leave.", nameof(options));
        }
        Require(options?.AdjustEstimate, options?.NewEstimate, null, null);
        var path = await WorklogPathAsync(issueIdOrKey, worklogId, cancellationToken).ConfigureAwait(false);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var request = JiraRequest.Put(path)
            .Query("adjustEstimate", Wire(options?.AdjustEstimate))
            .Query("newEstimate", options?.NewEstimate)
            .Query("notifyUsers", options?.NotifyUsers)
            .Query("expand", options?.Expand)
            .Json(Body(changes, profile.IsCloud), JiraJsonContext.Default.WorklogWriteRequest);
        return await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a worklog.</summary>
    /// <param name="issueIdOrKey">The issue id or key.</param>
    /// <param name="worklogId">The worklog id.</param>
    /// <param name="options">How the remaining estimate moves and notification.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Jira has deleted it.</returns>
    /// <exception cref="JiraNotFoundException">No such issue or worklog — or no permission to see it.</exception>
    /// <exception cref="JiraException">No permission to delete this worklog (400 on Cloud, 403 on Data Center).</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-worklogs/#api-rest-api-3-issue-issueidorkey-worklog-id-delete</remarks>
    [JiraEndpoint("DELETE", "/rest/api/3/issue/{issueIdOrKey}/worklog/{id}")]
    [JiraEndpoint("DELETE", "/rest/api/2/issue/{issueIdOrKey}/worklog/{id}", Deployment = JiraDeployment.DataCenter)]
    public async Task DeleteWorklogAsync(string issueIdOrKey, string worklogId, DeleteWorklogOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Require(options?.AdjustEstimate, options?.NewEstimate, options?.IncreaseBy, "IncreaseBy");
        var path = await WorklogPathAsync(issueIdOrKey, worklogId, cancellationToken).ConfigureAwait(false);
        var request = JiraRequest.Delete(path)
            .Query("adjustEstimate", Wire(options?.AdjustEstimate))
            .Query("newEstimate", options?.NewEstimate)
            .Query("increaseBy", options?.IncreaseBy)
            .Query("notifyUsers", options?.NotifyUsers);
        await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Page<Worklog>> CloudPageAsync(SiteProfile profile, string issueIdOrKey, ListWorklogsOptions? options, int startAt,
        int? pageSize, CancellationToken cancellationToken)
    {
        var request = JiraRequest.Get(profile.RestPrefix + "/issue/" + JiraRequest.Segment(issueIdOrKey) + "/worklog")
            .Query("startAt", startAt)
            .Query("maxResults", pageSize)
            .Query("startedAfter", Millis(options?.StartedAfter))
            .Query("startedBefore", Millis(options?.StartedBefore))
            .Query("expand", options?.Expand);
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.WorklogsPageResponse, cancellationToken).ConfigureAwait(false);
        var body = response.Value;
        return JiraPaging.LegacyTotalPage(body.Worklogs, body.StartAt, body.MaxResults, body.Total, startAt, response.RequestId);
    }

    /// <summary>Data Center's GET …/worklog takes no paging or time filter: every worklog, filtered here.</summary>
    private async Task<(IReadOnlyList<Worklog> Items, string? RequestId)> DataCenterAllAsync(SiteProfile profile, string issueIdOrKey,
        ListWorklogsOptions? options, CancellationToken cancellationToken)
    {
        var request = JiraRequest.Get(profile.RestPrefix + "/issue/" + JiraRequest.Segment(issueIdOrKey) + "/worklog")
            .Query("expand", options?.Expand);
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.WorklogsPageResponse, cancellationToken).ConfigureAwait(false);
        IEnumerable<Worklog> worklogs = response.Value.Worklogs ?? [];
        if (options?.StartedAfter is { } after)
        {
            worklogs = worklogs.Where(w => w.Started is { } s && s >= after);
        }
        if (options?.StartedBefore is { } before)
        {
            worklogs = worklogs.Where(w => w.Started is { } s && s < before);
        }
        return ([.. worklogs], response.RequestId);
    }

    private async Task<string> WorklogPathAsync(string issueIdOrKey, string worklogId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(worklogId);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        return profile.RestPrefix + "/issue/" + JiraRequest.Segment(issueIdOrKey) + "/worklog/" + JiraRequest.Segment(worklogId);
    }

    private async Task<Worklog> SendAsync(JiraRequest request, CancellationToken cancellationToken)
    {
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.Worklog, cancellationToken).ConfigureAwait(false);
        response.Value.RequestId = response.RequestId;
        return response.Value;
    }

    private static WorklogWriteRequest Body(WorklogEntry entry, bool adf) => new()
    {
        Started = entry.Started is { } started ? JiraDateTimeConverter.Format(started) : null,
        TimeSpentSeconds = entry.TimeSpentSeconds,
        TimeSpent = entry.TimeSpentSeconds is null ? entry.TimeSpent : null,
        Comment = string.IsNullOrWhiteSpace(entry.Comment) ? null : RichTextValue.FromMarkdown(entry.Comment, adf),
        Visibility = entry.Visibility,
    };

    /// <summary>Jira refuses adjustEstimate=new without newEstimate and manual without its amount: say so before sending.</summary>
    private static void Require(WorklogEstimateAdjustment? adjust, string? newEstimate, string? manualAmount, string? manualName)
    {
        if (adjust == WorklogEstimateAdjustment.New && string.IsNullOrWhiteSpace(newEstimate))
        {
            throw new ArgumentException("AdjustEstimate = New needs NewEstimate (e.g. \"2d\").", nameof(newEstimate));
        }
        if (adjust == WorklogEstimateAdjustment.Manual && manualName is not null && string.IsNullOrWhiteSpace(manualAmount))
        {
            throw new ArgumentException($"AdjustEstimate = Manual needs {manualName} (e.g. \"1h\").", nameof(manualAmount));
        }
    }

    private static string? Wire(WorklogEstimateAdjustment? adjust) => adjust switch
    {
        WorklogEstimateAdjustment.Auto => "auto",
        WorklogEstimateAdjustment.New => "new",
        WorklogEstimateAdjustment.Manual => "manual",
        WorklogEstimateAdjustment.Leave => "leave",
        null => null,
        _ => throw new ArgumentOutOfRangeException(nameof(adjust), adjust, "Unknown estimate adjustment."),
    };

    private static string? Millis(DateTimeOffset? value) =>
        value?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
