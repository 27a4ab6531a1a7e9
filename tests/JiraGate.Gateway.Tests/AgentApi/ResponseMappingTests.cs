using System.Globalization;
using JiraGate.Gateway.Problems;
using JiraGate.Gateway.Tests.Infrastructure;
using JiraGate.Governance.Pipeline;
using static JiraGate.Gateway.Tests.AgentApi.AuthTests;

namespace JiraGate.Gateway.Tests.AgentApi;

/// <summary>Each pipeline outcome becomes the documented HTTP answer.</summary>
public sealed class ResponseMappingTests
{
    private const string ReadBody = """{"jql":"project = SEC","max_results":5}""";

    [Fact]
    public async Task CallOperation_PendingApproval_Is202WithApprovalAndLocation()
    {
        await using var host = await GatewayTestHost.StartAsync();
        host.Fake!.Scripts["issues:read"] = _ => Pending("apr_42") is var p ? new OperationResult
        {
            Operation = "issues:read",
            Status = p.Status,
            ApprovalId = p.ApprovalId,
            ApprovalChannel = p.ApprovalChannel,
            ApprovalExpiresAt = p.ApprovalExpiresAt,
        } : null!;

        using var response = await host.Client(GatewayTestHost.SocAgent).SendAsync(Request("POST", "/v1/operations/issues:read", ReadBody), TestContext.Current.CancellationToken);

        var body = await ProblemAssert.JsonAsync(response, 202);
        Assert.Equal("apr_42", body.GetProperty("approval_id").GetString());
        Assert.Equal("pending", body.GetProperty("status").GetString());
        Assert.Equal("#jira-approvals", body.GetProperty("channel").GetString());
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero), body.GetProperty("expires_at").GetDateTimeOffset());
        Assert.Equal("/v1/approvals/apr_42", body.GetProperty("links").GetProperty("self").GetString());
        Assert.Equal("/v1/approvals/apr_42", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task CallOperation_PolicyDenied_Is403WithReason()
    {
        await using var host = await GatewayTestHost.StartAsync();
        host.Fake!.Scripts["issues:read"] = _ => FakePipeline.Failed("issues:read", OperationErrorCodes.PolicyDenied, "no policy grants issues:read", OperationStatus.Denied);

        using var response = await host.Client(GatewayTestHost.SocAgent).SendAsync(Request("POST", "/v1/operations/issues:read", ReadBody), TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, 403, OperationErrorCodes.PolicyDenied);
        Assert.Equal("no policy grants issues:read", problem.GetProperty("detail").GetString());
        Assert.Equal("issues:read", problem.GetProperty("operation").GetString());
    }

    [Fact]
    public async Task CallOperation_JiraError_Is502WithJirasOwnAnswer()
    {
        await using var host = await GatewayTestHost.StartAsync();
        host.Fake!.Scripts["issues:read"] = _ => new OperationResult
        {
            Operation = "issues:read",
            Status = OperationStatus.Failed,
            Error = new OperationError
            {
                Code = OperationErrorCodes.JiraError,
                Message = "Jira refused the search.",
                JiraStatus = 400,
                JiraErrorMessages = ["Field 'foo' does not exist."],
                JiraErrors = new Dictionary<string, string> { ["jql"] = "bad clause" },
            },
        };

        using var response = await host.Client(GatewayTestHost.SocAgent).SendAsync(Request("POST", "/v1/operations/issues:read", ReadBody), TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, 502, OperationErrorCodes.JiraError);
        var jira = problem.GetProperty("jira");
        Assert.Equal(400, jira.GetProperty("status").GetInt32());
        Assert.Equal("Field 'foo' does not exist.", jira.GetProperty("errorMessages")[0].GetString());
        Assert.Equal("bad clause", jira.GetProperty("errors").GetProperty("jql").GetString());
    }

    [Fact]
    public async Task CallOperation_JiraRateLimited_Is429WithRetryAfterHeaderAndMember()
    {
        await using var host = await GatewayTestHost.StartAsync();
        host.Fake!.Scripts["issues:read"] = _ => new OperationResult
        {
            Operation = "issues:read",
            Status = OperationStatus.Failed,
            Error = new OperationError { Code = OperationErrorCodes.RateLimited, Message = "Jira asked us to slow down.", RetryAfter = TimeSpan.FromSeconds(12.2) },
        };

        using var response = await host.Client(GatewayTestHost.SocAgent).SendAsync(Request("POST", "/v1/operations/issues:read", ReadBody), TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, 429, OperationErrorCodes.RateLimited);
        Assert.Equal(13, problem.GetProperty("retry_after").GetInt32());
        Assert.Equal(TimeSpan.FromSeconds(13), response.Headers.RetryAfter?.Delta);
    }

    [Theory]
    [InlineData(OperationErrorCodes.InvalidInput, 400)]
    [InlineData(OperationErrorCodes.UnknownOperation, 404)]
    [InlineData(OperationErrorCodes.Unauthenticated, 401)]
    [InlineData(OperationErrorCodes.PolicyDenied, 403)]
    [InlineData(OperationErrorCodes.ApprovalDenied, 403)]
    [InlineData(OperationErrorCodes.ApprovalExpired, 409)]
    [InlineData(OperationErrorCodes.NotFound, 404)]
    [InlineData(OperationErrorCodes.JiraNotFound, 404)]
    [InlineData(OperationErrorCodes.RateLimited, 429)]
    [InlineData(OperationErrorCodes.JiraError, 502)]
    [InlineData(OperationErrorCodes.JiraUnavailable, 503)]
    [InlineData(OperationErrorCodes.AuditUnavailable, 503)]
    [InlineData(OperationErrorCodes.OutcomeUnknown, 504)]
    [InlineData("a_code_from_the_future", 500)]
    public async Task CallOperation_EachErrorCode_HasItsDocumentedStatus(string code, int status)
    {
        await using var host = await GatewayTestHost.StartAsync();
        host.Fake!.Scripts["issues:read"] = _ => FakePipeline.Failed("issues:read", code, "what happened and what to do");

        using var response = await host.Client(GatewayTestHost.SocAgent).SendAsync(Request("POST", "/v1/operations/issues:read", ReadBody), TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, status, code);
        Assert.Equal(status, ProblemCodes.StatusFor(code));
    }

    [Fact]
    public void ProblemCodes_EveryContractCode_IsMapped()
    {
        var codes = typeof(OperationErrorCodes).GetFields()
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();
        Assert.NotEmpty(codes);
        Assert.All(codes, c => Assert.True(ProblemCodes.Statuses.ContainsKey(c), $"{c} has no HTTP status"));
    }

    [Fact]
    public async Task GetApproval_Denied_Is403ApprovalDenied()
    {
        await using var host = await GatewayTestHost.StartAsync();
        host.Fake!.Approvals["apr_9"] = (GatewayTestHost.FullAgent,
            FakePipeline.Failed("issues:delete", OperationErrorCodes.ApprovalDenied, "alice denied it: not this one", OperationStatus.Denied));

        using var response = await host.Client(GatewayTestHost.FullAgent).GetAsync("/v1/approvals/apr_9", TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, 403, OperationErrorCodes.ApprovalDenied);
        Assert.Equal("alice denied it: not this one", problem.GetProperty("detail").GetString());
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"/v1/approvals/apr_9"), problem.GetProperty("instance").GetString());
    }
}
