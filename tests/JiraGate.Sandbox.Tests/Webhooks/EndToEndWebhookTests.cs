using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.Webhooks;

/// <summary>
/// Webhooks end to end through the REST API only: an admin registers a signed webhook, users change
/// issues, comments, worklogs and sprints, and the receiver gets exactly the matching events, signed.
/// </summary>
public sealed class EndToEndWebhookTests
{
    private const string Secret = "e2e-webhook-secret";

    [Fact]
    public async Task RestChanges_AreDeliveredSigned_AndOnlyWhenTheFilterMatches()
    {
        await using var sandbox = await WebhookSandbox.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        using var admin = sandbox.Admin();
        using var alice = sandbox.User(DemoCredentials.Alice);
        using var carol = sandbox.User(DemoCredentials.Carol);

        var registration = new JsonObject
        {
            ["name"] = "e2e",
            ["url"] = receiver.Url(),
            ["events"] = new JsonArray("jira:issue_created", "jira:issue_updated", "comment_created", "worklog_created", "sprint_started", "sprint_closed"),
            ["filters"] = new JsonObject { ["issue-related-events-section"] = "project = SEC" },
            ["secret"] = Secret,
            ["enabled"] = true,
        };
        await (await admin.PostAsync("/rest/webhooks/1.0/webhook", JsonBody(registration), Ct)).ExpectAsync(HttpStatusCode.Created);

        // Not matching the filter: an ENG issue.
        await (await carol.PostAsync("/rest/api/3/issue", JsonBody("""{"fields":{"project":{"key":"ENG"},"issuetype":{"name":"Task"},"summary":"not for the hook"}}"""), Ct)).ExpectAsync(HttpStatusCode.Created);
        // Matching: a SEC issue, a comment and a worklog on it, then the sprint closes and the next one starts.
        var created = (await (await alice.PostAsync("/rest/api/3/issue", JsonBody("""{"fields":{"project":{"key":"SEC"},"issuetype":{"name":"Bug"},"summary":"for the hook"}}"""), Ct)).ExpectAsync(HttpStatusCode.Created))!;
        var key = created["key"]!.GetValue<string>();
        await (await alice.PostAsync($"/rest/api/3/issue/{key}/comment", JsonBody("""{"body":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"hi"}]}]}}"""), Ct)).ExpectAsync(HttpStatusCode.Created);
        await (await alice.PostAsync($"/rest/api/3/issue/{key}/worklog", JsonBody("""{"timeSpent":"1h","started":"2026-11-20T09:00:00.000+0000"}"""), Ct)).ExpectAsync(HttpStatusCode.Created);
        using var bot = sandbox.User(DemoCredentials.Bot);
        await (await bot.PostAsync("/rest/agile/1.0/sprint/2", JsonBody("""{"state":"closed"}"""), Ct)).ExpectAsync(HttpStatusCode.OK);
        await (await bot.PostAsync("/rest/agile/1.0/sprint/3", JsonBody("""{"state":"active","startDate":"2026-11-25T09:00:00.000Z","endDate":"2026-12-09T09:00:00.000Z"}"""), Ct)).ExpectAsync(HttpStatusCode.OK);

        var received = await receiver.WaitForAsync(4);
        // Give stragglers (a wrongly delivered ENG event) a moment to show up before judging.
        await Task.Delay(300, Ct);
        received = receiver.Received;
        var events = received.Select(r => r.Json!["webhookEvent"]!.GetValue<string>()).ToList();
        Assert.Contains("jira:issue_created", events);
        Assert.Contains("comment_created", events);
        Assert.Contains("worklog_created", events);
        Assert.Contains("sprint_closed", events);
        Assert.Contains("sprint_started", events);
        Assert.DoesNotContain(received, r => r.Json!["issue"]?["key"]?.GetValue<string>()?.StartsWith("ENG-", StringComparison.Ordinal) == true);
        Assert.All(received.Where(r => r.Json!["issue"] is not null), r => Assert.Equal(key, r.Json!["issue"]!["key"]!.GetValue<string>()));
        foreach (var delivery in received)
        {
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), delivery.Body));
            Assert.Equal(expected, delivery.Header("X-Hub-Signature"));
            Assert.False(string.IsNullOrEmpty(delivery.Header("X-Atlassian-Webhook-Identifier")));
        }
        Assert.Equal(received.Count, received.Select(r => r.Header("X-Atlassian-Webhook-Identifier")).Distinct().Count());
    }

    [Fact]
    public async Task SprintUpdate_RefusesBadTransitions_AndUsersWithoutManageSprints()
    {
        await using var sandbox = await WebhookSandbox.StartAsync();
        using var bot = sandbox.User(DemoCredentials.Bot);
        using var grace = sandbox.User(DemoCredentials.Grace);
        using var carol = sandbox.User(DemoCredentials.Carol);
        await (await bot.PostAsync("/rest/agile/1.0/sprint/1", JsonBody("""{"state":"active"}"""), Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest, "cannot go from 'closed'");
        await (await bot.PostAsync("/rest/agile/1.0/sprint/3", JsonBody("""{"state":"active"}"""), Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest, "start date");
        await (await bot.PostAsync("/rest/agile/1.0/sprint/2", JsonBody("""{"state":"paused"}"""), Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest, "not valid");
        await (await bot.PostAsync("/rest/agile/1.0/sprint/2", JsonBody("""{"colour":"red"}"""), Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest, "colour");
        await (await grace.PostAsync("/rest/agile/1.0/sprint/2", JsonBody("""{"name":"x"}"""), Ct)).ExpectErrorAsync(HttpStatusCode.NotFound);
        // Carol browses ENG's board but is not a developer of SEC: SEC's sprint is hidden; ENG's needs Manage Sprints, which she has.
        var renamed = (await (await carol.PostAsync("/rest/agile/1.0/sprint/5", JsonBody("""{"name":"ENG Sprint 2b","goal":"ship"}"""), Ct)).ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal("ENG Sprint 2b", renamed["name"]!.GetValue<string>());
        Assert.Equal("active", renamed["state"]!.GetValue<string>());
        using var alice = sandbox.User(DemoCredentials.Alice);
        await (await alice.PostAsync("/rest/agile/1.0/sprint/5", JsonBody("""{"name":"x"}"""), Ct)).ExpectErrorAsync(HttpStatusCode.Forbidden);
    }
}
