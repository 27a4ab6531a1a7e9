using System.Net;
using System.Text.Json.Nodes;
using JiraGate.Jira.Connection;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira;

/// <summary>Issue entity properties: JSON values apps and integrations keep on an issue, not shown to users.</summary>
public sealed partial class IssuesClient
{
    /// <summary>The keys of the properties stored on an issue.</summary>
    /// <param name="issueIdOrKey">The issue id or key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The property keys.</returns>
    /// <exception cref="JiraNotFoundException">No such issue, or no permission to see it.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-properties/#api-rest-api-3-issue-issueidorkey-properties-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/issue/{issueIdOrKey}/properties")]
    [JiraEndpoint("GET", "/rest/api/2/issue/{issueIdOrKey}/properties", Deployment = JiraDeployment.DataCenter)]
    public async Task<IReadOnlyList<string>> GetIssuePropertyKeysAsync(string issueIdOrKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var response = await _connection.SendAsync(JiraRequest.Get(IssuePath(profile, issueIdOrKey) + "/properties"),
            JiraJsonContext.Default.PropertyKeysResponse, cancellationToken).ConfigureAwait(false);
        return [.. (response.Value.Keys ?? []).Select(k => k.Key).OfType<string>()];
    }

    /// <summary>One property of an issue.</summary>
    /// <param name="issueIdOrKey">The issue id or key.</param>
    /// <param name="propertyKey">The property key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key and its JSON value.</returns>
    /// <exception cref="JiraNotFoundException">No such issue or property.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-properties/#api-rest-api-3-issue-issueidorkey-properties-propertykey-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}")]
    [JiraEndpoint("GET", "/rest/api/2/issue/{issueIdOrKey}/properties/{propertyKey}", Deployment = JiraDeployment.DataCenter)]
    public async Task<EntityProperty> GetIssuePropertyAsync(string issueIdOrKey, string propertyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(propertyKey);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var response = await _connection.SendAsync(JiraRequest.Get(PropertyPath(profile, issueIdOrKey, propertyKey)),
            JiraJsonContext.Default.EntityProperty, cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    /// <summary>Stores a property on an issue, replacing any value it had (needs Edit Issues).</summary>
    /// <param name="issueIdOrKey">The issue id or key.</param>
    /// <param name="propertyKey">The property key (at most 255 characters).</param>
    /// <param name="value">Any JSON value (at most 32 KB).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when the property was created, false when an existing value was replaced.</returns>
    /// <exception cref="JiraForbiddenException">No permission to edit the issue.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-properties/#api-rest-api-3-issue-issueidorkey-properties-propertykey-put</remarks>
    [JiraEndpoint("PUT", "/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}")]
    [JiraEndpoint("PUT", "/rest/api/2/issue/{issueIdOrKey}/properties/{propertyKey}", Deployment = JiraDeployment.DataCenter)]
    public async Task<bool> SetIssuePropertyAsync(string issueIdOrKey, string propertyKey, JsonNode value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(propertyKey);
        ArgumentNullException.ThrowIfNull(value);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var request = JiraRequest.Put(PropertyPath(profile, issueIdOrKey, propertyKey)).Json(value, JiraJsonContext.Default.JsonNode);
        var response = await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.Value == HttpStatusCode.Created;
    }

    /// <summary>Removes a property from an issue.</summary>
    /// <param name="issueIdOrKey">The issue id or key.</param>
    /// <param name="propertyKey">The property key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Jira has removed it.</returns>
    /// <exception cref="JiraNotFoundException">No such issue or property (Cloud also answers 404 without Edit Issues).</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-properties/#api-rest-api-3-issue-issueidorkey-properties-propertykey-delete</remarks>
    [JiraEndpoint("DELETE", "/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}")]
    [JiraEndpoint("DELETE", "/rest/api/2/issue/{issueIdOrKey}/properties/{propertyKey}", Deployment = JiraDeployment.DataCenter)]
    public async Task DeleteIssuePropertyAsync(string issueIdOrKey, string propertyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(propertyKey);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        await _connection.SendAsync(JiraRequest.Delete(PropertyPath(profile, issueIdOrKey, propertyKey)), cancellationToken).ConfigureAwait(false);
    }

    private static string PropertyPath(SiteProfile profile, string issueIdOrKey, string propertyKey) =>
        IssuePath(profile, issueIdOrKey) + "/properties/" + JiraRequest.Segment(propertyKey);
}
