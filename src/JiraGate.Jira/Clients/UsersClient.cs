using JiraGate.Jira.Connection;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira;

/// <summary>Users: Cloud identifies them by accountId, Data Center by username and key.</summary>
public sealed class UsersClient
{
    private readonly JiraConnection _connection;

    internal UsersClient(JiraConnection connection) => _connection = connection;

    /// <summary>The user the credentials belong to (also the cheapest authentication check).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The calling user.</returns>
    /// <exception cref="JiraUnauthorizedException">The credentials were refused.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-myself/#api-rest-api-3-myself-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/myself")]
    [JiraEndpoint("GET", "/rest/api/2/myself", Deployment = JiraDeployment.DataCenter)]
    public async Task<JiraUser> GetMyselfAsync(CancellationToken cancellationToken = default)
    {
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var response = await _connection.SendAsync(JiraRequest.Get(profile.RestPrefix + "/myself"),
            JiraJsonContext.Default.JiraUser, cancellationToken).ConfigureAwait(false);
        response.Value.RequestId = response.RequestId;
        return response.Value;
    }
}
