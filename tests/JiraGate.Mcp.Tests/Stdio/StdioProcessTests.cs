using JiraGate.Governance.Agents;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Pipeline;
using JiraGate.Governance.Policies;
using JiraGate.Mcp.Hosting;
using JiraGate.Mcp.Tests.Fakes;
using JiraGate.Mcp.Tools;
using Microsoft.Data.Sqlite;
using ModelContextProtocol.Client;

namespace JiraGate.Mcp.Tests.Stdio;

/// <summary>A real child process speaking MCP on stdio, as <c>jiragate mcp --agent ID</c> will, driven by the SDK's StdioClientTransport.</summary>
public sealed class StdioProcessTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "jiragate-mcp-stdio-tests", Guid.NewGuid().ToString("n"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public StdioProcessTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public async Task StdioProcess_AgentKeyFromTheEnvironment_ListsExactlyTheGrantsAndRunsCalls()
    {
        var key = await RegisterAsync("soc-bot", SeedPolicies.SocTriage);

        await using var client = await McpClient.CreateAsync(Transport("soc-bot", key), cancellationToken: Ct);
        var tools = await client.ListToolsAsync(cancellationToken: Ct);
        var read = await client.CallToolAsync("jira_issues_read_detail", new Dictionary<string, object?> { ["issue_key"] = "SEC-1" }, cancellationToken: Ct);
        var delete = await client.CallToolAsync("jira_issues_delete", new Dictionary<string, object?> { ["issue_key"] = "SEC-1" }, cancellationToken: Ct);

        var engine = new PolicyEngine();
        var compiled = engine.Compile(SeedPolicies.Load().Select([SeedPolicies.SocTriage]));
        var expected = OperationCatalog.Default.All.Where(op => engine.Decide(compiled, op).IsGranted)
            .Select(op => McpToolNames.ForOperation(op.Name)).Append(McpToolNames.ApprovalStatus).Order(StringComparer.Ordinal);
        Assert.Equal(expected, tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.NotEqual(true, read.IsError);
        Assert.Equal("issues:read_detail", ToolText.Json(read).GetProperty("operation").GetString());
        Assert.Equal(OperationErrorCodes.PolicyDenied, ToolText.ErrorCode(delete));
    }

    [Theory]
    [InlineData("soc-bot", "jg_agent_unknown_00000000000000000000")]
    [InlineData("other-bot", null)]
    public async Task StdioProcess_WrongKeyOrAnotherAgentsKey_RefusesToServe(string agentId, string? key)
    {
        var socKey = await RegisterAsync("soc-bot", SeedPolicies.SocTriage);
        await RegisterAsync("other-bot", SeedPolicies.ReadOnly);

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var client = await McpClient.CreateAsync(Transport(agentId, key ?? socKey), cancellationToken: Ct);
        });
    }

    [Fact]
    public async Task AuthenticateAsync_KeyChecks_ClearMessagesWithoutTheKey()
    {
        var key = await RegisterAsync("soc-bot", SeedPolicies.SocTriage);
        await using var services = StdioServerProcess.BuildServices(_directory);

        var agent = await JiraGateMcpStdio.AuthenticateAsync(services, "soc-bot", key, Ct);
        var missing = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => JiraGateMcpStdio.AuthenticateAsync(services, "soc-bot", null, Ct));
        var other = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => JiraGateMcpStdio.AuthenticateAsync(services, "someone-else", key, Ct));

        Assert.Equal("soc-bot", agent.AgentId);
        Assert.Contains(JiraGateMcpStdio.AgentKeyVariable, missing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, other.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<string> RegisterAsync(string id, string policy)
    {
        await using var services = StdioServerProcess.BuildServices(_directory);
        var registration = await services.GetRequiredService<AgentRegistry>().RegisterAsync(
            new NewAgent { Id = id, OrgId = "org-acme", Owner = "olivia", Policies = [policy] }, Ct);
        return registration.Key.Reveal();
    }

    private StdioClientTransport Transport(string agentId, string key)
    {
        var process = Environment.ProcessPath!;
        var viaDotnet = Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "jiragate-mcp-test",
            Command = process,
            Arguments = viaDotnet ? [typeof(StdioServerProcess).Assembly.Location] : [],
            EnvironmentVariables = new Dictionary<string, string?>
            {
                [StdioServerProcess.DirectoryVariable] = _directory,
                [StdioServerProcess.AgentVariable] = agentId,
                [JiraGateMcpStdio.AgentKeyVariable] = key,
            },
        });
    }
}
