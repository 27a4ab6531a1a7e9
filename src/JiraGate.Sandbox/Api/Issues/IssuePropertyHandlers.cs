using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.Issues;

/// <summary>
/// Issue entity properties: list keys, get, set (201 created / 200 updated) and delete. Reading needs browse;
/// writing needs EDIT_ISSUES (403; a delete without it is 404 on Cloud, 403 on Data Center, as each documents).
/// </summary>
internal static class IssuePropertyHandlers
{
    public static IResult List(HttpContext http, Site site, ApiVersionContext api, string issueIdOrKey) => site.Read(s =>
    {
        var issue = IssueHttp.FindBrowsable(s, http.Caller().User, issueIdOrKey);
        if (issue is null)
        {
            return JiraResults.IssueNotFound();
        }
        var rc = IssueHttp.Render(http, s, api);
        return IssueHttp.Rendered(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("keys");
            foreach (var key in issue.Properties.Keys)
            {
                w.WriteStartObject();
                w.WriteString("self", rc.Self($"{rc.Api}/issue/{issue.Key}/properties/{Uri.EscapeDataString(key)}"));
                w.WriteString("key", key);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    });

    public static IResult Get(HttpContext http, Site site, string issueIdOrKey, string propertyKey) => site.Read(s =>
    {
        var issue = IssueHttp.FindBrowsable(s, http.Caller().User, issueIdOrKey);
        if (issue is null)
        {
            return JiraResults.IssueNotFound();
        }
        if (!issue.Properties.TryGetValue(propertyKey, out var value) || value is null)
        {
            return JiraResults.Error(StatusCodes.Status404NotFound, IssueMessages.PropertyNotFound(propertyKey));
        }
        return IssueHttp.Rendered(w =>
        {
            w.WriteStartObject();
            w.WriteString("key", propertyKey);
            w.WritePropertyName("value");
            value.WriteTo(w);
            w.WriteEndObject();
        });
    });

    public static async Task<IResult> Set(HttpContext http, Site site, string issueIdOrKey, string propertyKey)
    {
        var body = await RequestReading.ReadJsonAsync(http);
        var caller = http.Caller().User;
        return site.Write(s =>
        {
            var issue = IssueHttp.FindBrowsable(s, caller, issueIdOrKey);
            if (issue is null)
            {
                return JiraResults.IssueNotFound();
            }
            if (!PermissionService.Has(s, caller, issue, Permissions.EditIssues))
            {
                return JiraResults.Error(StatusCodes.Status403Forbidden, IssueMessages.NoEditPermission);
            }
            if (!body.IsOk)
            {
                return body.Error!;
            }
            var problem = IssueOperations.PropertyProblem(propertyKey, body.Value);
            if (problem is not null)
            {
                return JiraResults.Error(StatusCodes.Status400BadRequest, problem);
            }
            var created = !issue.Properties.ContainsKey(propertyKey);
            issue.Properties[propertyKey] = body.Value;
            return Results.StatusCode(created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        });
    }

    public static IResult Delete(HttpContext http, Site site, ApiVersionContext api, string issueIdOrKey, string propertyKey)
    {
        var caller = http.Caller().User;
        return site.Write(s =>
        {
            var issue = IssueHttp.FindBrowsable(s, caller, issueIdOrKey);
            if (issue is null)
            {
                return JiraResults.IssueNotFound();
            }
            if (!PermissionService.Has(s, caller, issue, Permissions.EditIssues))
            {
                return api.IsCloud
                    ? JiraResults.IssueNotFound()
                    : JiraResults.Error(StatusCodes.Status403Forbidden, IssueMessages.NoEditPermission);
            }
            return issue.Properties.Remove(propertyKey)
                ? JiraResults.NoContent()
                : JiraResults.Error(StatusCodes.Status404NotFound, IssueMessages.PropertyNotFound(propertyKey));
        });
    }
}
