using JiraGate.Governance.Pipeline;
using static JiraGate.Governance.Tests.Execution.JsonAssert;

namespace JiraGate.Governance.Tests.Execution;

/// <summary>A representative subset against the Data Center sandbox: REST v2, usernames, wiki markup, offset paging.</summary>
public sealed class DataCenterOperationTests(DataCenterExecutorFixture bed) : IClassFixture<DataCenterExecutorFixture>
{
    [Fact]
    public async Task Search_PagesByOffsetBehindTheCursor_WithTotal()
    {
        var first = await bed.RunAsync("issues:read", """{"jql": "project = SEC ORDER BY key ASC", "max_results": 5}""");
        Keys(first, "items", "next_page_token", "is_last", "total");
        Assert.All(Items(first), i => Keys(i, CloudIssueOperationTests.IssueKeys));
        Assert.All(Items(first), i => Assert.True(i.GetProperty("reporter").ValueKind == System.Text.Json.JsonValueKind.Null || i.GetProperty("reporter").TryGetProperty("name", out _)));
        var second = await bed.RunAsync("issues:read", $$"""{"jql": "project = SEC ORDER BY key ASC", "max_results": 5, "next_page_token": "{{Str(first, "next_page_token")}}"}""");
        Assert.Equal(10, Items(first).Concat(Items(second)).Select(i => Str(i, "key")).Distinct().Count());
    }

    [Fact]
    public async Task Search_ScopedToSec_StaysInSec()
    {
        var result = await bed.RunAsync("issues:read", """{"jql": "project = HR OR project = ENG", "max_results": 20}""", Scopes.Of(["SEC"]));
        Assert.All(Items(result), i => Assert.Equal("SEC", Str(i, "project")));
    }

    [Fact]
    public async Task CreateAssignTransitionComment_WorkWithUsernamesAndWikiMarkup()
    {
        var created = await bed.RunAsync("issues:create",
            """{"project_key": "ENG", "summary": "DC executor", "issue_type": "Story", "description": "Steps: **bold** and `code`", "assignee": "carol@example.com"}""");
        var key = Str(created, "key");
        var detail = await bed.RunAsync("issues:read_detail", $$"""{"issue_key": "{{key}}"}""");
        Assert.Equal("carol", Str(detail.GetProperty("assignee"), "name"));
        Assert.Contains("**bold**", Str(detail, "description"), StringComparison.Ordinal);

        var moved = await bed.RunAsync("issues:transition", $$"""{"issue_key": "{{key}}", "transition_name": "In Progress"}""");
        Assert.Equal("In Progress", Str(moved, "status"));

        var comment = await bed.RunAsync("comments:create", $$"""{"issue_key": "{{key}}", "body": "Looks **good**"}""");
        Assert.Equal("Looks **good**", Str(comment, "body"));
        Assert.Equal("ada", Str(comment.GetProperty("author"), "name"));

        var ex = await Assert.ThrowsAsync<OperationArgumentException>(() => bed.RunAsync("issues:transition", $$"""{"issue_key": "{{key}}", "transition_name": "Teleport"}"""));
        Assert.Contains("Done", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BoardsSprintsAndBacklog_PageByOffset()
    {
        var boards = await bed.RunAsync("boards:read", """{"project_key": "SEC"}""");
        Assert.Equal(42, Assert.Single(Items(boards)).GetProperty("id").GetInt64());
        var sprints = await bed.RunAsync("boards:read_sprints", """{"board_id": 42}""");
        Assert.Equal(3, Items(sprints).Count);
        var backlog = await bed.RunAsync("boards:read_backlog", """{"board_id": "42", "max_results": 2}""");
        var next = await bed.RunAsync("boards:read_backlog", $$"""{"board_id": "42", "max_results": 2, "start_at": {{backlog.GetProperty("next_start_at").GetInt32()}}}""");
        Assert.Empty(Items(backlog).Select(i => Str(i, "key")).Intersect(Items(next).Select(i => Str(i, "key"))));
    }
}
