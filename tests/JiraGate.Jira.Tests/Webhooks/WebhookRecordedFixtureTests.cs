using JiraGate.Jira.Serialization;
using JiraGate.Jira.Tests.Infrastructure;

namespace JiraGate.Jira.Tests.Webhooks;

/// <summary>Admin webhook responses recorded from a real Data Center site parse and write back with nothing lost.</summary>
public sealed class WebhookRecordedFixtureTests
{
    [Fact]
    public void AdminWebhook_RecordedGet_RoundTripsWithIdFromSelf()
    {
        var hook = RecordedFixtures.AssertRoundTrips("jira-ruby/dc-admin-webhook-get.json", JiraJsonContext.Default.AdminWebhook);
        Assert.Equal(2, hook.Id);
        Assert.Equal("from API", hook.Name);
        Assert.Equal("", hook.Filters!.IssueRelatedEventsSection);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1453306520188), hook.LastUpdated);
        Assert.Equal("admin", hook.LastUpdatedUser);
    }

    [Fact]
    public void AdminWebhookList_RecordedGet_RoundTrips()
    {
        var hooks = RecordedFixtures.AssertRoundTrips("jira-ruby/dc-admin-webhooks-get.json", JiraJsonContext.Default.IReadOnlyListAdminWebhook);
        var hook = Assert.Single(hooks);
        Assert.Equal(2, hook.Id);
        Assert.True(hook.Enabled);
        Assert.Empty(hook.Events);
    }

    [Fact]
    public void DynamicWebhookPage_SpecShape_RoundTrips()
    {
        // The platform spec's PageBeanWebhook example shape (no recording of it exists in the fixtures).
        const string json = """
            {"startAt":0,"maxResults":100,"total":1,"isLast":true,"values":[{"id":10000,"jqlFilter":"project = SEC",
            "fieldIdsFilter":["summary"],"events":["jira:issue_updated"],"expirationDate":1767225600000,"url":"https://app.example.com/hook","future":{"x":1}}]}
            """;
        var page = System.Text.Json.JsonSerializer.Deserialize(json, JiraJsonContext.Default.PageBeanResponseDynamicWebhook)!;
        var hook = Assert.Single(page.Values!);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), hook.ExpirationDate);
        Assert.True(hook.AdditionalProperties.ContainsKey("future"));
        var written = System.Text.Json.JsonSerializer.Serialize(hook, JiraJsonContext.Default.DynamicWebhook);
        Assert.Contains("\"expirationDate\":1767225600000", written, StringComparison.Ordinal);
        Assert.Contains("\"future\":{\"x\":1}", written, StringComparison.Ordinal);
    }
}
