using System.Text.Json;
using JiraGate.Sandbox.Model;

namespace JiraGate.Jira.Tests.Children;

/// <summary>Worklogs against the sandbox in both flavours.</summary>
public sealed class WorklogsClientTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(2));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task AddWorklogAsync_SecondsStartAndMarkdown_ReadBack(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        var added = await sandbox.Alice.Worklogs.AddWorklogAsync(ChildrenSandbox.Issue,
            new WorklogEntry { Started = Day1, TimeSpentSeconds = 5400, Comment = "Triage of **alert 7**" }, cancellationToken: Ct);

        var read = await sandbox.Alice.Worklogs.GetWorklogAsync(ChildrenSandbox.Issue, added.Id, cancellationToken: Ct);

        Assert.Equal(Day1, read.Started);
        Assert.Equal(5400, read.TimeSpentSeconds);
        Assert.Equal("1h 30m", read.TimeSpent);
        Assert.Equal("Triage of **alert 7**", read.CommentAsMarkdown());
        Assert.Equal(sandbox.IsCloud ? JsonValueKind.Object : JsonValueKind.String, read.Comment!.Value.ValueKind);
        Assert.Equal("10455", read.IssueId);
        Assert.Equal("Alice Analyst", read.Author!.DisplayName);
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task AddWorklogAsync_TimeSpentText_ParsedByJira(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        var added = await sandbox.Alice.Worklogs.AddWorklogAsync(ChildrenSandbox.Issue,
            new WorklogEntry { Started = Day1, TimeSpent = "2h 15m" }, new AddWorklogOptions { AdjustEstimate = WorklogEstimateAdjustment.Leave }, Ct);
        Assert.Equal(8100, added.TimeSpentSeconds);
        Assert.Equal("", added.CommentAsMarkdown());
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task AddWorklogAsync_MissingIssue_NotFound(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        await Assert.ThrowsAsync<JiraNotFoundException>(() => sandbox.Alice.Worklogs.AddWorklogAsync("SEC-99999",
            new WorklogEntry { Started = Day1, TimeSpentSeconds = 60 }, cancellationToken: Ct));
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task AddWorklogAsync_UnderAMinute_JiraRefuses(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        var ex = await Assert.ThrowsAsync<JiraValidationException>(() => sandbox.Alice.Worklogs.AddWorklogAsync(ChildrenSandbox.Issue,
            new WorklogEntry { Started = Day1, TimeSpentSeconds = 30 }, cancellationToken: Ct));
        Assert.Contains("timeLogged", ex.Errors.Keys);
    }

    [Fact]
    public async Task AddWorklogAsync_NoStartOrNoTimeOrNewWithoutEstimate_RefusedBeforeSending()
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(SandboxFlavor.Cloud);
        var worklogs = sandbox.Alice.Worklogs;
        await Assert.ThrowsAsync<ArgumentException>(() => worklogs.AddWorklogAsync(ChildrenSandbox.Issue, new WorklogEntry { TimeSpentSeconds = 60 }, cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => worklogs.AddWorklogAsync(ChildrenSandbox.Issue, new WorklogEntry { Started = Day1 }, cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => worklogs.AddWorklogAsync(ChildrenSandbox.Issue, new WorklogEntry { Started = Day1, TimeSpentSeconds = 60 },
            new AddWorklogOptions { AdjustEstimate = WorklogEstimateAdjustment.New }, Ct));
        Assert.DoesNotContain(sandbox.Wire.Attempts, a => a.Method == "POST");
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task ListWorklogsAsync_StartedWindow_OnlyWorkInsideIt(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        foreach (var day in new[] { 0, 1, 2 })
        {
            await sandbox.Alice.Worklogs.AddWorklogAsync(ChildrenSandbox.Issue,
                new WorklogEntry { Started = Day1.AddDays(day), TimeSpentSeconds = 3600 * (day + 1) }, cancellationToken: Ct);
        }

        var inside = await sandbox.Alice.Worklogs.ListWorklogsAsync(ChildrenSandbox.Issue,
            new ListWorklogsOptions { StartedAfter = Day1.AddDays(1), StartedBefore = Day1.AddDays(2) }, Ct).ToListAsync(Ct);

        Assert.Equal(7200, Assert.Single(inside).TimeSpentSeconds);
        if (sandbox.IsCloud)
        {
            var ms = Day1.AddDays(1).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains(sandbox.Wire.Attempts, a => a.Uri.Query.Contains("startedAfter=" + ms, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task ListWorklogsAsync_Limit_HonouredExactly(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        for (var i = 1; i <= 5; i++)
        {
            await sandbox.Alice.Worklogs.AddWorklogAsync(ChildrenSandbox.Issue,
                new WorklogEntry { Started = Day1.AddHours(i), TimeSpentSeconds = 60 * i }, cancellationToken: Ct);
        }

        var all = await sandbox.Alice.Worklogs.ListWorklogsAsync(ChildrenSandbox.Issue, new ListWorklogsOptions { PageSize = 2 }, Ct).ToListAsync(Ct);
        var limited = await sandbox.Alice.Worklogs.ListWorklogsAsync(ChildrenSandbox.Issue, new ListWorklogsOptions { PageSize = 2, Limit = 3 }, Ct).ToListAsync(Ct);
        var page = await sandbox.Alice.Worklogs.ListWorklogsPageAsync(ChildrenSandbox.Issue, new ListWorklogsOptions { StartAt = 2, PageSize = 2 }, Ct);

        Assert.Equal([60L, 120, 180, 240, 300], all.Select(w => w.TimeSpentSeconds!.Value));
        Assert.Equal([60L, 120, 180], limited.Select(w => w.TimeSpentSeconds!.Value));
        Assert.Equal([180L, 240], page.Items.Select(w => w.TimeSpentSeconds!.Value));
        Assert.False(page.IsLast);
        Assert.Equal(5, page.Total);
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task ListWorklogsPageAsync_MissingIssue_NotFound(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        await Assert.ThrowsAsync<JiraNotFoundException>(() => sandbox.Alice.Worklogs.ListWorklogsPageAsync("SEC-99999", cancellationToken: Ct));
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task UpdateWorklogAsync_Own_OnlyWhatIsSetChanges(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        var added = await sandbox.Alice.Worklogs.AddWorklogAsync(ChildrenSandbox.Issue,
            new WorklogEntry { Started = Day1, TimeSpentSeconds = 600, Comment = "first" }, cancellationToken: Ct);

        await sandbox.Alice.Worklogs.UpdateWorklogAsync(ChildrenSandbox.Issue, added.Id, new WorklogEntry { TimeSpentSeconds = 1800 }, cancellationToken: Ct);

        var read = await sandbox.Alice.Worklogs.GetWorklogAsync(ChildrenSandbox.Issue, added.Id, cancellationToken: Ct);
        Assert.Equal(1800, read.TimeSpentSeconds);
        Assert.Equal(Day1, read.Started);
        Assert.Equal("first", read.CommentAsMarkdown());
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task UpdateWorklogAsync_SomeoneElses_RefusedAndUnchanged(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        var bobs = await sandbox.Bob.Worklogs.AddWorklogAsync(ChildrenSandbox.Issue, new WorklogEntry { Started = Day1, TimeSpentSeconds = 600 }, cancellationToken: Ct);

        var ex = await Assert.ThrowsAnyAsync<JiraException>(() =>
            sandbox.Alice.Worklogs.UpdateWorklogAsync(ChildrenSandbox.Issue, bobs.Id, new WorklogEntry { TimeSpentSeconds = 60 }, cancellationToken: Ct));

        // Cloud answers 400, Data Center 403 (each spec's wording).
        Assert.IsType(sandbox.IsCloud ? typeof(JiraValidationException) : typeof(JiraForbiddenException), ex);
        Assert.Equal(600, (await sandbox.Bob.Worklogs.GetWorklogAsync(ChildrenSandbox.Issue, bobs.Id, cancellationToken: Ct)).TimeSpentSeconds);
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task DeleteWorklogAsync_Own_Gone(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        var added = await sandbox.Alice.Worklogs.AddWorklogAsync(ChildrenSandbox.Issue, new WorklogEntry { Started = Day1, TimeSpentSeconds = 600 }, cancellationToken: Ct);

        await sandbox.Alice.Worklogs.DeleteWorklogAsync(ChildrenSandbox.Issue, added.Id,
            new DeleteWorklogOptions { AdjustEstimate = WorklogEstimateAdjustment.Leave }, Ct);

        await Assert.ThrowsAsync<JiraNotFoundException>(() => sandbox.Alice.Worklogs.GetWorklogAsync(ChildrenSandbox.Issue, added.Id, cancellationToken: Ct));
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task DeleteWorklogAsync_SomeoneElses_RefusedAndStillThere(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        var bobs = await sandbox.Bob.Worklogs.AddWorklogAsync(ChildrenSandbox.Issue, new WorklogEntry { Started = Day1, TimeSpentSeconds = 600 }, cancellationToken: Ct);

        var ex = await Assert.ThrowsAnyAsync<JiraException>(() => sandbox.Alice.Worklogs.DeleteWorklogAsync(ChildrenSandbox.Issue, bobs.Id, cancellationToken: Ct));

        Assert.Equal(sandbox.IsCloud ? System.Net.HttpStatusCode.BadRequest : System.Net.HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.NotNull(await sandbox.Alice.Worklogs.GetWorklogAsync(ChildrenSandbox.Issue, bobs.Id, cancellationToken: Ct));
    }

    [Theory]
    [InlineData(SandboxFlavor.Cloud)]
    [InlineData(SandboxFlavor.DataCenter)]
    public async Task GetWorklogAsync_Missing_NotFound(SandboxFlavor flavor)
    {
        await using var sandbox = await ChildrenSandbox.StartAsync(flavor);
        await Assert.ThrowsAsync<JiraNotFoundException>(() => sandbox.Alice.Worklogs.GetWorklogAsync(ChildrenSandbox.Issue, "99999", cancellationToken: Ct));
    }
}
