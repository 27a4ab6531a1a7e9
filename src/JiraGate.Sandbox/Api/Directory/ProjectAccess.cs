using System.Text.RegularExpressions;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.SiteDirectory;

/// <summary>
/// Finds a project the caller may see. Jira answers an unknown project and a project the caller may not
/// browse with the same 404, so callers cannot probe for hidden projects.
/// </summary>
internal static partial class ProjectAccess
{
    /// <summary>
    /// Whether the caller sees the project at all: Browse Projects, Administer Projects, or Administer Jira
    /// (the "view" action of /project/search).
    /// </summary>
    public static bool CanView(Site site, User? user, Project project) =>
        PermissionService.CanBrowse(site, user, project)
        || (!project.Archived && PermissionService.Has(site, user, project, Permissions.AdministerProjects))
        || PermissionService.IsAdmin(site, user);

    public static bool CanAdminister(Site site, User? user, Project project) =>
        PermissionService.IsAdmin(site, user) || PermissionService.Has(site, user, project, Permissions.AdministerProjects);

    /// <summary>Resolves an id or key the caller may view; null with the 404 Jira gives otherwise.</summary>
    public static Project? Find(Site site, User? user, string idOrKey, out IResult? notFound)
    {
        notFound = null;
        if (IsIdOrKey(idOrKey) && site.TryGetProject(idOrKey, out var project) && CanView(site, user, project))
        {
            return project;
        }
        notFound = NotFound(idOrKey);
        return null;
    }

    /// <summary>"No project could be found with key 'X'." (or "with id" for a numeric identifier).</summary>
    public static IResult NotFound(string idOrKey) =>
        JiraResults.Error(StatusCodes.Status404NotFound, idOrKey.Length > 0 && idOrKey.All(char.IsAsciiDigit)
            ? $"No project could be found with id '{idOrKey}'."
            : $"No project could be found with key '{idOrKey}'.");

    /// <summary>Keeps path tricks (encoded slashes, dots) out of lookups: only plausible keys or ids pass.</summary>
    public static bool IsIdOrKey(string value) => value.Length is > 0 and <= 255 && KeyOrId().IsMatch(value);

    [GeneratedRegex("^(?:[0-9]+|[A-Za-z][A-Za-z0-9_]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyOrId();
}
