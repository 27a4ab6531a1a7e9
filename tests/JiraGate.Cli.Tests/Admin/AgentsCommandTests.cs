using System.Text.RegularExpressions;

namespace JiraGate.Cli.Tests.Admin;

public sealed partial class AgentsCommandTests : IDisposable
{
    private readonly TempDataDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [GeneratedRegex(@"jg_agent_[a-z0-9_]+")]
    private static partial Regex AgentKey();

    [Fact]
    public async Task Add_PrintsTheKeyOnce_ListNeverShowsIt()
    {
        var add = await _dir.RunAsync("agents", "add", "bot", "--org", "acme", "--owner", "olga", "--policy", "jira-soc-triage", "--policy", "jira-readonly");
        Assert.True(add.ExitCode == 0, add.ToString());
        var key = AgentKey().Match(add.Out).Value;
        Assert.NotEmpty(key);
        Assert.Contains("shown once", add.Err);

        var list = await _dir.RunAsync("agents", "list");
        Assert.Contains("bot", list.Out);
        Assert.Contains("jira-soc-triage, jira-readonly", list.Out);
        Assert.DoesNotContain("jg_agent_", list.Out + list.Err);
        var json = await _dir.RunAsync("agents", "list", "--json");
        Assert.DoesNotContain("jg_agent_", json.Out);
        var agent = json.Json()[0];
        Assert.Equal("bot", agent.GetProperty("id").GetString());
        Assert.False(agent.TryGetProperty("key", out _));
        Assert.True(agent.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Add_JsonCarriesTheKey_UnknownPolicyAndDuplicateAreUsageErrors()
    {
        var add = await _dir.RunAsync("agents", "add", "bot", "--org", "acme", "--owner", "olga", "--policy", "jira-readonly", "--json");
        Assert.StartsWith("jg_agent_", add.Json().GetProperty("key").GetString());
        var unknown = await _dir.RunAsync("agents", "add", "bot2", "--org", "acme", "--owner", "olga", "--policy", "no-such-policy");
        Assert.Equal(ExitCodes.Usage, unknown.ExitCode);
        Assert.Contains("no-such-policy", unknown.Err);
        var again = await _dir.RunAsync("agents", "add", "bot", "--org", "acme", "--owner", "olga", "--policy", "jira-readonly");
        Assert.Equal(ExitCodes.Usage, again.ExitCode);
        Assert.Contains("rotate-key", again.Err);
    }

    [Fact]
    public async Task RotateKey_PrintsANewKey_WithGrace()
    {
        var first = AgentKey().Match((await _dir.RunAsync("agents", "add", "bot", "--org", "acme", "--owner", "olga", "--policy", "jira-readonly")).Out).Value;
        var rotated = await _dir.RunAsync("agents", "rotate-key", "bot", "--grace", "10m");
        Assert.True(rotated.ExitCode == 0, rotated.ToString());
        var second = AgentKey().Match(rotated.Out).Value;
        Assert.NotEmpty(second);
        Assert.NotEqual(first, second);
        Assert.Contains("10m", rotated.Out);
        Assert.Equal(ExitCodes.Usage, (await _dir.RunAsync("agents", "rotate-key", "ghost")).ExitCode);
        Assert.NotEqual(0, (await _dir.RunAsync("agents", "rotate-key", "bot", "--grace", "soon")).ExitCode);
    }

    [Fact]
    public async Task DisableAndEnable_ShowInTheList()
    {
        await _dir.RunAsync("agents", "add", "bot", "--org", "acme", "--owner", "olga", "--policy", "jira-readonly");
        Assert.Equal(0, (await _dir.RunAsync("agents", "disable", "bot")).ExitCode);
        Assert.False((await _dir.RunAsync("agents", "list", "--json")).Json()[0].GetProperty("enabled").GetBoolean());
        Assert.Contains("disabled", (await _dir.RunAsync("agents", "list")).Out);
        Assert.Equal(0, (await _dir.RunAsync("agents", "enable", "bot")).ExitCode);
        Assert.True((await _dir.RunAsync("agents", "list", "--json")).Json()[0].GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Approvers_AddPrintsKeyOnce_ListDoesNot()
    {
        var add = await _dir.RunAsync("approvers", "add", "alice", "--org", "acme", "--email", "alice@example.com");
        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Contains("jg_appr_", add.Out);
        var list = await _dir.RunAsync("approvers", "list", "--json");
        Assert.Equal("alice", list.Json()[0].GetProperty("id").GetString());
        Assert.DoesNotContain("jg_appr_", list.Out);
    }
}
