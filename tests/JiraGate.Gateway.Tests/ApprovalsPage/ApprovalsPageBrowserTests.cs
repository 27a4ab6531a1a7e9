using System.Net;
using System.Text.Json;
using JiraGate.Governance.Audit;
using JiraGate.Governance.Approvals;
using JiraGate.Governance.Pipeline;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;

namespace JiraGate.Gateway.Tests.ApprovalsPage;

/// <summary>
/// Issue 5 item 6, human approval end to end: an agent under jira-full-management asks for issues:delete → pending → an
/// approver signs in and approves on the page in headless Chromium (keyboard only, JavaScript off) → executed once: the
/// issue is gone from the sandbox → the agent collects the result.
/// </summary>
public sealed class ApprovalsPageBrowserTests
{
    [Fact]
    public async Task DeleteApprovedInBrowser_ExecutedOnceAndCollected()
    {
        if (BrowserDriver.MissingPrerequisite() is { } missing)
        {
            Assert.Fail(missing);
        }
        var ct = TestContext.Current.CancellationToken;
        await using var sandbox = await SandboxHost.StartAsync(cancellationToken: ct);
        // The real pipeline (AddJiraGate + AddJiraGateSqlite); only the Jira executor is a stand-in until the executors land.
        var executor = new SandboxExecutor(sandbox);
        await using var host = await PageHost.StartAsync(s => s.AddSingleton<IOperationExecutor>(executor), governance: true);
        var agentPipeline = host.Services.GetRequiredService<IOperationPipeline>();
        Assert.IsType<OperationPipeline>(agentPipeline);
        using var bot = sandbox.CreateClient(DemoCredentials.Bot);
        using (var before = await bot.GetAsync("/rest/api/3/issue/SEC-456?fields=summary", ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        // The agent asks: pending, nothing sent to Jira yet.
        using var args = JsonDocument.Parse("""{"issue_key":"SEC-456"}""");
        var asked = await agentPipeline.ExecuteAsync(new OperationCall { Agent = host.Agent, Operation = "issues:delete", Arguments = args.RootElement, EntryPoint = EntryPoint.Http }, ct);
        Assert.Equal(OperationStatus.PendingApproval, asked.Status);
        Assert.Equal("jira-full-management", asked.Decision?.Policy);
        var approvalId = asked.ApprovalId!;
        Assert.Equal(0, executor.Deletes);

        // A person approves it in the browser.
        var (exit, stdout, stderr) = await BrowserDriver.RunAsync(new Dictionary<string, string>
        {
            ["JIRAGATE_URL"] = host.BaseUrl.ToString(),
            ["JIRAGATE_APPROVER_KEY"] = host.AliceKey,
            ["JIRAGATE_APPROVAL_ID"] = approvalId,
            ["JIRAGATE_EXPECT"] = "Delete SEC-456",
            ["JIRAGATE_COMMENT"] = "Duplicate of SEC-455; confirmed with the SOC lead.",
            ["JIRAGATE_SCREENSHOTS"] = Path.Combine(BrowserDriver.BrowserFolder, "artifacts"),
        }, ct);
        Assert.True(exit == 0, $"The browser driver failed (exit {exit}).\nstdout: {stdout}\nstderr: {stderr}");
        using var report = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
        Assert.True(report.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal("executed", report.RootElement.GetProperty("state").GetString());
        Assert.DoesNotContain(host.AliceKey, stdout + stderr, StringComparison.Ordinal);

        // Executed exactly once: the issue is gone from the sandbox.
        Assert.Equal(1, executor.Deletes);
        using (var after = await bot.GetAsync("/rest/api/3/issue/SEC-456?fields=summary", ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        }
        var stored = await host.GetAsync(approvalId);
        Assert.Equal(ApprovalState.Executed, stored.State);
        Assert.Equal("alice", stored.DecidedBy);
        Assert.Equal("Duplicate of SEC-455; confirmed with the SOC lead.", stored.DecisionComment);

        // Recorded in the audit chain, which verifies.
        var audit = host.Services.GetRequiredService<AuditLog>();
        var records = (await audit.QueryAsync(new AuditQuery { Agent = PageHost.AgentId }, ct)).Records;
        Assert.Contains(records, r => r.Operation == "issues:delete" && r.ApprovalId == approvalId);
        Assert.True((await audit.VerifyAsync(ct)).IsValid);

        // The agent collects the kept result; nothing runs again.
        var collected = await agentPipeline.GetApprovalResultAsync(host.Agent, approvalId, ct);
        Assert.Equal(OperationStatus.Ok, collected.Status);
        Assert.True(collected.Value!.Value.GetProperty("deleted").GetBoolean());
        Assert.Equal(1, executor.Deletes);
    }
}
