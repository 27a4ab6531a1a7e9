using System.IO.Pipelines;
using System.Text.RegularExpressions;
using JiraGate.Cli.Commands;
using JiraGate.Cli.Hosting;
using JiraGate.Cli.Tests.Serve;
using JiraGate.Mcp.Hosting;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace JiraGate.Cli.Tests.Config;

/// <summary>doctor --config --connection and call --config use the file's connections.</summary>
[Collection(AgentKeyEnvironment.Name)]
public sealed partial class ConfigCommandsTests : IDisposable
{
    private readonly ConfigHarness _h = new();

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(JiraGateMcpStdio.AgentKeyVariable, null);
        _h.Dispose();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<SandboxHost> WithSecondSiteAsync()
    {
        var second = await SandboxHost.StartAsync(new SandboxOptions { Port = 0 }, Ct);
        await _h.VaultSetApiTokenAsync("jira/second", DemoCredentials.Bot.Email, DemoCredentials.Bot.ApiToken);
        _h.Write($"""
            connections:
              second:
                base_url: {second.BaseUrl}
                credential: jira/second
            agents:
              - id: soc
                policies: [jira-soc-triage]
            """);
        return second;
    }

    [Fact]
    public async Task Doctor_ConfigConnection_ChecksThatSite()
    {
        await using var second = await WithSecondSiteAsync();
        var r = await _h.Dir.RunAsync("doctor", "--config", _h.ConfigPath, "--connection", "second", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        var json = r.Json();
        Assert.StartsWith("second: " + second.BaseUrl, json.GetProperty("target").GetString(), StringComparison.Ordinal);
        Assert.Contains(json.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "auth" && c.GetProperty("status").GetString() == "ok");
        Assert.DoesNotContain(DemoCredentials.Bot.ApiToken, r.Out + r.Err, StringComparison.Ordinal);

        var unknown = await _h.Dir.RunAsync("doctor", "--config", _h.ConfigPath, "--connection", "prod");
        Assert.Equal(ExitCodes.Usage, unknown.ExitCode);
        Assert.Contains("has no connection 'prod'; it has: second.", unknown.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_Config_GoesToTheAgentsConnection()
    {
        await using var second = await WithSecondSiteAsync();
        var add = await _h.Dir.RunAsync("agents", "add", "soc", "--org", "default", "--owner", "olga", "--policy", "jira-readonly");
        Assert.True(add.ExitCode == 0, add.ToString());
        Environment.SetEnvironmentVariable(JiraGateMcpStdio.AgentKeyVariable, AgentKey().Match(add.Out).Value);
        var summary = "from-call-" + Guid.NewGuid().ToString("n");

        // The file's policies replace the CLI's jira-readonly, so the create is granted.
        var (exit, output, error) = await CliRun.RunAsync("call", "issues:create", "--agent", "soc", "--config", _h.ConfigPath,
            "--arg", "project_key=SEC", "--arg", "issue_type=Bug", "--arg", "summary=" + summary, "--json");

        Assert.True(exit == ExitCodes.Ok, output + error);
        Assert.True(second.Site.Read(s => s.Issues.Any(i => i.Summary == summary)));
    }

    [Fact]
    public async Task Mcp_Config_StartsLazilyThenCallsGoToTheAgentsConnection()
    {
        await using var second = await WithSecondSiteAsync();
        var add = await _h.Dir.RunAsync("agents", "add", "soc", "--org", "default", "--owner", "olga", "--policy", "jira-readonly");
        Assert.True(add.ExitCode == 0, add.ToString());
        var (config, errors) = await _h.LoadAsync();
        Assert.True(config is not null, string.Join("\n", errors));
        var summary = "from-mcp-" + Guid.NewGuid().ToString("n");
        var toServer = new Pipe();
        var toClient = new Pipe();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var core = new TaskCompletionSource<CoreHost>(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = McpCommand.RunAsync(
            new McpRun
            {
                Data = new DataDirectory(config.DataDir),
                PolicyFiles = config.PolicyFiles,
                Config = config,
                AgentId = "soc",
                AgentKey = AgentKey().Match(add.Out).Value,
                LogLevel = Microsoft.Extensions.Logging.LogLevel.None,
                Started = c => core.TrySetResult(c),
            },
            TextWriter.Null,
            (c, agent, ct) => JiraGateMcpStdio.RunAsync(c.Services, agent, toServer.Reader.AsStream(), toClient.Writer.AsStream(), ct),
            stop.Token);
        var host = await core.Task.WaitAsync(Ct);
        await using (var client = await McpClient.CreateAsync(new StreamClientTransport(toServer.Writer.AsStream(), toClient.Reader.AsStream()), cancellationToken: Ct))
        {
            // The file's policies (jira-soc-triage) replace the CLI's jira-readonly: issues:create is listed.
            var tools = await client.ListToolsAsync(cancellationToken: Ct);
            Assert.Contains(tools, t => t.Name == "jira_issues_create");
            Assert.Equal(0, host.Jira.Starts);

            var created = await client.CallToolAsync("jira_issues_create",
                new Dictionary<string, object?> { ["project_key"] = "SEC", ["issue_type"] = "Bug", ["summary"] = summary }, cancellationToken: Ct);

            Assert.NotEqual(true, created.IsError);
        }
        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await run);
        Assert.True(second.Site.Read(s => s.Issues.Any(i => i.Summary == summary)));
        Assert.Null(host.Jira.Current.Sandbox);
    }

    [GeneratedRegex(@"jg_agent_[A-Za-z0-9_]+")]
    private static partial Regex AgentKey();
}
