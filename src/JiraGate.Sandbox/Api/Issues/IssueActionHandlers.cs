using System.Globalization;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.Issues;

/// <summary>Transitions (list and perform), assignee, and the paged changelog.</summary>
internal static class IssueActionHandlers
{
    public const int ChangelogPageMax = 100;

    public static IResult GetTransitions(HttpContext http, Site site, ApiVersionContext api, string issueIdOrKey)
    {
        var request = http.Request;
        var includeUnavailable = RequestReading.QueryBool(request, "includeUnavailableTransitions", false);
        foreach (var p in new[] { includeUnavailable, RequestReading.QueryBool(request, "skipRemoteOnlyCondition", false), RequestReading.QueryBool(request, "sortByOpsBarAndStatus", false) })
        {
            if (!p.IsOk)
            {
                return p.Error!;
            }
        }
        var includeFields = RequestReading.QueryList(request, "expand").Contains("transitions.fields");
        var transitionId = request.Query["transitionId"].ToString();
        return site.Read(s =>
        {
            var issue = IssueHttp.FindBrowsable(s, http.Caller().User, issueIdOrKey);
            if (issue is null)
            {
                return JiraResults.IssueNotFound();
            }
            var rc = IssueHttp.Render(http, s, api);
            var transitions = IssueTransitions.Visible(s, rc.Caller.User, issue, includeUnavailable.Value)
                .Where(t => transitionId.Length == 0 || t.Transition.Id == transitionId)
                .ToList();
            return IssueHttp.Rendered(w =>
            {
                w.WriteStartObject();
                w.WriteString("expand", "transitions");
                w.WriteStartArray("transitions");
                foreach (var (t, available) in transitions)
                {
                    IssueTransitions.Write(w, rc, issue, t, available, includeFields);
                }
                w.WriteEndArray();
                w.WriteEndObject();
            });
        });
    }

    public static async Task<IResult> DoTransition(HttpContext http, Site site, ApiVersionContext api, string issueIdOrKey)
    {
        var body = await RequestReading.ReadJsonObjectAsync(http);
        if (!body.IsOk)
        {
            return body.Error!;
        }
        var caller = http.Caller().User;
        return site.Write(s =>
        {
            var issue = IssueHttp.FindBrowsable(s, caller, issueIdOrKey);
            return issue is null
                ? JiraResults.IssueNotFound()
                : IssueHttp.Result(IssueTransitions.Perform(IssueHttp.Render(http, s, api), caller!, issue, body.Value!));
        });
    }

    public static async Task<IResult> Assign(HttpContext http, Site site, ApiVersionContext api, string issueIdOrKey)
    {
        var body = await RequestReading.ReadJsonAsync(http);
        if (!body.IsOk)
        {
            return body.Error!;
        }
        var caller = http.Caller().User;
        return site.Write(s =>
        {
            var issue = IssueHttp.FindBrowsable(s, caller, issueIdOrKey);
            return issue is null
                ? JiraResults.IssueNotFound()
                : IssueHttp.Result(IssueUpdate.Assign(IssueHttp.Render(http, s, api), caller!, issue, body.Value));
        });
    }

    /// <summary>PageBeanChangelog, oldest first; maxResults defaults to and is capped at 100.</summary>
    public static IResult GetChangelog(HttpContext http, Site site, ApiVersionContext api, string issueIdOrKey)
    {
        var startAt = RequestReading.QueryInt(http.Request, "startAt", 0);
        var maxResults = RequestReading.QueryInt(http.Request, "maxResults", ChangelogPageMax, 0, ChangelogPageMax);
        return site.Read(s =>
        {
            var issue = IssueHttp.FindBrowsable(s, http.Caller().User, issueIdOrKey);
            if (issue is null)
            {
                return JiraResults.IssueNotFound();
            }
            if (!startAt.IsOk || !maxResults.IsOk)
            {
                return startAt.Error ?? maxResults.Error!;
            }
            var rc = IssueHttp.Render(http, s, api);
            var total = issue.Changelog.Count;
            var page = issue.Changelog.Skip(startAt.Value).Take(maxResults.Value).ToList();
            var isLast = startAt.Value + page.Count >= total;
            string Url(int start) => rc.Self($"{rc.Api}/issue/{issue.Key}/changelog?startAt={start.ToString(CultureInfo.InvariantCulture)}&maxResults={maxResults.Value.ToString(CultureInfo.InvariantCulture)}");
            return IssueHttp.Rendered(w =>
            {
                w.WriteStartObject();
                w.WriteString("self", Url(startAt.Value));
                if (!isLast && page.Count > 0)
                {
                    w.WriteString("nextPage", Url(startAt.Value + page.Count));
                }
                w.WriteNumber("maxResults", maxResults.Value);
                w.WriteNumber("startAt", startAt.Value);
                w.WriteNumber("total", total);
                w.WriteBoolean("isLast", isLast);
                w.WriteStartArray("values");
                foreach (var group in page)
                {
                    IssueWriter.WriteChangeGroup(w, rc, group);
                }
                w.WriteEndArray();
                w.WriteEndObject();
            });
        });
    }

}
