using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.Agile;

/// <summary>Which issue list an Agile/Software route serves.</summary>
internal enum AgileListKind
{
    /// <summary>All issues of the board's filter (/board/{id}/issue).</summary>
    Board,
    /// <summary>The board's backlog (/board/{id}/backlog): scrum boards only.</summary>
    Backlog,
    /// <summary>Issues of a sprint (/sprint/{id}/issue).</summary>
    Sprint,
    /// <summary>Issues of a sprint that also match the board's filter (/board/{id}/sprint/{sprintId}/issue).</summary>
    BoardSprint,
}

/// <summary>A resolved issue list: the issues it holds (before permissions and JQL) and a name for page tokens.</summary>
internal sealed record AgileIssueScope(AgileListKind Kind, string Fingerprint, Func<Issue, bool> Contains)
{
    /// <summary>
    /// Resolves the board/sprint of a list for the caller: 404 when it does not exist or is not visible, 400 when
    /// the board does not support the list (sprints or backlog on a kanban/simple board). Call inside a site read.
    /// </summary>
    public static Parsed<AgileIssueScope> Resolve(Site site, User? user, AgileListKind kind, long id, long sprintId = 0)
    {
        if (kind == AgileListKind.Sprint)
        {
            return AgileAccess.VisibleSprint(site, user, id) is { } sprint
                ? Ok(kind, $"sprint:{sprint.Id}", i => i.SprintIds.Contains(sprint.Id))
                : Parsed<AgileIssueScope>.Fail(AgileAccess.SprintNotFound());
        }
        if (AgileAccess.VisibleBoard(site, user, id) is not { } board)
        {
            return Parsed<AgileIssueScope>.Fail(AgileAccess.BoardNotFound());
        }
        var scrum = AgileAccess.SupportsSprints(board);
        // Epics live in the epic panel, not on scrum boards (spec: "Epic issues do not belong to the scrum boards").
        bool OnBoard(Issue i) => i.ProjectId == board.ProjectId && !(scrum && IsEpic(site, i));
        switch (kind)
        {
            case AgileListKind.Board:
                return Ok(kind, $"board:{board.Id}", OnBoard);
            case AgileListKind.Backlog:
                if (!scrum)
                {
                    return Parsed<AgileIssueScope>.Fail(JiraResults.Error(StatusCodes.Status400BadRequest, AgileAccess.NoBacklogMessage));
                }
                // Incomplete issues not in an active or future sprint.
                return Ok(kind, $"backlog:{board.Id}", i => OnBoard(i) && !IsDone(site, i) && !InOpenSprint(site, i));
            default:
                if (!scrum)
                {
                    return Parsed<AgileIssueScope>.Fail(JiraResults.Error(StatusCodes.Status400BadRequest, AgileAccess.NoSprintsMessage));
                }
                return AgileAccess.VisibleSprint(site, user, sprintId) is { } boardSprint
                    ? Ok(kind, $"board:{board.Id}:sprint:{boardSprint.Id}", i => OnBoard(i) && i.SprintIds.Contains(boardSprint.Id))
                    : Parsed<AgileIssueScope>.Fail(AgileAccess.SprintNotFound());
        }
    }

    /// <summary>The issues of this list the caller may browse, in rank order (≈ created, then id: stable).</summary>
    public List<Issue> Issues(Site site, User? user, Func<Issue, bool>? jqlFilter = null, IComparer<Issue>? jqlOrder = null)
    {
        var issues = site.Issues.Where(Contains).Where(i => PermissionService.CanBrowse(site, user, i));
        if (jqlFilter is not null)
        {
            issues = issues.Where(jqlFilter);
        }
        // A JQL ORDER BY overrides rank order (spec); ties keep rank order, so pages stay stable.
        var ranked = issues.OrderBy(i => i.Created).ThenBy(i => i.Id);
        return jqlOrder is null ? [.. ranked] : [.. ranked.OrderBy(i => i, jqlOrder)];
    }

    private static Parsed<AgileIssueScope> Ok(AgileListKind kind, string fingerprint, Func<Issue, bool> contains) =>
        Parsed<AgileIssueScope>.Ok(new AgileIssueScope(kind, fingerprint, contains));

    public static bool IsEpic(Site site, Issue issue) => site.IssueType(issue.IssueTypeId)?.HierarchyLevel == 1;

    public static bool IsDone(Site site, Issue issue) => site.Status(issue.StatusId)?.CategoryKey == StatusCategories.Done;

    private static bool InOpenSprint(Site site, Issue issue) =>
        issue.SprintIds.Any(id => site.SprintById(id)?.State is SprintStates.Active or SprintStates.Future);
}
