using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using JiraGate.Cli.Hosting;
using JiraGate.Cli.Tests.Serve;
using JiraGate.Mcp.Hosting;
using JiraGate.Sandbox.Data;

namespace JiraGate.Cli.Tests.RunningServe;

/// <summary><c>call</c> (and <c>mcp</c>, through the same CoreHost) use the sandbox of a <c>serve</c> running on the same data directory.</summary>
[Collection(AgentKeyEnvironment.Name)]
public sealed class RunningServeTests : IDisposable
{
    private readonly TempDataDir _data = new();

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(JiraGateMcpStdio.AgentKeyVariable, null);
        _data.Dispose();
    }

    [Fact]
    public async Task Call_WhileServeRuns_CreatesTheIssueInServesSandboxAndSeesServesIssues()
    {
        var ct = TestContext.Current.CancellationToken;
        var host = await StartServeAsync(ct);
        await using (host)
        {
            var sandbox = host.Jira.Sandbox!;
            Environment.SetEnvironmentVariable(JiraGateMcpStdio.AgentKeyVariable, host.Demo.AgentKey);

            var (exit, output, error) = await CliRun.RunAsync("call", "issues:create", "--agent", DemoAccounts.AgentId, "--data-dir", _data.Path, "--json",
                "--args", """{"project_key":"SEC","issue_type":"Bug","summary":"Created through call, seen by serve"}""");

            Assert.True(exit == ExitCodes.Ok, error + output);
            Assert.DoesNotContain("note:", error, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(output);
            var key = json.RootElement.GetProperty("value").GetProperty("key").GetString();
            Assert.Contains(sandbox.Site.Read(s => s.Data.Issues.Select(i => (i.Key, i.Summary)).ToList()),
                i => i.Key == key && i.Summary == "Created through call, seen by serve");

            // And the other way: an issue made in serve's Jira is there for call.
            using var alice = sandbox.CreateClient(DemoCredentials.Alice);
            using var created = await alice.PostAsync(new Uri("rest/api/3/issue", UriKind.Relative), JsonContent.Create(JsonDocument.Parse(
                """{"fields":{"project":{"key":"SEC"},"issuetype":{"name":"Bug"},"summary":"Made in the serve sandbox"}}""").RootElement), ct);
            created.EnsureSuccessStatusCode();
            var serveKey = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("key").GetString()!;

            var read = await CliRun.RunAsync("call", "issues:read_detail", "--agent", DemoAccounts.AgentId, "--data-dir", _data.Path, "--json",
                "--arg", "issue_key=" + serveKey);

            Assert.True(read.Exit == ExitCodes.Ok, read.Error + read.Output);
            Assert.Contains("Made in the serve sandbox", read.Output, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(Path.Combine(_data.Path, RunningServeFile)), "a clean stop removes serve.json");
    }

    [Fact]
    public async Task Serve_PublishesAnOwnerOnlyFileWithoutSecrets()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StartServeAsync(ct);
        var path = Path.Combine(_data.Path, RunningServeFile);

        var text = await File.ReadAllTextAsync(path, ct);
        var info = Hosting.RunningServe.Read(new DataDirectory(_data.Path))!;

        Assert.Equal(Environment.ProcessId, info.Pid);
        Assert.Equal(host.BaseUrl.ToString().TrimEnd('/'), info.Gateway);
        Assert.Equal(host.Jira.BaseUrl.ToString().TrimEnd('/'), info.Sandbox);
        Assert.DoesNotContain(host.Demo.AgentKey!, text, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Demo.ApproverKey!, text, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoCredentials.Bot.ApiToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain("token", text, StringComparison.OrdinalIgnoreCase);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public async Task Call_StaleServeFile_IsIgnoredAndRemoved()
    {
        var ct = TestContext.Current.CancellationToken;
        var key = await PrepareDemoAgentAsync(ct);
        var data = new DataDirectory(_data.Path);
        using (Hosting.RunningServe.Publish(data, new Uri("http://127.0.0.1:5180"), new Uri("http://127.0.0.1:5181")))
        {
            // A serve that was killed: its file names a process that is gone.
            RewritePid(data, await DeadPidAsync(ct));
        }
        Environment.SetEnvironmentVariable(JiraGateMcpStdio.AgentKeyVariable, key);

        var (exit, output, error) = await CliRun.RunAsync("call", "issues:read", "--agent", DemoAccounts.AgentId, "--data-dir", _data.Path, "--json",
            "--arg", "jql=project = SEC", "--arg", "max_results=1");

        Assert.True(exit == ExitCodes.Ok, error + output);
        Assert.Contains("is no longer running", error, StringComparison.Ordinal);
        Assert.Contains("its own in-process sandbox", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(Hosting.RunningServe.PathIn(data)));
    }

    [Fact]
    public async Task Call_NoServe_UsesItsOwnSandboxAndSaysSoOnStderrOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        Environment.SetEnvironmentVariable(JiraGateMcpStdio.AgentKeyVariable, await PrepareDemoAgentAsync(ct));

        var (exit, output, error) = await CliRun.RunAsync("call", "issues:read", "--agent", DemoAccounts.AgentId, "--data-dir", _data.Path, "--json",
            "--arg", "jql=project = SEC", "--arg", "max_results=1");

        Assert.True(exit == ExitCodes.Ok, error + output);
        Assert.Contains("no 'jiragate serve' is running", error, StringComparison.Ordinal);
        Assert.DoesNotContain("note:", output, StringComparison.Ordinal);
        using var _ = JsonDocument.Parse(output);
    }

    [Fact]
    public async Task FindSandbox_LiveProcessButSandboxGone_IsNotUsed()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = new DataDirectory(_data.Path);
        data.Ensure();
        Uri gone;
        await using (var jira = await JiraBackend.StartSandboxAsync(port: 0, ct))
        {
            gone = jira.BaseUrl;
        }
        using var published = Hosting.RunningServe.Publish(data, new Uri("http://127.0.0.1:5180"), gone);

        var (sandbox, reason) = await Hosting.RunningServe.FindSandboxAsync(data, ct);

        Assert.Null(sandbox);
        Assert.Contains("does not answer", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_DisposeLeavesAFileAnotherServeWroteSinceAlone()
    {
        var data = new DataDirectory(_data.Path);
        data.Ensure();
        var first = Hosting.RunningServe.Publish(data, new Uri("http://127.0.0.1:5180"), null);
        using var second = Hosting.RunningServe.Publish(data, new Uri("http://127.0.0.1:5190"), null);

        first.Dispose();

        Assert.Equal("http://127.0.0.1:5190", Hosting.RunningServe.Read(data)?.Gateway);
        var (sandbox, reason) = await Hosting.RunningServe.FindSandboxAsync(data, TestContext.Current.CancellationToken);
        Assert.Null(sandbox);
        Assert.Contains("configured Jira", reason, StringComparison.Ordinal);
    }

    private const string RunningServeFile = Hosting.RunningServe.FileName;

    private Task<ServeHost> StartServeAsync(CancellationToken ct) => ServeHost.StartAsync(new ServeSettings
    {
        Urls = ["http://127.0.0.1:0"],
        Data = new DataDirectory(_data.Path),
        SandboxPort = 0,
        MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.None,
    }, ct);

    /// <summary>The data directory as serve leaves it, without a serve running: the demo agent exists.</summary>
    private async Task<string> PrepareDemoAgentAsync(CancellationToken ct)
    {
        await using var core = await CoreHost.StartAsync(new DataDirectory(_data.Path), [], Microsoft.Extensions.Logging.LogLevel.None, null, ct);
        return (await DemoAccounts.EnsureAsync(core.Services, ct)).AgentKey!;
    }

    private static void RewritePid(DataDirectory data, int pid)
    {
        var path = Hosting.RunningServe.PathIn(data);
        var text = File.ReadAllText(path).Replace($"\"pid\": {Environment.ProcessId}", $"\"pid\": {pid}", StringComparison.Ordinal);
        File.WriteAllText(path, text);
    }

    /// <summary>The id of a process that has exited.</summary>
    private static async Task<int> DeadPidAsync(CancellationToken ct)
    {
        if (OperatingSystem.IsWindows())
        {
            return int.MaxValue;
        }
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync(ct);
        return process.Id;
    }
}
