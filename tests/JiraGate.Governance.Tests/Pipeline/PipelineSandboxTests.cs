using JiraGate.Governance.Execution;
using JiraGate.Governance.Pipeline;
using JiraGate.Jira;
using JiraGate.Jira.Authentication;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;

namespace JiraGate.Governance.Tests.Pipeline;

/// <summary>
/// The real pipeline with the real Jira executor against the in-process sandbox, counting every HTTP request that
/// leaves for Jira: the seed's SDK scenario runs, and when the audit log cannot take the intent nothing is sent at all.
/// </summary>
public sealed class PipelineSandboxTests : IAsyncLifetime
{
    private readonly RequestCount _counter = new();
    private SandboxHost _sandbox = null!;
    private ServiceProvider _services = null!;
    private PipelineTestBed _bed = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions(), Ct);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddJiraClient(o =>
        {
            o.BaseUrl = _sandbox.BaseUrl;
            // Configured, so not even a serverInfo call is made before the first operation.
            o.Deployment = JiraDeployment.Cloud;
            o.Credentials = new ApiTokenCredentials(DemoCredentials.Alice.Email, DemoCredentials.Alice.ApiToken);
        }).HttpClient.AddHttpMessageHandler(() => new RequestCounter(_counter));
        _services = services.BuildServiceProvider();
        _bed = await PipelineTestBed.CreateAsync(new JiraOperationExecutor(_services.GetRequiredService<JiraClient>()));
        await _bed.Agents.UpdateAsync("agent-001", new JiraGate.Governance.Agents.AgentChanges { Policies = ["jira-soc-triage", "jira-readonly"] }, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _bed.DisposeAsync();
        await _services.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task AuditStoreFailing_CallRefusedAndNoRequestReachesJira()
    {
        _bed.AuditStore.FailFrom(1);

        var write = await _bed.CallAsync(PipelineTestBed.Soc, "issues:create",
            """{"project_key":"SEC","summary":"must never be created","issue_type":"Bug"}""");
        var read = await _bed.CallAsync(PipelineTestBed.Soc, "issues:read_detail", """{"issue_key":"SEC-456"}""");

        Assert.Equal(OperationErrorCodes.AuditUnavailable, write.Error!.Code);
        Assert.Equal(OperationErrorCodes.AuditUnavailable, read.Error!.Code);
        Assert.Equal(0, _counter.Count);
    }

    [Fact]
    public async Task SeedSdkScenario_ThroughTheConnectorAgainstTheSandbox_EveryStepOk()
    {
        var jira = new JiraGate.Governance.Connector.JiraConnectorFactory(_bed.Pipeline).Create("agent-001", PipelineTestBed.Org);

        var created = await jira.CreateIssueAsync("SEC", "Investigate suspicious login from 198.51.100.42", "Bug", priority: "High",
            labels: ["security", "automated"], cancellationToken: Ct);
        Assert.True(created.IsOk, created.ToString());
        var key = created.Value!.Value.GetProperty("key").GetString()!;
        var steps = new[]
        {
            await jira.SearchIssuesAsync("project = SEC AND status = Open", maxResults: 20, cancellationToken: Ct),
            await jira.GetTransitionsAsync(key, Ct),
            await jira.TransitionIssueAsync(key, transitionId: "31", cancellationToken: Ct),
            await jira.AddCommentAsync(key, "Automated enrichment complete. See attached IOC report.", Ct),
            await jira.ListBoardsAsync(projectKey: "SEC", cancellationToken: Ct),
            await jira.GetBoardSprintsAsync("42", state: "active", cancellationToken: Ct),
        };

        Assert.All(steps, r => Assert.True(r.IsOk, r.ToString()));
        var detail = await jira.GetIssueAsync(key, cancellationToken: Ct);
        Assert.Equal("In Progress", detail.Value!.Value.GetProperty("status").GetString());
        var before = _counter.Count;
        Assert.True(before >= 8, "the counter sees the scenario's requests: " + before);
        var denied = await jira.DeleteIssueAsync(key, cancellationToken: Ct);
        Assert.Equal(OperationStatus.Denied, denied.Status);
        Assert.Equal(before, _counter.Count);
        Assert.True((await _bed.Audit.VerifyAsync(Ct)).IsValid);
    }

    private sealed class RequestCount
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);
    }

    /// <summary>A new handler per chain (the factory rebuilds chains), all adding to one count.</summary>
    private sealed class RequestCounter(RequestCount count) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            count.Add();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
