using System.Globalization;
using System.Text.Json;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.SiteDirectory;

/// <summary>
/// Priorities (/priority, paged /priority/search on Cloud and /priority/page on Data Center, /priority/{id}),
/// issue types (only those of browsable projects unless the caller administers Jira), resolutions and
/// status categories.
/// </summary>
internal static class ConstantEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        var prefix = api.Prefix;
        app.MapGet(prefix + "/priority", (HttpContext http, Site site) =>
            ListOf(http, site, api, s => s.Data.Priorities, WriteFullPriority));
        app.MapGet(prefix + (api.IsCloud ? "/priority/search" : "/priority/page"), (HttpContext http, Site site) =>
            PriorityPage(http, site, api));
        app.MapGet(prefix + "/priority/{id}", (HttpContext http, Site site, string id) =>
            One(http, site, api, s => s.Priority(id), WriteFullPriority, $"The priority with id '{id}' does not exist."));

        app.MapGet(prefix + "/issuetype", (HttpContext http, Site site) =>
            ListOf(http, site, api, s => VisibleIssueTypes(s, http.Caller().User), EntityWriter.WriteIssueType));
        app.MapGet(prefix + "/issuetype/{id}", (HttpContext http, Site site, string id) =>
            api.IsCloud && !id.All(char.IsAsciiDigit)
                ? JiraResults.Error(StatusCodes.Status400BadRequest, $"The issue type id '{id}' is not valid.")
                : One(http, site, api, s => VisibleIssueTypes(s, http.Caller().User).FirstOrDefault(t => t.Id == id),
                    EntityWriter.WriteIssueType, $"The issue type with id '{id}' does not exist."));

        app.MapGet(prefix + "/resolution", (HttpContext http, Site site) =>
            ListOf(http, site, api, s => s.Data.Resolutions, EntityWriter.WriteResolution));
        app.MapGet(prefix + "/resolution/{id}", (HttpContext http, Site site, string id) =>
            One(http, site, api, s => s.Resolution(id), EntityWriter.WriteResolution, $"The resolution with id '{id}' does not exist."));

        app.MapGet(prefix + "/statuscategory", (HttpContext http, Site site) =>
            ListOf(http, site, api, _ => ConstantWriter.CategoryKeys, EntityWriter.WriteStatusCategory));
        app.MapGet(prefix + "/statuscategory/{idOrKey}", (HttpContext http, Site site, string idOrKey) =>
            One(http, site, api,
                _ => ConstantWriter.CategoryKeys.FirstOrDefault(k => k == idOrKey
                    || StatusCategories.Describe(k).Id.ToString(CultureInfo.InvariantCulture) == idOrKey),
                EntityWriter.WriteStatusCategory, $"The status category with id or key '{idOrKey}' does not exist."));
    }

    /// <summary>Administrators see every issue type; everyone else those of the projects they may browse.</summary>
    public static IReadOnlyList<IssueTypeDef> VisibleIssueTypes(Site site, User? user)
    {
        if (PermissionService.IsAdmin(site, user))
        {
            return site.Data.IssueTypes;
        }
        var ids = site.Projects.Where(p => PermissionService.CanBrowse(site, user, p)).SelectMany(p => p.IssueTypeIds).ToHashSet();
        return [.. site.Data.IssueTypes.Where(t => ids.Contains(t.Id))];
    }

    public static IResult ListOf<T>(HttpContext http, Site site, ApiVersionContext api, Func<Site, IEnumerable<T>> items,
        Action<Utf8JsonWriter, RenderContext, T> write) => site.Read(s =>
        {
            var rc = RenderContext.For(http, s, api.Version);
            var list = items(s).ToList();
            return JiraResults.Json(w =>
            {
                w.WriteStartArray();
                foreach (var item in list)
                {
                    write(w, rc, item);
                }
                w.WriteEndArray();
            });
        });

    public static IResult One<T>(HttpContext http, Site site, ApiVersionContext api, Func<Site, T?> find,
        Action<Utf8JsonWriter, RenderContext, T> write, string notFound) where T : class => site.Read(s =>
        {
            var item = find(s);
            if (item is null)
            {
                return JiraResults.Error(StatusCodes.Status404NotFound, notFound);
            }
            var rc = RenderContext.For(http, s, api.Version);
            return JiraResults.Json(w => write(w, rc, item));
        });

    /// <summary>Cloud /priority/search (id, projectId, priorityName, onlyDefault; 50 a page) or DC /priority/page (query; 100).</summary>
    private static IResult PriorityPage(HttpContext http, Site site, ApiVersionContext api)
    {
        var request = http.Request;
        var page = PageRequest.Read(request, api.IsCloud ? 50 : 100, 1000);
        if (!page.IsOk)
        {
            return page.Error!;
        }
        var onlyDefault = RequestReading.QueryBool(request, "onlyDefault", false);
        if (!onlyDefault.IsOk)
        {
            return onlyDefault.Error!;
        }
        var ids = RequestReading.QueryList(request, "id").ToHashSet(StringComparer.Ordinal);
        var name = request.Query[api.IsCloud ? "priorityName" : "query"].ToString();
        return site.Read(s =>
        {
            // Every project uses the site's one priority scheme, so projectId/projectIds filter nothing out.
            var matching = s.Data.Priorities.Where(p =>
                (ids.Count == 0 || ids.Contains(p.Id))
                && (name.Length == 0 || p.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
                && (!onlyDefault.Value || p.IsDefault)).ToList();
            var rc = RenderContext.For(http, s, api.Version);
            return Paging.PageBean(request, rc, page.Value, matching, (w, p) => EntityWriter.WritePriority(w, rc, p, full: true));
        });
    }

    private static void WriteFullPriority(System.Text.Json.Utf8JsonWriter w, RenderContext rc, PriorityDef priority) =>
        EntityWriter.WritePriority(w, rc, priority, full: true);
}
