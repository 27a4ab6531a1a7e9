using JiraGate.Sandbox.Api.Agile;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Api;

/// <summary>
/// Jira Software routes: boards, sprints and the issue lists of /rest/agile/1.0 (Cloud and Data Center), plus
/// Cloud's token-paged /rest/software/1.0 lists (RFC-127). Mapped once (version 0) with full paths.
/// </summary>
internal static class AgileEndpoints
{
    private const string Agile = "/rest/agile/1.0";
    private const string Software = "/rest/software/1.0";

    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        // Ids are int64 path parameters: anything else matches no route and gets Jira's 404 from the fallback.
        app.MapGet(Agile + "/board", (HttpContext http, Site site) => BoardRoutes.List(http, site));
        app.MapGet(Agile + "/board/{boardId:long}", (HttpContext http, Site site, long boardId) =>
            BoardRoutes.Get(http, site, boardId));
        app.MapGet(Agile + "/board/{boardId:long}/sprint", (HttpContext http, Site site, long boardId) =>
            BoardRoutes.Sprints(http, site, boardId));
        app.MapGet(Agile + "/board/{boardId:long}/issue", (HttpContext http, Site site, long boardId) =>
            AgileIssueRoutes.List(http, site, AgileListKind.Board, boardId));
        app.MapGet(Agile + "/board/{boardId:long}/backlog", (HttpContext http, Site site, long boardId) =>
            AgileIssueRoutes.List(http, site, AgileListKind.Backlog, boardId));
        app.MapGet(Agile + "/board/{boardId:long}/sprint/{sprintId:long}/issue", (HttpContext http, Site site, long boardId, long sprintId) =>
            AgileIssueRoutes.List(http, site, AgileListKind.BoardSprint, boardId, sprintId));
        app.MapGet(Agile + "/sprint/{sprintId:long}", (HttpContext http, Site site, long sprintId) =>
            AgileIssueRoutes.GetSprint(http, site, sprintId));
        app.MapGet(Agile + "/sprint/{sprintId:long}/issue", (HttpContext http, Site site, long sprintId) =>
            AgileIssueRoutes.List(http, site, AgileListKind.Sprint, sprintId));
        // The host's fallback skips file-like paths ("42.json", "..%2F42"); Jira answers its 404 for those too.
        app.MapPost(Agile + "/sprint/{sprintId:long}", (HttpContext http, Site site, long sprintId) => SprintUpdate.PostAsync(http, site, sprintId));
        app.Map(Agile + "/{**rest}", NotFound);
        app.Map(Software + "/{**rest}", NotFound);
        if (!api.IsCloud)
        {
            // Data Center has no /rest/software/1.0.
            return;
        }
        app.MapGet(Software + "/board/{boardId:long}/backlog", (HttpContext http, Site site, long boardId) =>
            SoftwareIssueRoutes.List(http, site, AgileListKind.Backlog, boardId));
        app.MapGet(Software + "/board/{boardId:long}/issue", (HttpContext http, Site site, long boardId) =>
            SoftwareIssueRoutes.List(http, site, AgileListKind.Board, boardId));
        app.MapGet(Software + "/sprint/{sprintId:long}/issue", (HttpContext http, Site site, long sprintId) =>
            SoftwareIssueRoutes.List(http, site, AgileListKind.Sprint, sprintId));
    }

    private static IResult NotFound(HttpContext http) =>
        JiraResults.Error(StatusCodes.Status404NotFound, $"null for uri: {http.Request.Path}");
}
