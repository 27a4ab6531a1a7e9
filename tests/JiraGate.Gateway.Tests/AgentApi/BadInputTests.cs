using System.Net.Http.Headers;
using JiraGate.Gateway.Tests.Infrastructure;
using JiraGate.Governance.Pipeline;
using static JiraGate.Gateway.Tests.AgentApi.AuthTests;

namespace JiraGate.Gateway.Tests.AgentApi;

/// <summary>Bad input is answered as problem+json and nothing is executed (the fake counts what would reach Jira).</summary>
public sealed class BadInputTests
{
    [Fact]
    public async Task CallOperation_UnknownOperation_Is404UnknownOperationAndNothingExecuted()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var response = await host.Client(GatewayTestHost.SocAgent).SendAsync(
            Request("POST", "/v1/operations/issues:explode", "{}"), TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, 404, OperationErrorCodes.UnknownOperation);
        Assert.Equal("issues:explode", problem.GetProperty("operation").GetString());
        Assert.Equal(0, host.Fake!.Executions);
    }

    [Fact]
    public async Task CallOperation_WrongTypes_Is400InvalidInputNamingEachArgument()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var response = await host.Client(GatewayTestHost.SocAgent).SendAsync(
            Request("POST", "/v1/operations/issues:read", """{"jql": 42, "max_results": "ten"}"""), TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, 400, OperationErrorCodes.InvalidInput);
        var arguments = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("argument").GetString()).ToHashSet();
        Assert.Contains("jql", arguments);
        Assert.Contains("max_results", arguments);
        Assert.Equal(0, host.Fake!.Executions);
    }

    [Fact]
    public async Task CallOperation_MissingArguments_Is400InvalidInputNamingThem()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var response = await host.Client(GatewayTestHost.SocAgent).SendAsync(
            Request("POST", "/v1/operations/issues:create", """{"summary": "Phishing report"}"""), TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, 400, OperationErrorCodes.InvalidInput);
        var errors = problem.GetProperty("errors").EnumerateArray().ToArray();
        Assert.All(errors, e => Assert.Equal("required", e.GetProperty("keyword").GetString()));
        var named = string.Join(" ", errors.Select(e => e.GetProperty("argument").GetString() + " " + e.GetProperty("message").GetString()));
        Assert.Contains("project_key", named, StringComparison.Ordinal);
        Assert.Contains("issue_type", named, StringComparison.Ordinal);
        Assert.Equal(0, host.Fake!.Executions);
    }

    [Theory]
    [InlineData("{\"jql\": ")]
    [InlineData("{jql: 'x'}")]
    [InlineData("not json at all")]
    [InlineData("{\"a\":1}}")]
    public async Task CallOperation_MalformedJson_Is400AndNeverReachesPipeline(string body)
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var response = await host.Client(GatewayTestHost.SocAgent).SendAsync(
            Request("POST", "/v1/operations/issues:read", body), TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, 400, OperationErrorCodes.InvalidInput);
        Assert.Contains("not valid JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, host.Fake!.Calls);
    }

    [Theory]
    [InlineData("[1,2]", "array")]
    [InlineData("\"issues\"", "string")]
    [InlineData("null", "null")]
    [InlineData("7", "number")]
    public async Task CallOperation_NonObjectBody_Is400TypeErrorAndNeverReachesPipeline(string body, string kind)
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var response = await host.Client(GatewayTestHost.SocAgent).SendAsync(
            Request("POST", "/v1/operations/issues:read", body), TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, 400, OperationErrorCodes.InvalidInput);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("type", error.GetProperty("keyword").GetString());
        Assert.Contains(kind, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, host.Fake!.Calls);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task CallOperation_WrongContentType_Is415AndNeverReachesPipeline(string contentType)
    {
        await using var host = await GatewayTestHost.StartAsync();
        var request = Request("POST", "/v1/operations/issues:read", """{"jql":"project = SEC","max_results":5}""");
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await host.Client(GatewayTestHost.SocAgent).SendAsync(request, TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, 415, OperationErrorCodes.InvalidInput);
        Assert.Equal(0, host.Fake!.Calls);
    }

    [Fact]
    public async Task CallOperation_OversizedBody_Is413AndNeverReachesPipeline()
    {
        await using var host = await GatewayTestHost.StartAsync(o => o.MaxRequestBodyBytes = 4096);
        var big = "{\"jql\":\"" + new string('x', 8192) + "\",\"max_results\":5}";
        using var response = await host.Client(GatewayTestHost.SocAgent).SendAsync(
            Request("POST", "/v1/operations/issues:read", big), TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, 413, OperationErrorCodes.InvalidInput);
        Assert.Contains("4096", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, host.Fake!.Calls);
    }

    [Fact]
    public async Task CallOperation_OversizedChunkedBody_Is413AndNeverReachesPipeline()
    {
        await using var host = await GatewayTestHost.StartAsync(o => o.MaxRequestBodyBytes = 4096);
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/operations/issues:read")
        {
            // No Content-Length: the cap must hold while reading, not only from the header.
            Content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes("{\"jql\":\"" + new string('x', 20_000) + "\"}"))),
        };
        request.Headers.TransferEncodingChunked = true;
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await host.Client(GatewayTestHost.SocAgent).SendAsync(request, TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, 413, OperationErrorCodes.InvalidInput);
        Assert.Equal(0, host.Fake!.Calls);
    }

    [Fact]
    public async Task CallOperation_AttachmentUpload_HasItsOwnLargerLimit()
    {
        await using var host = await GatewayTestHost.StartAsync(o =>
        {
            o.MaxRequestBodyBytes = 1024;
            o.MaxRequestBodyBytesByOperation["attachments:upload"] = 64 * 1024;
        });
        var body = "{\"issue_key\":\"SEC-1\",\"file_name\":\"a.txt\",\"content_base64\":\"" + new string('A', 4000) + "\"}";
        using var response = await host.Client(GatewayTestHost.FullAgent).SendAsync(
            Request("POST", "/v1/operations/attachments:upload", body), TestContext.Current.CancellationToken);

        await ProblemAssert.JsonAsync(response, 200);
        Assert.Equal(1, host.Fake!.Executions);
    }

    [Fact]
    public async Task CallOperation_EmptyBody_MeansNoArguments()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var response = await host.Client(GatewayTestHost.SocAgent).PostAsync("/v1/operations/projects:read", null, TestContext.Current.CancellationToken);

        await ProblemAssert.JsonAsync(response, 200);
        var call = Assert.Single(host.Fake!.Received);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, call.Arguments.ValueKind);
    }
}
