using JiraGate.Jira.Connection;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira;

/// <summary>Site metadata: server info, fields, issue types, statuses, priorities.</summary>
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
}
