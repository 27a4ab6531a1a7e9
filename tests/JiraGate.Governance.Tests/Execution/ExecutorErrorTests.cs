using JiraGate.Governance.Catalog;
using JiraGate.Governance.Execution;
using JiraGate.Governance.Pipeline;
using JiraGate.Jira;
using System.Text.Json;

namespace JiraGate.Governance.Tests.Execution;

/// <summary>Arguments Jira cannot use become <see cref="OperationArgumentException"/>s that say what to do; Jira's own failures stay <see cref="JiraException"/>s.</summary>
public sealed class ExecutorErrorTests(CloudExecutorFixture bed) : IClassFixture<CloudExecutorFixture>
{
    [Fact]
    public async Task Create_UnknownAssigneeEmail_NamesTheArgumentAndWritesNothing()
    {
        var before = await CountAsync("project = SEC AND summary ~ \"nobody-assignee\"");
        var ex = await Assert.ThrowsAsync<OperationArgumentException>(() => bed.RunAsync("issues:create",
            """{"project_key": "SEC", "summary": "nobody-assignee", "issue_type": "Task", "assignee": "nobody@example.com"}"""));
        Assert.Equal("assignee", ex.Argument);
        Assert.Contains("nobody@example.com", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync("project = SEC AND summary ~ \"nobody-assignee\""));
    }

    [Fact]
    public async Task Assign_UnknownEmail_IsAnArgumentError()
    {
        var ex = await Assert.ThrowsAsync<OperationArgumentException>(() => bed.RunAsync("issues:assign", """{"issue_key": "SEC-456", "assignee": "ghost@example.org"}"""));
        Assert.Equal("assignee", ex.Argument);
    }

    [Fact]
    public async Task Transition_UnknownName_ListsTheAvailableTransitions()
    {
        var key = await bed.NewIssueAsync();
        var ex = await Assert.ThrowsAsync<OperationArgumentException>(() => bed.RunAsync("issues:transition", $$"""{"issue_key": "{{key}}", "transition_name": "Teleport"}"""));
        Assert.Equal("transition_name", ex.Argument);
        Assert.Contains("Start Progress", ex.Message, StringComparison.Ordinal);
        var status = await bed.RunAsync("issues:transition", $$"""{"issue_key": "{{key}}", "status": "Nowhere"}""").ContinueWith(t => t.Exception?.InnerException, TaskScheduler.Default);
        Assert.IsType<OperationArgumentException>(status);
    }

    [Fact]
    public async Task Transition_ScreenFieldRequiredButMissing_IsAnArgumentErrorBeforeJira()
    {
        var key = await bed.NewIssueAsync();
        var ex = await Assert.ThrowsAsync<OperationArgumentException>(() => bed.RunAsync("issues:transition", $$"""{"issue_key": "{{key}}", "transition_name": "Resolve Issue"}"""));
        Assert.Equal("fields", ex.Argument);
        Assert.Contains("esolution", ex.Message, StringComparison.Ordinal);
        var detail = await bed.RunAsync("issues:read_detail", $$"""{"issue_key": "{{key}}"}""");
        Assert.Equal("Open", detail.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Create_IssueTypeNotInProject_ListsTheProjectsTypes()
    {
        var ex = await Assert.ThrowsAsync<OperationArgumentException>(() => bed.RunAsync("issues:create", """{"project_key": "HR", "summary": "x", "issue_type": "Bug"}"""));
        Assert.Equal("issue_type", ex.Argument);
        Assert.Contains("Task", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkCreate_OneBadItem_NamesItsIndexAndCreatesNone()
    {
        var ex = await Assert.ThrowsAsync<OperationArgumentException>(() => bed.RunAsync("issues:bulk_create",
            """{"issues": [{"project_key": "SEC", "summary": "bulk-none", "issue_type": "Task"}, {"project_key": "HR", "summary": "bulk-none", "issue_type": "Story"}]}"""));
        Assert.Equal("issues[1].issue_type", ex.Argument);
        Assert.Equal(0, await CountAsync("summary ~ \"bulk-none\""));
    }

    [Fact]
    public async Task Create_UnknownProject_IsAnArgumentError()
    {
        var ex = await Assert.ThrowsAsync<OperationArgumentException>(() => bed.RunAsync("issues:create", """{"project_key": "NOPE", "summary": "x", "issue_type": "Task"}"""));
        Assert.Equal("project_key", ex.Argument);
    }

    [Fact]
    public async Task Update_UnknownCustomField_IsAnArgumentError()
    {
        var ex = await Assert.ThrowsAsync<OperationArgumentException>(() => bed.RunAsync("issues:update", """{"issue_key": "SEC-456", "custom_fields": {"customfield_99999": 1}}"""));
        Assert.Equal("custom_fields", ex.Argument);
    }

    [Fact]
    public async Task Search_UnknownFieldName_OrForeignCursor_AreArgumentErrors()
    {
        var fields = await Assert.ThrowsAsync<OperationArgumentException>(() => bed.RunAsync("issues:read", """{"jql": "project = SEC", "max_results": 1, "fields": ["No Such Field"]}"""));
        Assert.Equal("fields", fields.Argument);
        var cursor = await Assert.ThrowsAsync<OperationArgumentException>(() => bed.RunAsync("issues:read", """{"jql": "project = SEC", "max_results": 1, "next_page_token": "abc"}"""));
        Assert.Equal("next_page_token", cursor.Argument);
    }

    [Fact]
    public async Task Upload_OverTheSizeLimit_IsRefusedBeforeSending()
    {
        var small = new JiraOperationExecutor(bed.Jira, new JiraOperationExecutorOptions { MaxAttachmentBytes = 8 });
        using var args = JsonDocument.Parse("""{"issue_key": "SEC-456", "file_name": "big.bin", "content_base64": "AAAAAAAAAAAAAAAA"}""");
        var ex = await Assert.ThrowsAsync<OperationArgumentException>(() => small.ExecuteAsync(OperationCatalog.Default["attachments:upload"], args.RootElement,
            ExecutionScope.Unrestricted, TestContext.Current.CancellationToken));
        Assert.Equal("content_base64", ex.Argument);
    }

    [Theory]
    [InlineData("https://localhost/hook")]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://192.168.0.10/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[::ffff:10.0.0.1]/hook")]
    [InlineData("https://user:secret@hooks.example.com/hook")]
    [InlineData("https://jira.internal/hook")]
    [InlineData("https://2130706433/hook")] // 127.0.0.1 written as one number
    [InlineData("https://0x7f.0.0.1/hook")]
    [InlineData("https://metadata.google.internal/computeMetadata/v1/")]
    [InlineData("https://172.20.0.5/hook")]
    [InlineData("https://100.100.100.200/hook")]
    [InlineData("https://[fd00:ec2::254]/hook")]
    [InlineData("https://[fe80::1]/hook")]
    [InlineData("https://[64:ff9b::a00:1]/hook")] // NAT64 of 10.0.0.1
    [InlineData("https://intranet/hook")]
    public async Task CreateWebhook_PrivateOrCredentialedUrl_IsRefused(string url)
    {
        var ex = await Assert.ThrowsAsync<OperationArgumentException>(() => bed.RunAsync("webhooks:create", $$"""{"url": "{{url}}", "events": ["jira:issue_created"]}"""));
        Assert.Equal("url", ex.Argument);
        Assert.DoesNotContain("secret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JiraErrors_SurfaceAsJiraExceptions()
    {
        await Assert.ThrowsAsync<JiraNotFoundException>(() => bed.RunAsync("issues:read_detail", """{"issue_key": "SEC-999999"}"""));
        await Assert.ThrowsAsync<JiraValidationException>(() => bed.RunAsync("issues:read", """{"jql": "project = = SEC", "max_results": 1}"""));
        await Assert.ThrowsAsync<JiraNotFoundException>(() => bed.RunAsync("comments:update", """{"issue_key": "SEC-456", "comment_id": "99999999", "body": "x"}"""));
    }

    private async Task<int> CountAsync(string jql)
    {
        var n = 0;
        await foreach (var _ in bed.Jira.Issues.SearchAsync(jql, new SearchOptions { Fields = ["summary"] }, TestContext.Current.CancellationToken))
        {
            n++;
        }
        return n;
    }
}
