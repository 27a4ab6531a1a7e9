using System.Net;
using System.Text.Json;
using JiraGate.Governance.Approvals;

namespace JiraGate.Governance.Tests.Approvals;

public sealed class WebhookApprovalNotifierTests
{
    private const string WebhookUrl = "https://hooks.example.test/services/T000/B000/canary-webhook-secret";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Approval Pending(string args = """{"issueIdOrKey":"SEC-1"}""", string? channel = "#jira-approvals") => new()
    {
        Id = "apr_test1",
        AgentId = "agent-001",
        OrgId = "org-acme",
        AgentOwner = "alice",
        Operation = "issues:delete",
        Policy = "jira-full-management",
        Channel = channel,
        Risk = "high",
        Arguments = ApprovalArguments.Parse(args),
        State = ApprovalState.Pending,
        CreatedAt = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero),
        ExpiresAt = new DateTimeOffset(2025, 3, 1, 13, 0, 0, TimeSpan.Zero),
    };

    private static (IApprovalNotifier Notifier, FakeHandler Handler, ServiceProvider Provider) Build(params HttpStatusCode[] answers)
    {
        var handler = new FakeHandler(answers);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddJiraGateApprovalWebhooks(o =>
        {
            o.ChannelWebhooks["#jira-approvals"] = new Uri(WebhookUrl);
            o.ApprovalLinkTemplate = "http://127.0.0.1:5180/approvals/{id}";
            o.MaxRetries = 3;
            o.RetryDelay = TimeSpan.Zero;
        }).ConfigurePrimaryHttpMessageHandler(() => handler);
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<IApprovalNotifier>(), handler, provider);
    }

    [Fact]
    public async Task NotifyAsync_TransientFailures_RetriedUntilDelivered()
    {
        var (notifier, handler, provider) = Build(HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        using (provider)
        {
            await notifier.NotifyAsync(Pending(), Ct);
            Assert.Equal(3, handler.Requests.Count);
            Assert.All(handler.Requests, r => Assert.Equal((HttpMethod.Post, WebhookUrl), (r.Method, r.Uri)));
        }
    }

    [Fact]
    public async Task NotifyAsync_AlwaysFailing_GivesUpAfterRetriesWithoutTheUrl()
    {
        var (notifier, handler, provider) = Build(HttpStatusCode.BadGateway, HttpStatusCode.BadGateway, HttpStatusCode.BadGateway, HttpStatusCode.BadGateway, HttpStatusCode.OK);
        using (provider)
        {
            var ex = await Assert.ThrowsAsync<ApprovalNotificationException>(() => notifier.NotifyAsync(Pending(), Ct));
            Assert.Equal(4, handler.Requests.Count);
            Assert.Contains("#jira-approvals", ex.Message, StringComparison.Ordinal);
            Assert.Contains("502", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("canary-webhook-secret", ex.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NotifyAsync_ClientError_NotRetried()
    {
        var (notifier, handler, provider) = Build(HttpStatusCode.NotFound, HttpStatusCode.OK);
        using (provider)
        {
            await Assert.ThrowsAsync<ApprovalNotificationException>(() => notifier.NotifyAsync(Pending(), Ct));
            Assert.Single(handler.Requests);
        }
    }

    [Fact]
    public async Task NotifyAsync_NoWebhookForTheChannel_SendsNothing()
    {
        var (notifier, handler, provider) = Build(HttpStatusCode.OK);
        using (provider)
        {
            await notifier.NotifyAsync(Pending(channel: "#elsewhere"), Ct);
            Assert.Empty(handler.Requests);
        }
    }

    [Fact]
    public async Task NotifyAsync_Message_HasTextBlocksAndApproveDenyLinks()
    {
        var (notifier, handler, provider) = Build(HttpStatusCode.OK);
        using (provider)
        {
            await notifier.NotifyAsync(Pending("""{"issueIdOrKey":"SEC-1","reason":"<!channel> & `rm` more"}"""), Ct);
            var request = Assert.Single(handler.Requests);
            Assert.Equal("application/json", request.ContentType);
            using var body = JsonDocument.Parse(request.Body);
            var root = body.RootElement;
            var text = root.GetProperty("text").GetString()!;
            Assert.Contains("issues:delete", text, StringComparison.Ordinal);
            Assert.Contains("agent-001", text, StringComparison.Ordinal);
            Assert.Contains("high", text, StringComparison.Ordinal);

            var blocks = root.GetProperty("blocks").EnumerateArray().ToList();
            Assert.Equal(["header", "section", "section", "actions", "context"], blocks.Select(b => b.GetProperty("type").GetString()));
            var fields = blocks[1].GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("text").GetString()).ToList();
            Assert.Contains("*Agent*\nagent-001 (org-acme)", fields);
            Assert.Contains("*Risk*\nhigh", fields);
            Assert.Contains("*Policy*\njira-full-management", fields);
            var summary = blocks[2].GetProperty("text").GetProperty("text").GetString()!;
            Assert.Contains("issueIdOrKey: SEC-1", summary, StringComparison.Ordinal);
            Assert.Contains("&lt;!channel&gt; &amp; 'rm' more", summary, StringComparison.Ordinal); // no mention, no code-block break
            var buttons = blocks[3].GetProperty("elements").EnumerateArray().ToDictionary(
                b => b.GetProperty("action_id").GetString()!, b => b.GetProperty("url").GetString());
            Assert.Equal("http://127.0.0.1:5180/approvals/apr_test1?decision=approve", buttons["approve"]);
            Assert.Equal("http://127.0.0.1:5180/approvals/apr_test1?decision=deny", buttons["deny"]);
            Assert.Equal("http://127.0.0.1:5180/approvals/apr_test1", buttons["details"]);
        }
    }

    [Fact]
    public async Task NotifyAsync_LongArguments_SummaryIsCut()
    {
        var (notifier, handler, provider) = Build(HttpStatusCode.OK);
        using (provider)
        {
            var huge = new string('x', 50_000);
            var many = string.Join(",", Enumerable.Range(0, 20).Select(i => $"\"k{i:00}\":\"{huge}\""));
            await notifier.NotifyAsync(Pending("{" + many + "}"), Ct);
            var request = Assert.Single(handler.Requests);
            Assert.True(request.Body.Length < 4_000, $"message is {request.Body.Length} bytes");
            using var body = JsonDocument.Parse(request.Body);
            var summary = body.RootElement.GetProperty("blocks")[2].GetProperty("text").GetProperty("text").GetString()!;
            Assert.Contains("… and more", summary, StringComparison.Ordinal);
            Assert.Contains("k00: " + new string('x', 80) + "…", summary, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Options_ToString_NeverShowsTheWebhookUrl()
    {
        var options = new WebhookNotifierOptions();
        options.ChannelWebhooks["#jira-approvals"] = new Uri(WebhookUrl);
        Assert.DoesNotContain("canary", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("#jira-approvals", options.ToString(), StringComparison.Ordinal);
    }

    private sealed record Captured(HttpMethod Method, string Uri, string? ContentType, string Body);

    private sealed class FakeHandler(HttpStatusCode[] answers) : HttpMessageHandler
    {
        private int _next;

        public List<Captured> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            lock (Requests)
            {
                Requests.Add(new Captured(request.Method, request.RequestUri!.ToString(), request.Content?.Headers.ContentType?.MediaType, body));
            }
            var status = answers[Math.Min(Interlocked.Increment(ref _next) - 1, answers.Length - 1)];
            return new HttpResponseMessage(status) { RequestMessage = request };
        }
    }
}
