using JiraGate.Jira.Models;
using JiraGate.Jira.Tests.Infrastructure;
using JiraGate.Sandbox.Hosting;
using SandboxFlavor = JiraGate.Sandbox.Model.SandboxFlavor;

namespace JiraGate.Jira.Tests.Agile;

/// <summary>POST /rest/agile/1.0/sprint/{id} (a write): each test gets its own sandbox and proves the change by reading back.</summary>
public sealed class SprintUpdateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ServiceProvider Client(SandboxHost host, SandboxFlavor flavor, RecordingHandler? wire = null) =>
        JiraTestServices.ForSandbox(host, JiraTestServices.Alice(flavor),
            builder: wire is null ? null : b => b.HttpClient.AddHttpMessageHandler(() => wire));

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task UpdateSprintAsync_NameAndGoal_ReadBackShowsThemAndNothingElseChanged(SandboxFlavor flavor)
    {
        await using var host = await JiraTestServices.StartAsync(flavor);
        using var services = Client(host, flavor);
        var jira = services.GetRequiredService<JiraClient>();
        var before = await jira.Sprints.GetSprintAsync(3, Ct);

        var returned = await jira.Sprints.UpdateSprintAsync(3, new SprintUpdate { Name = "SEC Sprint 3b", Goal = "Rotate the keys" }, Ct);

        Assert.Equal("SEC Sprint 3b", returned.Name);
        Assert.NotNull(returned.RequestId);
        var after = await jira.Sprints.GetSprintAsync(3, Ct);
        Assert.Equal("SEC Sprint 3b", after.Name);
        Assert.Equal("Rotate the keys", after.Goal);
        Assert.Equal(before.State, after.State);
        Assert.Equal(before.StartDate, after.StartDate);
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task UpdateSprintAsync_CloseActiveThenStartFuture_BoardShowsTheNewActiveSprint(SandboxFlavor flavor)
    {
        await using var host = await JiraTestServices.StartAsync(flavor);
        using var services = Client(host, flavor);
        var jira = services.GetRequiredService<JiraClient>();
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var startFuture = new SprintUpdate { State = SprintState.Active, StartDate = start, EndDate = start.AddDays(14) };

        // The board already runs sprint 2: Jira refuses a second active sprint.
        await Assert.ThrowsAsync<JiraValidationException>(() => jira.Sprints.UpdateSprintAsync(3, startFuture, Ct));
        var closed = await jira.Sprints.UpdateSprintAsync(2, new SprintUpdate { State = SprintState.Closed }, Ct);
        Assert.Equal(SprintState.Closed, closed.KnownState);
        Assert.NotNull(closed.CompleteDate);
        await jira.Sprints.UpdateSprintAsync(3, startFuture, Ct);

        var sprint3 = await jira.Sprints.GetSprintAsync(3, Ct);
        Assert.Equal(SprintState.Active, sprint3.KnownState);
        Assert.Equal(start, sprint3.StartDate);
        Assert.Equal(start.AddDays(14), sprint3.EndDate);
        var active = await jira.Boards.ListSprintsPageAsync(42, new ListBoardSprintsOptions { States = [SprintState.Active] }, Ct);
        Assert.Equal([3L], active.Items.Select(s => s.Id));
        var closedOnBoard = await jira.Boards.ListSprintsPageAsync(42, new ListBoardSprintsOptions { States = [SprintState.Closed] }, Ct);
        Assert.Equal([1L, 2L], closedOnBoard.Items.Select(s => s.Id));
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task UpdateSprintAsync_BackwardsMoveOrUnknownSprint_RefusedAndNothingChanged(SandboxFlavor flavor)
    {
        await using var host = await JiraTestServices.StartAsync(flavor);
        using var services = Client(host, flavor);
        var jira = services.GetRequiredService<JiraClient>();

        await Assert.ThrowsAsync<JiraValidationException>(() =>
            jira.Sprints.UpdateSprintAsync(1, new SprintUpdate { State = SprintState.Active, Name = "Reopened" }, Ct));
        await Assert.ThrowsAsync<JiraNotFoundException>(() => jira.Sprints.UpdateSprintAsync(999, new SprintUpdate { Name = "x" }, Ct));

        var sprint1 = await jira.Sprints.GetSprintAsync(1, Ct);
        Assert.Equal(SprintState.Closed, sprint1.KnownState);
        Assert.Equal("SEC Sprint 1", sprint1.Name);
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task UpdateSprintAsync_BadGateway_NotRetriedBecauseItIsAWrite(SandboxFlavor flavor)
    {
        var wire = new RecordingHandler();
        await using var host = await JiraTestServices.StartAsync(flavor, o => o.Faults.Add(new FaultRule
        {
            Kind = FaultKind.Status, StatusCode = 502, Method = "POST", PathPrefix = "/rest/agile/1.0/sprint", Count = 1,
        }));
        using var services = Client(host, flavor, wire);
        var jira = services.GetRequiredService<JiraClient>();

        var ex = await Assert.ThrowsAnyAsync<JiraException>(() => jira.Sprints.UpdateSprintAsync(3, new SprintUpdate { Goal = "once" }, Ct));

        Assert.Equal(System.Net.HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Equal(1, wire.Count("POST", "/rest/agile/1.0/sprint/3"));
        Assert.NotEqual("once", (await jira.Sprints.GetSprintAsync(3, Ct)).Goal);
    }

    [Fact]
    public async Task UpdateSprintAsync_NullUpdate_Throws()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud);
        using var services = Client(host, SandboxFlavor.Cloud);
        await Assert.ThrowsAsync<ArgumentNullException>(() =>
            services.GetRequiredService<JiraClient>().Sprints.UpdateSprintAsync(3, null!, Ct));
    }
}
