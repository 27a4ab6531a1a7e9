using System.Text.Json;
using JiraGate.Governance.Pipeline;
using JiraGate.Governance.Policies;
using JiraGate.Mcp.Tests.Fakes;
using JiraGate.Mcp.Tools;

namespace JiraGate.Mcp.Tests;

public sealed class ToolCallTests
{
    private static readonly Dictionary<string, object?> Sec1 = new() { ["issue_key"] = "SEC-1" };

    [Fact]
    public async Task CallTool_Granted_GoesThroughThePipelineAsMcpWithoutPagingArguments()
    {
        await using var host = await McpTestHost.StartAsync(SeedPolicies.SocTriage);

        var result = await host.CallAsync("jira_issues_read_detail", new Dictionary<string, object?> { ["issue_key"] = "SEC-1", ["profile"] = "full" });

        Assert.NotEqual(true, result.IsError);
        var call = Assert.Single(host.Pipeline.Calls);
        Assert.Equal("issues:read_detail", call.Operation);
        Assert.Equal(EntryPoint.Mcp, call.EntryPoint);
        Assert.Equal("jira-soc-triage", call.Agent.AgentId);
        Assert.Equal("""{"issue_key":"SEC-1"}""", call.Arguments.GetRawText());
        Assert.Equal("issues:read_detail", ToolText.Json(result).GetProperty("operation").GetString());
    }

    [Theory]
    [InlineData(SeedPolicies.SocTriage, "jira_issues_delete")]
    [InlineData(SeedPolicies.ReadOnly, "jira_issues_create")]
    [InlineData(SeedPolicies.ReadOnly, "jira_comments_create")]
    [InlineData(SeedPolicies.FullManagement, "jira_boards_read")]
    public async Task CallTool_DeniedOperationByName_RefusedByThePipelineSoTheAttemptIsAudited(string policy, string tool)
    {
        var pipeline = new FakePipeline
        {
            Handler = call => FakePipeline.Failed(call.Operation, OperationErrorCodes.PolicyDenied, "no policy grants it", OperationStatus.Denied),
        };
        await using var host = await McpTestHost.StartAsync(policy, pipeline);

        var result = await host.CallAsync(tool, Sec1);

        Assert.Equal(OperationErrorCodes.PolicyDenied, ToolText.ErrorCode(result));
        Assert.Contains("Nothing was sent to Jira", ToolText.Of(result), StringComparison.Ordinal);
        var call = Assert.Single(host.Pipeline.Calls);
        Assert.Equal(McpToolNames.ToOperation(tool)!.Name, call.Operation);
        Assert.Equal(EntryPoint.Mcp, call.EntryPoint);
    }

    [Fact]
    public async Task CallTool_UnlistedToolThePipelineGrants_PipelineWins()
    {
        await using var host = await McpTestHost.StartAsync(SeedPolicies.ReadOnly);

        var result = await host.CallAsync("jira_issues_create", new Dictionary<string, object?> { ["project_key"] = "SEC" });

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("issues:create", ToolText.Json(result).GetProperty("operation").GetString());
    }

    [Fact]
    public async Task CallTool_UnknownName_UnknownOperationAndNothingExecuted()
    {
        await using var host = await McpTestHost.StartAsync(SeedPolicies.FullManagement);

        var result = await host.CallAsync("jira_issues_drop_table", Sec1);

        Assert.Equal(OperationErrorCodes.UnknownOperation, ToolText.ErrorCode(result));
        Assert.Empty(host.Pipeline.Calls);
    }

    [Fact]
    public async Task CallTool_HitlOperation_PendingIsAnOrdinaryResultWithTheApprovalId()
    {
        var pipeline = new FakePipeline
        {
            Handler = call => new OperationResult
            {
                Operation = call.Operation,
                Status = OperationStatus.PendingApproval,
                ApprovalId = "apr_01TEST",
                ApprovalChannel = "#jira-approvals",
                ApprovalExpiresAt = new DateTimeOffset(2025, 11, 25, 13, 0, 0, TimeSpan.Zero),
            },
        };
        await using var host = await McpTestHost.StartAsync(SeedPolicies.FullManagement, pipeline);

        var result = await host.CallAsync("jira_issues_delete", Sec1);

        Assert.NotEqual(true, result.IsError);
        var json = ToolText.Json(result);
        Assert.Equal("pending_approval", json.GetProperty("status").GetString());
        Assert.Equal("apr_01TEST", json.GetProperty("approval_id").GetString());
        Assert.Equal("#jira-approvals", json.GetProperty("channel").GetString());
        Assert.Equal("2025-11-25T13:00:00Z", json.GetProperty("expires_at").GetString());
        Assert.Contains(McpToolNames.ApprovalStatus, json.GetProperty("next").GetString(), StringComparison.Ordinal);
        Assert.Equal("issues:delete", Assert.Single(pipeline.Calls).Operation);
    }

    [Fact]
    public async Task ApprovalStatus_Executed_ReturnsTheResultForThisAgent()
    {
        var pipeline = new FakePipeline
        {
            ApprovalHandler = (agent, id) => FakePipeline.Ok("issues:delete", """{"deleted":"SEC-1"}""") is var ok
                ? new OperationResult { Operation = ok.Operation, Status = ok.Status, Value = ok.Value, ApprovalId = id }
                : null!,
        };
        await using var host = await McpTestHost.StartAsync(SeedPolicies.FullManagement, pipeline);

        var result = await host.CallAsync(McpToolNames.ApprovalStatus, new Dictionary<string, object?> { ["approval_id"] = "apr_01TEST" });

        Assert.NotEqual(true, result.IsError);
        var json = ToolText.Json(result);
        Assert.Equal("executed", json.GetProperty("status").GetString());
        Assert.Equal("apr_01TEST", json.GetProperty("approval_id").GetString());
        Assert.Equal("SEC-1", json.GetProperty("result").GetProperty("deleted").GetString());
        var lookup = Assert.Single(pipeline.ApprovalLookups);
        Assert.Equal(("jira-full-management", "apr_01TEST"), (lookup.Agent.AgentId, lookup.ApprovalId));
    }

    [Fact]
    public async Task ApprovalStatus_UnknownOrMissingId_ToolErrors()
    {
        await using var host = await McpTestHost.StartAsync(SeedPolicies.ReadOnly);

        var unknown = await host.CallAsync(McpToolNames.ApprovalStatus, new Dictionary<string, object?> { ["approval_id"] = "apr_other" });
        var missing = await host.CallAsync(McpToolNames.ApprovalStatus);

        Assert.Equal(OperationErrorCodes.NotFound, ToolText.ErrorCode(unknown));
        Assert.Equal(OperationErrorCodes.InvalidInput, ToolText.ErrorCode(missing));
    }

    [Fact]
    public async Task CallTool_PipelineFails_IsErrorWithStableCodeAndJirasErrors()
    {
        var pipeline = new FakePipeline
        {
            Handler = call => new OperationResult
            {
                Operation = call.Operation,
                Status = OperationStatus.Failed,
                Error = new OperationError
                {
                    Code = OperationErrorCodes.JiraError,
                    Message = "Jira refused the issue.",
                    JiraStatus = 400,
                    JiraErrorMessages = ["Field 'priority' cannot be set."],
                    JiraErrors = new Dictionary<string, string> { ["priority"] = "not on screen" },
                    RetryAfter = TimeSpan.FromSeconds(1.5),
                },
            },
        };
        await using var host = await McpTestHost.StartAsync(SeedPolicies.SocTriage, pipeline);

        var result = await host.CallAsync("jira_issues_create", new Dictionary<string, object?> { ["project_key"] = "SEC", ["summary"] = "x", ["issue_type"] = "Bug" });

        Assert.Equal(OperationErrorCodes.JiraError, ToolText.ErrorCode(result));
        var error = ToolText.Json(result).GetProperty("error");
        Assert.Equal(400, error.GetProperty("jira_status").GetInt32());
        Assert.Equal("Field 'priority' cannot be set.", error.GetProperty("jira_error_messages")[0].GetString());
        Assert.Equal("not on screen", error.GetProperty("jira_errors").GetProperty("priority").GetString());
        Assert.Equal(2, error.GetProperty("retry_after_seconds").GetInt32());
    }

    [Fact]
    public async Task CallTool_PipelineThrows_ToolErrorAndTheSessionGoesOn()
    {
        var pipeline = new FakePipeline();
        var calls = 0;
        pipeline.Handler = call => Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("boom with secret jg_agent_x") : FakePipeline.Ok(call.Operation, "{}");
        await using var host = await McpTestHost.StartAsync(SeedPolicies.SocTriage, pipeline);

        var first = await host.CallAsync("jira_issues_read_detail", Sec1);
        var second = await host.CallAsync("jira_issues_read_detail", Sec1);

        Assert.Equal("internal_error", ToolText.ErrorCode(first));
        Assert.DoesNotContain("jg_agent_x", ToolText.Of(first), StringComparison.Ordinal);
        Assert.NotEqual(true, second.IsError);
    }

    [Fact]
    public async Task CallTool_BadProfile_InvalidInputAndNothingExecuted()
    {
        await using var host = await McpTestHost.StartAsync(SeedPolicies.SocTriage);

        var result = await host.CallAsync("jira_issues_read_detail", new Dictionary<string, object?> { ["issue_key"] = "SEC-1", ["profile"] = "everything" });

        Assert.Equal(OperationErrorCodes.InvalidInput, ToolText.ErrorCode(result));
        Assert.Empty(host.Pipeline.Calls);
    }

    [Fact]
    public async Task CallTool_Profiles_ShapeTheAnswer()
    {
        const string Issue = """
            {"key":"SEC-1","self":"https://x/rest/api/3/issue/1","fields":{"summary":"Phish","description":null,"labels":[],
             "status":{"name":"Open","self":"https://x/status/1","iconUrl":"https://x/i.png","id":"1"},
             "assignee":{"displayName":"Ann","accountId":"a1","avatarUrls":{"48x48":"https://x/a.png"}},
             "body":"LONGTEXT"}}
            """;
        var pipeline = new FakePipeline { Handler = call => FakePipeline.Ok(call.Operation, Issue.Replace("LONGTEXT", new string('x', 500), StringComparison.Ordinal)) };
        await using var host = await McpTestHost.StartAsync(SeedPolicies.SocTriage, pipeline);

        async Task<JsonElement> Get(string profile) =>
            ToolText.Json(await host.CallAsync("jira_issues_read_detail", new Dictionary<string, object?> { ["issue_key"] = "SEC-1", ["profile"] = profile }));

        var full = await Get("full");
        var standard = await Get("standard");
        var minimal = await Get("minimal");

        Assert.True(full.TryGetProperty("self", out _));
        Assert.Equal(JsonValueKind.Null, full.GetProperty("fields").GetProperty("description").ValueKind);

        Assert.False(standard.TryGetProperty("self", out _));
        Assert.False(standard.GetProperty("fields").TryGetProperty("description", out _));
        Assert.False(standard.GetProperty("fields").TryGetProperty("labels", out _));
        Assert.False(standard.GetProperty("fields").GetProperty("status").TryGetProperty("iconUrl", out _));
        Assert.Equal("Open", standard.GetProperty("fields").GetProperty("status").GetProperty("name").GetString());

        Assert.Equal("Open", minimal.GetProperty("fields").GetProperty("status").GetString());
        Assert.Equal("Ann", minimal.GetProperty("fields").GetProperty("assignee").GetString());
        Assert.True(minimal.GetProperty("fields").GetProperty("body").GetString()!.Length < 300);
    }
}
