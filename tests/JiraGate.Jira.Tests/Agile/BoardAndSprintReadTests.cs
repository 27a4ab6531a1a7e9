using JiraGate.Jira.Models;
using JiraGate.Jira.Tests.Infrastructure;

namespace JiraGate.Jira.Tests.Agile;

/// <summary>Boards, board sprints and sprints: the same /rest/agile/1.0 paths on both flavours (run by the two classes below).</summary>
public abstract class BoardAndSprintReadTests(SandboxFixture sandbox) : AgileTestBase(sandbox)
{
    [Fact]
    public async Task ListBoardsPageAsync_NoFilter_DemoBoardsWithTotalAndLocation()
    {
        var page = await Jira.Boards.ListBoardsPageAsync(cancellationToken: Ct);
        Assert.Equal([42L, 43L, 44L], page.Items.Select(b => b.Id));
        Assert.Equal(3, page.Total);
        Assert.True(page.IsLast);
        Assert.NotNull(page.RequestId);
        var sec = page.Items[0];
        Assert.Equal("scrum", sec.Type);
        Assert.Equal("SEC board", sec.Name);
        Assert.Equal("SEC", sec.Location!.ProjectKey);
        Assert.Equal(10000, sec.Location.ProjectId);
        Assert.Single(Calls("/rest/agile/1.0/board"));
    }

    [Fact]
    public async Task ListBoardsPageAsync_Filters_TypeNameAndProjectNarrowTheList()
    {
        var kanban = await Jira.Boards.ListBoardsPageAsync(new ListBoardsOptions { Types = ["kanban"] }, Ct);
        Assert.Equal([44L], kanban.Items.Select(b => b.Id));
        var named = await Jira.Boards.ListBoardsPageAsync(new ListBoardsOptions { Name = "eng" }, Ct);
        Assert.Equal([43L], named.Items.Select(b => b.Id));
        var byProject = await Jira.Boards.ListBoardsPageAsync(new ListBoardsOptions { ProjectKeyOrId = "SEC" }, Ct);
        Assert.Equal([42L], byProject.Items.Select(b => b.Id));
        var ordered = await Jira.Boards.ListBoardsPageAsync(new ListBoardsOptions { OrderBy = "-name" }, Ct);
        Assert.Equal([42L, 44L, 43L], ordered.Items.Select(b => b.Id));
    }

    [Fact]
    public async Task ListBoardsPageAsync_UnknownProject_Validation()
    {
        var ex = await Assert.ThrowsAsync<JiraValidationException>(() =>
            Jira.Boards.ListBoardsPageAsync(new ListBoardsOptions { ProjectKeyOrId = "NOPE" }, Ct));
        Assert.Contains("NOPE", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListBoardsAsync_PageSizeOneLimitTwo_StopsAtTheLimitAcrossPages()
    {
        var boards = await Jira.Boards.ListBoardsAsync(new ListBoardsOptions { PageSize = 1, Limit = 2 }, Ct).ToListAsync(Ct);
        Assert.Equal([42L, 43L], boards.Select(b => b.Id));
        Assert.Equal(2, Calls("/rest/agile/1.0/board").Count);
    }

    [Fact]
    public async Task ListBoardsAsync_PageSizeTwo_WalksEveryPageUntilIsLast()
    {
        var boards = await Jira.Boards.ListBoardsAsync(new ListBoardsOptions { PageSize = 2 }, Ct).ToListAsync(Ct);
        Assert.Equal([42L, 43L, 44L], boards.Select(b => b.Id));
        var calls = Calls("/rest/agile/1.0/board");
        Assert.Equal(2, calls.Count);
        Assert.Contains("startAt=2", calls[1].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetBoardAsync_Known_ReturnsTheBoard()
    {
        var board = await Jira.Boards.GetBoardAsync(44, Ct);
        Assert.Equal("OPS board", board.Name);
        Assert.Equal("kanban", board.Type);
        Assert.Equal("OPS", board.Location!.ProjectKey);
        Assert.NotNull(board.RequestId);
    }

    [Fact]
    public async Task GetBoardAsync_Unknown_NotFound()
    {
        var ex = await Assert.ThrowsAsync<JiraNotFoundException>(() => Jira.Boards.GetBoardAsync(999, Ct));
        Assert.NotNull(ex.RequestId);
    }

    [Fact]
    public async Task ListSprintsPageAsync_NoFilter_ClosedActiveFutureWithoutTotal()
    {
        var page = await Jira.Boards.ListSprintsPageAsync(42, cancellationToken: Ct);
        Assert.Equal([1L, 2L, 3L], page.Items.Select(s => s.Id));
        Assert.Equal([SprintState.Closed, SprintState.Active, SprintState.Future], page.Items.Select(s => s.KnownState!.Value));
        Assert.All(page.Items, s => Assert.Equal(42, s.OriginBoardId));
        Assert.Null(page.Total);
        Assert.True(page.IsLast);
    }

    [Theory]
    [InlineData(new[] { SprintState.Active }, new long[] { 5 })]
    [InlineData(new[] { SprintState.Closed, SprintState.Future }, new long[] { 4, 6 })]
    [InlineData(new[] { SprintState.Future, SprintState.Future }, new long[] { 6 })]
    public async Task ListSprintsPageAsync_StateFilter_OnlyThoseStates(SprintState[] states, long[] expected)
    {
        var page = await Jira.Boards.ListSprintsPageAsync(43, new ListBoardSprintsOptions { States = states }, Ct);
        Assert.Equal(expected, page.Items.Select(s => s.Id));
        Assert.All(page.Items, s => Assert.Contains(s.KnownState!.Value, states));
        Assert.Contains("state=", Calls("/rest/agile/1.0/board/43/sprint").Single().Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListSprintsAsync_PageSizeOne_StopsOnIsLastWithoutATotal()
    {
        var sprints = await Jira.Boards.ListSprintsAsync(42, new ListBoardSprintsOptions { PageSize = 1 }, Ct).ToListAsync(Ct);
        Assert.Equal([1L, 2L, 3L], sprints.Select(s => s.Id));
        Assert.Equal(3, Calls("/rest/agile/1.0/board/42/sprint").Count);
    }

    [Fact]
    public async Task ListSprintsAsync_LimitTwoPageSizeOne_ExactlyTwoAndNoThirdCall()
    {
        var sprints = await Jira.Boards.ListSprintsAsync(42, new ListBoardSprintsOptions { PageSize = 1, Limit = 2 }, Ct).ToListAsync(Ct);
        Assert.Equal([1L, 2L], sprints.Select(s => s.Id));
        Assert.Equal(2, Calls("/rest/agile/1.0/board/42/sprint").Count);
    }

    [Fact]
    public async Task ListSprintsPageAsync_KanbanBoard_ValidationBecauseItHasNoSprints()
    {
        var ex = await Assert.ThrowsAsync<JiraValidationException>(() => Jira.Boards.ListSprintsPageAsync(44, cancellationToken: Ct));
        Assert.Contains("does not support sprints", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListSprintsAsync_UnknownBoard_NotFound() =>
        await Assert.ThrowsAsync<JiraNotFoundException>(async () =>
            await Jira.Boards.ListSprintsAsync(999, cancellationToken: Ct).ToListAsync(Ct));

    [Fact]
    public async Task GetSprintAsync_Active_DatesGoalAndBoard()
    {
        var sprint = await Jira.Sprints.GetSprintAsync(2, Ct);
        Assert.Equal("SEC Sprint 2", sprint.Name);
        Assert.Equal("active", sprint.State);
        Assert.Equal(SprintState.Active, sprint.KnownState);
        Assert.Equal(42, sprint.OriginBoardId);
        Assert.NotNull(sprint.StartDate);
        Assert.True(sprint.EndDate > sprint.StartDate);
        Assert.Null(sprint.CompleteDate);
        Assert.False(string.IsNullOrEmpty(sprint.Goal));
        Assert.NotNull(sprint.RequestId);
        Assert.Single(Calls("/rest/agile/1.0/sprint/2"));
    }

    [Fact]
    public async Task GetSprintAsync_Unknown_NotFound() =>
        await Assert.ThrowsAsync<JiraNotFoundException>(() => Jira.Sprints.GetSprintAsync(999, Ct));
}

public sealed class CloudBoardAndSprintReadTests(CloudSandboxFixture sandbox)
    : BoardAndSprintReadTests(sandbox), IClassFixture<CloudSandboxFixture>;

public sealed class DataCenterBoardAndSprintReadTests(DataCenterSandboxFixture sandbox)
    : BoardAndSprintReadTests(sandbox), IClassFixture<DataCenterSandboxFixture>;
