using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Webhooks;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.Webhooks;

public sealed class WebhookDeliveryTests
{
    [Fact]
    public async Task IssueEvent_MatchingAdminWebhook_IsDeliveredWithAtlassianHeadersAndAVerifiableSignature()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sandbox = await WebhookSandbox.StartAsync();
        await sandbox.CreateAdminWebhookAsync(receiver.Url(), ["jira:issue_updated"], "project = SEC", secret: "It's a Secret to Everybody");

        var key = sandbox.TouchIssue("SEC");

        var delivery = Assert.Single(await receiver.WaitForAsync(1));
        Assert.Equal("/hook", delivery.Path);
        Assert.StartsWith("application/json", delivery.Header("Content-Type"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(delivery.Header("X-Atlassian-Webhook-Identifier")));
        Assert.Equal("Primary", delivery.Header("X-Atlassian-Webhook-Flow"));
        Assert.Null(delivery.Header("X-Atlassian-Webhook-Retry"));
        var expected = "sha256=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes("It's a Secret to Everybody"), delivery.Body));
        Assert.Equal(expected, delivery.Header("X-Hub-Signature"));
        var json = delivery.Json!;
        Assert.Equal("jira:issue_updated", json["webhookEvent"]!.GetValue<string>());
        Assert.Equal(key, json["issue"]!["key"]!.GetValue<string>());
        Assert.Null(json["matchedWebhookIds"]); // admin deliveries do not carry it

        var record = await sandbox.WaitFinishedAsync(delivery.Header("X-Atlassian-Webhook-Identifier")!);
        Assert.Equal(WebhookDeliveryState.Delivered, record.State);
        Assert.Equal(1, record.Attempts);
        Assert.Equal(200, record.LastStatusCode);
    }

    [Fact]
    public async Task IssueEvent_InAProjectOutsideTheJqlFilter_IsNotDelivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sandbox = await WebhookSandbox.StartAsync();
        var secOnly = await sandbox.CreateAdminWebhookAsync(receiver.Url("/sec"), ["jira:issue_updated"], "project = SEC");
        var everything = await sandbox.CreateAdminWebhookAsync(receiver.Url("/all"), ["jira:issue_updated"]);

        sandbox.TouchIssue("ENG");

        // Matching runs inside the site write, so the log is complete as soon as the write returns.
        Assert.Empty(sandbox.DeliveriesFor(secOnly));
        Assert.Single(sandbox.DeliveriesFor(everything));
        var received = await receiver.WaitForAsync(1);
        Assert.Equal("/all", Assert.Single(received).Path);
    }

    [Fact]
    public async Task CommentEvent_IsDeliveredWithCommentAndIssue_FilteredByTheIssue()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sandbox = await WebhookSandbox.StartAsync();
        var engOnly = await sandbox.CreateAdminWebhookAsync(receiver.Url(), ["comment_created"], "project = ENG");

        sandbox.AddComment("SEC");
        Assert.Empty(sandbox.DeliveriesFor(engOnly));
        var key = sandbox.AddComment("ENG");

        var json = Assert.Single(await receiver.WaitForAsync(1)).Json!;
        Assert.Equal("comment_created", json["webhookEvent"]!.GetValue<string>());
        Assert.Equal(key, json["issue"]!["key"]!.GetValue<string>());
        Assert.NotNull(json["comment"]!["id"]);
    }

    [Fact]
    public async Task SprintEvent_IsDeliveredEvenWhenTheWebhookHasAJqlFilter()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sandbox = await WebhookSandbox.StartAsync();
        await sandbox.CreateAdminWebhookAsync(receiver.Url("/sprint/${sprint.id}"), ["sprint_started"], "project = SEC");

        var sprintId = sandbox.SprintEvent("sprint_started");

        var delivery = Assert.Single(await receiver.WaitForAsync(1));
        Assert.Equal($"/sprint/{sprintId}", delivery.Path);
        Assert.Equal(sprintId, delivery.Json!["sprint"]!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task UnsubscribedEvent_OrDisabledWebhook_IsNotDelivered()
    {
        await using var sandbox = await WebhookSandbox.StartAsync();
        var createdOnly = await sandbox.CreateAdminWebhookAsync("http://127.0.0.1:9/hook", ["jira:issue_created"]);
        var disabled = await sandbox.CreateAdminWebhookAsync("http://127.0.0.1:9/hook", ["jira:issue_updated"], enabled: false);

        sandbox.TouchIssue("SEC");

        Assert.Empty(sandbox.DeliveriesFor(createdOnly));
        Assert.Empty(sandbox.DeliveriesFor(disabled));
    }

    [Fact]
    public async Task Receiver500Twice_IsRetriedWithRetryHeader_AndTheSameIdentifier()
    {
        await using var receiver = await WebhookReceiver.StartAsync(n => n <= 2 ? 500 : 204);
        await using var sandbox = await WebhookSandbox.StartAsync();
        await sandbox.CreateAdminWebhookAsync(receiver.Url(), ["jira:issue_updated"], secret: "k");

        sandbox.TouchIssue("SEC");

        var attempts = await receiver.WaitForAsync(3);
        Assert.Equal(3, attempts.Count);
        Assert.Single(attempts.Select(a => a.Header("X-Atlassian-Webhook-Identifier")).Distinct());
        Assert.Equal([null, "1", "2"], attempts.Select(a => a.Header("X-Atlassian-Webhook-Retry")));
        Assert.Single(attempts.Select(a => Convert.ToBase64String(a.Body)).Distinct()); // same bytes every time
        Assert.Single(attempts.Select(a => a.Header("X-Hub-Signature")).Distinct());

        var record = await sandbox.WaitFinishedAsync(attempts[0].Header("X-Atlassian-Webhook-Identifier")!);
        Assert.Equal(WebhookDeliveryState.Delivered, record.State);
        Assert.Equal(3, record.Attempts);
        Assert.Equal(204, record.LastStatusCode);
    }

    [Theory]
    [InlineData(503, 3)]
    [InlineData(429, 3)]
    [InlineData(408, 3)]
    [InlineData(400, 1)] // not a status Jira retries
    [InlineData(404, 1)]
    public async Task ReceiverKeepsFailing_RetriesOnlyRetryableStatuses_UpToMaxAttempts(int status, int expectedAttempts)
    {
        await using var receiver = await WebhookReceiver.StartAsync(_ => status);
        await using var sandbox = await WebhookSandbox.StartAsync(maxAttempts: 3);
        await sandbox.CreateAdminWebhookAsync(receiver.Url(), ["jira:issue_updated"]);

        sandbox.TouchIssue("SEC");

        var first = (await receiver.WaitForAsync(1))[0];
        var record = await sandbox.WaitFinishedAsync(first.Header("X-Atlassian-Webhook-Identifier")!);
        Assert.Equal(WebhookDeliveryState.Failed, record.State);
        Assert.Equal(expectedAttempts, record.Attempts);
        Assert.Equal(status, record.LastStatusCode);
        Assert.Equal(expectedAttempts, receiver.Received.Count);
    }

    [Fact]
    public async Task ConnectionRefused_IsRetried_ThenRecordedAsFailed()
    {
        // A port that was just free: nothing listens there.
        int port;
        await using (var probe = await WebhookReceiver.StartAsync())
        {
            port = probe.BaseUrl.Port;
        }
        await using var sandbox = await WebhookSandbox.StartAsync(maxAttempts: 2);
        var id = await sandbox.CreateAdminWebhookAsync($"http://127.0.0.1:{port}/hook", ["jira:issue_updated"]);

        sandbox.TouchIssue("SEC");

        var queued = Assert.Single(sandbox.DeliveriesFor(id));
        var record = await sandbox.WaitFinishedAsync(queued.Identifier);
        Assert.Equal(WebhookDeliveryState.Failed, record.State);
        Assert.Equal(2, record.Attempts);
        Assert.Null(record.LastStatusCode);
        Assert.NotNull(record.LastError);
    }

    [Fact]
    public async Task ExcludeBody_PostsAnEmptyBody_SignedOverTheEmptyBytes()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sandbox = await WebhookSandbox.StartAsync();
        await sandbox.CreateAdminWebhookAsync(receiver.Url(), ["jira:issue_updated"], secret: "k", excludeBody: true);

        sandbox.TouchIssue("SEC");

        var delivery = Assert.Single(await receiver.WaitForAsync(1));
        Assert.Empty(delivery.Body);
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData("k"u8, [])), delivery.Header("X-Hub-Signature"));
    }

    [Fact]
    public async Task WebhookWithoutSecret_IsNotSigned()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sandbox = await WebhookSandbox.StartAsync();
        await sandbox.CreateAdminWebhookAsync(receiver.Url(), ["jira:issue_created"]);

        sandbox.TouchIssue("OPS", "jira:issue_created");

        var delivery = Assert.Single(await receiver.WaitForAsync(1));
        Assert.Null(delivery.Header("X-Hub-Signature"));
        Assert.Equal("jira:issue_created", delivery.Json!["webhookEvent"]!.GetValue<string>());
    }

    [Fact]
    public async Task UrlVariables_AreFilledFromTheEvent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sandbox = await WebhookSandbox.StartAsync();
        await sandbox.CreateAdminWebhookAsync(receiver.Url("/issue/${issue.key}/${project.key}"), ["jira:issue_updated"]);

        var key = sandbox.TouchIssue("SEC");

        Assert.Equal($"/issue/{key}/SEC", Assert.Single(await receiver.WaitForAsync(1)).Path);
    }

    [Fact]
    public async Task DynamicWebhooks_OfOneAppAndUrl_AreDeliveredOnceWithMatchedWebhookIds()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sandbox = await WebhookSandbox.StartAsync();
        using var app = sandbox.App();
        var body = new JsonObject
        {
            ["url"] = receiver.Url("/app"),
            ["webhooks"] = new JsonArray(
                new JsonObject { ["events"] = new JsonArray("jira:issue_updated"), ["jqlFilter"] = "project = SEC" },
                new JsonObject { ["events"] = new JsonArray("jira:issue_updated"), ["jqlFilter"] = "project IN (SEC, ENG)" },
                new JsonObject { ["events"] = new JsonArray("jira:issue_updated"), ["jqlFilter"] = "project = OPS" }),
        };
        var result = await (await app.PostAsync(sandbox.Gateway("/rest/api/3/webhook"), JsonBody(body), Ct)).ExpectAsync(HttpStatusCode.OK);
        var ids = result!["webhookRegistrationResult"]!.AsArray().Select(r => r!["createdWebhookId"]!.GetValue<long>()).ToList();

        sandbox.TouchIssue("SEC");

        var delivery = Assert.Single(await receiver.WaitForAsync(1));
        Assert.Equal([ids[0], ids[1]], delivery.Json!["matchedWebhookIds"]!.AsArray().Select(n => n!.GetValue<long>()));
        Assert.Null(delivery.Header("X-Hub-Signature"));
        Assert.Empty(sandbox.DeliveriesFor(ids[2]));
    }

    [Fact]
    public async Task DynamicWebhook_FieldIdsFilter_SkipsUpdatesThatDoNotTouchTheFields()
    {
        await using var sandbox = await WebhookSandbox.StartAsync();
        long id = sandbox.Site.Write(s =>
        {
            var hook = new Model.DynamicWebhook
            {
                Id = 77, Url = "http://127.0.0.1:9/app", AppClientId = "x", Events = ["jira:issue_updated"],
                JqlFilter = "project = SEC", FieldIdsFilter = ["summary"], ExpirationDate = s.Now.AddDays(1),
            };
            s.Data.DynamicWebhooks.Add(hook);
            return hook.Id;
        });

        sandbox.TouchIssue("SEC"); // no changelog: no field changed

        Assert.Empty(sandbox.DeliveriesFor(id));
    }

    [Fact]
    public async Task Dispose_WithARetryPending_StopsPromptlyAndMarksItCancelled()
    {
        await using var receiver = await WebhookReceiver.StartAsync(_ => 503);
        await using var sandbox = await WebhookSandbox.StartAsync(retryDelay: TimeSpan.FromMinutes(10));
        var id = await sandbox.CreateAdminWebhookAsync(receiver.Url(), ["jira:issue_updated"]);
        sandbox.TouchIssue("SEC");
        await receiver.WaitForAsync(1);
        var queued = Assert.Single(sandbox.DeliveriesFor(id));

        var stop = sandbox.Dispatcher.StopAsync();
        Assert.Same(stop, await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(5), Ct)));
        await stop;

        var record = sandbox.Dispatcher.Deliveries.Find(queued.Identifier)!;
        Assert.Equal(WebhookDeliveryState.Cancelled, record.State);
        sandbox.TouchIssue("SEC"); // after stopping, events are ignored
        Assert.Single(sandbox.DeliveriesFor(id));
    }
}
