using JiraGate.Jira.Connection;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira;

/// <summary>
/// Users, groups and the caller's permissions. Cloud identifies users by accountId only, Data Center by username
/// and key: name a user with <see cref="UserRef"/>, which refuses the wrong kind before anything is sent.
/// </summary>
public sealed partial class UsersClient
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

    /// <summary>One user: by accountId on Cloud, by username or key on Data Center.</summary>
    /// <param name="user">The user, e.g. <c>UserRef.ByAccountId(id)</c> (Cloud) or <c>UserRef.ByUsername("alice")</c> (Data Center).</param>
    /// <param name="options">Expansions (groups, applicationRoles).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user; <see cref="JiraUser.EmailAddress"/> may be hidden by profile visibility.</returns>
    /// <exception cref="ArgumentException">The reference has no identifier this deployment understands.</exception>
    /// <exception cref="JiraNotFoundException">No such user.</exception>
    /// <exception cref="JiraForbiddenException">The caller may not browse users and groups.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-users/#api-rest-api-3-user-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/user")]
    [JiraEndpoint("GET", "/rest/api/2/user", Deployment = JiraDeployment.DataCenter)]
    public async Task<JiraUser> GetUserAsync(UserRef user, GetUserOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var id = user.QueryParameter(profile.IsCloud, nameof(user));
        var request = JiraRequest.Get(profile.RestPrefix + "/user").Query(id.Key, id.Value).Query("expand", options?.Expand);
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.JiraUser, cancellationToken).ConfigureAwait(false);
        response.Value.RequestId = response.RequestId;
        return response.Value;
    }

    /// <summary>
    /// The groups a user belongs to: Cloud /user/groups (with group ids); Data Center has no such call, so the
    /// client reads /user?expand=groups (names only).
    /// </summary>
    /// <param name="user">The user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The groups, as Jira ordered them.</returns>
    /// <exception cref="ArgumentException">The reference has no identifier this deployment understands.</exception>
    /// <exception cref="JiraNotFoundException">No such user.</exception>
    /// <exception cref="JiraForbiddenException">The caller may not browse users and groups.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-users/#api-rest-api-3-user-groups-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/user/groups")]
    [JiraEndpoint("GET", "/rest/api/2/user", Deployment = JiraDeployment.DataCenter)]
    public async Task<IReadOnlyList<JiraGroup>> GetUserGroupsAsync(UserRef user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var id = user.QueryParameter(profile.IsCloud, nameof(user));
        if (profile.IsCloud)
        {
            var groups = await _connection.SendAsync(JiraRequest.Get(profile.RestPrefix + "/user/groups").Query(id.Key, id.Value),
                JiraJsonContext.Default.IReadOnlyListJiraGroup, cancellationToken).ConfigureAwait(false);
            return groups.Value;
        }
        var response = await _connection.SendAsync(JiraRequest.Get(profile.RestPrefix + "/user").Query(id.Key, id.Value).Query("expand", "groups"),
            JiraJsonContext.Default.UserGroupsResponse, cancellationToken).ConfigureAwait(false);
        return response.Value.Groups?.Items ?? [];
    }

    /// <summary>
    /// Which of the given permissions the caller holds: globally, in a project, or on an issue. Without a project
    /// or issue, a project permission counts when the caller holds it in at least one project.
    /// </summary>
    /// <param name="options">The permission keys (required on Cloud) and the project or issue.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer; use <see cref="MyPermissions.Has"/>.</returns>
    /// <exception cref="JiraValidationException">No or unknown permission keys.</exception>
    /// <exception cref="JiraNotFoundException">The project or issue does not exist or is hidden from the caller.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-permissions/#api-rest-api-3-mypermissions-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/mypermissions")]
    [JiraEndpoint("GET", "/rest/api/2/mypermissions", Deployment = JiraDeployment.DataCenter)]
    public async Task<MyPermissions> GetMyPermissionsAsync(MyPermissionsOptions? options = null, CancellationToken cancellationToken = default)
    {
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var request = JiraRequest.Get(profile.RestPrefix + "/mypermissions")
            .Query("permissions", options?.Permissions)
            .Query("projectKey", options?.ProjectKey)
            .Query("projectId", options?.ProjectId)
            .Query("issueKey", options?.IssueKey)
            .Query("issueId", options?.IssueId);
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.MyPermissions, cancellationToken).ConfigureAwait(false);
        response.Value.RequestId = response.RequestId;
        return response.Value;
    }
}
