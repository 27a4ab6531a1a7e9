using JiraGate.Governance.Execution;
using JiraGate.Governance.Pipeline;
using static JiraGate.Governance.Tests.Execution.JsonAssert;

namespace JiraGate.Governance.Tests.Execution;

/// <summary>
/// A restricted <see cref="ExecutionScope"/> against the sandbox, connected as a Jira admin who can see HR: whatever the
/// agent writes, results stay inside the scope, and issue-key operations on issues outside it are refused before acting.
/// </summary>
public sealed class ExecutorScopeTests(CloudExecutorFixture bed) : IClassFixture<CloudExecutorFixture>
{
    private static readonly ExecutionScope SecOnly = Scopes.Of(["SEC"]);

    [Theory]
    [InlineData("status != Closed ORDER BY key ASC")]
    [InlineData("project = HR")]
    [InlineData("project = HR OR project = ENG OR project IS NOT EMPTY")]
    [InlineData("(project = SEC) OR (project = HR)")]
    [InlineData("labels = \"x) OR (project = HR\" OR project = HR")]
    [InlineData("ORDER BY created DESC")]
    public async Task Search_ScopedToSec_ReturnsOnlySecWhateverTheJql(string jql)
    {
        var escaped = jql.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        var result = await bed.RunAsync("issues:read", $$"""{"jql": "{{escaped}}", "max_results": 50}""", SecOnly);
        Assert.All(Items(result), i => Assert.Equal("SEC", Str(i, "project")));
    }

    [Fact]
    public async Task Search_Unscoped_SeesHr_SoTheScopedTestsCanFail()
    {
        var result = await bed.RunAsync("issues:read", """{"jql": "project = HR", "max_results": 5}""");
        Assert.NotEmpty(Items(result));
    }

    [Theory]
    [InlineData("project = SEC) OR (project = HR")]
    [InlineData("project = SEC) OR project = HR OR (project = SEC")]
    [InlineData("summary ~ a\\\") OR (project = HR")]
    [InlineData("project = HR ORDER BY key) OR (project = HR")]
    public async Task Search_HostileJqlUnderScope_IsRefusedBeforeJira(string jql)
    {
        var escaped = jql.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        var ex = await Assert.ThrowsAsync<OperationArgumentException>(() => bed.RunAsync("issues:read", $$"""{"jql": "{{escaped}}", "max_results": 5}""", SecOnly));
        Assert.Equal("jql", ex.Argument);
    }

    [Fact]
    public async Task Search_IssueTypeScope_ReturnsOnlyThatType()
    {
        var result = await bed.RunAsync("issues:read", """{"jql": "ORDER BY key", "max_results": 30}""", Scopes.Of(["SEC"], ["Bug"]));
        Assert.NotEmpty(Items(result));
        Assert.All(Items(result), i => Assert.Equal("Bug", Str(i, "issue_type")));
    }

    [Fact]
    public async Task IssueKeyOperations_OutsideIssueTypeScope_AreRefusedAndWriteNothing()
    {
        var task = await bed.NewIssueAsync("SEC", "Task");
        var bug = await bed.NewIssueAsync("SEC", "Bug");
        var bugsOnly = Scopes.Of(["SEC"], ["Bug"]);

        var ex = await Assert.ThrowsAsync<ExecutionScopeException>(() => bed.RunAsync("issues:read_detail", $$"""{"issue_key": "{{task}}"}""", bugsOnly));
        Assert.Contains(task, ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ExecutionScopeException>(() => bed.RunAsync("comments:create", $$"""{"issue_key": "{{task}}", "body": "leak"}""", bugsOnly));
        await Assert.ThrowsAsync<ExecutionScopeException>(() => bed.RunAsync("issues:delete", $$"""{"issue_key": "{{task}}"}""", bugsOnly));
        Assert.Empty(Items(await bed.RunAsync("comments:read", $$"""{"issue_key": "{{task}}"}""")));
        Assert.Equal(task, Str(await bed.RunAsync("issues:read_detail", $$"""{"issue_key": "{{task}}"}"""), "key"));

        Assert.Equal(bug, Str(await bed.RunAsync("issues:read_detail", $$"""{"issue_key": "{{bug}}"}""", bugsOnly), "key"));
        await bed.RunAsync("comments:create", $$"""{"issue_key": "{{bug}}", "body": "fine"}""", bugsOnly);
    }

    [Fact]
    public async Task IssueKeyOperations_IssueInAnotherProject_AreRefused()
    {
        var hr = await bed.NewIssueAsync("HR", "Task");
        await Assert.ThrowsAsync<ExecutionScopeException>(() => bed.RunAsync("issues:read_transitions", $$"""{"issue_key": "{{hr}}"}""", SecOnly));
        await Assert.ThrowsAsync<ExecutionScopeException>(() => bed.RunAsync("issues:create", """{"project_key": "HR", "summary": "x", "issue_type": "Task"}""", SecOnly));
    }

    [Fact]
    public async Task OpaqueOperations_UnderRestrictedScope_AreRefused()
    {
        await Assert.ThrowsAsync<ExecutionScopeException>(() => bed.RunAsync("attachments:delete", """{"attachment_id": "10001"}""", SecOnly));
        await Assert.ThrowsAsync<ExecutionScopeException>(() => bed.RunAsync("webhooks:read", "{}", SecOnly));
        await Assert.ThrowsAsync<ExecutionScopeException>(() => bed.RunAsync("boards:read_sprints", """{"board_id": 44}""", SecOnly)); // OPS board
        Assert.NotEmpty(Items(await bed.RunAsync("boards:read_sprints", """{"board_id": 42}""", SecOnly)));
    }

    [Fact]
    public async Task AgileIssueLists_UnderScope_AreConstrainedLikeSearches()
    {
        var result = await bed.RunAsync("boards:read_backlog", """{"board_id": 42, "jql": "project = HR OR issuetype = Bug", "max_results": 20}""", Scopes.Of(["SEC"], ["Bug"]));
        Assert.All(Items(result), i => Assert.Equal("Bug", Str(i, "issue_type")));
    }
}
