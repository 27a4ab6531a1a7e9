using System.Net;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.Faults;

public sealed class FaultInjectionTests
{
    private const string Path = "/rest/api/3/serverInfo";

    [Fact]
    public async Task StatusFault_WithCount_HitsExactlyThatManyRequests()
    {
        await using var host = await SandboxFixture.StartAsync(configure: o =>
            o.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 503, Count = 2, RetryAfterSeconds = 7 }));
        using var client = host.CreateClient(DemoCredentials.Alice);
        var first = await client.GetAsync(Path, Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), first.Headers.RetryAfter?.Delta);
        await first.ExpectErrorAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(Path, Ct)).StatusCode);
        Assert.NotEqual(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(Path, Ct)).StatusCode);
    }

    [Fact]
    public async Task RateLimit_OverTheLimit_Answers429WithJiraHeaders_ThenRecoversNextWindow()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        await using var host = await SandboxFixture.StartAsync(configure: o =>
        {
            o.TimeProvider = time;
            o.RateLimit = new RateLimitOptions { PermitLimit = 3, Window = TimeSpan.FromSeconds(10), RetryAfterSeconds = 10 };
        });
        using var client = host.CreateClient(DemoCredentials.Alice);
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync(Path, Ct)).StatusCode);
        }
        var limited = await client.GetAsync(Path, Ct);
        var body = await limited.ExpectErrorAsync(HttpStatusCode.TooManyRequests, "The request has been rate-limited. Please try again later.");
        Assert.Equal(429, body["status"]!.GetValue<int>());
        Assert.Equal(TimeSpan.FromSeconds(10), limited.Headers.RetryAfter?.Delta);
        Assert.Equal("0", limited.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.Equal("3", limited.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("2026-11-25T12:00:10Z", limited.Headers.GetValues("X-RateLimit-Reset").Single());
        Assert.Equal("jira-burst-based", limited.Headers.GetValues("RateLimit-Reason").Single());

        // Limits are per route and method: another route still answers.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/rest/api/3/myself", Ct)).StatusCode);

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync(Path, Ct)).StatusCode);
    }

    [Fact]
    public async Task ConnectionReset_AbortsMidResponse()
    {
        await using var host = await SandboxFixture.StartAsync(configure: o =>
            o.Faults.Add(new FaultRule { Kind = FaultKind.ConnectionReset, Count = 1 }));
        using var client = host.CreateClient(DemoCredentials.Alice);
        await Assert.ThrowsAnyAsync<HttpRequestException>(async () =>
        {
            var response = await client.GetAsync(Path, Ct);
            await response.Content.ReadAsStringAsync(Ct);
        });
        // The next request is served normally.
        Assert.NotEqual(HttpStatusCode.InternalServerError, (await client.GetAsync(Path, Ct)).StatusCode);
    }

    [Fact]
    public async Task Faults_MatchMethodAndPathPrefix_Only()
    {
        await using var host = await SandboxFixture.StartAsync(configure: o =>
            o.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 502, Method = "POST", PathPrefix = "/rest/api/3/issue" }));
        using var client = host.CreateClient(DemoCredentials.Alice);
        Assert.NotEqual(HttpStatusCode.BadGateway, (await client.GetAsync(Path, Ct)).StatusCode);
        Assert.NotEqual(HttpStatusCode.BadGateway, (await client.GetAsync("/rest/api/3/issue/SEC-1", Ct)).StatusCode);
        var post = await client.PostAsync("/rest/api/3/issue", JsonBody("{}"), Ct);
        Assert.Equal(HttpStatusCode.BadGateway, post.StatusCode);
    }

    [Fact]
    public async Task ControlApi_IsOffUnlessEnabled_AndManagesFaults()
    {
        await using (var off = await SandboxFixture.StartAsync())
        {
            using var c = off.CreateClient();
            Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync("/_sandbox/faults", Ct)).StatusCode);
        }
        await using var host = await SandboxFixture.StartAsync(configure: o => o.EnableControlApi = true);
        using var client = host.CreateClient(DemoCredentials.Alice);
        await (await client.PostAsync("/_sandbox/faults", JsonBody("""{"kind":"status","statusCode":500,"count":1}"""), Ct)).ExpectAsync(HttpStatusCode.Created);
        await (await client.GetAsync(Path, Ct)).ExpectErrorAsync(HttpStatusCode.InternalServerError);
        await (await client.PostAsync("/_sandbox/faults", JsonBody("""{"kind":"explode"}"""), Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest, "kind must be one of");
        await (await client.PostAsync("/_sandbox/faults", JsonBody("""{"kind":"status","probability":3}"""), Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest, "probability");
        await (await client.PutAsync("/_sandbox/rate-limit", JsonBody("""{"permitLimit":1,"windowSeconds":60}"""), Ct)).ExpectAsync(HttpStatusCode.NoContent);
        await client.GetAsync(Path, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync(Path, Ct)).StatusCode);
        await (await client.DeleteAsync("/_sandbox/rate-limit", Ct)).ExpectAsync(HttpStatusCode.NoContent);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync(Path, Ct)).StatusCode);
    }

    [Fact]
    public async Task StateFile_SavedOnStop_IsLoadedOnNextStart()
    {
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "jiragate-sandbox-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            await using (var first = await SandboxFixture.StartAsync(configure: o => { o.StateFile = file; o.SaveStateOnStop = true; }))
            {
                first.Site.Write(s => s.Data.SiteName = "saved-site");
            }
            Assert.True(File.Exists(file));
            await using var second = await SandboxFixture.StartAsync(configure: o => o.StateFile = file);
            Assert.Equal("saved-site", second.Site.Read(s => s.Data.SiteName));
            Assert.Equal(750, second.Site.Read(s => s.Data.Issues.Count));
            Assert.True(second.Site.Read(s => s.TryGetIssue("SEC-456", out _)));
        }
        finally
        {
            File.Delete(file);
        }
    }
}

public sealed class ApplyThenTimeoutTests
{
    [Fact]
    public async Task ApplyThenTimeout_AppliesTheWrite_ButTheClientNeverGetsAnAnswer()
    {
        await using var host = await SandboxFixture.StartAsync(configure: o =>
            o.Faults.Add(new FaultRule { Kind = FaultKind.ApplyThenTimeout, Method = "POST", PathPrefix = "/rest/api/3/issue", Count = 1 }));
        using var client = host.CreateClient(DemoCredentials.Alice);
        var summary = "Outcome unknown " + Guid.NewGuid().ToString("N");
        var body = new System.Text.Json.Nodes.JsonObject { ["fields"] = new System.Text.Json.Nodes.JsonObject { ["project"] = new System.Text.Json.Nodes.JsonObject { ["key"] = "SEC" }, ["issuetype"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "Bug" }, ["summary"] = summary } }.ToJsonString();
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var call = client.PostAsync("/rest/api/3/issue", JsonBody(body), giveUp.Token);

        // The write happens (wait for it, bounded — no race with a client timeout on a busy machine) ...
        var created = 0;
        for (var attempt = 0; attempt < 600 && created == 0; attempt++)
        {
            created = host.Site.Read(s => s.Data.Issues.Count(i => i.Summary == summary));
            if (created == 0)
            {
                await Task.Delay(100, Ct);
            }
        }
        Assert.Equal(1, created);

        // ... but no answer comes: the call is still waiting after the write, until the client gives up.
        Assert.False(call.IsCompleted);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, host.Site.Read(s => s.Data.Issues.Count(i => i.Summary == summary)));

        // The rule was used up: the next create is answered normally.
        var second = await client.PostAsync("/rest/api/3/issue", JsonBody(body.Replace(summary, summary + "-2", StringComparison.Ordinal)), Ct);
        await second.ExpectAsync(HttpStatusCode.Created);
    }
}
