using System.Text.Json;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.Issues;

/// <summary>
/// Field metadata: editmeta for an issue, and the paged createmeta of a project (its issue types, then the
/// create-screen fields of one type). Cloud pages are <c>{issueTypes|fields, startAt, maxResults, total}</c>;
/// Data Center pages are <c>{values, startAt, maxResults, total, isLast}</c>.
/// </summary>
internal static class IssueMetaHandlers
{
    public const int CreateMetaPageDefault = 50;
    public const int CreateMetaPageMax = 200;

    public static IResult EditMeta(HttpContext http, Site site, ApiVersionContext api, string issueIdOrKey)
    {
        var overrideScreen = RequestReading.QueryBool(http.Request, "overrideScreenSecurity", false);
        var overrideEditable = RequestReading.QueryBool(http.Request, "overrideEditableFlag", false);
        var caller = http.Caller();
        return site.Read(s =>
        {
            var issue = IssueHttp.FindBrowsable(s, caller.User, issueIdOrKey);
            if (issue is null)
            {
                return JiraResults.IssueNotFound();
            }
            if (!overrideScreen.IsOk || !overrideEditable.IsOk)
            {
                return overrideScreen.Error ?? overrideEditable.Error!;
            }
            if (api.IsCloud && (overrideScreen.Value || overrideEditable.Value) && !IssueHttp.MayOverride(s, caller))
            {
                return JiraResults.Error(StatusCodes.Status403Forbidden, IssueMessages.OverrideNeedsApp);
            }
            var rc = IssueHttp.Render(http, s, api);
            return IssueHttp.Rendered(w => IssueView.WriteEditMeta(w, rc, issue));
        });
    }

    public static IResult IssueTypes(HttpContext http, Site site, ApiVersionContext api, string projectIdOrKey)
    {
        var paging = Paging(http.Request, api);
        if (paging.Error is not null)
        {
            return paging.Error;
        }
        return site.Read(s =>
        {
            var user = http.Caller().User;
            if (!s.TryGetProject(projectIdOrKey, out var project) || !PermissionService.CanBrowse(s, user, project))
            {
                return JiraResults.Error(StatusCodes.Status400BadRequest, IssueMessages.ProjectNotFound(projectIdOrKey));
            }
            var rc = IssueHttp.Render(http, s, api);
            // Without CREATE_ISSUES the project offers nothing to create.
            var types = PermissionService.Has(s, user, project, Permissions.CreateIssues)
                ? project.IssueTypeIds.Select(s.IssueType).OfType<IssueTypeDef>().ToList()
                : [];
            return IssueHttp.Rendered(w => WritePage(w, api, "issueTypes", types, paging.Value, t => WriteIssueType(w, rc, t)));
        });
    }

    public static IResult Fields(HttpContext http, Site site, ApiVersionContext api, string projectIdOrKey, string issueTypeId)
    {
        var paging = Paging(http.Request, api);
        if (paging.Error is not null)
        {
            return paging.Error;
        }
        return site.Read(s =>
        {
            var user = http.Caller().User;
            if (!s.TryGetProject(projectIdOrKey, out var project) || !PermissionService.CanBrowse(s, user, project))
            {
                return JiraResults.Error(StatusCodes.Status400BadRequest, IssueMessages.ProjectNotFound(projectIdOrKey));
            }
            var type = s.IssueType(issueTypeId);
            if (type is null || !project.IssueTypeIds.Contains(type.Id))
            {
                return JiraResults.Error(StatusCodes.Status400BadRequest, $"The issue type with id '{issueTypeId}' does not exist or is not available in this project.");
            }
            var rc = IssueHttp.Render(http, s, api);
            var fields = EditableFields.ForCreate(s, user, project, type);
            var required = EditableFields.RequiredOnCreate(s, project, type).ToHashSet(StringComparer.Ordinal);
            return IssueHttp.Rendered(w => WritePage(w, api, "fields", fields, paging.Value, f =>
            {
                var isRequired = f.Id is "summary" or "issuetype" or "project" or "reporter" || required.Contains(f.Id) || (f.Id == "parent" && type.Subtask);
                MetaWriter.WriteField(w, rc, f, project, type, isRequired, forCreate: true);
            }));
        });
    }

    private static Parsed<(int StartAt, int MaxResults)> Paging(HttpRequest request, ApiVersionContext api)
    {
        var startAt = RequestReading.QueryInt(request, "startAt", 0);
        var maxResults = RequestReading.QueryInt(request, "maxResults", CreateMetaPageDefault);
        if (!startAt.IsOk || !maxResults.IsOk)
        {
            return Parsed<(int, int)>.Fail(startAt.Error ?? maxResults.Error!);
        }
        if (maxResults.Value > CreateMetaPageMax)
        {
            if (api.IsCloud)
            {
                return Parsed<(int, int)>.Fail(JiraResults.Error(StatusCodes.Status400BadRequest,
                    $"Parameter 'maxResults' must not exceed the limit '{CreateMetaPageMax}'"));
            }
            return Parsed<(int, int)>.Ok((startAt.Value, CreateMetaPageMax));
        }
        return Parsed<(int, int)>.Ok((startAt.Value, maxResults.Value));
    }

    private static void WritePage<T>(Utf8JsonWriter w, ApiVersionContext api, string cloudName, IReadOnlyList<T> items, (int StartAt, int MaxResults) paging, Action<T> write)
    {
        var page = items.Skip(paging.StartAt).Take(paging.MaxResults).ToList();
        w.WriteStartObject();
        w.WriteNumber("maxResults", paging.MaxResults);
        w.WriteNumber("startAt", paging.StartAt);
        w.WriteNumber("total", items.Count);
        if (!api.IsCloud)
        {
            w.WriteBoolean("isLast", paging.StartAt + page.Count >= items.Count);
        }
        w.WriteStartArray(api.IsCloud ? cloudName : "values");
        foreach (var item in page)
        {
            write(item);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>IssueTypeIssueCreateMetadata (Cloud) / CreateMetaIssueTypeBean (Data Center).</summary>
    private static void WriteIssueType(Utf8JsonWriter w, RenderContext rc, IssueTypeDef type)
    {
        w.WriteStartObject();
        w.WriteString("self", rc.Self($"{rc.Api}/issuetype/{type.Id}"));
        w.WriteString("id", type.Id);
        w.WriteString("description", type.Description);
        w.WriteString("iconUrl", rc.Self($"/secure/viewavatar?size=medium&avatarId={type.Id}&avatarType=issuetype"));
        w.WriteString("name", type.Name);
        w.WriteBoolean("subtask", type.Subtask);
        w.WriteNumber("avatarId", 10300);
        if (!rc.IsDataCenter)
        {
            w.WriteNumber("hierarchyLevel", type.HierarchyLevel);
        }
        w.WriteEndObject();
    }
}
