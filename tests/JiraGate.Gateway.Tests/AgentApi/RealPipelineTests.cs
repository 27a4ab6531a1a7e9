using JiraGate.Gateway.Tests.Infrastructure;
using JiraGate.Governance.Pipeline;
using static JiraGate.Gateway.Tests.AgentApi.AuthTests;

namespace JiraGate.Gateway.Tests.AgentApi;

/// <summary>The agent API over real HTTP through the real pipeline (SQLite stores, audit, approvals); the executor counts.</summary>
public sealed class RealPipelineTests
{
    [Fact]
    public async Task CallOperation_Granted_ExecutesOnceAndAnswers200()
    {
        await using var host = await PipelineGatewayHost.StartAsync();
        using var response = await host.Client(PipelineGatewayHost.SocAgent).SendAsync(
            Request("POST", "/v1/operations/issues:read_detail", """{"issue_key": "SEC-456"}"""), TestContext.Current.CancellationToken);

        var body = await ProblemAssert.JsonAsync(response, 200);
        Assert.Equal("issues:read_detail", body.GetProperty("result").GetProperty("executed").GetString());
        Assert.Equal("exec-1", body.GetProperty("jira_request_id").GetString());
        Assert.Equal(1, host.Executor.Count);
    }

    [Fact]
    public async Task HitlOperation_PendingThen404ForAnotherAgentAndPendingForItsOwn()
    {
        await using var host = await PipelineGatewayHost.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        using var call = await host.Client(PipelineGatewayHost.FullAgent).SendAsync(
            Request("POST", "/v1/operations/issues:delete", """{"issue_key": "SEC-456"}"""), ct);

        var pending = await ProblemAssert.JsonAsync(call, 202);
        Assert.Equal("pending", pending.GetProperty("status").GetString());
        Assert.Equal("#jira-approvals", pending.GetProperty("channel").GetString());
        var self = pending.GetProperty("links").GetProperty("self").GetString()!;
        Assert.Equal(self, call.Headers.Location?.OriginalString);
        Assert.Equal(0, host.Executor.Count);

        using var other = await host.Client(PipelineGatewayHost.SocAgent).GetAsync(self, ct);
        await ProblemAssert.IsProblemAsync(other, 404, OperationErrorCodes.NotFound);

        using var own = await host.Client(PipelineGatewayHost.FullAgent).GetAsync(self, ct);
        var status = await ProblemAssert.JsonAsync(own, 200);
        Assert.Equal("pending", status.GetProperty("status").GetString());
        Assert.Equal(pending.GetProperty("approval_id").GetString(), status.GetProperty("approval_id").GetString());
        Assert.Equal(0, host.Executor.Count);
    }

    [Fact]
    public async Task DeniedOperation_Is403AndNothingExecuted()
    {
        await using var host = await PipelineGatewayHost.StartAsync();
        using var response = await host.Client(PipelineGatewayHost.SocAgent).SendAsync(
            Request("POST", "/v1/operations/issues:delete", """{"issue_key": "SEC-456"}"""), TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, 403, OperationErrorCodes.PolicyDenied);
        Assert.Contains("issues:delete", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, host.Executor.Count);
    }

    [Fact]
    public async Task ListOperations_ReadsThePipelinesPolicySet()
    {
        await using var host = await PipelineGatewayHost.StartAsync();
        using var response = await host.Client(PipelineGatewayHost.FullAgent).GetAsync("/v1/operations", TestContext.Current.CancellationToken);

        var body = await ProblemAssert.JsonAsync(response, 200);
        var delete = body.GetProperty("operations").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "issues:delete");
        Assert.Equal("hitl", delete.GetProperty("approval").GetString());
    }
}
