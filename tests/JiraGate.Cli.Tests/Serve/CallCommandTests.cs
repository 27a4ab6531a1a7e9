using System.Text.Json;
using JiraGate.Cli.Hosting;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Policies;
using JiraGate.Mcp.Hosting;

namespace JiraGate.Cli.Tests.Serve;

/// <summary>
/// <c>jiragate call</c> against the embedded default: a data directory as <c>serve</c> leaves it (demo agent on
/// jira-soc-triage + jira-readonly) plus an agent on jira-full-management, and the in-process sandbox as Jira.
/// </summary>
[Collection(AgentKeyEnvironment.Name)]
public sealed class CallCommandTests : IAsyncLifetime
{
    private const string FullAgent = "full-manager";
    private readonly TempDataDir _data = new();
    private string _demoKey = "";
    private string _fullKey = "";

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var core = await CoreHost.StartAsync(new DataDirectory(_data.Path), [], Microsoft.Extensions.Logging.LogLevel.None, null, ct);
        _demoKey = (await DemoAccounts.EnsureAsync(core.Services, ct)).AgentKey!;
        var full = await core.Services.GetRequiredService<AgentRegistry>().RegisterAsync(
            new NewAgent { Id = FullAgent, OrgId = DemoAccounts.OrgId, Owner = DemoAccounts.Owner, Policies = [SeedPolicies.FullManagement] }, ct);
        _fullKey = full.Key.Reveal();
    }

    public ValueTask DisposeAsync()
    {
        Environment.SetEnvironmentVariable(JiraGateMcpStdio.AgentKeyVariable, null);
        _data.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Call_GrantedRead_Exit0WithJiraAnswer()
    {
        var (exit, output, error) = await CallAsync(_demoKey, "issues:read", "--agent", "demo-agent", "--args", """{"jql":"project = SEC","max_results":2}""", "--json");

        Assert.True(exit == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        var items = json.RootElement.GetProperty("value").GetProperty("items");
        Assert.Equal(2, items.GetArrayLength());
        Assert.StartsWith("SEC-", items[0].GetProperty("key").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_ArgPairs_AreTypedAndReadable()
    {
        var (exit, output, error) = await CallAsync(_demoKey, "issues:read", "--agent", "demo-agent", "--arg", "jql=project = SEC", "--arg", "max_results=1");

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains("\"key\": \"SEC-", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_NotGranted_Exit3()
    {
        var (exit, output, error) = await CallAsync(_demoKey, "issues:delete", "--agent", "demo-agent", "--arg", "issue_key=SEC-456");

        Assert.Equal(ExitCodes.Denied, exit);
        Assert.Empty(output);
        Assert.Contains("policy_denied", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_NeedsAHuman_Exit4PrintingTheApprovalId()
    {
        var (exit, output, error) = await CallAsync(_fullKey, "issues:delete", "--agent", FullAgent, "--arg", "issue_key=SEC-456", "--json");

        Assert.True(exit == ExitCodes.PendingApproval, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("pending_approval", json.RootElement.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("approval_id").GetString()));
        Assert.Equal(4, json.RootElement.GetProperty("exit_code").GetInt32());
    }

    [Fact]
    public async Task Call_InvalidArguments_Exit2NamingTheArgument()
    {
        var (exit, _, error) = await CallAsync(_demoKey, "issues:read", "--agent", "demo-agent", "--arg", "max_results=many");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("invalid_input", error, StringComparison.Ordinal);
        Assert.Contains("max_results", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_MalformedArgsJson_Exit2BeforeAnythingStarts()
    {
        var (exit, _, error) = await CallAsync(_demoKey, "issues:read", "--agent", "demo-agent", "--args", "{jql:");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--args is not valid JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_AnotherAgentsKey_IsRefusedWithoutEchoingIt()
    {
        var (exit, _, error) = await CallAsync(_fullKey, "issues:read", "--agent", "demo-agent", "--arg", "jql=project = SEC");

        Assert.Equal(ExitCodes.Denied, exit);
        Assert.Contains("belongs to another agent", error, StringComparison.Ordinal);
        Assert.DoesNotContain(_fullKey, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_WithoutAgentOption_IsAUsageError()
    {
        var (exit, _, _) = await CallAsync(_demoKey, "issues:read");
        Assert.Equal(ExitCodes.Usage, exit);
    }

    private Task<(int Exit, string Output, string Error)> CallAsync(string key, string operation, params string[] rest)
    {
        Environment.SetEnvironmentVariable(JiraGateMcpStdio.AgentKeyVariable, key);
        return CliRun.RunAsync(["call", operation, "--data-dir", _data.Path, .. rest]);
    }
}
