using System.Net;
using JiraGate.Gateway.ApprovalsPage;
using JiraGate.Governance.Approvals;
using JiraGate.Governance.Pipeline;

namespace JiraGate.Gateway.Tests.ApprovalsPage;

public sealed class ApprovalsPageDecisionTests
{
    private const string DeleteArgs = """{"issue_key":"SEC-456"}""";

    private static Task<PageHost> StartAsync(Action<FakePipeline> seen, FakePreviewSource? preview = null) =>
        PageHost.StartAsync(s =>
        {
            s.AddSingleton<IOperationPipeline>(sp =>
            {
                var p = new FakePipeline(sp.GetRequiredService<ApprovalService>());
                seen(p);
                return p;
            });
            s.AddSingleton<IIssuePreviewSource>(preview ?? FakePreviewSource.WithSec456());
        });

    [Fact]
    public async Task Approve_ExecutesOnceAndAgentCollectsTheKeptResult()
    {
        FakePipeline pipeline = null!;
        await using var host = await StartAsync(p => pipeline = p);
        var approval = await host.RequestAsync("issues:delete", DeleteArgs);
        using var client = host.NewClient();
        await client.SignInAsync(host.AliceKey);
        var detail = await client.GetAsync($"/approvals/{approval.Id}");
        Assert.Contains("Delete SEC-456 &#x27;Suspicious login from 198.51.100.42&#x27; permanently.", detail.Html, StringComparison.Ordinal);

        var posted = await client.PostAsync($"/approvals/{approval.Id}/approve", new Dictionary<string, string> { ["comment"] = "confirmed duplicate" });

        Assert.Equal(HttpStatusCode.SeeOther, posted.Status);
        Assert.Equal($"/approvals/{approval.Id}?done=approved", posted.Location);
        Assert.Equal(1, pipeline.Executions);
        var stored = await host.GetAsync(approval.Id);
        Assert.Equal(ApprovalState.Executed, stored.State);
        Assert.Equal("alice", stored.DecidedBy);
        Assert.Equal("confirmed duplicate", stored.DecisionComment);

        var after = await client.GetAsync(posted.Location!);
        Assert.Contains("Approved and executed once.", after.Html, StringComparison.Ordinal);
        Assert.Contains("&quot;deleted&quot;: true", after.Html, StringComparison.Ordinal);

        // The agent collects: the kept result, no second execution.
        var collected = await pipeline.GetApprovalResultAsync(host.Agent, approval.Id, TestContext.Current.CancellationToken);
        Assert.Equal(OperationStatus.Ok, collected.Status);
        Assert.Equal(1, pipeline.Executions);

        // Approving again is refused and runs nothing.
        var again = await client.PostAsync($"/approvals/{approval.Id}/approve");
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Contains("already executed", again.Html, StringComparison.Ordinal);
        Assert.Equal(1, pipeline.Executions);

        var list = await client.GetAsync("/approvals");
        Assert.Contains("state-executed", list.Html, StringComparison.Ordinal);
        Assert.Contains("“confirmed duplicate”", list.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_ByAgentsOwner_RefusedByFourEyes()
    {
        FakePipeline pipeline = null!;
        await using var host = await StartAsync(p => pipeline = p);
        var approval = await host.RequestAsync("issues:delete", DeleteArgs);
        using var client = host.NewClient();
        await client.SignInAsync(host.OliviaKey);
        await client.GetAsync($"/approvals/{approval.Id}");

        var page = await client.PostAsync($"/approvals/{approval.Id}/approve");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("role=\"alert\">Four-eyes rule: olivia owns agent soc-bot", page.Html, StringComparison.Ordinal);
        Assert.Equal(ApprovalState.Pending, (await host.GetAsync(approval.Id)).State);
        Assert.Equal(0, pipeline?.Executions ?? 0);
    }

    [Fact]
    public async Task Deny_RecordsWhoAndWhyAndRunsNothing()
    {
        FakePipeline? pipeline = null;
        await using var host = await StartAsync(p => pipeline = p);
        var approval = await host.RequestAsync("issues:delete", DeleteArgs);
        using var client = host.NewClient();
        await client.SignInAsync(host.AliceKey);
        await client.GetAsync($"/approvals/{approval.Id}");

        var posted = await client.PostAsync($"/approvals/{approval.Id}/deny", new Dictionary<string, string> { ["comment"] = "still needed" });

        Assert.Equal(HttpStatusCode.SeeOther, posted.Status);
        var stored = await host.GetAsync(approval.Id);
        Assert.Equal(ApprovalState.Denied, stored.State);
        Assert.Equal("alice", stored.DecidedBy);
        Assert.Equal("still needed", stored.DecisionComment);
        Assert.Equal(0, pipeline?.Executions ?? 0);
        var after = await client.GetAsync(posted.Location!);
        Assert.Contains("Denied.", after.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherOrganisation_NotFoundAndCannotDecide()
    {
        await using var host = await StartAsync(_ => { });
        var approval = await host.RequestAsync("issues:delete", DeleteArgs);
        using var client = host.NewClient();
        await client.SignInAsync(host.MalloryKey);

        var list = await client.GetAsync("/approvals");
        Assert.DoesNotContain(approval.Id, list.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/approvals/{approval.Id}")).Status);
        var posted = await client.PostAsync($"/approvals/{approval.Id}/approve");
        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        Assert.Equal(ApprovalState.Pending, (await host.GetAsync(approval.Id)).State);
    }

    [Fact]
    public async Task WithoutPipeline_ApprovedAndLeftForTheAgent()
    {
        await using var host = await PageHost.StartAsync(s => s.AddSingleton<IIssuePreviewSource>(FakePreviewSource.WithSec456()));
        var approval = await host.RequestAsync("issues:delete", DeleteArgs);
        using var client = host.NewClient();
        await client.SignInAsync(host.AliceKey);
        await client.GetAsync($"/approvals/{approval.Id}");

        var posted = await client.PostAsync($"/approvals/{approval.Id}/approve");

        Assert.Equal(ApprovalState.Approved, (await host.GetAsync(approval.Id)).State);
        var after = await client.GetAsync(posted.Location!);
        Assert.Contains("It is executed once, when the agent collects it.", after.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ShowsAgentOperationRiskPolicyAndSentence()
    {
        await using var host = await StartAsync(_ => { });
        var approval = await host.RequestAsync("issues:delete", DeleteArgs);
        using var client = host.NewClient();
        await client.SignInAsync(host.AliceKey);

        var list = await client.GetAsync("/approvals");

        Assert.Contains($"href=\"/approvals/{approval.Id}\"", list.Html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"nowrap\">soc-bot</td>", list.Html, StringComparison.Ordinal);
        Assert.Contains("<code>issues:delete</code>", list.Html, StringComparison.Ordinal);
        Assert.Contains("risk-high\">high risk", list.Html, StringComparison.Ordinal);
        Assert.Contains("<td>jira-full-management</td>", list.Html, StringComparison.Ordinal);
        Assert.Contains("Delete SEC-456", list.Html, StringComparison.Ordinal);
        Assert.Contains("Waiting for a decision <span class=\"count\">(1)</span>", list.Html, StringComparison.Ordinal);
    }
}
