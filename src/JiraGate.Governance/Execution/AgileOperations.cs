using System.Text.Json;
using JiraGate.Governance.Pipeline;
using JiraGate.Jira;
using JiraGate.Jira.Models;

namespace JiraGate.Governance.Execution;

/// <summary>
/// Boards and sprints. A board is <c>{id, name, type, project}</c>; a sprint <c>{id, name, state, start_date, end_date,
/// complete_date, goal, board_id}</c>; issues as <see cref="IssueView"/>'s compact view. Results: <c>boards:read</c>,
/// <c>boards:read_sprints</c>, <c>boards:read_backlog</c> and <c>sprints:read_issues</c> → <c>{items, start_at, total?,
/// is_last, next_start_at?}</c>; <c>sprints:read</c> → the sprint. Issue lists take <c>jql</c> and are constrained to the
/// scope like a search; under a restricted scope a board's (or a sprint's board's) project is checked first.
/// </summary>
internal static class AgileOperations
{
    public static void Register(IDictionary<string, OperationHandler> handlers)
    {
        handlers["boards:read"] = ReadBoardsAsync;
        handlers["boards:read_sprints"] = ReadSprintsAsync;
        handlers["boards:read_backlog"] = ReadBacklogAsync;
        handlers["sprints:read"] = ReadSprintAsync;
        handlers["sprints:read_issues"] = ReadSprintIssuesAsync;
    }

    private static async Task<OperationOutput> ReadBoardsAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var project = Args.String(args, "project_key");
        if (project is null)
        {
            ScopeGuard.RefuseOpaque(run.Scope, "boards:read without project_key");
        }
        else
        {
            ScopeGuard.Check(run.Scope, project, null, "project " + project);
        }
        var startAt = Args.StartAt(args);
        var max = Args.PageSize(args);
        var options = new ListBoardsOptions
        {
            ProjectKeyOrId = project,
            Types = Args.String(args, "type") is { } type ? [type] : null,
            Name = Args.String(args, "name"),
            StartAt = startAt,
            PageSize = max,
        };
        var page = await run.Jira.Boards.ListBoardsPageAsync(options, ct).ConfigureAwait(false);
        return Lists.OffsetPage(run, page, startAt, max, WriteBoard);
    }

    private static async Task<OperationOutput> ReadSprintsAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var boardId = Args.Id(args, "board_id");
        await CheckBoardAsync(run, boardId, ct).ConfigureAwait(false);
        var startAt = Args.StartAt(args);
        var max = Args.PageSize(args);
        SprintState? state = Args.String(args, "state") switch
        {
            "active" => SprintState.Active,
            "future" => SprintState.Future,
            "closed" => SprintState.Closed,
            _ => null,
        };
        var options = new ListBoardSprintsOptions { States = state is { } s ? [s] : null, StartAt = startAt, PageSize = max };
        var page = await run.Jira.Boards.ListSprintsPageAsync(boardId, options, ct).ConfigureAwait(false);
        return Lists.OffsetPage(run, page, startAt, max, WriteSprint);
    }

    private static async Task<OperationOutput> ReadBacklogAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var boardId = Args.Id(args, "board_id");
        await CheckBoardAsync(run, boardId, ct).ConfigureAwait(false);
        return await IssueWindowAsync(run, args, options => run.Jira.Boards.ListBacklogAsync(boardId, options, ct)).ConfigureAwait(false);
    }

    private static async Task<OperationOutput> ReadSprintAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var sprint = await run.Jira.Sprints.GetSprintAsync(Args.Id(args, "sprint_id"), ct).ConfigureAwait(false);
        await CheckSprintAsync(run, sprint, ct).ConfigureAwait(false);
        using var result = run.NewResult();
        WriteSprint(result.W, sprint);
        return result.Finish(sprint.RequestId);
    }

    private static async Task<OperationOutput> ReadSprintIssuesAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        var sprintId = Args.Id(args, "sprint_id");
        if (!ScopeGuard.IsOpen(run.Scope))
        {
            await CheckSprintAsync(run, await run.Jira.Sprints.GetSprintAsync(sprintId, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
        }
        return await IssueWindowAsync(run, args, options => run.Jira.Sprints.ListIssuesAsync(sprintId, options, ct)).ConfigureAwait(false);
    }

    /// <summary>
    /// One window of an agile issue list. Cloud pages these with cursors while the catalog offers start_at, so on Cloud
    /// the issues before start_at are read and skipped; Data Center pages by offset directly.
    /// </summary>
    private static async Task<OperationOutput> IssueWindowAsync(OperationRun run, JsonElement args, Func<ListAgileIssuesOptions, IAsyncEnumerable<Issue>> list)
    {
        var startAt = Args.StartAt(args);
        var max = Args.PageSize(args);
        var jql = JqlScoping.Constrain(run.Scope, Args.String(args, "jql"), "jql");
        var skip = run.Cloud ? startAt : 0;
        var options = new ListAgileIssuesOptions
        {
            Jql = jql,
            Fields = IssueView.Compact.FieldsToFetch,
            StartAt = run.Cloud ? null : startAt,
            PageSize = Math.Min(100, skip + max + 1),
            Limit = skip + max + 1, // one more than shown tells whether more exist
        };
        var issues = new List<Issue>();
        await foreach (var issue in list(options).ConfigureAwait(false))
        {
            issues.Add(issue);
        }
        return Lists.Window(run, issues, Math.Min(skip, issues.Count), startAt, max, (w, i) => IssueView.Compact.Write(w, i, run.Options.MaxTextChars));
    }

    private static async Task CheckBoardAsync(OperationRun run, long boardId, CancellationToken ct)
    {
        if (ScopeGuard.IsOpen(run.Scope))
        {
            return;
        }
        var board = await run.Jira.Boards.GetBoardAsync(boardId, ct).ConfigureAwait(false);
        ScopeGuard.Check(run.Scope, board.Location?.ProjectKey, null, "board " + boardId);
    }

    private static async Task CheckSprintAsync(OperationRun run, Sprint sprint, CancellationToken ct)
    {
        if (ScopeGuard.IsOpen(run.Scope))
        {
            return;
        }
        if (sprint.OriginBoardId is not { } boardId)
        {
            throw new ExecutionScopeException($"Sprint {sprint.Id} names no board, so its project cannot be checked against the policy's where.");
        }
        await CheckBoardAsync(run, boardId, ct).ConfigureAwait(false);
    }

    private static void WriteBoard(Utf8JsonWriter w, Board b)
    {
        w.WriteStartObject();
        w.WriteNumber("id", b.Id);
        w.WriteString("name", b.Name);
        w.WriteString("type", b.Type);
        w.WriteString("project", b.Location?.ProjectKey);
        w.WriteEndObject();
    }

    private static void WriteSprint(Utf8JsonWriter w, Sprint s)
    {
        w.WriteStartObject();
        w.WriteNumber("id", s.Id);
        w.WriteString("name", s.Name);
        w.WriteString("state", s.State);
        Json.Date(w, "start_date", s.StartDate);
        Json.Date(w, "end_date", s.EndDate);
        Json.Date(w, "complete_date", s.CompleteDate);
        Json.Text(w, "goal", s.Goal, 500);
        if (s.OriginBoardId is { } board)
        {
            w.WriteNumber("board_id", board);
        }
        else
        {
            w.WriteNull("board_id");
        }
        w.WriteEndObject();
    }
}
