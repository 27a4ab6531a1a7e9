using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.Agile;

/// <summary>
/// The Agile 1.0 sprint and issue-list routes: GET /sprint/{id}, and the offset-paged issue lists
/// (/sprint/{id}/issue, /board/{id}/issue, /board/{id}/backlog, /board/{id}/sprint/{sprintId}/issue) with
/// <c>{expand,startAt,maxResults,total,issues}</c>, issues in the REST v2 representation.
/// </summary>
internal static class AgileIssueRoutes
{
    public static IResult GetSprint(HttpContext http, Site site, long sprintId)
    {
        var user = http.Caller().User;
        var rc = RenderContext.For(http, site, 2);
        return site.Read(s => AgileAccess.VisibleSprint(s, user, sprintId) is { } sprint
            ? JiraResults.Json(w => EntityWriter.WriteSprint(w, rc, sprint))
            : AgileAccess.SprintNotFound());
    }

    public static IResult List(HttpContext http, Site site, AgileListKind kind, long id, long sprintId = 0)
    {
        var page = AgilePaging.Read(http.Request, AgilePaging.IssueCap(site.Flavor == SandboxFlavor.Cloud));
        if (!page.IsOk)
        {
            return page.Error!;
        }
        var query = AgileIssueQuery.Read(http.Request);
        if (!query.IsOk)
        {
            return query.Error!;
        }
        var q = query.Value!;
        var user = http.Caller().User;
        var rc = RenderContext.For(http, site, 2);
        return site.Read(s =>
        {
            var scope = AgileIssueScope.Resolve(s, user, kind, id, sprintId);
            if (!scope.IsOk)
            {
                return scope.Error!;
            }
            var jql = AgileJql.Compile(s, user, q.Jql, q.ValidateQuery);
            if (!jql.IsOk)
            {
                return jql.Error!;
            }
            var issues = scope.Value!.Issues(s, user, jql.Value?.Filter, jql.Value?.Order);
            var (items, isLast) = page.Value.Slice(issues);
            return JiraResults.Json(w =>
            {
                w.WriteStartObject();
                w.WriteString("expand", "schema,names");
                w.WriteNumber("startAt", page.Value.StartAt);
                w.WriteNumber("maxResults", page.Value.MaxResults);
                w.WriteNumber("total", issues.Count);
                // Recorded board issue lists carry isLast; sprint issue lists and the backlog do not.
                if (kind == AgileListKind.Board)
                {
                    w.WriteBoolean("isLast", isLast);
                }
                w.WriteStartArray("issues");
                foreach (var issue in items)
                {
                    AgileIssueWriter.Write(w, rc, issue, q.Fields, q.Expand, agileSelf: true);
                }
                w.WriteEndArray();
                w.WriteEndObject();
            });
        });
    }
}
