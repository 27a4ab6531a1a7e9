using JiraGate.Sandbox.Webhooks;

namespace JiraGate.Sandbox.Tests.Webhooks;

public sealed class WebhookEngineTests
{
    [Fact]
    public void Sign_KnownVector_MatchesHmacSha256Hex()
    {
        // RFC 4231-style well-known vector: HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog").
        var signature = WebhookSender.Sign("key", "The quick brown fox jumps over the lazy dog"u8);
        Assert.Equal("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8", signature);
    }

    [Theory]
    [InlineData(408, true)]
    [InlineData(409, true)]
    [InlineData(425, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(404, false)]
    [InlineData(302, false)]
    public void IsRetryable_FollowsJirasRetryPolicy(int status, bool expected) =>
        Assert.Equal(expected, WebhookSender.IsRetryable(status));

    [Fact]
    public void DeliveryLog_KeepsOnlyTheMostRecent()
    {
        var log = new WebhookDeliveryLog(capacity: 3);
        for (var i = 0; i < 5; i++)
        {
            log.Add(new WebhookDelivery("d" + i, WebhookKind.Admin, [1], "jira:issue_updated", new Uri("http://127.0.0.1/h"), Array.Empty<byte>(), null, DateTimeOffset.UnixEpoch));
        }
        log.Update("d0", r => r with { Attempts = 9 }); // evicted: ignored
        log.Update("d4", r => r with { State = WebhookDeliveryState.Delivered, Attempts = 1 });

        var snapshot = log.Snapshot();
        Assert.Equal(["d2", "d3", "d4"], snapshot.Select(r => r.Identifier));
        Assert.Equal(WebhookDeliveryState.Delivered, snapshot[2].State);
        Assert.Null(log.Find("d0"));
    }

    [Theory]
    [InlineData("http://127.0.0.1/h", true)]
    [InlineData("https://example.com/h?x=1", true)]
    [InlineData("ftp://example.com/h", false)]
    [InlineData("file:///tmp/x", false)]
    [InlineData("/relative", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void TryHttpUri_AcceptsOnlyAbsoluteHttp(string? url, bool expected) =>
        Assert.Equal(expected, WebhookMatcher.TryHttpUri(url, out _));
}
