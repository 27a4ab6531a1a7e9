using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Pipeline;
using JiraGate.Governance.Policies;
using JiraGate.Mcp.Tools;
using ModelContextProtocol.Protocol;

namespace JiraGate.Gateway.Tests.Mcp;

public sealed class McpHttpTests
{
    private const string Initialize =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""";

    [Theory]
    [InlineData(SeedPolicies.SocTriage)]
    [InlineData(SeedPolicies.ReadOnly)]
    [InlineData(SeedPolicies.FullManagement)]
    public async Task ListTools_OverHttp_EqualsExactlyWhatThePolicyGrants(string policy)
    {
        await using var host = await McpHttpHost.StartAsync();
        var key = await host.AddAgentAsync("agent-1", policy);
        await using var client = await host.ConnectAsync(key);
        var engine = new PolicyEngine();
        var compiled = engine.Compile(SeedPolicies.Load().Select([policy]));
        var expected = OperationCatalog.Default.All.Where(op => engine.Decide(compiled, op).IsGranted)
            .Select(op => McpToolNames.ForOperation(op.Name)).Append(McpToolNames.ApprovalStatus).Order(StringComparer.Ordinal);

        var tools = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(expected, tools.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CallTool_OverHttp_RunsAsTheKeysAgentThroughThePipeline()
    {
        await using var host = await McpHttpHost.StartAsync();
        var key = await host.AddAgentAsync("soc-bot", SeedPolicies.SocTriage);
        await using var client = await host.ConnectAsync(key);

        var ok = await client.CallToolAsync("jira_issues_read_detail", new Dictionary<string, object?> { ["issue_key"] = "SEC-1" }, cancellationToken: TestContext.Current.CancellationToken);
        var denied = await client.CallToolAsync("jira_issues_delete", new Dictionary<string, object?> { ["issue_key"] = "SEC-1" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEqual(true, ok.IsError);
        Assert.Contains("\"agent\":\"soc-bot\"", ((TextContentBlock)ok.Content[0]).Text, StringComparison.Ordinal);
        Assert.True(denied.IsError);
        Assert.Contains(OperationErrorCodes.PolicyDenied, ((TextContentBlock)denied.Content[0]).Text, StringComparison.Ordinal);
        Assert.Equal(["issues:read_detail", "issues:delete"], host.Pipeline.Calls.Select(c => c.Operation));
        Assert.All(host.Pipeline.Calls, call => Assert.Equal(("soc-bot", "org-acme", EntryPoint.Mcp), (call.Agent.AgentId, call.Agent.OrgId, call.EntryPoint)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer jg_agent_nope_000000000000000000000000")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ")]
    public async Task Post_WithoutALiveKey_401ProblemAndNothingExecuted(string? authorization)
    {
        await using var host = await McpHttpHost.StartAsync();
        await host.AddAgentAsync("soc-bot", SeedPolicies.SocTriage);

        using var response = await PostAsync(host, authorization, Initialize);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("unauthenticated", problem.RootElement.GetProperty("code").GetString());
        Assert.Empty(host.Pipeline.Calls);
    }

    [Fact]
    public async Task Connect_SdkClientWithWrongKey_Refused()
    {
        await using var host = await McpHttpHost.StartAsync();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.ConnectAsync("jg_agent_wrong_key"));

        Assert.Contains("401", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallTool_KeyRevokedMidSession_NextRequest401AndNothingExecuted()
    {
        await using var host = await McpHttpHost.StartAsync();
        var key = await host.AddAgentAsync("soc-bot", SeedPolicies.SocTriage);
        await using var client = await host.ConnectAsync(key);
        await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);

        await host.Agents.RevokeKeysAsync("soc-bot", TestContext.Current.CancellationToken);

        await Assert.ThrowsAnyAsync<Exception>(async () =>
            await client.CallToolAsync("jira_issues_read_detail", new Dictionary<string, object?> { ["issue_key"] = "SEC-1" }, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Empty(host.Pipeline.Calls);
    }

    [Fact]
    public async Task Post_ValidKey_Initializes()
    {
        await using var host = await McpHttpHost.StartAsync();
        var key = await host.AddAgentAsync("soc-bot", SeedPolicies.SocTriage);

        using var response = await PostAsync(host, "Bearer " + key, Initialize);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"jiragate\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostAsync(McpHttpHost host, string? authorization, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, host.McpUri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var http = host.HttpClients.CreateClient();
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
