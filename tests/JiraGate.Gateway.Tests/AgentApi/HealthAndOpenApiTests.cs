using System.Text.Json;
using JiraGate.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JiraGate.Gateway.Tests.AgentApi;

public sealed class HealthAndOpenApiTests
{
    [Fact]
    public async Task Healthz_ProcessUp_Is200WithoutKey()
    {
        await using var host = await GatewayTestHost.StartAsync(readiness: b => b.AddJiraGateReadinessCheck("jira", (_, _) => Task.FromResult(HealthCheckResult.Unhealthy("down"))));
        using var response = await host.Client().GetAsync("/healthz", TestContext.Current.CancellationToken);

        var body = await ProblemAssert.JsonAsync(response, 200);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Empty(body.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task Readyz_DatabaseAndAuditReachable_Is200NamingEachCheck()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var response = await host.Client().GetAsync("/readyz", TestContext.Current.CancellationToken);

        var body = await ProblemAssert.JsonAsync(response, 200);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("healthy", body.GetProperty("checks").GetProperty("audit").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_OneCheckFailing_Is503AndHidesTheExceptionMessage()
    {
        await using var host = await GatewayTestHost.StartAsync(readiness: b => b
            .AddJiraGateSqliteCheck()
            .AddJiraGateReadinessCheck("jira", (_, _) => throw new HttpRequestException("https://bot:s3cret-canary@acme.atlassian.net refused")));
        using var response = await host.Client().GetAsync("/readyz", TestContext.Current.CancellationToken);

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(503, (int)response.StatusCode);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.Equal("unhealthy", body.GetProperty("checks").GetProperty("jira").GetProperty("status").GetString());
        Assert.Equal("healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.DoesNotContain("s3cret-canary", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheAgentApiWithBearerAuth()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var response = await host.Client().GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        var doc = await ProblemAssert.JsonAsync(response, 200);
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("JiraGate agent API", doc.GetProperty("info").GetProperty("title").GetString());
        var paths = doc.GetProperty("paths");
        Assert.True(paths.GetProperty("/v1/operations").TryGetProperty("get", out _));
        var call = paths.GetProperty("/v1/operations/{operation}").GetProperty("post");
        Assert.True(call.GetProperty("responses").TryGetProperty("202", out _));
        Assert.True(call.GetProperty("responses").TryGetProperty("413", out _));
        Assert.Equal("object", call.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("type").GetString());
        Assert.True(call.GetProperty("security")[0].TryGetProperty("agentKey", out _));
        Assert.True(paths.GetProperty("/v1/approvals/{id}").TryGetProperty("get", out _));
        var scheme = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("agentKey");
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(doc.GetProperty("components").GetProperty("schemas").TryGetProperty("OperationListResponse", out _));
    }
}
