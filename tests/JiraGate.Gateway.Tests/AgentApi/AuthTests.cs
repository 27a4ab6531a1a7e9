using System.Net.Http.Headers;
using System.Text.Json;
using JiraGate.Gateway.Tests.Infrastructure;
using JiraGate.Governance.Pipeline;

namespace JiraGate.Gateway.Tests.AgentApi;

public sealed class AuthTests
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/v1/operations" },
        { "POST", "/v1/operations/issues:read" },
        { "GET", "/v1/approvals/apr_123" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task AnyEndpoint_NoKey_Is401WithBearerChallengeAndNothingCalled(string method, string path)
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var response = await host.Client().SendAsync(Request(method, path), TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, 401, OperationErrorCodes.Unauthenticated);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("Authorization: Bearer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, host.Fake!.Calls);
    }

    [Theory]
    [InlineData("Bearer jg_agent_nosuchkey_0123456789abcdef0123456789abcdef")]
    [InlineData("Bearer not-a-key")]
    [InlineData("Basic c29jLXRyaWFnZTpwYXNzd29yZA==")]
    [InlineData("Bearer ")]
    public async Task CallOperation_WrongKey_Is401AndNothingCalled(string authorization)
    {
        await using var host = await GatewayTestHost.StartAsync();
        var request = Request("POST", "/v1/operations/issues:read", """{"jql":"project = SEC","max_results":5}""");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await host.Client().SendAsync(request, TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, 401, OperationErrorCodes.Unauthenticated);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(0, host.Fake!.Calls);
    }

    [Theory]
    [InlineData(GatewayTestHost.RevokedAgent)]
    [InlineData(GatewayTestHost.DisabledAgent)]
    public async Task CallOperation_RevokedKeyOrDisabledAgent_Is401AndNothingCalled(string agent)
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var response = await host.Client(agent).SendAsync(
            Request("POST", "/v1/operations/issues:read", """{"jql":"project = SEC","max_results":5}"""), TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, 401, OperationErrorCodes.Unauthenticated);
        Assert.DoesNotContain(host.KeyOf(agent), problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, host.Fake!.Calls);
    }

    [Fact]
    public async Task CallOperation_ValidKey_ReachesPipelineAsThatAgentOverHttp()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var response = await host.Client(GatewayTestHost.SocAgent).SendAsync(
            Request("POST", "/v1/operations/issues:read", """{"jql":"project = SEC","max_results":5}"""), TestContext.Current.CancellationToken);

        var body = await ProblemAssert.JsonAsync(response, 200);
        Assert.Equal("issues:read", body.GetProperty("operation").GetString());
        Assert.Equal("project = SEC", body.GetProperty("result").GetProperty("jql").GetString());
        Assert.Equal("req-1", body.GetProperty("jira_request_id").GetString());
        var call = Assert.Single(host.Fake!.Received);
        Assert.Equal(GatewayTestHost.SocAgent, call.Agent.AgentId);
        Assert.Equal("org-test", call.Agent.OrgId);
        Assert.Equal(EntryPoint.Http, call.EntryPoint);
    }

    [Fact]
    public async Task GetApproval_AnotherAgentsApproval_Is404NotFound()
    {
        await using var host = await GatewayTestHost.StartAsync();
        host.Fake!.Approvals["apr_full_1"] = (GatewayTestHost.FullAgent, Pending("apr_full_1"));

        using var response = await host.Client(GatewayTestHost.SocAgent).GetAsync("/v1/approvals/apr_full_1", TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, 404, OperationErrorCodes.NotFound);
        Assert.Equal("/v1/approvals/apr_full_1", problem.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task GetApproval_OwnPendingApproval_Is200Pending()
    {
        await using var host = await GatewayTestHost.StartAsync();
        host.Fake!.Approvals["apr_full_1"] = (GatewayTestHost.FullAgent, Pending("apr_full_1"));

        using var response = await host.Client(GatewayTestHost.FullAgent).GetAsync("/v1/approvals/apr_full_1", TestContext.Current.CancellationToken);

        var body = await ProblemAssert.JsonAsync(response, 200);
        Assert.Equal("pending", body.GetProperty("status").GetString());
        Assert.Equal("issues:delete", body.GetProperty("operation").GetString());
        Assert.Equal("#jira-approvals", body.GetProperty("channel").GetString());
        Assert.Equal("/v1/approvals/apr_full_1", body.GetProperty("links").GetProperty("self").GetString());
    }

    [Fact]
    public async Task GetApproval_OwnExecutedApproval_Is200WithResult()
    {
        await using var host = await GatewayTestHost.StartAsync();
        host.Fake!.Approvals["apr_full_2"] = (GatewayTestHost.FullAgent, new OperationResult
        {
            Operation = "issues:delete",
            Status = OperationStatus.Ok,
            ApprovalId = "apr_full_2",
            Value = JsonDocument.Parse("""{"deleted":"SEC-7"}""").RootElement.Clone(),
            JiraRequestId = "jira-req-9",
        });

        using var response = await host.Client(GatewayTestHost.FullAgent).GetAsync("/v1/approvals/apr_full_2", TestContext.Current.CancellationToken);

        var body = await ProblemAssert.JsonAsync(response, 200);
        Assert.Equal("executed", body.GetProperty("status").GetString());
        Assert.Equal("SEC-7", body.GetProperty("result").GetProperty("deleted").GetString());
        Assert.Equal("jira-req-9", body.GetProperty("jira_request_id").GetString());
    }

    internal static OperationResult Pending(string id) => new()
    {
        Operation = "issues:delete",
        Status = OperationStatus.PendingApproval,
        ApprovalId = id,
        ApprovalChannel = "#jira-approvals",
        ApprovalExpiresAt = new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero),
    };

    internal static HttpRequestMessage Request(string method, string path, string? json = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (json is not null)
        {
            request.Content = new StringContent(json);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        return request;
    }
}
