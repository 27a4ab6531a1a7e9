using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using JiraGate.Gateway.Tests.Infrastructure;
using JiraGate.Governance.Pipeline;

namespace JiraGate.Gateway.Tests.AgentApi;

/// <summary>The agent HTTP API over real HTTP, through the real pipeline and executor, with the sandbox as Jira.</summary>
public sealed class EndToEndTests
{
    [Fact]
    public async Task SeedScenario_OverHttp_SearchCreateTransitionCommentBoardsSprints()
    {
        await using var host = await SandboxGatewayHost.StartAsync();
        var agent = host.Client(SandboxGatewayHost.SocAgent);

        var search = await CallAsync(agent, "issues:read", """{"jql": "project = SEC AND status = Open", "max_results": 20}""");
        Assert.NotEmpty(search.GetProperty("items").EnumerateArray());

        var ticket = await CallAsync(agent, "issues:create",
            """{"project_key": "SEC", "summary": "Investigate suspicious login from 198.51.100.42", "issue_type": "Bug", "priority": "High", "labels": ["security", "automated"]}""");
        var key = ticket.GetProperty("key").GetString()!;
        Assert.StartsWith("SEC-", key, StringComparison.Ordinal);

        var transitions = await CallAsync(agent, "issues:read_transitions", $$"""{"issue_key": "{{key}}"}""");
        var start = transitions.GetProperty("items").EnumerateArray().First(t => t.GetProperty("to").GetString() == "In Progress");
        var moved = await CallAsync(agent, "issues:transition", $$"""{"issue_key": "{{key}}", "transition_id": "{{start.GetProperty("id").GetString()}}"}""");
        Assert.Equal("In Progress", moved.GetProperty("status").GetString());

        await CallAsync(agent, "comments:create", $$"""{"issue_key": "{{key}}", "body": "Automated enrichment complete. See attached IOC report."}""");

        var boards = await CallAsync(agent, "boards:read", """{"project_key": "SEC"}""");
        var board = boards.GetProperty("items").EnumerateArray().First();
        var sprints = await CallAsync(agent, "boards:read_sprints", $$"""{"board_id": {{board.GetProperty("id").GetInt64()}}, "state": "active"}""");
        Assert.All(sprints.GetProperty("items").EnumerateArray(), s => Assert.Equal("active", s.GetProperty("state").GetString()));

        var detail = await CallAsync(agent, "issues:read_detail", $$"""{"issue_key": "{{key}}"}""");
        Assert.Equal("In Progress", detail.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ListOperations_RealPipelinePolicies_TriageOnlyMatchesTheSeedPolicy()
    {
        await using var host = await SandboxGatewayHost.StartAsync();
        using var response = await host.Client(SandboxGatewayHost.TriageOnlyAgent).GetAsync("/v1/operations", TestContext.Current.CancellationToken);
        var body = await ProblemAssert.JsonAsync(response, 200);

        var names = body.GetProperty("operations").EnumerateArray().Select(o => o.GetProperty("name").GetString()).ToArray();
        Assert.Equal(18, names.Length);
        Assert.DoesNotContain("boards:read", names);
        Assert.DoesNotContain("issues:delete", names);
        Assert.Equal(0, host.JiraRequests);
    }

    [Fact]
    public async Task DeniedOperation_RealPipeline_Is403AndNothingSentToJira()
    {
        await using var host = await SandboxGatewayHost.StartAsync();
        using var response = await host.Client(SandboxGatewayHost.TriageOnlyAgent).SendAsync(
            AuthTests.Request("POST", "/v1/operations/issues:delete", """{"issue_key": "SEC-456"}"""), TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, 403, OperationErrorCodes.PolicyDenied);
        Assert.Equal(0, host.JiraRequests);
    }

    public static TheoryData<string, string, string?, int, string> BadInputs => new()
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
    public async Task BadInput_RealPipeline_IsProblemAndNothingSentToJira(string operation, string body, string? contentType, int status, string code)
    {
        await using var host = await SandboxGatewayHost.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/operations/" + operation) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType);
        using var response = await host.Client(SandboxGatewayHost.SocAgent).SendAsync(request, TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, status, code);
        Assert.Equal(0, host.JiraRequests);
    }

    [Fact]
    public async Task ReadDetail_OverHttp_TimestampsAndTextUnescaped()
    {
        await using var host = await SandboxGatewayHost.StartAsync();
        using var response = await host.Client(SandboxGatewayHost.SocAgent).SendAsync(
            AuthTests.Request("POST", "/v1/operations/issues:read_detail", """{"issue_key": "SEC-456"}"""), TestContext.Current.CancellationToken);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.Contains("+00:00", StringComparison.Ordinal), body);
        Assert.DoesNotContain("\\u002B", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JiraNotFound_RealPipeline_Is404JiraNotFound()
    {
        await using var host = await SandboxGatewayHost.StartAsync();
        using var response = await host.Client(SandboxGatewayHost.SocAgent).SendAsync(
            AuthTests.Request("POST", "/v1/operations/issues:read_detail", """{"issue_key": "SEC-999999"}"""), TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, 404, OperationErrorCodes.JiraNotFound);
        Assert.Equal(404, problem.GetProperty("jira").GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Readyz_RealStores_Is200()
    {
        await using var host = await SandboxGatewayHost.StartAsync();
        using var response = await host.Client().GetAsync("/readyz", TestContext.Current.CancellationToken);
        var body = await ProblemAssert.JsonAsync(response, 200);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
    }

    private static async Task<JsonElement> CallAsync(HttpClient client, string operation, string arguments)
    {
        using var response = await client.SendAsync(AuthTests.Request("POST", "/v1/operations/" + operation, arguments), TestContext.Current.CancellationToken);
        var body = await ProblemAssert.JsonAsync(response, 200);
        Assert.Equal(operation, body.GetProperty("operation").GetString());
        return body.GetProperty("result");
    }
}
