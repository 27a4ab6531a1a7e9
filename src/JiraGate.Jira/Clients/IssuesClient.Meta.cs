using System.Runtime.CompilerServices;
using System.Text.Json;
using JiraGate.Jira.Connection;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira;

/// <summary>What can be written (createmeta, editmeta) and what was (changelog).</summary>
public sealed partial class IssuesClient
{
    /// <summary>One page of the issue types the caller can create in a project.</summary>
    /// <param name="projectIdOrKey">The project id or key.</param>
    /// <param name="options">Offset and page size.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page (empty without the Create Issues permission).</returns>
    /// <exception cref="JiraValidationException">No such project, or no permission to see it (Jira answers 400 here).</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-createmeta-projectidorkey-issuetypes-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes")]
    [JiraEndpoint("GET", "/rest/api/2/issue/createmeta/{projectIdOrKey}/issuetypes", Deployment = JiraDeployment.DataCenter)]
    public async Task<Page<IssueType>> GetCreateMetaIssueTypesPageAsync(string projectIdOrKey, CreateMetaOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectIdOrKey);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        return await CreateMetaPageAsync(CreateMetaPath(profile, projectIdOrKey), JiraJsonContext.Default.CreateMetaResponseIssueType,
            options?.StartAt ?? 0, options?.PageSize, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every issue type the caller can create in a project, page by page.</summary>
    /// <param name="projectIdOrKey">The project id or key.</param>
    /// <param name="options">Start, page size and limit.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The issue types.</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-createmeta-projectidorkey-issuetypes-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes")]
    [JiraEndpoint("GET", "/rest/api/2/issue/createmeta/{projectIdOrKey}/issuetypes", Deployment = JiraDeployment.DataCenter)]
    public async IAsyncEnumerable<IssueType> GetCreateMetaIssueTypesAsync(string projectIdOrKey, CreateMetaOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectIdOrKey);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var path = CreateMetaPath(profile, projectIdOrKey);
        await foreach (var type in JiraPaging.ByOffsetAsync((startAt, size, ct) => CreateMetaPageAsync(path, JiraJsonContext.Default.CreateMetaResponseIssueType, startAt, size, ct),
            options?.StartAt ?? 0, options?.PageSize, options?.Limit, cancellationToken).ConfigureAwait(false))
        {
            yield return type;
        }
    }

    /// <summary>One page of the create-screen fields of an issue type in a project: required flags, types, allowed values.</summary>
    /// <param name="projectIdOrKey">The project id or key.</param>
    /// <param name="issueTypeId">The issue type id (from <see cref="GetCreateMetaIssueTypesAsync"/>).</param>
    /// <param name="options">Offset and page size.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page of fields.</returns>
    /// <exception cref="JiraValidationException">No such project or issue type in it.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-createmeta-projectidorkey-issuetypes-issuetypeid-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}")]
    [JiraEndpoint("GET", "/rest/api/2/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}", Deployment = JiraDeployment.DataCenter)]
    public async Task<Page<FieldMetadata>> GetCreateMetaFieldsPageAsync(string projectIdOrKey, string issueTypeId, CreateMetaOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectIdOrKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(issueTypeId);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        return await CreateMetaPageAsync(CreateMetaPath(profile, projectIdOrKey) + "/" + JiraRequest.Segment(issueTypeId),
            JiraJsonContext.Default.CreateMetaResponseFieldMetadata, options?.StartAt ?? 0, options?.PageSize, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every create-screen field of an issue type in a project, page by page.</summary>
    /// <param name="projectIdOrKey">The project id or key.</param>
    /// <param name="issueTypeId">The issue type id.</param>
    /// <param name="options">Start, page size and limit.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The fields.</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-createmeta-projectidorkey-issuetypes-issuetypeid-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}")]
    [JiraEndpoint("GET", "/rest/api/2/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}", Deployment = JiraDeployment.DataCenter)]
    public async IAsyncEnumerable<FieldMetadata> GetCreateMetaFieldsAsync(string projectIdOrKey, string issueTypeId, CreateMetaOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectIdOrKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(issueTypeId);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var path = CreateMetaPath(profile, projectIdOrKey) + "/" + JiraRequest.Segment(issueTypeId);
        await foreach (var field in JiraPaging.ByOffsetAsync((startAt, size, ct) => CreateMetaPageAsync(path, JiraJsonContext.Default.CreateMetaResponseFieldMetadata, startAt, size, ct),
            options?.StartAt ?? 0, options?.PageSize, options?.Limit, cancellationToken).ConfigureAwait(false))
        {
            yield return field;
        }
    }

    /// <summary>The fields the caller may edit on the issue now, with their operations and allowed values.</summary>
    /// <param name="issueIdOrKey">The issue id or key.</param>
    /// <param name="options">Overrides (Cloud, apps and admins).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The editable fields by id.</returns>
    /// <exception cref="JiraNotFoundException">No such issue, or no permission to see it.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-editmeta-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/issue/{issueIdOrKey}/editmeta")]
    [JiraEndpoint("GET", "/rest/api/2/issue/{issueIdOrKey}/editmeta", Deployment = JiraDeployment.DataCenter)]
    public async Task<IssueEditMeta> GetEditMetaAsync(string issueIdOrKey, EditMetaOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var request = JiraRequest.Get(IssuePath(profile, issueIdOrKey) + "/editmeta")
            .Query("overrideScreenSecurity", options?.OverrideScreenSecurity)
            .Query("overrideEditableFlag", options?.OverrideEditableFlag);
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.IssueEditMeta, cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    /// <summary>
    /// One page of the issue's history, oldest first. Cloud pages GET /issue/{k}/changelog; Data Center has no such
    /// resource, so the client reads the issue with expand=changelog (every entry at once) and cuts the page from it.
    /// </summary>
    /// <param name="issueIdOrKey">The issue id or key.</param>
    /// <param name="options">Offset and page size.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page, with <see cref="Page{T}.Total"/>.</returns>
    /// <exception cref="JiraNotFoundException">No such issue, or no permission to see it.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-changelog-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/issue/{issueIdOrKey}/changelog")]
    [JiraEndpoint("GET", "/rest/api/2/issue/{issueIdOrKey}", Deployment = JiraDeployment.DataCenter)]
    public async Task<Page<ChangeGroup>> GetChangelogPageAsync(string issueIdOrKey, ChangelogOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var startAt = options?.StartAt ?? 0;
        if (profile.IsCloud)
        {
            return await ChangelogPageAsync(profile, issueIdOrKey, startAt, options?.PageSize, cancellationToken).ConfigureAwait(false);
        }
        var (all, requestId) = await ExpandedChangelogAsync(profile, issueIdOrKey, cancellationToken).ConfigureAwait(false);
        var items = all.Skip(startAt).Take(options?.PageSize ?? int.MaxValue).ToList();
        return new Page<ChangeGroup>
        {
            Items = items,
            IsLast = startAt + items.Count >= all.Count,
            StartAt = startAt,
            MaxResults = options?.PageSize,
            Total = all.Count,
            RequestId = requestId,
        };
    }

    /// <summary>The issue's whole history, oldest first, page by page (Data Center: one read of the issue).</summary>
    /// <param name="issueIdOrKey">The issue id or key.</param>
    /// <param name="options">Start, page size and limit.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The history entries.</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-changelog-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/issue/{issueIdOrKey}/changelog")]
    [JiraEndpoint("GET", "/rest/api/2/issue/{issueIdOrKey}", Deployment = JiraDeployment.DataCenter)]
    public async IAsyncEnumerable<ChangeGroup> GetChangelogAsync(string issueIdOrKey, ChangelogOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var startAt = options?.StartAt ?? 0;
        if (!profile.IsCloud)
        {
            var (all, _) = await ExpandedChangelogAsync(profile, issueIdOrKey, cancellationToken).ConfigureAwait(false);
            foreach (var entry in all.Skip(startAt).Take(options?.Limit ?? int.MaxValue))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return entry;
            }
            yield break;
        }
        var entries = JiraPaging.ByOffsetAsync((offset, size, ct) => ChangelogPageAsync(profile, issueIdOrKey, offset, size, ct),
            startAt, options?.PageSize, options?.Limit, cancellationToken);
        await foreach (var entry in entries.ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return entry;
        }
    }

    private async Task<Page<ChangeGroup>> ChangelogPageAsync(SiteProfile profile, string issueIdOrKey, int startAt, int? pageSize,
        CancellationToken cancellationToken)
    {
        var request = JiraRequest.Get(IssuePath(profile, issueIdOrKey) + "/changelog").Query("startAt", startAt).Query("maxResults", pageSize);
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.PageBeanResponseChangeGroup, cancellationToken).ConfigureAwait(false);
        var body = response.Value;
        return JiraPaging.PageBeanPage(body.Values, body.StartAt, body.MaxResults, body.Total, body.IsLast, startAt, response.RequestId);
    }

    private async Task<(IReadOnlyList<ChangeGroup> Entries, string? RequestId)> ExpandedChangelogAsync(SiteProfile profile, string issueIdOrKey,
        CancellationToken cancellationToken)
    {
        // One small field keeps the answer short; the changelog comes whole.
        var request = JiraRequest.Get(IssuePath(profile, issueIdOrKey)).Query("fields", "summary").Query("expand", "changelog");
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.Issue, cancellationToken).ConfigureAwait(false);
        var entries = response.Value.AdditionalProperties.TryGetValue("changelog", out var changelog) && changelog.ValueKind == JsonValueKind.Object
            ? changelog.Deserialize(JiraJsonContext.Default.ExpandedChangelog)?.Histories ?? []
            : [];
        return (entries, response.RequestId);
    }

    private async Task<Page<T>> CreateMetaPageAsync<T>(string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<CreateMetaResponse<T>> type,
        int startAt, int? pageSize, CancellationToken cancellationToken)
    {
        var request = JiraRequest.Get(path).Query("startAt", startAt).Query("maxResults", pageSize);
        var response = await _connection.SendAsync(request, type, cancellationToken).ConfigureAwait(false);
        var body = response.Value;
        return JiraPaging.PageBeanPage(body.Items, body.StartAt, body.MaxResults, body.Total, body.IsLast, startAt, response.RequestId);
    }

    private static string CreateMetaPath(SiteProfile profile, string projectIdOrKey) =>
        profile.RestPrefix + "/issue/createmeta/" + JiraRequest.Segment(projectIdOrKey) + "/issuetypes";
}
