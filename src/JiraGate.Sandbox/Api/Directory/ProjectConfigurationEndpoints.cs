using System.Globalization;
using System.Text.Json;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.SiteDirectory;

/// <summary>
/// A project's configuration: its permission scheme, roles and their actors, the issue security levels the
/// caller may set, and the schemes themselves. Who may read what follows each flavour's spec: Cloud hides
/// admin-only resources behind 404s where its spec says so; Data Center answers 403.
/// </summary>
internal static class ProjectConfigurationEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        var prefix = api.Prefix;
        app.MapGet(prefix + "/project/{projectKeyOrId}/permissionscheme", (HttpContext http, Site site, string projectKeyOrId) =>
            ProjectPermissionScheme(http, site, api, projectKeyOrId));
        app.MapGet(prefix + "/permissionscheme/{schemeId}", (HttpContext http, Site site, string schemeId) =>
            PermissionSchemeById(http, site, api, schemeId));
        app.MapGet(prefix + "/project/{projectIdOrKey}/role", (HttpContext http, Site site, string projectIdOrKey) =>
            Roles(http, site, api, projectIdOrKey));
        app.MapGet(prefix + "/project/{projectIdOrKey}/role/{id}", (HttpContext http, Site site, string projectIdOrKey, string id) =>
            Role(http, site, api, projectIdOrKey, id));
        app.MapGet(prefix + "/project/{projectKeyOrId}/securitylevel", (HttpContext http, Site site, string projectKeyOrId) =>
            SecurityLevels(http, site, api, projectKeyOrId));
        app.MapGet(prefix + "/issuesecurityschemes/{id}", (HttpContext http, Site site, string id) =>
            SecurityScheme(http, site, api, id));
    }

    private static IResult ProjectPermissionScheme(HttpContext http, Site site, ApiVersionContext api, string projectKeyOrId)
    {
        var expand = ProjectEndpoints.Expand(http.Request);
        return ProjectChildrenEndpoints.WithProject(http, site, api, projectKeyOrId, (rc, project) =>
        {
            var user = rc.Caller.User;
            // Data Center: "in practice the user needs to be a Jira administrator"; Cloud also lets project admins in.
            var allowed = api.IsCloud ? ProjectAccess.CanAdminister(rc.Site, user, project) : PermissionService.IsAdmin(rc.Site, user);
            return allowed
                ? JiraResults.Json(w => PermissionSchemeWriter.Write(w, rc, rc.Site.PermissionScheme(project.PermissionSchemeId), expand))
                : JiraResults.Error(StatusCodes.Status403Forbidden, "You do not have permission to view the configuration of this project.");
        });
    }

    private static IResult PermissionSchemeById(HttpContext http, Site site, ApiVersionContext api, string schemeId)
    {
        var expand = ProjectEndpoints.Expand(http.Request);
        return site.Read(s =>
        {
            var user = http.Caller().User;
            var scheme = long.TryParse(schemeId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? s.Data.PermissionSchemes.FirstOrDefault(p => p.Id == id)
                : null;
            var allowed = PermissionService.IsAdmin(s, user)
                || (scheme is not null && s.Projects.Any(p => p.PermissionSchemeId == scheme.Id && ProjectAccess.CanAdminister(s, user, p)));
            if (!allowed && !api.IsCloud)
            {
                return JiraResults.Error(StatusCodes.Status403Forbidden, "You are not allowed to view permission schemes.");
            }
            // Cloud answers a scheme the caller may not read like a missing one (its spec lists no 403 here).
            if (scheme is null || !allowed)
            {
                return JiraResults.Error(StatusCodes.Status404NotFound, $"Permission scheme with id {schemeId} does not exist.");
            }
            var rc = RenderContext.For(http, s, api.Version);
            return JiraResults.Json(w => PermissionSchemeWriter.Write(w, rc, scheme, expand));
        });
    }

    private static IResult Roles(HttpContext http, Site site, ApiVersionContext api, string projectIdOrKey) =>
        ProjectChildrenEndpoints.WithProject(http, site, api, projectIdOrKey, (rc, project) =>
        {
            var user = rc.Caller.User;
            // Cloud: Administer Projects in any project, or Administer Jira; otherwise the project is "not found".
            if (api.IsCloud && !PermissionService.IsAdmin(rc.Site, user)
                && !rc.Site.Projects.Any(p => PermissionService.Has(rc.Site, user, p, Permissions.AdministerProjects)))
            {
                return ProjectAccess.NotFound(projectIdOrKey);
            }
            return JiraResults.Json(w =>
            {
                w.WriteStartObject();
                foreach (var role in rc.Site.Data.Roles)
                {
                    w.WriteString(role.Name, ProjectWriter.RoleUrl(rc, project, role.Id));
                }
                w.WriteEndObject();
            });
        });

    private static IResult Role(HttpContext http, Site site, ApiVersionContext api, string projectIdOrKey, string id)
    {
        var excludeInactive = RequestReading.QueryBool(http.Request, "excludeInactiveUsers", false);
        if (!excludeInactive.IsOk)
        {
            return excludeInactive.Error!;
        }
        return ProjectChildrenEndpoints.WithProject(http, site, api, projectIdOrKey, (rc, project) =>
        {
            if (api.IsCloud && !ProjectAccess.CanAdminister(rc.Site, rc.Caller.User, project))
            {
                return ProjectAccess.NotFound(projectIdOrKey);
            }
            var role = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var roleId)
                ? rc.Site.Data.Roles.FirstOrDefault(r => r.Id == roleId)
                : null;
            if (role is null)
            {
                return JiraResults.Error(StatusCodes.Status404NotFound, $"The project role with id '{id}' does not exist.");
            }
            return JiraResults.Json(w => RoleWriter.Write(w, rc, project, role, excludeInactive.Value));
        });
    }

    private static IResult SecurityLevels(HttpContext http, Site site, ApiVersionContext api, string projectKeyOrId) =>
        ProjectChildrenEndpoints.WithProject(http, site, api, projectKeyOrId, (rc, project) =>
        {
            var user = rc.Caller.User;
            var scheme = rc.Site.SecurityScheme(project.IssueSecuritySchemeId);
            // Only levels the caller could put on an issue: Set Issue Security, and membership of the level.
            var levels = scheme is not null && PermissionService.Has(rc.Site, user, project, Permissions.SetIssueSecurity)
                ? scheme.Levels.Where(l => LevelMembership.IsMember(rc.Site, user, project, l)).ToList()
                : [];
            return JiraResults.Json(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("levels");
                foreach (var level in levels)
                {
                    WriteLevel(w, rc, scheme!, level);
                }
                w.WriteEndArray();
                w.WriteEndObject();
            });
        });

    private static IResult SecurityScheme(HttpContext http, Site site, ApiVersionContext api, string id) => site.Read(s =>
    {
        var user = http.Caller().User;
        var scheme = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var schemeId) ? s.SecurityScheme(schemeId) : null;
        var admin = PermissionService.IsAdmin(s, user);
        if (scheme is null && admin)
        {
            return JiraResults.Error(StatusCodes.Status404NotFound, $"The issue security scheme with id '{id}' does not exist.");
        }
        if (scheme is null || (!admin && !s.Projects.Any(p => p.IssueSecuritySchemeId == scheme.Id && ProjectAccess.CanAdminister(s, user, p))))
        {
            return JiraResults.Error(StatusCodes.Status403Forbidden,
                "You must be a Jira administrator or administer a project that uses this issue security scheme.");
        }
        var rc = RenderContext.For(http, s, api.Version);
        return JiraResults.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("self", rc.Self($"{rc.Api}/issuesecurityschemes/{scheme.Id}"));
            w.WriteNumber("id", scheme.Id);
            w.WriteString("name", scheme.Name);
            w.WriteString("description", "");
            w.WriteStartArray("levels");
            foreach (var level in scheme.Levels)
            {
                WriteLevel(w, rc, scheme, level);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    });

    /// <summary>SecurityLevel (Cloud adds isDefault and the scheme id) / SecurityLevelJsonBean (Data Center).</summary>
    private static void WriteLevel(Utf8JsonWriter w, RenderContext rc, IssueSecurityScheme scheme, SecurityLevel level)
    {
        w.WriteStartObject();
        w.WriteString("self", rc.Self($"{rc.Api}/securitylevel/{level.Id}"));
        w.WriteString("id", level.Id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("description", level.Description);
        w.WriteString("name", level.Name);
        if (!rc.IsDataCenter)
        {
            w.WriteBoolean("isDefault", false);
            w.WriteString("issueSecuritySchemeId", scheme.Id.ToString(CultureInfo.InvariantCulture));
        }
        w.WriteEndObject();
    }
}

/// <summary>Membership of an issue security level in a project context (no particular issue yet).</summary>
internal static class LevelMembership
{
    public static bool IsMember(Site site, User? user, Project project, SecurityLevel level) =>
        level.Members.Any(m => Holds(site, user, project, m));

    private static bool Holds(Site site, User? user, Project project, SecurityLevelMember member)
    {
        if (member.HolderType == HolderTypes.Anyone)
        {
            return true;
        }
        if (user is not { Active: true })
        {
            return false;
        }
        return member.HolderType switch
        {
            HolderTypes.Group => member.HolderParameter is not null && user.GroupIds.Contains(member.HolderParameter),
            HolderTypes.User => member.HolderParameter == user.AccountId,
            HolderTypes.ProjectRole => long.TryParse(member.HolderParameter, CultureInfo.InvariantCulture, out var roleId)
                && PermissionService.IsInRole(site, user, project, roleId),
            HolderTypes.ProjectLead => project.LeadAccountId == user.AccountId,
            // Whoever sets the level on a new issue is its reporter, and may assign it to themselves.
            HolderTypes.Reporter or HolderTypes.Assignee => true,
            HolderTypes.ApplicationRole => user.AccountType == "atlassian",
            _ => false,
        };
    }
}
