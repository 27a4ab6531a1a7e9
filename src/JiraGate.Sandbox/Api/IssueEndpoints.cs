using JiraGate.Sandbox.Api.Issues;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Api;

/// <summary>
/// Routes of the Issue family under /rest/api/{3,2}: get/create/edit/delete, bulk create, bulk fetch,
/// transitions, assignee, changelog, properties, editmeta and createmeta. Handlers live in Api/Issues.
/// Bulk fetch and the changelog resource exist on Cloud only (Data Center has neither).
/// </summary>
internal static class IssueEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        var p = api.Prefix;
        const string Issue = "/issue/{issueIdOrKey}";
        app.MapGet(p + Issue, (HttpContext http, Site site, string issueIdOrKey) => IssueCrudHandlers.Get(http, site, api, issueIdOrKey));
        app.MapPost(p + "/issue", (HttpContext http, Site site) => IssueCrudHandlers.Create(http, site, api));
        app.MapPut(p + Issue, (HttpContext http, Site site, string issueIdOrKey) => IssueCrudHandlers.Edit(http, site, api, issueIdOrKey));
        app.MapDelete(p + Issue, (HttpContext http, Site site, string issueIdOrKey) => IssueCrudHandlers.Delete(http, site, api, issueIdOrKey));
        app.MapPost(p + "/issue/bulk", (HttpContext http, Site site) => IssueBulkHandlers.Create(http, site, api));

        app.MapGet(p + Issue + "/transitions", (HttpContext http, Site site, string issueIdOrKey) => IssueActionHandlers.GetTransitions(http, site, api, issueIdOrKey));
        app.MapPost(p + Issue + "/transitions", (HttpContext http, Site site, string issueIdOrKey) => IssueActionHandlers.DoTransition(http, site, api, issueIdOrKey));
        app.MapPut(p + Issue + "/assignee", (HttpContext http, Site site, string issueIdOrKey) => IssueActionHandlers.Assign(http, site, api, issueIdOrKey));

        app.MapGet(p + Issue + "/properties", (HttpContext http, Site site, string issueIdOrKey) => IssuePropertyHandlers.List(http, site, api, issueIdOrKey));
        app.MapGet(p + Issue + "/properties/{propertyKey}", (HttpContext http, Site site, string issueIdOrKey, string propertyKey) => IssuePropertyHandlers.Get(http, site, issueIdOrKey, propertyKey));
        app.MapPut(p + Issue + "/properties/{propertyKey}", (HttpContext http, Site site, string issueIdOrKey, string propertyKey) => IssuePropertyHandlers.Set(http, site, issueIdOrKey, propertyKey));
        app.MapDelete(p + Issue + "/properties/{propertyKey}", (HttpContext http, Site site, string issueIdOrKey, string propertyKey) => IssuePropertyHandlers.Delete(http, site, api, issueIdOrKey, propertyKey));

        app.MapGet(p + Issue + "/editmeta", (HttpContext http, Site site, string issueIdOrKey) => IssueMetaHandlers.EditMeta(http, site, api, issueIdOrKey));
        app.MapGet(p + "/issue/createmeta/{projectIdOrKey}/issuetypes", (HttpContext http, Site site, string projectIdOrKey) => IssueMetaHandlers.IssueTypes(http, site, api, projectIdOrKey));
        app.MapGet(p + "/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}", (HttpContext http, Site site, string projectIdOrKey, string issueTypeId) => IssueMetaHandlers.Fields(http, site, api, projectIdOrKey, issueTypeId));

        if (api.IsCloud)
        {
            app.MapPost(p + "/issue/bulkfetch", (HttpContext http, Site site) => IssueBulkHandlers.Fetch(http, site, api));
            app.MapGet(p + Issue + "/changelog", (HttpContext http, Site site, string issueIdOrKey) => IssueActionHandlers.GetChangelog(http, site, api, issueIdOrKey));
        }
    }
}
