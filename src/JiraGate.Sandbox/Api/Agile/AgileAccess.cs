using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.Agile;

/// <summary>
/// Who may see boards and sprints. A board is visible to whoever may browse its project (its filter's
/// project); a sprint to whoever may see its origin board or at least one of its issues (spec of GET /sprint/{id}).
/// Not visible and not existing look the same: 404. Valid only inside a <see cref="Site"/> read.
/// </summary>
internal static class AgileAccess
{
    public const string BoardNotFoundMessage = "Board does not exist or you do not have permission to see it.";
    public const string SprintNotFoundMessage = "Sprint does not exist or you do not have permission to see it.";
    public const string NoSprintsMessage = "The board does not support sprints";
    public const string NoBacklogMessage = "The board does not support a backlog";

    public static IResult BoardNotFound() => JiraResults.Error(StatusCodes.Status404NotFound, BoardNotFoundMessage);

    public static IResult SprintNotFound() => JiraResults.Error(StatusCodes.Status404NotFound, SprintNotFoundMessage);

    public static bool CanSee(Site site, User? user, Board board) =>
        site.ProjectById(board.ProjectId) is { } project && PermissionService.CanBrowse(site, user, project);

    public static Board? VisibleBoard(Site site, User? user, long boardId) =>
        site.BoardById(boardId) is { } board && CanSee(site, user, board) ? board : null;

    public static bool CanSee(Site site, User? user, Sprint sprint) =>
        (site.BoardById(sprint.OriginBoardId) is { } board && CanSee(site, user, board))
        || site.Issues.Any(i => i.SprintIds.Contains(sprint.Id) && PermissionService.CanBrowse(site, user, i));

    public static Sprint? VisibleSprint(Site site, User? user, long sprintId) =>
        site.SprintById(sprintId) is { } sprint && CanSee(site, user, sprint) ? sprint : null;

    /// <summary>Scrum boards run sprints; kanban and simple (team-managed) boards answer 400.</summary>
    public static bool SupportsSprints(Board board) => string.Equals(board.Type, "scrum", StringComparison.Ordinal);
}
