using System.Text.Json.Serialization.Metadata;
using JiraGate.Jira.Connection;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira;

/// <summary>
/// Site metadata: server info, fields, issue types, statuses, status categories and priorities. The lists are
/// the ones any user may read (<c>read:jira-work</c>), not the admin-only paged variants (/statuses/search …).
/// </summary>
public sealed class MetadataClient
{
    private readonly JiraConnection _connection;

    internal MetadataClient(JiraConnection connection) => _connection = connection;

    /// <summary>The site's version and deployment type.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The server info.</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-server-info/#api-rest-api-3-serverinfo-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/serverInfo")]
    [JiraEndpoint("GET", "/rest/api/2/serverInfo", Deployment = JiraDeployment.DataCenter)]
    public async Task<ServerInfo> GetServerInfoAsync(CancellationToken cancellationToken = default)
    {
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var response = await _connection.SendAsync(JiraRequest.Get(profile.RestPrefix + "/serverInfo"),
            JiraJsonContext.Default.ServerInfo, cancellationToken).ConfigureAwait(false);
        response.Value.RequestId = response.RequestId;
        return response.Value;
    }

    /// <summary>Every field of the site, system and custom, with its schema and JQL clause names.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The fields, as Jira listed them.</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-fields/#api-rest-api-3-field-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/field")]
    [JiraEndpoint("GET", "/rest/api/2/field", Deployment = JiraDeployment.DataCenter)]
    public Task<IReadOnlyList<Field>> GetFieldsAsync(CancellationToken cancellationToken = default) =>
        ListAsync("/field", JiraJsonContext.Default.IReadOnlyListField, cancellationToken);

    /// <summary>
    /// The site's fields as a <see cref="FieldCatalog"/>, to resolve a display name such as "Story Points" to its
    /// <c>customfield_NNNNN</c> id. One call; keep the catalog as long as the site's fields may be assumed unchanged.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The catalog.</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-fields/#api-rest-api-3-field-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/field")]
    [JiraEndpoint("GET", "/rest/api/2/field", Deployment = JiraDeployment.DataCenter)]
    public async Task<FieldCatalog> GetFieldCatalogAsync(CancellationToken cancellationToken = default) =>
        new(await GetFieldsAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Every priority of the site. Jira flagged /priority deprecated in 2026 without naming a replacement (per-project
    /// sets come from priority schemes); it is still the call every user may make.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The priorities, highest first as Jira orders them.</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-priorities/#api-rest-api-3-priority-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/priority")]
    [JiraEndpoint("GET", "/rest/api/2/priority", Deployment = JiraDeployment.DataCenter)]
    public Task<IReadOnlyList<Priority>> GetPrioritiesAsync(CancellationToken cancellationToken = default) =>
        ListAsync("/priority", JiraJsonContext.Default.IReadOnlyListPriority, cancellationToken);

    /// <summary>
    /// The statuses used by the workflows of the projects the caller can see (/status). The admin-only
    /// /statuses endpoints are deliberately not used: a read-only connector may not have that permission.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The statuses with their categories.</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-workflow-statuses/#api-rest-api-3-status-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/status")]
    [JiraEndpoint("GET", "/rest/api/2/status", Deployment = JiraDeployment.DataCenter)]
    public Task<IReadOnlyList<IssueStatus>> GetStatusesAsync(CancellationToken cancellationToken = default) =>
        ListAsync("/status", JiraJsonContext.Default.IReadOnlyListIssueStatus, cancellationToken);

    /// <summary>The status categories: undefined, new (To Do), indeterminate (In Progress), done.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The categories.</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-workflow-status-categories/#api-rest-api-3-statuscategory-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/statuscategory")]
    [JiraEndpoint("GET", "/rest/api/2/statuscategory", Deployment = JiraDeployment.DataCenter)]
    public Task<IReadOnlyList<StatusCategory>> GetStatusCategoriesAsync(CancellationToken cancellationToken = default) =>
        ListAsync("/statuscategory", JiraJsonContext.Default.IReadOnlyListStatusCategory, cancellationToken);

    /// <summary>The issue types of the projects the caller can see (every type for Jira administrators).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The issue types.</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-types/#api-rest-api-3-issuetype-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/issuetype")]
    [JiraEndpoint("GET", "/rest/api/2/issuetype", Deployment = JiraDeployment.DataCenter)]
    public Task<IReadOnlyList<IssueType>> GetIssueTypesAsync(CancellationToken cancellationToken = default) =>
        ListAsync("/issuetype", JiraJsonContext.Default.IReadOnlyListIssueType, cancellationToken);

    private async Task<IReadOnlyList<T>> ListAsync<T>(string path, JsonTypeInfo<IReadOnlyList<T>> type, CancellationToken cancellationToken)
    {
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var response = await _connection.SendAsync(JiraRequest.Get(profile.RestPrefix + path), type, cancellationToken).ConfigureAwait(false);
        return response.Value;
    }
}
