using JiraGate.Sandbox.Api.Children;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api;

/// <summary>
/// Issue comments: list (legacy page), get, add, update, delete. Bodies are ADF on v3 and wiki markup on v2;
/// comments restricted to a group or role are invisible (absent from lists, 404 alone) to non-members.
/// </summary>
internal static class CommentEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        var issue = api.Prefix + "/issue/{issueIdOrKey}/comment";
        app.MapGet(issue, (HttpContext http, Site site, string issueIdOrKey) => List(http, site, api, issueIdOrKey));
        app.MapPost(issue, (HttpContext http, Site site, string issueIdOrKey) => CommentWrites.AddAsync(http, site, api, issueIdOrKey));
        app.MapGet(issue + "/{id}", (HttpContext http, Site site, string issueIdOrKey, string id) => Get(http, site, api, issueIdOrKey, id));
        app.MapPut(issue + "/{id}", (HttpContext http, Site site, string issueIdOrKey, string id) => CommentWrites.UpdateAsync(http, site, api, issueIdOrKey, id));
        app.MapDelete(issue + "/{id}", (HttpContext http, Site site, string issueIdOrKey, string id) => CommentWrites.Delete(http, site, api, issueIdOrKey, id));
    }

    /// <summary>Whether <c>expand</c> asks for <c>renderedBody</c>.</summary>
    public static bool WantsRenderedBody(HttpRequest request) =>
        RequestReading.QueryList(request, "expand").Contains("renderedBody", StringComparer.Ordinal);

    /// <summary>The comment if it is on the issue and the caller may see it.</summary>
    public static Comment? VisibleComment(Site site, User? user, Issue issue, string rawId)
    {
        if (!ChildAccess.TryChildId(rawId, out var id))
        {
            return null;
        }
        var comment = issue.Comments.FirstOrDefault(c => c.Id == id);
        return comment is not null && CommentVisibility.CanSee(site, user, site.ProjectOf(issue), comment) ? comment : null;
    }

    private static IResult List(HttpContext http, Site site, ApiVersionContext api, string issueIdOrKey)
    {
        var request = http.Request;
        var startAt = RequestReading.QueryInt(request, "startAt", 0);
        if (!startAt.IsOk)
        {
            return startAt.Error!;
        }
        // Cloud pages 100 comments by default; Data Center documents 50.
        var maxResults = RequestReading.QueryInt(request, "maxResults", api.IsCloud ? 100 : 50);
        if (!maxResults.IsOk)
        {
            return maxResults.Error!;
        }
        var orderBy = request.Query["orderBy"].ToString();
        if (orderBy is not ("" or "created" or "+created" or "-created"))
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest,
                $"The orderBy value '{orderBy}' is not supported. Comments can only be ordered by created, +created or -created.");
        }
        var rendered = WantsRenderedBody(request);
        var rc = RenderContext.For(http, site, api.Version);
        return site.Read(s =>
        {
            var issue = ChildAccess.BrowsableIssue(s, rc.Caller.User, issueIdOrKey);
            if (issue is null)
            {
                return JiraResults.IssueNotFound();
            }
            var project = s.ProjectOf(issue);
            var visible = issue.Comments.Where(c => CommentVisibility.CanSee(s, rc.Caller.User, project, c));
            var ordered = orderBy == "-created"
                ? visible.OrderByDescending(c => c.Created).ThenByDescending(c => c.Id).ToList()
                : [.. visible.OrderBy(c => c.Created).ThenBy(c => c.Id)];
            var page = ordered.Skip(startAt.Value).Take(maxResults.Value);
            return JiraResults.Json(w => ChildWriter.WritePage(w, "comments", startAt.Value, maxResults.Value, ordered.Count, page,
                (pw, c) => ChildWriter.WriteComment(pw, rc, issue, c, rendered)));
        });
    }

    private static IResult Get(HttpContext http, Site site, ApiVersionContext api, string issueIdOrKey, string id)
    {
        var rendered = WantsRenderedBody(http.Request);
        var rc = RenderContext.For(http, site, api.Version);
        return site.Read(s =>
        {
            var issue = ChildAccess.BrowsableIssue(s, rc.Caller.User, issueIdOrKey);
            if (issue is null)
            {
                return JiraResults.IssueNotFound();
            }
            var comment = VisibleComment(s, rc.Caller.User, issue, id);
            return comment is null
                ? ChildAccess.CommentNotFound(id)
                : JiraResults.Json(w => ChildWriter.WriteComment(w, rc, issue, comment, rendered));
        });
    }
}
