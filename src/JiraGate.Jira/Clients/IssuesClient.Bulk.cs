using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using JiraGate.Jira.Connection;
using JiraGate.Jira.Jql;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira;

/// <summary>Many issues at once: bulk create, bulk fetch, approximate count.</summary>
public sealed partial class IssuesClient
{
    /// <summary>The most issues Jira creates in one bulk call.</summary>
    public const int MaxBulkCreate = 50;

    /// <summary>The most issues Jira returns from one bulk fetch.</summary>
    public const int MaxBulkFetch = 100;

    /// <summary>
    /// Creates many issues, <see cref="MaxBulkCreate"/> per call (a longer list becomes several calls, in order).
    /// Each element succeeds or fails on its own: the result lists the created issues and the refused elements,
    /// each by its index in <paramref name="issues"/>. Refused elements never throw — not even when every element
    /// of a call failed (Jira's 400 in the same shape) — so check <see cref="BulkCreateResult.AllSucceeded"/>.
    /// A call that fails as a whole (auth, rate limit after retries, timeout) throws; when earlier calls already
    /// created issues it throws <see cref="JiraBulkCreateException"/>, which carries them.
    /// </summary>
    /// <param name="issues">The issues to create.</param>
    /// <param name="cancellationToken">Cancels the remaining calls.</param>
    /// <returns>The created issues and the refused elements, by index.</returns>
    /// <exception cref="JiraBulkCreateException">A later call failed as a whole after earlier calls created issues.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-bulk-post</remarks>
    [JiraEndpoint("POST", "/rest/api/3/issue/bulk")]
    [JiraEndpoint("POST", "/rest/api/2/issue/bulk", Deployment = JiraDeployment.DataCenter)]
    public async Task<BulkCreateResult> BulkCreateIssuesAsync(IReadOnlyList<IssueWrite> issues, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issues);
        for (var i = 0; i < issues.Count; i++)
        {
            if (issues[i] is null)
            {
                throw new ArgumentException($"Element {i} is null.", nameof(issues));
            }
        }
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var created = new List<BulkCreatedIssue>();
        var failed = new List<BulkCreateFailure>();
        var requestIds = new List<string?>();
        for (var offset = 0; offset < issues.Count; offset += MaxBulkCreate)
        {
            var count = Math.Min(MaxBulkCreate, issues.Count - offset);
            var updates = new JsonArray();
            for (var i = 0; i < count; i++)
            {
                updates.Add((JsonNode)issues[offset + i].ToJson(profile.IsCloud));
            }
            var request = JiraRequest.Post(profile.RestPrefix + "/issue/bulk")
                .Json(new JsonObject { ["issueUpdates"] = updates }, JiraJsonContext.Default.JsonObject);
            JiraResponse<BulkCreateResponse> response;
            try
            {
                // All elements failed: Jira answers 400 in the CreatedIssues shape (an "errors" array).
                response = await _connection.SendAcceptingAsync(request, JiraJsonContext.Default.BulkCreateResponse, HttpStatusCode.BadRequest,
                    root => root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Array,
                    cancellationToken).ConfigureAwait(false);
            }
            catch (JiraException ex) when (created.Count > 0)
            {
                var partial = new BulkCreateResult { Created = created, Failed = failed, RequestIds = requestIds };
                throw new JiraBulkCreateException(
                    $"Bulk create stopped at element {offset} of {issues.Count}: {ex.Message} {created.Count} issues were created before it (see PartialResult); elements from {offset} on were not created"
                    + (ex is JiraOutcomeUnknownException ? " — or, for this call's elements, may have been." : "."),
                    partial, offset, ex);
            }
            requestIds.Add(response.RequestId);
            Merge(response.Value, offset, count, created, failed);
        }
        return new BulkCreateResult { Created = created, Failed = failed, RequestIds = requestIds };
    }

    /// <summary>
    /// Jira lists created issues in element order and failures by failedElementNumber (0-based within the call):
    /// the elements not refused are, in order, the ones created.
    /// </summary>
    private static void Merge(BulkCreateResponse body, int offset, int count, List<BulkCreatedIssue> created, List<BulkCreateFailure> failed)
    {
        var refused = new SortedDictionary<int, BulkOperationError>();
        foreach (var error in body.Errors ?? [])
        {
            if (error.FailedElementNumber is { } n && n >= 0 && n < count)
            {
                refused[n] = error;
            }
        }
        var issues = body.Issues ?? [];
        var next = 0;
        for (var i = 0; i < count; i++)
        {
            if (refused.TryGetValue(i, out var error))
            {
                failed.Add(new BulkCreateFailure(offset + i, error.Status, error.ElementErrors?.ErrorMessages ?? [],
                    error.ElementErrors?.Errors ?? new Dictionary<string, string>()));
            }
            else if (next < issues.Count)
            {
                created.Add(new BulkCreatedIssue(offset + i, issues[next++]));
            }
            else
            {
                // Jira neither created nor refused it (never seen): report it rather than lose it.
                failed.Add(new BulkCreateFailure(offset + i, null, ["Jira did not report this element as created or refused."], new Dictionary<string, string>()));
            }
        }
    }

    /// <summary>
    /// Reads many issues by id or key, <see cref="MaxBulkFetch"/> per call. Issues that do not exist or that the
    /// caller may not see are left out, as Jira does. Cloud calls POST /issue/bulkfetch (ascending id order);
    /// Data Center has no bulk fetch, so the client searches <c>key in (…) OR id in (…)</c> and drops keys Jira
    /// reports as unknown (the order is then by id too).
    /// </summary>
    /// <param name="issueIdsOrKeys">The ids and keys.</param>
    /// <param name="options">Fields, expansions, properties.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The issues found, each once.</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-bulkfetch-post</remarks>
    [JiraEndpoint("POST", "/rest/api/3/issue/bulkfetch")]
    [JiraEndpoint("GET", "/rest/api/2/search", Deployment = JiraDeployment.DataCenter)]
    public async Task<IReadOnlyList<Issue>> BulkFetchAsync(IReadOnlyList<string> issueIdsOrKeys, BulkFetchOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issueIdsOrKeys);
        var wanted = issueIdsOrKeys.Select(v => v?.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (wanted.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("Issue ids and keys must not be null or empty.", nameof(issueIdsOrKeys));
        }
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<Issue>();
        foreach (var chunk in wanted.Chunk(MaxBulkFetch))
        {
            found.AddRange(profile.IsCloud
                ? await BulkFetchCloudAsync(profile, chunk!, options, cancellationToken).ConfigureAwait(false)
                : await BulkFetchBySearchAsync(chunk!, options, cancellationToken).ConfigureAwait(false));
        }
        return found;
    }

    private async Task<IReadOnlyList<Issue>> BulkFetchCloudAsync(SiteProfile profile, string[] ids, BulkFetchOptions? options,
        CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["issueIdsOrKeys"] = new JsonArray([.. ids.Select(id => (JsonNode?)JsonValue.Create(id))]),
            ["fields"] = new JsonArray([.. (options?.Fields is { Count: > 0 } f ? f : SearchOptions.DefaultFields).Select(x => (JsonNode?)JsonValue.Create(x))]),
        };
        if (options?.Expand is { Count: > 0 } expand)
        {
            body["expand"] = new JsonArray([.. expand.Select(x => (JsonNode?)JsonValue.Create(x))]);
        }
        if (options?.Properties is { Count: > 0 } properties)
        {
            body["properties"] = new JsonArray([.. properties.Select(x => (JsonNode?)JsonValue.Create(x))]);
        }
        if (options?.FieldsByKeys is { } byKeys)
        {
            body["fieldsByKeys"] = byKeys;
        }
        var request = JiraRequest.Post(profile.RestPrefix + "/issue/bulkfetch").AsRead().Json(body, JiraJsonContext.Default.JsonObject);
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.BulkFetchResponse, cancellationToken).ConfigureAwait(false);
        return response.Value.Issues ?? [];
    }

    private async Task<IReadOnlyList<Issue>> BulkFetchBySearchAsync(string[] ids, BulkFetchOptions? options, CancellationToken cancellationToken)
    {
        var remaining = ids.ToList();
        // Each round drops the keys Jira named as unknown; a round that names none is a real error.
        while (remaining.Count > 0)
        {
            var numeric = remaining.Where(v => v.All(char.IsAsciiDigit)).ToList();
            var keys = remaining.Except(numeric).ToList();
            JqlQuery? query = null;
            if (keys.Count > 0)
            {
                query = JqlQuery.Where("key").In(keys);
            }
            if (numeric.Count > 0)
            {
                var byId = JqlQuery.Where("id").In([.. numeric.Select(n => JqlValue.FromNumber(long.Parse(n, System.Globalization.CultureInfo.InvariantCulture)))]);
                query = query is null ? byId : query.Or(byId);
            }
            var search = new SearchOptions
            {
                Fields = options?.Fields,
                Expand = options?.Expand,
                Properties = options?.Properties,
                FieldsByKeys = options?.FieldsByKeys,
                PageSize = remaining.Count,
            };
            try
            {
                var issues = new List<Issue>();
                await foreach (var issue in SearchAsync(query!.OrderBy("id", JqlSort.Ascending).ToString(), search, cancellationToken).ConfigureAwait(false))
                {
                    issues.Add(issue);
                }
                return issues;
            }
            catch (JiraValidationException ex)
            {
                var unknown = remaining.Where(v => ex.ErrorMessages.Any(m => m.Contains("'" + v + "'", StringComparison.OrdinalIgnoreCase))).ToList();
                if (unknown.Count == 0)
                {
                    throw;
                }
                remaining = remaining.Except(unknown, StringComparer.OrdinalIgnoreCase).ToList();
            }
        }
        return [];
    }

    /// <summary>
    /// How many issues match a query. Cloud answers an estimate (POST /search/approximate-count: recent writes may
    /// be missing); Data Center answers the exact total of a /search asking for no issues.
    /// </summary>
    /// <param name="jql">The query; Cloud refuses unbounded queries.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The count.</returns>
    /// <exception cref="JiraValidationException">The JQL is invalid or unbounded.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-approximate-count-post</remarks>
    [JiraEndpoint("POST", "/rest/api/3/search/approximate-count")]
    [JiraEndpoint("GET", "/rest/api/2/search", Deployment = JiraDeployment.DataCenter)]
    public async Task<long> ApproximateCountAsync(string jql, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jql);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        if (profile.IsCloud)
        {
            var request = JiraRequest.Post(profile.RestPrefix + "/search/approximate-count").AsRead()
                .Json(new JsonObject { ["jql"] = jql }, JiraJsonContext.Default.JsonObject);
            var response = await _connection.SendAsync(request, JiraJsonContext.Default.ApproximateCountResponse, cancellationToken).ConfigureAwait(false);
            return response.Value.Count;
        }
        var page = await _connection.SendAsync(JiraRequest.Get(profile.RestPrefix + "/search")
            .Query("jql", jql).Query("maxResults", 0).Query("fields", "id"), JiraJsonContext.Default.SearchOffsetPage, cancellationToken).ConfigureAwait(false);
        return page.Value.Total ?? 0;
    }
}
