using System.Text.Json;
using JiraGate.Governance.Approvals;
using JiraGate.Governance.Audit;
using JiraGate.Governance.Pipeline;
using JiraGate.Governance.Policies;
using JiraGate.Mcp.Tools;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace JiraGate.Gateway.Tests.Mcp;

/// <summary>MCP over HTTP in front of the real pipeline: policy, approvals and audit as the gateway runs them.</summary>
public sealed class McpGovernedTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonElement Json(CallToolResult result)
    {
        using var doc = JsonDocument.Parse(string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text)));
        return doc.RootElement.Clone();
    }

    private static Task<CallToolResult> CallAsync(McpClient client, string tool, Dictionary<string, object?> arguments) =>
        client.CallToolAsync(tool, arguments, cancellationToken: Ct).AsTask();

    [Fact]
    public async Task HitlDelete_PendingThenApprovedThenCollected_ExecutedExactlyOnce()
    {
        var executor = new CountingExecutor();
        await using var host = await GovernedMcpHost.StartAsync(executor);
        var key = await host.AddAgentAsync("manager-bot", SeedPolicies.FullManagement);
        var alice = await host.AddApproverAsync("alice");
        await using var client = await host.ConnectAsync(key);

        var pending = await CallAsync(client, "jira_issues_delete", new() { ["issue_key"] = "SEC-9" });
        Assert.NotEqual(true, pending.IsError);
        var approvalId = Json(pending).GetProperty("approval_id").GetString()!;
        Assert.Equal("pending_approval", Json(pending).GetProperty("status").GetString());
        Assert.Equal("#jira-approvals", Json(pending).GetProperty("channel").GetString());

        var stillPending = await CallAsync(client, McpToolNames.ApprovalStatus, new() { ["approval_id"] = approvalId });
        Assert.Equal("pending_approval", Json(stillPending).GetProperty("status").GetString());
        Assert.Equal(0, executor.Calls);

        var approved = await host.Services.GetRequiredService<ApprovalService>().ApproveAsync(approvalId, alice, "ok", Ct);
        Assert.True(approved.Succeeded, approved.ToString());

        var collected = await CallAsync(client, McpToolNames.ApprovalStatus, new() { ["approval_id"] = approvalId });
        var again = await CallAsync(client, McpToolNames.ApprovalStatus, new() { ["approval_id"] = approvalId });

        Assert.NotEqual(true, collected.IsError);
        Assert.Equal("executed", Json(collected).GetProperty("status").GetString());
        Assert.Equal("issues:delete", Json(collected).GetProperty("result").GetProperty("operation").GetString());
        Assert.Equal(Json(collected).GetRawText(), Json(again).GetRawText());
        Assert.Equal(1, executor.Calls);
        Assert.Equal(("issues:delete", """{"issue_key":"SEC-9"}"""), Assert.Single(executor.Received));
    }

    [Fact]
    public async Task ApprovalStatus_AnotherAgentsApproval_NotFound()
    {
        await using var host = await GovernedMcpHost.StartAsync(new CountingExecutor());
        var manager = await host.ConnectAsync(await host.AddAgentAsync("manager-bot", SeedPolicies.FullManagement));
        var other = await host.ConnectAsync(await host.AddAgentAsync("other-bot", SeedPolicies.FullManagement));
        await using (manager)
        await using (other)
        {
            var approvalId = Json(await CallAsync(manager, "jira_issues_delete", new() { ["issue_key"] = "SEC-9" })).GetProperty("approval_id").GetString()!;

            var stolen = await CallAsync(other, McpToolNames.ApprovalStatus, new() { ["approval_id"] = approvalId });

            Assert.True(stolen.IsError);
            Assert.Equal(OperationErrorCodes.NotFound, Json(stolen).GetProperty("error").GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task CallTool_InvalidArguments_InvalidInputNamingTheArgumentAndNothingExecuted()
    {
        var executor = new CountingExecutor();
        await using var host = await GovernedMcpHost.StartAsync(executor);
        await using var client = await host.ConnectAsync(await host.AddAgentAsync("soc-bot", SeedPolicies.SocTriage));

        var result = await CallAsync(client, "jira_issues_read_detail", new() { ["issue_key"] = "not a key; DROP" });

        Assert.True(result.IsError);
        var error = Json(result).GetProperty("error");
        Assert.Equal(OperationErrorCodes.InvalidInput, error.GetProperty("code").GetString());
        Assert.Equal("issue_key", error.GetProperty("arguments")[0].GetProperty("argument").GetString());
        Assert.Equal(0, executor.Calls);
    }

    [Fact]
    public async Task CallTool_Granted_AuditedIntentAndOutcomeOnAnIntactChain()
    {
        var executor = new CountingExecutor();
        await using var host = await GovernedMcpHost.StartAsync(executor);
        await using var client = await host.ConnectAsync(await host.AddAgentAsync("soc-bot", SeedPolicies.SocTriage));

        var result = await CallAsync(client, "jira_issues_read_detail", new() { ["issue_key"] = "SEC-1" });

        Assert.NotEqual(true, result.IsError);
        var audit = host.Services.GetRequiredService<AuditLog>();
        var records = (await audit.QueryAsync(new AuditQuery { Agent = "soc-bot" }, Ct)).Records;
        Assert.Equal([AuditRecordKind.Intent, AuditRecordKind.Outcome], records.OrderBy(r => r.Seq).Select(r => r.Kind));
        Assert.All(records, r => Assert.Equal("issues:read_detail", r.Operation));
        Assert.Equal(1, executor.Calls);
        Assert.True((await audit.VerifyAsync(Ct)).IsValid);
    }

    [Fact]
    public async Task CallTool_UnlistedToolByName_RefusedAuditedAndNothingExecuted()
    {
        var executor = new CountingExecutor();
        await using var host = await GovernedMcpHost.StartAsync(executor);
        await using var client = await host.ConnectAsync(await host.AddAgentAsync("soc-bot", SeedPolicies.SocTriage));

        var result = await CallAsync(client, "jira_issues_delete", new() { ["issue_key"] = "SEC-1" });

        Assert.True(result.IsError);
        Assert.Equal(OperationErrorCodes.PolicyDenied, Json(result).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(0, executor.Calls);
        var audit = host.Services.GetRequiredService<AuditLog>();
        var records = (await audit.QueryAsync(new AuditQuery { Agent = "soc-bot" }, Ct)).Records;
        Assert.Equal([AuditRecordKind.Intent, AuditRecordKind.Outcome], records.OrderBy(r => r.Seq).Select(r => r.Kind));
        Assert.All(records, r => Assert.Equal(("issues:delete", "deny"), (r.Operation, r.Decision)));
        Assert.True((await audit.VerifyAsync(Ct)).IsValid);
    }
}
