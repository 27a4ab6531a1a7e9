using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using JiraGate.Cli.Hosting;

namespace JiraGate.Cli.Tests.Serve;

public sealed partial class ServeCommandTests
{
    [Fact]
    public async Task Serve_NoConfig_ServesWithTheDemoKeyAndShowsKeysOnlyOnFirstStart()
    {
        using var data = new TempDataDir();
        using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        using var http = services.GetRequiredService<IHttpClientFactory>().CreateClient();

        var first = await StartAsync(data.Path);
        string agentKey;
        try
        {
            Assert.Contains("demo-agent", first.Output, StringComparison.Ordinal);
            Assert.Contains("/mcp", first.Output, StringComparison.Ordinal);
            Assert.Contains("/approvals", first.Output, StringComparison.Ordinal);
            Assert.Contains("/openapi/v1.json", first.Output, StringComparison.Ordinal);
            Assert.Contains("jira-readonly", first.Output, StringComparison.Ordinal);
            agentKey = AgentKey().Match(first.Output).Value;
            Assert.StartsWith("jg_agent_", agentKey, StringComparison.Ordinal);
            Assert.Matches(ApproverKey(), first.Output);

            var gateway = new Uri(GatewayUrl().Match(first.Output).Groups[1].Value + "/");
            var ct = TestContext.Current.CancellationToken;
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(gateway, "healthz"), ct)).StatusCode);

            using var anonymous = await http.GetAsync(new Uri(gateway, "v1/operations"), ct);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway, "v1/operations"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", agentKey);
            using var listing = await http.SendAsync(request, ct);
            Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
            var body = await listing.Content.ReadAsStringAsync(ct);
            Assert.Contains("\"issues:read\"", body, StringComparison.Ordinal);
            Assert.Contains("\"boards:read\"", body, StringComparison.Ordinal);
            Assert.DoesNotContain("\"issues:delete\"", body, StringComparison.Ordinal);

            // The approvals page is mounted; its sign-in form's antiforgery token uses the data-protection keys.
            using var signIn = await http.GetAsync(new Uri(gateway, "approvals/sign-in"), ct);
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        }
        finally
        {
            Assert.Equal(ExitCodes.Ok, await first.StopAsync());
        }

        var second = await StartAsync(data.Path);
        try
        {
            Assert.DoesNotContain("jg_agent_", second.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("jg_appr_", second.Output, StringComparison.Ordinal);
            Assert.Contains("jiragate agents rotate-key demo-agent", second.Output, StringComparison.Ordinal);

            var gateway = new Uri(GatewayUrl().Match(second.Output).Groups[1].Value + "/");
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway, "v1/operations"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", agentKey);
            using var listing = await http.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
        }
        finally
        {
            Assert.Equal(ExitCodes.Ok, await second.StopAsync());
        }
        Assert.True(File.Exists(Path.Combine(data.Path, "jiragate.db")));
        Assert.True(File.Exists(Path.Combine(data.Path, "master.key")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(data.Path, "data-protection-keys")));
    }

    [Fact]
    public async Task Serve_ConfigWithUnknownSection_Exit2NamingFileLineAndColumn()
    {
        using var data = new TempDataDir();
        Directory.CreateDirectory(data.Path);
        var config = Path.Combine(data.Path, "jiragate.yaml");
        await File.WriteAllTextAsync(config, "storage:\n  path: ./state\npolicys:\n  - soc.yaml\n", TestContext.Current.CancellationToken);

        var (exit, output, error) = await CliRun.RunAsync("serve", "--config", config, "--urls", "http://127.0.0.1:0");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Empty(output);
        Assert.Contains(config + ":3:1: unknown section 'policys'", error, StringComparison.Ordinal);
        Assert.Contains("Expected one of: storage, connections, agents, policies, approval_channels", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(data.Path, "state")));
    }

    [Fact]
    public async Task Serve_ConfigConnectionWithoutCredential_Exit2NamingTheFix()
    {
        using var data = new TempDataDir();
        Directory.CreateDirectory(data.Path);
        var config = Path.Combine(data.Path, "jiragate.yaml");
        await File.WriteAllTextAsync(config, "connections:\n  prod:\n    base_url: https://acme.atlassian.net\n", TestContext.Current.CancellationToken);

        var (exit, _, error) = await CliRun.RunAsync("serve", "--config", config);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(config + ":2:3: connection 'prod' needs 'credential: <vault path>'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_BrokenPolicyFile_Exit2WithTheLoaderErrors()
    {
        using var data = new TempDataDir();
        Directory.CreateDirectory(data.Path);
        var policy = Path.Combine(data.Path, "bad.yaml");
        await File.WriteAllTextAsync(policy, "- name: x\n  connector: jira\n  operations: [\"issues:read\"]\n  risk_max: extreme\n  approval: none\n", TestContext.Current.CancellationToken);

        var (exit, _, error) = await CliRun.RunAsync("serve", "--policies", policy, "--data-dir", data.Path);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("bad.yaml", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(data.Path, "jiragate.db")));
    }

    [Fact]
    public async Task Serve_UrlThatIsNotHttp_Exit2()
    {
        var (exit, _, error) = await CliRun.RunAsync("serve", "--urls", "localhost:5180");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--urls", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOption_IsAUsageError()
    {
        var (exit, _, error) = await CliRun.RunAsync("serve", "--port", "5180");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--port", error, StringComparison.Ordinal);
    }

    private static async Task<RunningServe> StartAsync(string dataDir)
    {
        var output = new WatchedWriter("Ctrl+C stops.");
        var error = new WatchedWriter("\n");
        var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = CommandLineRunner.InvokeAsync(Program.BuildRoot(),
            ["serve", "--urls", "http://127.0.0.1:0", "--data-dir", dataDir, "--sandbox-port", "0"],
            new InvocationConfiguration { Output = output, Error = error }, cts.Token);
        // Bounded so a start-up that never finishes fails the test instead of hanging it.
        var started = await Task.WhenAny(output.Seen.Task, run).WaitAsync(TimeSpan.FromMinutes(3), TestContext.Current.CancellationToken);
        Assert.True(started != run, "serve ended before listening: " + error);
        return new RunningServe(output.ToString(), run, cts);
    }

    private sealed record RunningServe(string Output, Task<int> Run, CancellationTokenSource Stop)
    {
        public async Task<int> StopAsync()
        {
            await Stop.CancelAsync();
            var exit = await Run;
            Stop.Dispose();
            return exit;
        }
    }

    [GeneratedRegex(@"jg_agent_[A-Za-z0-9_]+")]
    private static partial Regex AgentKey();

    [GeneratedRegex(@"jg_appr_[A-Za-z0-9_]+")]
    private static partial Regex ApproverKey();

    [GeneratedRegex(@"gateway\s+(http://127\.0\.0\.1:\d+)")]
    private static partial Regex GatewayUrl();
}
