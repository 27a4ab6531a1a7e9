using System.Globalization;
using System.Text.Json;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.SiteDirectory;

/// <summary>
/// A project's components and versions: the plain arrays (/components, /versions) and the paged
/// PageBeans (/component on Cloud only, /version on both).
/// </summary>
internal static class ProjectChildrenEndpoints
{
    private static readonly string[] ComponentOrderFields = ["description", "issueCount", "lead", "name"];
    private static readonly string[] VersionOrderFields = ["description", "name", "releaseDate", "sequence", "startDate"];
    private static readonly string[] VersionStatuses = ["released", "unreleased", "archived"];

    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        var prefix = api.Prefix + "/project/{projectIdOrKey}";
        app.MapGet(prefix + "/components", (HttpContext http, Site site, string projectIdOrKey) =>
            WithProject(http, site, api, projectIdOrKey, (rc, project) => JiraResults.Json(w =>
            {
                w.WriteStartArray();
                foreach (var component in project.Components)
                {
                    EntityWriter.WriteComponent(w, rc, project, component);
                }
                w.WriteEndArray();
            })));
        app.MapGet(prefix + "/versions", (HttpContext http, Site site, string projectIdOrKey) =>
            WithProject(http, site, api, projectIdOrKey, (rc, project) => JiraResults.Json(w =>
            {
                w.WriteStartArray();
                foreach (var version in project.Versions)
                {
                    EntityWriter.WriteVersion(w, rc, project, version);
                }
                w.WriteEndArray();
            })));
        if (api.IsCloud)
        {
            app.MapGet(prefix + "/component", (HttpContext http, Site site, string projectIdOrKey) =>
                ComponentPage(http, site, api, projectIdOrKey));
        }
        app.MapGet(prefix + "/version", (HttpContext http, Site site, string projectIdOrKey) =>
            VersionPage(http, site, api, projectIdOrKey));
    }

    /// <summary>Runs <paramref name="answer"/> for a project the caller may view, inside a site read.</summary>
    public static IResult WithProject(HttpContext http, Site site, ApiVersionContext api, string projectIdOrKey,
        Func<RenderContext, Project, IResult> answer) => site.Read(s =>
        {
            var project = ProjectAccess.Find(s, http.Caller().User, projectIdOrKey, out var notFound);
            return project is null ? notFound! : answer(RenderContext.For(http, s, api.Version), project);
        });

    private static IResult ComponentPage(HttpContext http, Site site, ApiVersionContext api, string projectIdOrKey)
    {
        var request = http.Request;
        var page = PageRequest.Read(request, 50, 1000);
        if (!page.IsOk)
        {
            return page.Error!;
        }
        var order = OrderBy.Read(request, "name", ComponentOrderFields);
        if (!order.IsOk)
        {
            return order.Error!;
        }
        var query = request.Query["query"].ToString();
        return WithProject(http, site, api, projectIdOrKey, (rc, project) =>
        {
            var counts = project.Components.ToDictionary(c => c.Id,
                c => rc.Site.Issues.Count(i => i.ProjectId == project.Id && i.ComponentIds.Contains(c.Id)));
            var matching = project.Components.Where(c => query.Length == 0
                || c.Name.Contains(query, StringComparison.OrdinalIgnoreCase)
                || c.Description.Contains(query, StringComparison.OrdinalIgnoreCase));
            var o = order.Value;
            var sorted = (o.Field switch
            {
                "description" => o.Apply(matching, c => c.Description, StringComparer.OrdinalIgnoreCase),
                "issueCount" => o.Apply(matching, c => counts[c.Id]),
                "lead" => o.Apply(matching, c => rc.Site.UserByAccountId(c.LeadAccountId)?.Name ?? "", StringComparer.OrdinalIgnoreCase),
                _ => o.Apply(matching, c => c.Name, StringComparer.OrdinalIgnoreCase),
            }).ToList();
            return Paging.PageBean(request, rc, page.Value, sorted, (w, c) => WriteComponentWithCount(w, rc, project, c, counts[c.Id]));
        });
    }

    private static IResult VersionPage(HttpContext http, Site site, ApiVersionContext api, string projectIdOrKey)
    {
        var request = http.Request;
        var page = PageRequest.Read(request, 50, 1000);
        if (!page.IsOk)
        {
            return page.Error!;
        }
        var order = OrderBy.Read(request, "sequence", VersionOrderFields);
        if (!order.IsOk)
        {
            return order.Error!;
        }
        var statuses = RequestReading.QueryList(request, "status");
        if (statuses.FirstOrDefault(s => !VersionStatuses.Contains(s, StringComparer.OrdinalIgnoreCase)) is { } bad)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest,
                $"Invalid status '{bad}'. Valid values are: released, unreleased, archived.");
        }
        var query = request.Query["query"].ToString();
        return WithProject(http, site, api, projectIdOrKey, (rc, project) =>
        {
            var matching = project.Versions.Where(v =>
                (statuses.Count == 0 || statuses.Any(s => HasStatus(v, s)))
                && (query.Length == 0
                    || v.Name.Contains(query, StringComparison.OrdinalIgnoreCase)
                    || v.Description.Contains(query, StringComparison.OrdinalIgnoreCase)));
            var o = order.Value;
            var sequence = project.Versions.Select((v, i) => (v.Id, i)).ToDictionary(x => x.Id, x => x.i);
            // Versions without a date sort last, as Jira documents for releaseDate.
            var sorted = (o.Field switch
            {
                "description" => o.Apply(matching, v => v.Description, StringComparer.OrdinalIgnoreCase),
                "name" => o.Apply(matching, v => v.Name, StringComparer.OrdinalIgnoreCase),
                "releaseDate" => o.Apply(matching, v => v.ReleaseDate ?? DateOnly.MaxValue),
                "startDate" => o.Apply(matching, v => v.StartDate ?? DateOnly.MaxValue),
                _ => o.Apply(matching, v => sequence[v.Id]),
            }).ToList();
            return Paging.PageBean(request, rc, page.Value, sorted, (w, v) => EntityWriter.WriteVersion(w, rc, project, v));
        });
    }

    private static bool HasStatus(ProjectVersion version, string status) => status.ToLowerInvariant() switch
    {
        "released" => version.Released && !version.Archived,
        "unreleased" => !version.Released && !version.Archived,
        _ => version.Archived,
    };

    /// <summary>ComponentWithIssueCount: the paged component shape (no <c>leadAccountId</c>, plus issueCount).</summary>
    private static void WriteComponentWithCount(Utf8JsonWriter w, RenderContext rc, Project project, Component component, int issueCount)
    {
        w.WriteStartObject();
        w.WriteString("self", rc.Self($"{rc.Api}/component/{component.Id}"));
        w.WriteString("id", component.Id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("name", component.Name);
        w.WriteString("description", component.Description);
        if (rc.Site.UserByAccountId(component.LeadAccountId) is { } lead)
        {
            w.WritePropertyName("lead");
            EntityWriter.WriteUser(w, rc, lead);
        }
        w.WriteString("assigneeType", "PROJECT_DEFAULT");
        w.WriteString("realAssigneeType", "PROJECT_DEFAULT");
        w.WriteBoolean("isAssigneeTypeValid", false);
        w.WriteNumber("issueCount", issueCount);
        w.WriteString("project", project.Key);
        w.WriteNumber("projectId", project.Id);
        w.WriteEndObject();
    }
}
