using System.Globalization;
using JiraGate.Sandbox.Api.SiteDirectory;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api;

/// <summary>
/// Projects: the paged /project/search (Cloud), the plain /project array (deprecated on Cloud, the listing on
/// Data Center), /project/{idOrKey}, and (in Directory/) components, versions, roles, schemes and security levels.
/// Only projects the caller may view are ever listed or found.
/// </summary>
internal static class ProjectEndpoints
{
    private static readonly string[] SearchOrderFields =
        ["category", "key", "name", "owner", "issueCount", "lastIssueUpdatedDate", "archivedDate", "deletedDate"];

    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        var prefix = api.Prefix;
        if (api.IsCloud)
        {
            app.MapGet(prefix + "/project/search", (HttpContext http, Site site) => Search(http, site, api));
        }
        app.MapGet(prefix + "/project", (HttpContext http, Site site) => List(http, site, api));
        app.MapGet(prefix + "/project/{projectIdOrKey}", (HttpContext http, Site site, string projectIdOrKey) =>
            Get(http, site, api, projectIdOrKey));
        ProjectChildrenEndpoints.Map(app, api);
        ProjectConfigurationEndpoints.Map(app, api);
    }

    private static IResult Get(HttpContext http, Site site, ApiVersionContext api, string projectIdOrKey)
    {
        var expand = Expand(http.Request);
        return site.Read(s =>
        {
            var project = ProjectAccess.Find(s, http.Caller().User, projectIdOrKey, out var notFound);
            if (project is null)
            {
                return notFound!;
            }
            var rc = RenderContext.For(http, s, api.Version);
            return JiraResults.Json(w => ProjectWriter.WriteFull(w, rc, project, expand));
        });
    }

    private static IResult List(HttpContext http, Site site, ApiVersionContext api)
    {
        var request = http.Request;
        var expand = Expand(request);
        var includeArchived = RequestReading.QueryBool(request, "includeArchived", false);
        if (!includeArchived.IsOk)
        {
            return includeArchived.Error!;
        }
        var recent = RequestReading.QueryInt(request, "recent", 0, 0, 20);
        if (!recent.IsOk)
        {
            return recent.Error!;
        }
        return site.Read(s =>
        {
            var user = http.Caller().User;
            // Archived projects are hidden unless Data Center is asked for them.
            var projects = s.Projects
                .Where(p => (!p.Archived || (!api.IsCloud && includeArchived.Value && PermissionService.IsAdmin(s, user)))
                    && (p.Archived || ProjectAccess.CanView(s, user, p)))
                .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (recent.Value > 0)
            {
                projects = [.. projects.Take(recent.Value)];
            }
            var rc = RenderContext.For(http, s, api.Version);
            return JiraResults.Json(w =>
            {
                w.WriteStartArray();
                foreach (var p in projects)
                {
                    ProjectWriter.WriteListed(w, rc, p, expand);
                }
                w.WriteEndArray();
            });
        });
    }

    private static IResult Search(HttpContext http, Site site, ApiVersionContext api)
    {
        var request = http.Request;
        var page = PageRequest.Read(request, 50, 100);
        if (!page.IsOk)
        {
            return page.Error!;
        }
        var order = OrderBy.Read(request, "key", SearchOrderFields);
        if (!order.IsOk)
        {
            return order.Error!;
        }
        var filter = ProjectFilter.Read(request);
        if (!filter.IsOk)
        {
            return filter.Error!;
        }
        var expand = Expand(request);
        return site.Read(s =>
        {
            var user = http.Caller().User;
            var matches = s.Projects.Where(p => filter.Value!.Matches(s, user, p));
            var sorted = Sort(s, order.Value, matches).ToList();
            var rc = RenderContext.For(http, s, api.Version);
            return Paging.PageBean(request, rc, page.Value, sorted, (w, p) => ProjectWriter.WriteListed(w, rc, p, expand));
        });
    }

    private static IEnumerable<Project> Sort(Site site, OrderBy order, IEnumerable<Project> projects) => order.Field switch
    {
        "name" => order.Apply(projects, p => p.Name, StringComparer.OrdinalIgnoreCase),
        "owner" => order.Apply(projects, p => site.UserByAccountId(p.LeadAccountId)?.DisplayName ?? "", StringComparer.OrdinalIgnoreCase),
        "issueCount" => order.Apply(projects, p => site.Issues.Count(i => i.ProjectId == p.Id)),
        "lastIssueUpdatedDate" => order.Apply(projects, p => site.Issues.Where(i => i.ProjectId == p.Id).Select(i => (DateTimeOffset?)i.Updated).Max()),
        // The site has no categories and no archive/delete dates: those orders fall back to the key.
        _ => order.Apply(projects, p => p.Key, StringComparer.OrdinalIgnoreCase),
    };

    public static IReadOnlySet<string> Expand(HttpRequest request) =>
        RequestReading.QueryList(request, "expand").ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The filters of /project/search: keys, id, query, typeKey, status, action.</summary>
    private sealed record ProjectFilter(HashSet<string> Keys, HashSet<long> Ids, string Query, HashSet<string> TypeKeys,
        HashSet<string> Statuses, string Action)
    {
        private static readonly string[] KnownStatuses = ["live", "archived", "deleted"];
        private static readonly string[] KnownActions = ["view", "browse", "edit", "create"];

        public static Parsed<ProjectFilter> Read(HttpRequest request)
        {
            var ids = new HashSet<long>();
            foreach (var raw in RequestReading.QueryList(request, "id"))
            {
                if (!long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    return Fail($"The value '{raw}' is not valid for the parameter 'id'; it must be a project id.");
                }
                ids.Add(id);
            }
            var statuses = RequestReading.QueryList(request, "status").ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (statuses.FirstOrDefault(s => !KnownStatuses.Contains(s, StringComparer.OrdinalIgnoreCase)) is { } badStatus)
            {
                return Fail($"Invalid status '{badStatus}'. Valid values are: live, archived, deleted.");
            }
            var action = request.Query["action"].ToString();
            if (action.Length > 0 && !KnownActions.Contains(action, StringComparer.OrdinalIgnoreCase))
            {
                return Fail($"Invalid action '{action}'. Valid values are: view, browse, edit, create.");
            }
            var keys = RequestReading.QueryList(request, "keys").ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (keys.Count > 50 || ids.Count > 50)
            {
                return Fail("Up to 50 project keys or ids can be provided.");
            }
            return Parsed<ProjectFilter>.Ok(new ProjectFilter(keys, ids, request.Query["query"].ToString(),
                RequestReading.QueryList(request, "typeKey").ToHashSet(StringComparer.OrdinalIgnoreCase),
                statuses.Count == 0 ? ["live"] : statuses, action.Length == 0 ? "view" : action.ToLowerInvariant()));
        }

        public bool Matches(Site site, User? user, Project project) =>
            (Keys.Count == 0 || Keys.Contains(project.Key))
            && (Ids.Count == 0 || Ids.Contains(project.Id))
            && (TypeKeys.Count == 0 || TypeKeys.Contains(project.ProjectTypeKey))
            && Statuses.Contains(project.Archived ? "archived" : "live")
            && (Query.Length == 0
                || project.Key.Contains(Query, StringComparison.OrdinalIgnoreCase)
                || project.Name.Contains(Query, StringComparison.OrdinalIgnoreCase))
            && Allowed(site, user, project);

        private bool Allowed(Site site, User? user, Project project) => Action switch
        {
            "browse" => PermissionService.Has(site, user, project, Permissions.BrowseProjects),
            "edit" => ProjectAccess.CanAdminister(site, user, project),
            "create" => PermissionService.Has(site, user, project, Permissions.CreateIssues),
            // Archived projects are listed (status=archived) to those who could view them when live.
            _ => project.Archived
                ? PermissionService.Has(site, user, project, Permissions.BrowseProjects) || ProjectAccess.CanAdminister(site, user, project)
                : ProjectAccess.CanView(site, user, project),
        };

        private static Parsed<ProjectFilter> Fail(string message) =>
            Parsed<ProjectFilter>.Fail(JiraResults.Error(StatusCodes.Status400BadRequest, message));
    }
}
