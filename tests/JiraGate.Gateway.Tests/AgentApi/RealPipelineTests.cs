using System.Net.Http.Headers;
using System.Text;
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

    public static TheoryData<string, string, string, int, string> BadInputs => new()
    {
        { "issues:explode", "{}", "application/json", 404, OperationErrorCodes.UnknownOperation },
        { "issues:read", """{"jql": 42, "max_results": "ten"}""", "application/json", 400, OperationErrorCodes.InvalidInput },
        { "issues:create", """{"summary": "no project"}""", "application/json", 400, OperationErrorCodes.InvalidInput },
        { "issues:read", """{"jql": """, "application/json", 400, OperationErrorCodes.InvalidInput },
        { "issues:read", "[]", "application/json", 400, OperationErrorCodes.InvalidInput },
        { "issues:read", """{"jql":"project = SEC","max_results":5}""", "text/plain", 415, OperationErrorCodes.InvalidInput },
        { "comments:create", "{\"issue_key\":\"SEC-456\",\"body\":\"" + new string('x', 1_100_000) + "\"}", "application/json", 413, OperationErrorCodes.InvalidInput },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task BadInput_IsProblemAndNothingExecuted(string operation, string body, string contentType, int status, string code)
    {
        await using var host = await PipelineGatewayHost.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/operations/" + operation) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await host.Client(PipelineGatewayHost.SocAgent).SendAsync(request, TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, status, code);
        Assert.Equal(0, host.Executor.Count);
    }

    [Fact]
    public async Task Readyz_RealStores_Is200()
    {
        await using var host = await PipelineGatewayHost.StartAsync();
        using var response = await host.Client().GetAsync("/readyz", TestContext.Current.CancellationToken);
        var body = await ProblemAssert.JsonAsync(response, 200);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
    }
}
