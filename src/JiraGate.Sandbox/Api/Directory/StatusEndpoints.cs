using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.SiteDirectory;

/// <summary>
/// Statuses: /status and /status/{idOrName} list what the caller's browsable projects' workflows use; Data
/// Center pages them at /status/page. Cloud's admin /statuses/search and /statuses?id= need Administer Jira or
/// Administer Projects and, as their spec says, answer 401 to anyone else.
/// </summary>
internal static class StatusEndpoints
{
    private const string AdminOnly = "You are not authorized to perform this action. Administrator privileges are required.";
    private static readonly string[] JiraStatusCategories = ["TODO", "IN_PROGRESS", "DONE"];

    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        var prefix = api.Prefix;
        app.MapGet(prefix + "/status", (HttpContext http, Site site) =>
            ConstantEndpoints.ListOf(http, site, api, s => Visible(s, http.Caller().User), EntityWriter.WriteStatus));
        app.MapGet(prefix + "/status/{idOrName}", (HttpContext http, Site site, string idOrName) =>
            ConstantEndpoints.One(http, site, api,
                s => Visible(s, http.Caller().User).FirstOrDefault(x => x.Id == idOrName)
                    ?? Visible(s, http.Caller().User).FirstOrDefault(x => string.Equals(x.Name, idOrName, StringComparison.OrdinalIgnoreCase)),
                EntityWriter.WriteStatus, $"The status with id '{idOrName}' does not exist."));
        if (api.IsCloud)
        {
            app.MapGet(prefix + "/statuses/search", (HttpContext http, Site site) => Search(http, site, api));
            app.MapGet(prefix + "/statuses", (HttpContext http, Site site) => ById(http, site));
        }
        else
        {
            app.MapGet(prefix + "/status/page", (HttpContext http, Site site) => DataCenterPage(http, site, api));
        }
    }

    /// <summary>Statuses of the workflows of the given projects, in the site's status order.</summary>
    private static List<StatusDef> StatusesOf(Site site, IEnumerable<Project> projects, ISet<string>? issueTypeIds = null)
    {
        var workflowIds = projects.SelectMany(p => (issueTypeIds is null ? p.IssueTypeIds : p.IssueTypeIds.Where(issueTypeIds.Contains))
            .Select(p.WorkflowIdFor).Append(issueTypeIds is null ? p.DefaultWorkflowId : -1)).ToHashSet();
        var statusIds = site.Data.Workflows.Where(wf => workflowIds.Contains(wf.Id)).SelectMany(wf => wf.StatusIds).ToHashSet();
        return [.. site.Data.Statuses.Where(s => statusIds.Contains(s.Id))];
    }

    private static List<StatusDef> Visible(Site site, User? user) =>
        StatusesOf(site, site.Projects.Where(p => PermissionService.IsAdmin(site, user) || PermissionService.CanBrowse(site, user, p)));

    private static bool IsConfigAdmin(Site site, User? user) =>
        PermissionService.IsAdmin(site, user) || site.Projects.Any(p => PermissionService.Has(site, user, p, Permissions.AdministerProjects));

    private static IResult Search(HttpContext http, Site site, ApiVersionContext api)
    {
        var request = http.Request;
        var page = PageRequest.Read(request, 200, 1000);
        if (!page.IsOk)
        {
            return page.Error!;
        }
        var searchString = request.Query["searchString"].ToString();
        if (searchString.Length > 255)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, "The searchString must be 255 characters or fewer.");
        }
        var category = request.Query["statusCategory"].ToString();
        if (category.Length > 0 && !JiraStatusCategories.Contains(category, StringComparer.Ordinal))
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, $"Invalid statusCategory '{category}'. Valid values are: TODO, IN_PROGRESS, DONE.");
        }
        var projectId = request.Query["projectId"].ToString();
        return site.Read(s =>
        {
            if (!IsConfigAdmin(s, http.Caller().User))
            {
                return JiraResults.Error(StatusCodes.Status401Unauthorized, AdminOnly);
            }
            // Every status of the site is global; a project scope holds none.
            var matching = projectId.Length > 0
                ? []
                : s.Data.Statuses.Where(x =>
                    (searchString.Length == 0 || x.Name.Contains(searchString, StringComparison.OrdinalIgnoreCase))
                    && (category.Length == 0 || ConstantWriter.JiraStatusCategory(x.CategoryKey) == category)).ToList();
            var rc = RenderContext.For(http, s, api.Version);
            return Paging.PageBean(request, rc, page.Value, matching, (w, x) => ConstantWriter.WriteJiraStatus(w, x));
        });
    }

    private static IResult ById(HttpContext http, Site site)
    {
        var ids = RequestReading.QueryList(http.Request, "id").Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count is 0 or > 50)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, "Between 1 and 50 status ids must be given in the 'id' parameter.");
        }
        return site.Read(s =>
        {
            if (!IsConfigAdmin(s, http.Caller().User))
            {
                return JiraResults.Error(StatusCodes.Status401Unauthorized, AdminOnly);
            }
            var found = ids.Select(s.Status).OfType<StatusDef>().ToList();
            return JiraResults.Json(w =>
            {
                w.WriteStartArray();
                foreach (var status in found)
                {
                    ConstantWriter.WriteJiraStatus(w, status);
                }
                w.WriteEndArray();
            });
        });
    }

    private static IResult DataCenterPage(HttpContext http, Site site, ApiVersionContext api)
    {
        var request = http.Request;
        var page = PageRequest.Read(request, 100, 1000);
        if (!page.IsOk)
        {
            return page.Error!;
        }
        var query = request.Query["query"].ToString();
        var projectIds = RequestReading.QueryList(request, "projectIds").ToHashSet(StringComparer.Ordinal);
        var issueTypeIds = RequestReading.QueryList(request, "issueTypeIds").ToHashSet(StringComparer.Ordinal);
        return site.Read(s =>
        {
            var user = http.Caller().User;
            var projects = s.Projects.Where(p => (PermissionService.IsAdmin(s, user) || PermissionService.CanBrowse(s, user, p))
                && (projectIds.Count == 0 || projectIds.Contains(p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            var matching = StatusesOf(s, projects, issueTypeIds.Count == 0 ? null : issueTypeIds)
                .Where(x => query.Length == 0 || x.Name.Contains(query, StringComparison.OrdinalIgnoreCase)).ToList();
            var rc = RenderContext.For(http, s, api.Version);
            return Paging.PageBean(request, rc, page.Value, matching, (w, x) => EntityWriter.WriteStatus(w, rc, x));
        });
    }
}
