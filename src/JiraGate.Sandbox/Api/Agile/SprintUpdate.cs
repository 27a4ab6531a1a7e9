using System.Text.Json.Nodes;
using JiraGate.Sandbox.Domain;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.Agile;

/// <summary>
/// POST /rest/agile/1.0/sprint/{sprintId} — "Partially update sprint": rename, set the goal and dates,
/// start a future sprint or close an active one. Publishes sprint_started / sprint_closed / sprint_updated,
/// so sprint webhooks have something to deliver. Needs Manage Sprints on the board's project.
/// </summary>
internal static class SprintUpdate
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "id", "self", "name", "goal", "state", "startDate", "endDate", "completeDate", "createdDate", "originBoardId",
    };

    public static async Task<IResult> PostAsync(HttpContext http, Site site, long sprintId)
    {
        var body = await RequestReading.ReadJsonObjectAsync(http);
        if (!body.IsOk)
        {
            return body.Error!;
        }
        var json = body.Value!;
        if (json.Select(p => p.Key).FirstOrDefault(k => !Known.Contains(k)) is { } unknown)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, $"Unrecognized field \"{unknown}\" in the sprint.");
        }
        var rc = RenderContext.For(http, site, 3);
        var user = rc.Caller.User;
        return site.Write(s =>
        {
            if (AgileAccess.VisibleSprint(s, user, sprintId) is not { } sprint)
            {
                return AgileAccess.SprintNotFound();
            }
            var project = s.BoardById(sprint.OriginBoardId) is { } board ? s.ProjectById(board.ProjectId) : null;
            if (project is null || !PermissionService.Has(s, user, project, Permissions.ManageSprints))
            {
                return JiraResults.Error(StatusCodes.Status403Forbidden, "You do not have permission to manage sprints of this board.");
            }
            if (!TryRead(json, out var changes, out var error))
            {
                return JiraResults.Error(StatusCodes.Status400BadRequest, error!);
            }
            var newState = changes.State ?? sprint.State;
            var startDate = changes.StartDate ?? sprint.StartDate;
            var endDate = changes.EndDate ?? sprint.EndDate;
            var transition = (sprint.State, newState);
            switch (transition)
            {
                case var (from, to) when from == to:
                    break;
                case (SprintStates.Future, SprintStates.Active):
                    if (startDate is null || endDate is null)
                    {
                        return JiraResults.Error(StatusCodes.Status400BadRequest, "A sprint needs a start date and an end date before it can be started.");
                    }
                    if (s.Data.Sprints.Any(x => x.OriginBoardId == sprint.OriginBoardId && x.State == SprintStates.Active))
                    {
                        return JiraResults.Error(StatusCodes.Status400BadRequest, "This board already has an active sprint.");
                    }
                    break;
                case (SprintStates.Active, SprintStates.Closed):
                    break;
                default:
                    return JiraResults.Error(StatusCodes.Status400BadRequest,
                        $"A sprint cannot go from '{sprint.State}' to '{newState}': future sprints start, active sprints close.");
            }
            if (startDate is { } start && endDate is { } end && end < start)
            {
                return JiraResults.Error(StatusCodes.Status400BadRequest, "The sprint's end date must be after its start date.");
            }
            sprint.Name = changes.Name ?? sprint.Name;
            sprint.Goal = changes.Goal ?? sprint.Goal;
            sprint.StartDate = startDate;
            sprint.EndDate = endDate;
            var webhookEvent = "sprint_updated";
            if (transition is (SprintStates.Future, SprintStates.Active))
            {
                webhookEvent = "sprint_started";
            }
            else if (transition is (SprintStates.Active, SprintStates.Closed))
            {
                webhookEvent = "sprint_closed";
                sprint.CompleteDate = s.Now;
            }
            sprint.State = newState;
            SiteEvents.SprintEvent(rc, webhookEvent, sprint);
            return JiraResults.Json(w => EntityWriter.WriteSprint(w, rc, sprint));
        });
    }

    private sealed record Changes(string? Name, string? Goal, string? State, DateTimeOffset? StartDate, DateTimeOffset? EndDate);

    private static bool TryRead(JsonObject json, out Changes changes, out string? firstError)
    {
        string? error = null;
        string? Text(string name)
        {
            if (json[name] is null)
            {
                return null;
            }
            if (RequestReading.String(json[name]) is { } text)
            {
                return text;
            }
            error ??= $"The sprint's '{name}' must be a string.";
            return null;
        }
        DateTimeOffset? Date(string name)
        {
            if (Text(name) is not { } text)
            {
                return null;
            }
            if (JiraDates.TryParse(text, out var value))
            {
                return value;
            }
            error ??= $"The sprint's '{name}' is not a valid date: '{text}'.";
            return null;
        }
        var state = Text("state");
        if (state is not null and not (SprintStates.Future or SprintStates.Active or SprintStates.Closed))
        {
            error ??= $"The sprint state '{state}' is not valid; use future, active or closed.";
        }
        var name = Text("name");
        if (name is { Length: 0 or > 30 })
        {
            error ??= "The sprint name must be between 1 and 30 characters.";
        }
        changes = new Changes(name, Text("goal"), state, Date("startDate"), Date("endDate"));
        firstError = error;
        return error is null;
    }
}
