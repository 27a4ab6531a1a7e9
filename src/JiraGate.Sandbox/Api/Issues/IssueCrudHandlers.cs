using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.Issues;

/// <summary>GET, POST (create), PUT (edit) and DELETE of /issue/{issueIdOrKey}.</summary>
internal static class IssueCrudHandlers
{
    public static IResult Get(HttpContext http, Site site, ApiVersionContext api, string issueIdOrKey)
    {
        var request = http.Request;
        foreach (var flag in (ReadOnlySpan<string>)["fieldsByKeys", "updateHistory", "failFast"])
        {
            if (RequestReading.QueryBool(request, flag, false) is { IsOk: false } bad)
            {
                return bad.Error!;
            }
        }
        var fields = FieldSelection.Parse(RequestReading.QueryList(request, "fields"), FieldSelection.All);
        var expand = RequestReading.QueryList(request, "expand");
        var properties = RequestReading.QueryList(request, "properties");
        return site.Read(s =>
        {
            var issue = IssueHttp.FindBrowsable(s, http.Caller().User, issueIdOrKey);
            if (issue is null)
            {
                return JiraResults.IssueNotFound();
            }
            var rc = IssueHttp.Render(http, s, api);
            return IssueHttp.Rendered(w => IssueView.Write(w, rc, issue, fields, expand, IssueHttp.PropertyKeys(issue, properties)));
        });
    }

    public static async Task<IResult> Create(HttpContext http, Site site, ApiVersionContext api)
    {
        if (RequestReading.QueryBool(http.Request, "updateHistory", false) is { IsOk: false } bad)
        {
            return bad.Error!;
        }
        var body = await RequestReading.ReadJsonObjectAsync(http);
        if (!body.IsOk)
        {
            return body.Error!;
        }
        var caller = http.Caller().User;
        if (caller is null)
        {
            return JiraResults.Unauthorized();
        }
        return site.Write(s =>
        {
            var rc = IssueHttp.Render(http, s, api);
            var outcome = IssueCreation.Create(rc, caller, body.Value!);
            if (!outcome.Succeeded)
            {
                return JiraResults.FieldErrors(StatusCodes.Status400BadRequest, outcome.Errors, [.. outcome.ErrorMessages]);
            }
            return IssueHttp.Rendered(w => WriteCreated(w, rc, outcome), StatusCodes.Status201Created);
        });
    }

    /// <summary>CreatedIssue: {id, key, self} (+ transition result when one was requested).</summary>
    public static void WriteCreated(System.Text.Json.Utf8JsonWriter w, RenderContext rc, CreateOutcome outcome)
    {
        var issue = outcome.Issue!;
        w.WriteStartObject();
        w.WriteString("id", IssueWriter.Id(issue.Id));
        w.WriteString("key", issue.Key);
        w.WriteString("self", rc.Self($"{rc.Api}/issue/{issue.Id}"));
        if (outcome.Transition is { } transition)
        {
            w.WritePropertyName("transition");
            transition.WriteTo(w);
        }
        w.WriteEndObject();
    }

    public static async Task<IResult> Edit(HttpContext http, Site site, ApiVersionContext api, string issueIdOrKey)
    {
        var request = http.Request;
        var notify = RequestReading.QueryBool(request, "notifyUsers", true);
        var overrideScreen = RequestReading.QueryBool(request, "overrideScreenSecurity", false);
        var overrideEditable = RequestReading.QueryBool(request, "overrideEditableFlag", false);
        var returnIssue = RequestReading.QueryBool(request, "returnIssue", false);
        foreach (var p in new[] { notify, overrideScreen, overrideEditable, returnIssue })
        {
            if (!p.IsOk)
            {
                return p.Error!;
            }
        }
        var expand = RequestReading.QueryList(request, "expand");
        var body = await RequestReading.ReadJsonObjectAsync(http);
        if (!body.IsOk)
        {
            return body.Error!;
        }
        var caller = http.Caller();
        return site.Write(s =>
        {
            var issue = IssueHttp.FindBrowsable(s, caller.User, issueIdOrKey);
            if (issue is null)
            {
                return JiraResults.IssueNotFound();
            }
            if (api.IsCloud && (overrideScreen.Value || overrideEditable.Value) && !IssueHttp.MayOverride(s, caller))
            {
                return JiraResults.Error(StatusCodes.Status403Forbidden, IssueMessages.OverrideNeedsApp);
            }
            // Cloud ignores notifyUsers=false from non-admins; Data Center refuses it.
            if (!api.IsCloud && !notify.Value && !PermissionService.IsAdmin(s, caller.User)
                && !PermissionService.Has(s, caller.User, s.ProjectOf(issue), Permissions.AdministerProjects))
            {
                return JiraResults.Error(StatusCodes.Status403Forbidden, IssueMessages.NotifyUsersNeedsAdmin);
            }
            var rc = IssueHttp.Render(http, s, api);
            var outcome = IssueUpdate.Edit(rc, caller.User!, issue, body.Value!);
            if (!outcome.Succeeded || !returnIssue.Value || !api.IsCloud)
            {
                return IssueHttp.Result(outcome);
            }
            return IssueHttp.Rendered(w => IssueView.Write(w, rc, issue, FieldSelection.All, expand, null));
        });
    }

    public static IResult Delete(HttpContext http, Site site, ApiVersionContext api, string issueIdOrKey)
    {
        var deleteSubtasks = RequestReading.QueryBool(http.Request, "deleteSubtasks", false);
        var caller = http.Caller().User;
        return site.Write(s =>
        {
            var issue = IssueHttp.FindBrowsable(s, caller, issueIdOrKey);
            if (issue is null)
            {
                return JiraResults.IssueNotFound();
            }
            if (!deleteSubtasks.IsOk)
            {
                return deleteSubtasks.Error!;
            }
            return IssueHttp.Result(IssueUpdate.Delete(IssueHttp.Render(http, s, api), caller!, issue, deleteSubtasks.Value));
        });
    }
}
