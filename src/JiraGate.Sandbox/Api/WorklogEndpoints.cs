using System.Globalization;
using JiraGate.Sandbox.Api.Children;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api;

/// <summary>
/// Issue worklogs: list (legacy page, oldest first), get, add, update, delete, with the issue's remaining
/// estimate adjusted as <c>adjustEstimate</c> says. Restricted worklogs are invisible to non-members.
/// </summary>
internal static class WorklogEndpoints
{
    /// <summary>Cloud's default and largest page of worklogs.</summary>
    public const int MaxPage = 5000;

    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        var issue = api.Prefix + "/issue/{issueIdOrKey}/worklog";
        app.MapGet(issue, (HttpContext http, Site site, string issueIdOrKey) => List(http, site, api, issueIdOrKey));
        app.MapPost(issue, (HttpContext http, Site site, string issueIdOrKey) => WorklogWrites.AddAsync(http, site, api, issueIdOrKey));
        app.MapGet(issue + "/{id}", (HttpContext http, Site site, string issueIdOrKey, string id) => Get(http, site, api, issueIdOrKey, id));
        app.MapPut(issue + "/{id}", (HttpContext http, Site site, string issueIdOrKey, string id) => WorklogWrites.UpdateAsync(http, site, api, issueIdOrKey, id));
        app.MapDelete(issue + "/{id}", (HttpContext http, Site site, string issueIdOrKey, string id) => WorklogWrites.Delete(http, site, api, issueIdOrKey, id));
    }

    /// <summary>The worklog if it is on the issue and the caller may see it.</summary>
    public static Worklog? VisibleWorklog(Site site, User? user, Issue issue, string rawId)
    {
        if (!ChildAccess.TryChildId(rawId, out var id))
        {
            return null;
        }
        var worklog = issue.Worklogs.FirstOrDefault(w => w.Id == id);
        return worklog is not null && CommentVisibility.CanSee(site, user, site.ProjectOf(issue), worklog.Visibility) ? worklog : null;
    }

    private static IResult List(HttpContext http, Site site, ApiVersionContext api, string issueIdOrKey)
    {
        var query = http.Request.Query;
        // Cloud answers 404 (not 400) for non-numeric paging values; Data Center has no paging here and returns all.
        if (!TryQueryLong(query["startAt"], 0, out var startAt) || startAt < 0
            || !TryQueryLong(query["maxResults"], MaxPage, out var maxResults) || maxResults < 0)
        {
            return JiraResults.Error(StatusCodes.Status404NotFound, "The startAt and maxResults parameters must be non-negative whole numbers.");
        }
        if (!TryQueryLong(query["startedAfter"], long.MinValue, out var after) || !TryQueryLong(query["startedBefore"], long.MaxValue, out var before))
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, "startedAfter and startedBefore must be UNIX timestamps in milliseconds.");
        }
        var rc = RenderContext.For(http, site, api.Version);
        return site.Read(s =>
        {
            var issue = ChildAccess.BrowsableIssue(s, rc.Caller.User, issueIdOrKey);
            if (issue is null)
            {
                return JiraResults.IssueNotFound();
            }
            var project = s.ProjectOf(issue);
            var visible = issue.Worklogs
                .Where(w => CommentVisibility.CanSee(s, rc.Caller.User, project, w.Visibility))
                .Where(w => w.Started.ToUnixTimeMilliseconds() >= after && w.Started.ToUnixTimeMilliseconds() < before)
                .OrderBy(w => w.Created).ThenBy(w => w.Id)
                .ToList();
            if (!api.IsCloud)
            {
                return JiraResults.Json(w => ChildWriter.WritePage(w, "worklogs", 0, visible.Count, visible.Count, visible,
                    (pw, wl) => IssueWriter.WriteWorklog(pw, rc, issue, wl)));
            }
            var size = (int)Math.Min(maxResults, MaxPage);
            var page = visible.Skip((int)Math.Min(startAt, int.MaxValue)).Take(size);
            return JiraResults.Json(w => ChildWriter.WritePage(w, "worklogs", startAt, size, visible.Count, page,
                (pw, wl) => IssueWriter.WriteWorklog(pw, rc, issue, wl)));
        });
    }

    private static IResult Get(HttpContext http, Site site, ApiVersionContext api, string issueIdOrKey, string id)
    {
        var rc = RenderContext.For(http, site, api.Version);
        return site.Read(s =>
        {
            var issue = ChildAccess.BrowsableIssue(s, rc.Caller.User, issueIdOrKey);
            if (issue is null)
            {
                return JiraResults.IssueNotFound();
            }
            var worklog = VisibleWorklog(s, rc.Caller.User, issue, id);
            return worklog is null
                ? ChildAccess.WorklogNotFound(id)
                : JiraResults.Json(w => IssueWriter.WriteWorklog(w, rc, issue, worklog));
        });
    }

    private static bool TryQueryLong(Microsoft.Extensions.Primitives.StringValues raw, long fallback, out long value)
    {
        var text = raw.ToString();
        if (text.Length == 0)
        {
            value = fallback;
            return true;
        }
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }
}
