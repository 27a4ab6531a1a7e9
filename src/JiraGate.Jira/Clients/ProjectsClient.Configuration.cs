using System.Globalization;
using JiraGate.Jira.Connection;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira;

/// <summary>
/// Who may see what in a project (for a permission-aware index): roles and their actors, the permission scheme
/// with its grants, and issue security levels. Most of these need project or Jira administration; Cloud answers
/// some refusals with 404 (as if the project were missing), Data Center with 403.
/// </summary>
public sealed partial class ProjectsClient
{
    /// <summary>The roles of a project, each with the URL of its actors.</summary>
    /// <param name="projectIdOrKey">The project id or key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The roles, ordered by name.</returns>
    /// <exception cref="JiraNotFoundException">No such project — or (Cloud) the caller administers no project.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-project-roles/#api-rest-api-3-project-projectidorkey-role-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/project/{projectIdOrKey}/role")]
    [JiraEndpoint("GET", "/rest/api/2/project/{projectIdOrKey}/role", Deployment = JiraDeployment.DataCenter)]
    public async Task<IReadOnlyList<ProjectRoleLink>> GetProjectRolesAsync(string projectIdOrKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectIdOrKey);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var response = await _connection.SendAsync(JiraRequest.Get(ProjectPath(profile, projectIdOrKey) + "/role"),
            JiraJsonContext.Default.DictionaryStringString, cancellationToken).ConfigureAwait(false);
        return [.. response.Value
            .Select(pair => new ProjectRoleLink(pair.Key, new Uri(pair.Value, UriKind.RelativeOrAbsolute)))
            .OrderBy(role => role.Name, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>One project role with its actors (users and groups) in the project.</summary>
    /// <param name="projectIdOrKey">The project id or key.</param>
    /// <param name="roleId">The role id (see <see cref="GetProjectRolesAsync"/>).</param>
    /// <param name="options">Whether to leave inactive users out.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The role.</returns>
    /// <exception cref="JiraNotFoundException">No such project or role — or (Cloud) the caller does not administer the project.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-project-roles/#api-rest-api-3-project-projectidorkey-role-id-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/project/{projectIdOrKey}/role/{id}")]
    [JiraEndpoint("GET", "/rest/api/2/project/{projectIdOrKey}/role/{id}", Deployment = JiraDeployment.DataCenter)]
    public async Task<ProjectRole> GetProjectRoleAsync(string projectIdOrKey, long roleId, GetProjectRoleOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectIdOrKey);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var request = JiraRequest.Get(ProjectPath(profile, projectIdOrKey) + "/role/" + roleId.ToString(CultureInfo.InvariantCulture))
            .Query("excludeInactiveUsers", profile.IsCloud ? options?.ExcludeInactiveUsers : null);
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.ProjectRole, cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    /// <summary>The permission scheme a project uses, with its grants by default.</summary>
    /// <param name="projectKeyOrId">The project key or id.</param>
    /// <param name="options">Expansions (grants by default).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="JiraForbiddenException">The caller may not read the project's configuration (project admins on Cloud, Jira admins on Data Center).</exception>
    /// <exception cref="JiraNotFoundException">No such project — or no permission to see it.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-project-permission-schemes/#api-rest-api-3-project-projectkeyorid-permissionscheme-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/project/{projectKeyOrId}/permissionscheme")]
    [JiraEndpoint("GET", "/rest/api/2/project/{projectKeyOrId}/permissionscheme", Deployment = JiraDeployment.DataCenter)]
    public async Task<PermissionScheme> GetProjectPermissionSchemeAsync(string projectKeyOrId, PermissionSchemeOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectKeyOrId);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var request = JiraRequest.Get(ProjectPath(profile, projectKeyOrId) + "/permissionscheme")
            .Query("expand", (options ?? new PermissionSchemeOptions()).Expand);
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.PermissionScheme, cancellationToken).ConfigureAwait(false);
        response.Value.RequestId = response.RequestId;
        return response.Value;
    }

    /// <summary>A permission scheme by id, with its grants by default.</summary>
    /// <param name="schemeId">The scheme id.</param>
    /// <param name="options">Expansions (grants by default).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="JiraNotFoundException">No such scheme (Cloud also answers this to callers who may not read it).</exception>
    /// <exception cref="JiraForbiddenException">The caller may not read permission schemes (Data Center).</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-permission-schemes/#api-rest-api-3-permissionscheme-schemeid-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/permissionscheme/{schemeId}")]
    [JiraEndpoint("GET", "/rest/api/2/permissionscheme/{schemeId}", Deployment = JiraDeployment.DataCenter)]
    public async Task<PermissionScheme> GetPermissionSchemeAsync(long schemeId, PermissionSchemeOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var request = JiraRequest.Get(profile.RestPrefix + "/permissionscheme/" + schemeId.ToString(CultureInfo.InvariantCulture))
            .Query("expand", (options ?? new PermissionSchemeOptions()).Expand);
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.PermissionScheme, cancellationToken).ConfigureAwait(false);
        response.Value.RequestId = response.RequestId;
        return response.Value;
    }

    /// <summary>
    /// The issue security levels of a project that the caller may set on an issue (an empty list when the project
    /// has no security scheme or the caller lacks Set Issue Security).
    /// </summary>
    /// <param name="projectKeyOrId">The project key or id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The levels.</returns>
    /// <exception cref="JiraNotFoundException">No such project — or no permission to see it.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-project-permission-schemes/#api-rest-api-3-project-projectkeyorid-securitylevel-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/project/{projectKeyOrId}/securitylevel")]
    [JiraEndpoint("GET", "/rest/api/2/project/{projectKeyOrId}/securitylevel", Deployment = JiraDeployment.DataCenter)]
    public async Task<IReadOnlyList<SecurityLevel>> GetSecurityLevelsAsync(string projectKeyOrId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectKeyOrId);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var response = await _connection.SendAsync(JiraRequest.Get(ProjectPath(profile, projectKeyOrId) + "/securitylevel"),
            JiraJsonContext.Default.SecurityLevelsResponse, cancellationToken).ConfigureAwait(false);
        return response.Value.Levels ?? [];
    }

    /// <summary>An issue security scheme with every level (Cloud levels carry their scheme id, see <see cref="SecurityLevel.IssueSecuritySchemeId"/>).</summary>
    /// <param name="schemeId">The scheme id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="JiraForbiddenException">The caller is neither a Jira admin nor an admin of a project using the scheme.</exception>
    /// <exception cref="JiraNotFoundException">No such scheme.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-security-schemes/#api-rest-api-3-issuesecurityschemes-id-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/issuesecurityschemes/{id}")]
    [JiraEndpoint("GET", "/rest/api/2/issuesecurityschemes/{id}", Deployment = JiraDeployment.DataCenter)]
    public async Task<IssueSecurityScheme> GetIssueSecuritySchemeAsync(long schemeId, CancellationToken cancellationToken = default)
    {
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var response = await _connection.SendAsync(
            JiraRequest.Get(profile.RestPrefix + "/issuesecurityschemes/" + schemeId.ToString(CultureInfo.InvariantCulture)),
            JiraJsonContext.Default.IssueSecurityScheme, cancellationToken).ConfigureAwait(false);
        response.Value.RequestId = response.RequestId;
        return response.Value;
    }
}
