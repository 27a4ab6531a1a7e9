using System.Net;
using System.Text.Json;
using JiraGate.Jira.Connection;
using JiraGate.Jira.Serialization;
using JiraGate.Jira.Tests.Infrastructure;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;

namespace JiraGate.Jira.Tests.Resilience;

/// <summary>The retry rules end to end, against the sandbox's injected faults (no test waits in real time for a retry).</summary>
public sealed class SandboxFaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FaultRule Fault(FaultKind kind, string method, string path, int? count = null, int status = 503, int? retryAfter = null) =>
        new() { Kind = kind, Method = method, PathPrefix = path, Count = count, StatusCode = status, RetryAfterSeconds = retryAfter };

    /// <summary>Alice on a Cloud sandbox, retries on the instant clock (timeouts off: they are timers too).</summary>
    private static (ServiceProvider Services, RecordingHandler Wire, InstantTimeProvider Time) Client(SandboxHost host,
        Action<JiraClientOptions>? configure = null)
    {
        var wire = new RecordingHandler();
        var time = new InstantTimeProvider();
        var services = JiraTestServices.ForSandbox(host, JiraTestServices.Alice(SandboxFlavor.Cloud), o =>
        {
            o.Deployment = JiraDeployment.Cloud;
            o.AttemptTimeout = Timeout.InfiniteTimeSpan;
            o.TotalTimeout = Timeout.InfiniteTimeSpan;
            o.Retry = new JiraRetryOptions();
            configure?.Invoke(o);
        }, b => b.HttpClient.AddHttpMessageHandler(() => wire), time);
        return (services, wire, time);
    }

    private static JiraRequest CreateIssue(string summary) => JiraRequest.Post("/rest/api/3/issue").Json(
        JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["fields"] = new Dictionary<string, object>
            {
                ["project"] = new Dictionary<string, string> { ["key"] = "SEC" },
                ["issuetype"] = new Dictionary<string, string> { ["name"] = "Task" },
                ["summary"] = summary,
            },
        }), JiraJsonContext.Default.JsonElement);

    private static async Task<int> CountIssuesAsync(JiraClient jira, string summary)
    {
        var page = await jira.Issues.SearchPageAsync($"project = SEC AND summary ~ \"{summary}\"", new() { Fields = ["summary"] }, Ct);
        return page.Items.Count(i => i.Fields.Summary == summary);
    }

    [Fact]
    public async Task Get_RateLimitedWithRetryAfter_WaitsAtLeastRetryAfterThenSucceeds()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud,
            o => o.Faults.Add(Fault(FaultKind.RateLimited, "GET", "/rest/api/3/myself", count: 2, retryAfter: 3)));
        var (services, wire, time) = Client(host);
        using var _ = services;
        var me = await services.GetRequiredService<JiraClient>().Users.GetMyselfAsync(Ct);
        Assert.Equal("alice@example.com", me.EmailAddress);
        Assert.Equal(3, wire.Count("GET", "/myself"));
        // The site gate may add a millisecond of rounding; the retry waits are the long ones.
        var waits = time.Delays.Where(w => w > TimeSpan.FromMilliseconds(100)).ToArray();
        Assert.Equal(2, waits.Length);
        Assert.All(waits, w => Assert.True(w >= TimeSpan.FromSeconds(3), $"waited {w}, less than Retry-After"));
    }

    [Fact]
    public async Task Get_503Storm_StopsAfterMaxRetriesWithTransientError()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud,
            o => o.Faults.Add(Fault(FaultKind.Status, "GET", "/rest/api/3/myself")));
        var (services, wire, time) = Client(host);
        using var _ = services;
        var ex = await Assert.ThrowsAsync<JiraException>(() => services.GetRequiredService<JiraClient>().Users.GetMyselfAsync(Ct));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.True(ex.IsTransient);
        Assert.Equal(1 + 4, wire.Count("GET", "/myself"));
        // Backoff with the documented defaults: 5, 10, 20, 30 s, each within the jitter band.
        var waits = time.Delays.Where(w => w > TimeSpan.FromMilliseconds(100)).ToArray();
        Assert.Equal(4, waits.Length);
        Assert.InRange(waits[0].TotalSeconds, 3.5, 6.5);
        Assert.InRange(waits[3].TotalSeconds, 21, 39);
    }

    [Fact]
    public async Task Get_503Storm_StopsWhenTheTotalDelayBudgetIsSpent()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud,
            o => o.Faults.Add(Fault(FaultKind.Status, "GET", "/rest/api/3/myself")));
        var (services, wire, time) = Client(host, o => o.Retry.MaxTotalDelay = TimeSpan.FromSeconds(20));
        using var _ = services;
        await Assert.ThrowsAsync<JiraException>(() => services.GetRequiredService<JiraClient>().Users.GetMyselfAsync(Ct));
        Assert.True(time.Delays.Sum(d => d.TotalSeconds) <= 20);
        Assert.InRange(wire.Count("GET", "/myself"), 2, 3);
    }

    [Fact]
    public async Task Get_RetryAfterLongerThanAllowed_FailsAtOnceWithRetryAfter()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud,
            o => o.Faults.Add(Fault(FaultKind.RateLimited, "GET", "/rest/api/3/myself", retryAfter: 600)));
        var (services, wire, _) = Client(host);
        using var __ = services;
        var ex = await Assert.ThrowsAsync<JiraRateLimitedException>(() => services.GetRequiredService<JiraClient>().Users.GetMyselfAsync(Ct));
        Assert.Equal(TimeSpan.FromSeconds(600), ex.RetryAfter);
        Assert.True(ex.IsTransient);
        Assert.Equal(1, wire.Count("GET", "/myself"));
    }

    [Fact]
    public async Task Post_500_IsNotRetried()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud,
            o => o.Faults.Add(Fault(FaultKind.Status, "POST", "/rest/api/3/issue", count: 1, status: 500)));
        var (services, wire, _) = Client(host);
        using var _ = services;
        var summary = "post-500-" + Guid.NewGuid().ToString("N");
        var ex = await Assert.ThrowsAsync<JiraException>(() => services.GetRequiredService<JiraConnection>()
            .SendAsync(CreateIssue(summary), JiraJsonContext.Default.JsonElement, Ct));
        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal(1, wire.Count("POST", "/rest/api/3/issue"));
        Assert.Equal(0, await CountIssuesAsync(services.GetRequiredService<JiraClient>(), summary));
    }

    [Fact]
    public async Task Post_503_IsNotRetried()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud,
            o => o.Faults.Add(Fault(FaultKind.Status, "POST", "/rest/api/3/issue", count: 1, status: 503)));
        var (services, wire, _) = Client(host);
        using var _ = services;
        await Assert.ThrowsAsync<JiraException>(() => services.GetRequiredService<JiraConnection>()
            .SendAsync(CreateIssue("post-503"), JiraJsonContext.Default.JsonElement, Ct));
        Assert.Equal(1, wire.Count("POST", "/rest/api/3/issue"));
    }

    [Fact]
    public async Task Post_RateLimited_IsRetriedAndCreatesExactlyOne()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud,
            o => o.Faults.Add(Fault(FaultKind.RateLimited, "POST", "/rest/api/3/issue", count: 1, retryAfter: 2)));
        var (services, wire, time) = Client(host);
        using var _ = services;
        var summary = "post-429-" + Guid.NewGuid().ToString("N");
        var created = await services.GetRequiredService<JiraConnection>().SendAsync(CreateIssue(summary), JiraJsonContext.Default.JsonElement, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(2, wire.Count("POST", "/rest/api/3/issue"));
        Assert.Contains(time.Delays, d => d >= TimeSpan.FromSeconds(2));
        Assert.Equal(1, await CountIssuesAsync(services.GetRequiredService<JiraClient>(), summary));
    }

    [Fact]
    public async Task Put_503_IsRetried()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud,
            o => o.Faults.Add(Fault(FaultKind.Status, "PUT", "/rest/api/3/issue/SEC-456", count: 1, retryAfter: 1)));
        var (services, wire, _) = Client(host);
        using var _ = services;
        var body = JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["fields"] = new Dictionary<string, object> { ["labels"] = new[] { "retried" } },
        });
        var result = await services.GetRequiredService<JiraConnection>().SendAsync(
            JiraRequest.Put("/rest/api/3/issue/SEC-456").Json(body, JiraJsonContext.Default.JsonElement), Ct);
        Assert.Equal(HttpStatusCode.NoContent, result.Value);
        Assert.Equal(2, wire.Count("PUT", "/issue/SEC-456"));
    }

    [Fact]
    public async Task Get_ConnectionResetMidBody_IsRetried()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud,
            o => o.Faults.Add(Fault(FaultKind.ConnectionReset, "GET", "/rest/api/3/issue/SEC-456", count: 1)));
        var (services, wire, _) = Client(host);
        using var _ = services;
        var issue = await services.GetRequiredService<JiraClient>().Issues.GetIssueAsync("SEC-456", cancellationToken: Ct);
        Assert.Equal("SEC-456", issue.Key);
        Assert.Equal(2, wire.Count("GET", "/issue/SEC-456"));
    }

    [Fact]
    public async Task Post_ConnectionResetAfterSending_IsOutcomeUnknownAndNotRetried()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud,
            o => o.Faults.Add(Fault(FaultKind.ConnectionReset, "POST", "/rest/api/3/issue", count: 1)));
        var (services, wire, _) = Client(host);
        using var _ = services;
        var summary = "post-reset-" + Guid.NewGuid().ToString("N");
        var ex = await Assert.ThrowsAsync<JiraOutcomeUnknownException>(() => services.GetRequiredService<JiraConnection>()
            .SendAsync(CreateIssue(summary), JiraJsonContext.Default.JsonElement, Ct));
        Assert.False(ex.IsTransient);
        Assert.Equal(1, wire.Count("POST", "/rest/api/3/issue"));
        Assert.Equal(1, await CountIssuesAsync(services.GetRequiredService<JiraClient>(), summary));
    }

    [Fact]
    public async Task Post_ApplyThenTimeout_IsOutcomeUnknownAndCreatesExactlyOne()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud,
            o => o.Faults.Add(Fault(FaultKind.ApplyThenTimeout, "POST", "/rest/api/3/issue", count: 1)));
        var wire = new RecordingHandler();
        // Real clock here: the attempt timeout must fire, and it is short.
        using var services = JiraTestServices.ForSandbox(host, JiraTestServices.Alice(SandboxFlavor.Cloud), o =>
        {
            o.Deployment = JiraDeployment.Cloud;
            // Long enough for a cold sandbox under parallel tests to apply the write; the sandbox then hangs for minutes.
            o.AttemptTimeout = TimeSpan.FromSeconds(3);
        }, b => b.HttpClient.AddHttpMessageHandler(() => wire));
        var summary = "apply-timeout-" + Guid.NewGuid().ToString("N");
        Assert.Equal(0, await CountIssuesAsync(services.GetRequiredService<JiraClient>(), summary));
        var ex = await Assert.ThrowsAsync<JiraOutcomeUnknownException>(() => services.GetRequiredService<JiraConnection>()
            .SendAsync(CreateIssue(summary), JiraJsonContext.Default.JsonElement, Ct));
        Assert.Contains("may or may not have applied it", ex.Message, StringComparison.Ordinal);
        Assert.Contains("timed out", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, wire.Count("POST", "/rest/api/3/issue"));
        Assert.Equal(1, await CountIssuesAsync(services.GetRequiredService<JiraClient>(), summary));
    }

    [Fact]
    public async Task Get_Timeout_IsRetriedThenSucceeds()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud,
            o => o.Faults.Add(new FaultRule { Kind = FaultKind.Latency, Method = "GET", PathPrefix = "/rest/api/3/myself", Count = 1, Latency = TimeSpan.FromSeconds(30) }));
        var wire = new RecordingHandler();
        using var services = JiraTestServices.ForSandbox(host, JiraTestServices.Alice(SandboxFlavor.Cloud), o =>
        {
            o.Deployment = JiraDeployment.Cloud;
            o.AttemptTimeout = TimeSpan.FromSeconds(1);
        }, b => b.HttpClient.AddHttpMessageHandler(() => wire));
        var me = await services.GetRequiredService<JiraClient>().Users.GetMyselfAsync(Ct);
        Assert.NotNull(me.AccountId);
        // The first attempt hung and timed out; a retry answered (a slow machine may need one more).
        Assert.InRange(wire.Count("GET", "/myself"), 2, 5);
    }

    [Fact]
    public async Task Call_CancelledByCaller_ThrowsOperationCanceledNotJiraException()
    {
        await using var host = await JiraTestServices.StartAsync(SandboxFlavor.Cloud,
            o => o.Faults.Add(new FaultRule { Kind = FaultKind.Latency, Method = "GET", PathPrefix = "/rest/api/3/myself", Latency = TimeSpan.FromSeconds(30) }));
        using var services = JiraTestServices.ForSandbox(host, JiraTestServices.Alice(SandboxFlavor.Cloud), o => o.Deployment = JiraDeployment.Cloud);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var call = services.GetRequiredService<JiraClient>().Users.GetMyselfAsync(cts.Token);
        cts.CancelAfter(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }
}
