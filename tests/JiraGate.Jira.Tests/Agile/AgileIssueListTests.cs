using JiraGate.Jira.Tests.Infrastructure;

namespace JiraGate.Jira.Tests.Agile;

/// <summary>
/// Backlog, board issues and sprint issues on both flavours: the path per flavour (Cloud software 1.0, Data
/// Center agile 1.0), explicit fields, exact limits across page boundaries, and the 404/400 answers.
/// </summary>
public abstract class AgileIssueListTests(SandboxFixture sandbox) : AgileTestBase(sandbox)
{
    private static readonly ListAgileIssuesOptions Keys = new() { Fields = ["summary", "status"] };

    [Fact]
    public async Task ListBacklogAsync_ScrumBoard_IncompleteIssuesOutsideOpenSprintsWithDefaultFields()
    {
        var backlog = await Jira.Boards.ListBacklogAsync(42, cancellationToken: Ct).ToListAsync(Ct);
        Assert.NotEmpty(backlog);
        Assert.All(backlog, i => Assert.StartsWith("SEC-", i.Key, StringComparison.Ordinal));
        Assert.All(backlog, i => Assert.NotNull(i.Fields.Summary)); // fields were sent: not ids only
        Assert.All(backlog, i => Assert.NotEqual("done", i.Fields.Status!.StatusCategory!.Key));
        var inOpenSprints = (await Jira.Sprints.ListIssuesAsync(2, Keys, Ct).ToListAsync(Ct))
            .Concat(await Jira.Sprints.ListIssuesAsync(3, Keys, Ct).ToListAsync(Ct)).Select(i => i.Key).ToHashSet();
        Assert.DoesNotContain(backlog, i => inOpenSprints.Contains(i.Key));
        var calls = Calls(IssueListPath("/board/42/backlog"));
        Assert.NotEmpty(calls);
        Assert.All(calls, u => Assert.Contains("fields=", u.Query, StringComparison.Ordinal));
        Assert.Empty(Calls((IsCloud ? "/rest/agile/1.0" : "/rest/software/1.0") + "/board/42/backlog"));
    }

    [Fact]
    public async Task ListBacklogAsync_LimitAcrossPages_ExactlyTheFirstItemsInOrder()
    {
        var all = await Jira.Boards.ListBacklogAsync(42, Keys, Ct).ToListAsync(Ct);
        Assert.True(all.Count >= 4, "the demo backlog needs at least 4 issues");
        Wire.Attempts.Clear();
        var limited = await Jira.Boards.ListBacklogAsync(42, new ListAgileIssuesOptions { Fields = ["summary"], PageSize = 2, Limit = 3 }, Ct)
            .ToListAsync(Ct);
        Assert.Equal(all.Take(3).Select(i => i.Key), limited.Select(i => i.Key));
        var calls = Calls(IssueListPath("/board/42/backlog"));
        Assert.Equal(2, calls.Count);
        Assert.Contains("maxResults=1", calls[1].Query, StringComparison.Ordinal); // asks only for what is still wanted
    }

    [Fact]
    public async Task ListBacklogAsync_SmallPages_SameIssuesAsBigPagesAndOneCallPerPage()
    {
        var big = await Jira.Boards.ListBacklogAsync(42, new ListAgileIssuesOptions { Fields = ["summary"], PageSize = 50 }, Ct).ToListAsync(Ct);
        Wire.Attempts.Clear();
        var small = await Jira.Boards.ListBacklogAsync(42, new ListAgileIssuesOptions { Fields = ["summary"], PageSize = 7 }, Ct).ToListAsync(Ct);
        Assert.Equal(big.Select(i => i.Key), small.Select(i => i.Key));
        Assert.Equal(big.Count, big.Select(i => i.Key).Distinct().Count());
        Assert.Equal((small.Count + 6) / 7, Calls(IssueListPath("/board/42/backlog")).Count);
    }

    [Fact]
    public async Task ListBacklogPageAsync_KanbanBoard_Validation() =>
        await Assert.ThrowsAsync<JiraValidationException>(() => Jira.Boards.ListBacklogPageAsync(44, cancellationToken: Ct));

    [Fact]
    public async Task ListBacklogPageAsync_UnknownBoard_NotFound() =>
        await Assert.ThrowsAsync<JiraNotFoundException>(() => Jira.Boards.ListBacklogPageAsync(999, cancellationToken: Ct));

    [Fact]
    public async Task ListBacklogPageAsync_InvalidJql_Validation() =>
        await Assert.ThrowsAsync<JiraValidationException>(() =>
            Jira.Boards.ListBacklogPageAsync(42, new ListAgileIssuesOptions { Jql = "nosuchfield = 1" }, Ct));

    [Fact]
    public async Task ListBacklogPageAsync_Jql_NarrowsTheBacklog()
    {
        var all = await Jira.Boards.ListBacklogAsync(42, Keys, Ct).ToListAsync(Ct);
        var first = all[0].Key;
        var page = await Jira.Boards.ListBacklogPageAsync(42, new ListAgileIssuesOptions { Jql = "key = " + first, Fields = ["summary"] }, Ct);
        Assert.Equal([first], page.Items.Select(i => i.Key));
    }

    [Fact]
    public async Task ListIssuesAsync_KanbanBoard_AllIssuesOfItsProject()
    {
        var issues = await Jira.Boards.ListIssuesAsync(44, Keys, Ct).ToListAsync(Ct);
        Assert.NotEmpty(issues);
        Assert.All(issues, i => Assert.StartsWith("OPS-", i.Key, StringComparison.Ordinal));
        Assert.NotEmpty(Calls(IssueListPath("/board/44/issue")));
        var limited = await Jira.Boards.ListIssuesAsync(44, new ListAgileIssuesOptions { Fields = ["summary"], PageSize = 2, Limit = 5 }, Ct)
            .ToListAsync(Ct);
        Assert.Equal(issues.Take(5).Select(i => i.Key), limited.Select(i => i.Key));
    }

    [Fact]
    public async Task ListIssuesPageAsync_UnknownBoard_NotFound() =>
        await Assert.ThrowsAsync<JiraNotFoundException>(() => Jira.Boards.ListIssuesPageAsync(999, cancellationToken: Ct));

    [Fact]
    public async Task SprintListIssuesAsync_ActiveSprint_ItsIssuesWithFields()
    {
        var issues = await Jira.Sprints.ListIssuesAsync(2, cancellationToken: Ct).ToListAsync(Ct);
        Assert.NotEmpty(issues);
        Assert.All(issues, i => Assert.StartsWith("SEC-", i.Key, StringComparison.Ordinal));
        Assert.All(issues, i => Assert.NotNull(i.Fields.Status));
        Assert.All(Calls(IssueListPath("/sprint/2/issue")), u => Assert.Contains("fields=", u.Query, StringComparison.Ordinal));
        Assert.Empty(Calls((IsCloud ? "/rest/agile/1.0" : "/rest/software/1.0") + "/sprint/2/issue"));
    }

    [Fact]
    public async Task SprintListIssuesAsync_PageSizeOneLimitTwo_ExactlyTwo()
    {
        var issues = await Jira.Sprints.ListIssuesAsync(2, new ListAgileIssuesOptions { Fields = ["summary"], PageSize = 1, Limit = 2 }, Ct)
            .ToListAsync(Ct);
        Assert.Equal(2, issues.Count);
        Assert.Equal(2, Calls(IssueListPath("/sprint/2/issue")).Count);
    }

    [Fact]
    public async Task SprintListIssuesPageAsync_UnknownSprint_NotFound() =>
        await Assert.ThrowsAsync<JiraNotFoundException>(() => Jira.Sprints.ListIssuesPageAsync(999, cancellationToken: Ct));

    [Fact]
    public async Task ListIssuesPageAsync_SecondPage_ContinuesWhereTheFirstEnded()
    {
        var all = await Jira.Boards.ListIssuesPageAsync(43, new ListAgileIssuesOptions { Fields = ["summary"], PageSize = 100 }, Ct);
        var first = await Jira.Boards.ListIssuesPageAsync(43, new ListAgileIssuesOptions { Fields = ["summary"], PageSize = 2 }, Ct);
        Assert.False(first.IsLast);
        var second = await Jira.Boards.ListIssuesPageAsync(43, new ListAgileIssuesOptions
        {
            Fields = ["summary"],
            PageSize = 2,
            NextPageToken = first.NextPageToken,
            StartAt = first.StartAt + first.Items.Count,
        }, Ct);
        Assert.Equal(all.Items.Skip(2).Take(2).Select(i => i.Key), second.Items.Select(i => i.Key));
        if (IsCloud)
        {
            Assert.NotNull(first.NextPageToken);
            Assert.Null(first.Total);
        }
        else
        {
            Assert.Null(first.NextPageToken);
            Assert.Equal(all.Total, first.Total);
            Assert.True(first.Total > 4);
            Assert.Equal(2, second.StartAt);
        }
    }
}

public sealed class CloudAgileIssueListTests(CloudSandboxFixture sandbox)
    : AgileIssueListTests(sandbox), IClassFixture<CloudSandboxFixture>;

public sealed class DataCenterAgileIssueListTests(DataCenterSandboxFixture sandbox)
    : AgileIssueListTests(sandbox), IClassFixture<DataCenterSandboxFixture>;
