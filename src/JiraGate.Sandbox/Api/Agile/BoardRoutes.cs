using System.Text.Json;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.Agile;

/// <summary>GET /rest/agile/1.0/board, /board/{boardId} and /board/{boardId}/sprint.</summary>
internal static class BoardRoutes
{
    private static readonly string[] BoardTypes = ["scrum", "kanban", "simple"];
    private static readonly string[] SprintStateOrder = [SprintStates.Closed, SprintStates.Active, SprintStates.Future];

    /// <summary>Boards the caller can see, filtered by type, name (contains) and project; AG page with total.</summary>
    public static IResult List(HttpContext http, Site site)
    {
        var page = AgilePaging.Read(http.Request, AgilePaging.MetadataCap);
        if (!page.IsOk)
        {
            return page.Error!;
        }
        var types = RequestReading.QueryList(http.Request, "type");
        var badType = types.FirstOrDefault(t => !BoardTypes.Contains(t, StringComparer.OrdinalIgnoreCase));
        if (badType is not null)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest,
                $"The board type '{badType}' is not valid. Valid values: scrum, kanban, simple.");
        }
        var orderBy = http.Request.Query["orderBy"].ToString();
        if (orderBy.Length > 0 && orderBy is not ("name" or "-name" or "+name"))
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest,
                $"The value '{orderBy}' is not valid for the parameter 'orderBy'. Valid values: name, -name, +name.");
        }
        var name = http.Request.Query["name"].ToString();
        var projectKeyOrId = http.Request.Query["projectKeyOrId"].ToString();
        var user = http.Caller().User;
        var rc = RenderContext.For(http, site, 2);
        return site.Read(s =>
        {
            long? projectId = null;
            if (projectKeyOrId.Length > 0)
            {
                // A project the caller may not browse is reported exactly like a missing one.
                if (!s.TryGetProject(projectKeyOrId, out var project) || !PermissionService.CanBrowse(s, user, project))
                {
                    return JiraResults.Error(StatusCodes.Status400BadRequest, NoProjectMessage(projectKeyOrId));
                }
                projectId = project.Id;
            }
            IEnumerable<Board> boards = s.Data.Boards
                .Where(b => AgileAccess.CanSee(s, user, b))
                .Where(b => types.Count == 0 || types.Contains(b.Type, StringComparer.OrdinalIgnoreCase))
                .Where(b => name.Length == 0 || b.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
                .Where(b => projectId is null || b.ProjectId == projectId);
            boards = orderBy switch
            {
                "name" or "+name" => boards.OrderBy(b => b.Name, StringComparer.OrdinalIgnoreCase).ThenBy(b => b.Id),
                "-name" => boards.OrderByDescending(b => b.Name, StringComparer.OrdinalIgnoreCase).ThenBy(b => b.Id),
                _ => boards.OrderBy(b => b.Id),
            };
            var all = boards.ToList();
            return JiraResults.Json(w => AgilePaging.WritePage(w, page.Value, all, includeTotal: true,
                (w2, b) => WriteBoard(w2, rc, b)));
        });
    }

    public static IResult Get(HttpContext http, Site site, long boardId)
    {
        var user = http.Caller().User;
        var rc = RenderContext.For(http, site, 2);
        return site.Read(s => AgileAccess.VisibleBoard(s, user, boardId) is { } board
            ? JiraResults.Json(w => WriteBoard(w, rc, board))
            : AgileAccess.BoardNotFound());
    }

    /// <summary>A board's sprints ordered closed, active, future (then by position); AG page without total.</summary>
    public static IResult Sprints(HttpContext http, Site site, long boardId)
    {
        var page = AgilePaging.Read(http.Request, AgilePaging.MetadataCap);
        if (!page.IsOk)
        {
            return page.Error!;
        }
        var states = RequestReading.QueryList(http.Request, "state");
        var badState = states.FirstOrDefault(st => !SprintStateOrder.Contains(st, StringComparer.OrdinalIgnoreCase));
        var user = http.Caller().User;
        var rc = RenderContext.For(http, site, 2);
        return site.Read(s =>
        {
            if (AgileAccess.VisibleBoard(s, user, boardId) is not { } board)
            {
                return AgileAccess.BoardNotFound();
            }
            if (!AgileAccess.SupportsSprints(board))
            {
                return JiraResults.Error(StatusCodes.Status400BadRequest, AgileAccess.NoSprintsMessage);
            }
            if (badState is not null)
            {
                return JiraResults.Error(StatusCodes.Status400BadRequest,
                    $"The sprint state '{badState}' is not valid. Valid values: future, active, closed.");
            }
            var sprints = s.Data.Sprints
                .Where(sp => sp.OriginBoardId == board.Id)
                .Where(sp => states.Count == 0 || states.Contains(sp.State, StringComparer.OrdinalIgnoreCase))
                .OrderBy(sp => Array.IndexOf(SprintStateOrder, sp.State))
                .ThenBy(sp => sp.Id)
                .ToList();
            return JiraResults.Json(w => AgilePaging.WritePage(w, page.Value, sprints, includeTotal: false,
                (w2, sp) => EntityWriter.WriteSprint(w2, rc, sp)));
        });
    }

    public static string NoProjectMessage(string keyOrId) =>
        keyOrId.All(char.IsAsciiDigit)
            ? $"No project could be found with id '{keyOrId}'."
            : $"No project could be found with key '{keyOrId}'.";

    /// <summary>The board bean: <c>{id,self,name,type,location{…}}</c>, as in the recorded board lists.</summary>
    public static void WriteBoard(Utf8JsonWriter w, RenderContext rc, Board board)
    {
        w.WriteStartObject();
        w.WriteNumber("id", board.Id);
        w.WriteString("self", rc.Self($"/rest/agile/1.0/board/{board.Id}"));
        w.WriteString("name", board.Name);
        w.WriteString("type", board.Type);
        if (rc.Site.ProjectById(board.ProjectId) is { } project)
        {
            var display = $"{project.Name} ({project.Key})";
            w.WriteStartObject("location");
            w.WriteNumber("projectId", project.Id);
            w.WriteString("displayName", display);
            w.WriteString("projectName", project.Name);
            w.WriteString("projectKey", project.Key);
            w.WriteString("projectTypeKey", project.ProjectTypeKey);
            w.WriteString("avatarURI", rc.Self($"/secure/projectavatar?size=small&s=small&pid={project.Id}"));
            w.WriteString("name", display);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
