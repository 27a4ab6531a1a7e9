using System.IO.Pipelines;
using System.Text.Json;
using JiraGate.Cli.Commands;
using JiraGate.Cli.Hosting;
using JiraGate.Cli.Tests.Serve;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Pipeline;
using JiraGate.Governance.Policies;
using JiraGate.Mcp.Hosting;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace JiraGate.Cli.Tests.McpStartup;

/// <summary>
/// <c>jiragate mcp</c> starts lazily (cold start, TARGETS.md): initialize and tools/list are answered from the database and
/// the policies alone — no Jira backend started, no pipeline built — and the first tool call then starts Jira (the
/// in-process sandbox) once and answers end to end. Driven through <see cref="McpCommand.RunAsync"/>, the command's own
/// code path, over a pair of pipes instead of stdio and with the SDK's client.
/// </summary>
public sealed class McpLazyStartTests : IAsyncLifetime
{
    private const string AgentId = "soc-bot";
    private readonly TempDataDir _data = new();
    private string _key = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // The lazy core is enough to register an agent: no sandbox starts for it either.
        await using var core = await CoreHost.StartAsync(new CoreHostOptions
        {
            Data = new DataDirectory(_data.Path),
            LogLevel = Microsoft.Extensions.Logging.LogLevel.None,
            OpenLazily = true,
            StartJira = _ => throw new InvalidOperationException("registering an agent must not start Jira"),
        }, Ct);
        var registration = await core.Services.GetRequiredService<AgentRegistry>().RegisterAsync(
            new NewAgent { Id = AgentId, OrgId = "demo", Owner = "olivia", Policies = [SeedPolicies.SocTriage] }, Ct);
        _key = registration.Key.Reveal();
    }

    public ValueTask DisposeAsync()
    {
        _data.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Mcp_ToolsList_AnsweredWithoutStartingJiraOrThePipeline()
    {
        await using var session = await McpSession.StartAsync(_data.Path, _key);

        var tools = await session.Client.ListToolsAsync(cancellationToken: Ct);

        Assert.Contains(tools, t => t.Name == "jira_issues_read");
        Assert.DoesNotContain(tools, t => t.Name == "jira_issues_delete");
        Assert.Equal(0, session.JiraStarts);
        Assert.Equal(0, session.Core.Jira.Starts);
        var pipeline = Assert.IsType<DeferredOperationPipeline>(session.Core.Services.GetRequiredService<IOperationPipeline>());
        Assert.False(pipeline.IsBuilt);
    }

    [Fact]
    public async Task Mcp_FirstToolCall_StartsJiraOnceAndAnswersEndToEnd()
    {
        await using var session = await McpSession.StartAsync(_data.Path, _key);
        await session.Client.ListToolsAsync(cancellationToken: Ct);

        var first = await session.Client.CallToolAsync("jira_issues_read",
            new Dictionary<string, object?> { ["jql"] = "project = SEC", ["max_results"] = 2 }, cancellationToken: Ct);
        var second = await session.Client.CallToolAsync("jira_issues_read_detail",
            new Dictionary<string, object?> { ["issue_key"] = "SEC-1" }, cancellationToken: Ct);

        Assert.NotEqual(true, first.IsError);
        Assert.NotEqual(true, second.IsError);
        var text = Assert.IsType<TextContentBlock>(first.Content[0]).Text;
        Assert.Contains("\"SEC-", text, StringComparison.Ordinal);
        Assert.Equal(1, session.JiraStarts);
        Assert.NotNull(session.Core.Jira.Current.Sandbox);
    }

    [Fact]
    public async Task Mcp_DeniedToolCall_IsRefusedWithoutStartingJira()
    {
        await using var session = await McpSession.StartAsync(_data.Path, _key);

        var denied = await session.Client.CallToolAsync("jira_issues_delete",
            new Dictionary<string, object?> { ["issue_key"] = "SEC-1" }, cancellationToken: Ct);

        Assert.True(denied.IsError);
        using var json = JsonDocument.Parse(Assert.IsType<TextContentBlock>(denied.Content[0]).Text);
        Assert.Equal(OperationErrorCodes.PolicyDenied, json.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(0, session.JiraStarts);
    }

    /// <summary>One <c>jiragate mcp</c> run on pipes, with a Jira start that counts and a client connected (initialize done).</summary>
    private sealed class McpSession : IAsyncDisposable
    {
        private readonly Pipe _toServer = new();
        private readonly Pipe _toClient = new();
        private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        private readonly TaskCompletionSource<CoreHost> _core = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Task<int> _run = Task.FromResult(0);
        private int _jiraStarts;

        public McpClient Client { get; private set; } = null!;

        public CoreHost Core => _core.Task.Result;

        public int JiraStarts => Volatile.Read(ref _jiraStarts);

        public static async Task<McpSession> StartAsync(string dataDir, string key)
        {
            var session = new McpSession();
            var run = new McpRun
            {
                Data = new DataDirectory(dataDir),
                AgentId = AgentId,
                AgentKey = key,
                LogLevel = Microsoft.Extensions.Logging.LogLevel.None,
                StartJira = ct =>
                {
                    Interlocked.Increment(ref session._jiraStarts);
                    return JiraBackend.StartSandboxAsync(port: 0, ct);
                },
                Started = core => session._core.TrySetResult(core),
            };
            session._run = McpCommand.RunAsync(run, TextWriter.Null,
                (core, agent, ct) => JiraGateMcpStdio.RunAsync(core.Services, agent, session._toServer.Reader.AsStream(), session._toClient.Writer.AsStream(), ct),
                session._stop.Token);
            await session._core.Task.WaitAsync(Ct);
            session.Client = await McpClient.CreateAsync(
                new StreamClientTransport(session._toServer.Writer.AsStream(), session._toClient.Reader.AsStream()), cancellationToken: Ct);
            return session;
        }

        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            await _stop.CancelAsync();
            await _run;
            _stop.Dispose();
        }
    }
}
