using System.Net;
using System.Net.Http.Headers;
using JiraGate.Jira.Connection;
using JiraGate.Jira.Resilience;
using Polly;
using Polly.Timeout;

namespace JiraGate.Jira.Tests.Resilience;

public sealed class RetryDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 1, 0, 0, TimeSpan.Zero);

    private static Outcome<HttpResponseMessage> Answer(HttpStatusCode status, Action<HttpResponseHeaders>? headers = null)
    {
        var response = new HttpResponseMessage(status);
        headers?.Invoke(response.Headers);
        return Outcome.FromResult(response);
    }

    [Theory]
    [InlineData(429, (int)JiraRequestKind.Write, true)]
    [InlineData(429, (int)JiraRequestKind.Read, true)]
    [InlineData(503, (int)JiraRequestKind.Read, true)]
    [InlineData(503, (int)JiraRequestKind.IdempotentWrite, true)]
    [InlineData(503, (int)JiraRequestKind.Write, false)]
    [InlineData(502, (int)JiraRequestKind.Read, true)]
    [InlineData(500, (int)JiraRequestKind.Write, false)]
    [InlineData(500, (int)JiraRequestKind.Read, false)]
    [InlineData(400, (int)JiraRequestKind.Read, false)]
    [InlineData(404, (int)JiraRequestKind.Read, false)]
    public void IsRetryable_Status_OnlyWhenSafe(int status, int kind, bool expected) =>
        Assert.Equal(expected, RetryDecision.IsRetryable(Answer((HttpStatusCode)status), (JiraRequestKind)kind));

    [Theory]
    [InlineData((int)JiraRequestKind.Read, true)]
    [InlineData((int)JiraRequestKind.IdempotentWrite, false)]
    [InlineData((int)JiraRequestKind.Write, false)]
    public void IsRetryable_TimeoutOrReset_OnlyForReads(int kindValue, bool expected)
    {
        var kind = (JiraRequestKind)kindValue;
        Assert.Equal(expected, RetryDecision.IsRetryable(Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException()), kind));
        Assert.Equal(expected, RetryDecision.IsRetryable(Outcome.FromException<HttpResponseMessage>(
            new HttpRequestException(HttpRequestError.ResponseEnded, "reset")), kind));
    }

    [Fact]
    public void IsRetryable_ConnectionNeverMade_EvenForAPost() =>
        Assert.True(RetryDecision.IsRetryable(Outcome.FromException<HttpResponseMessage>(
            new HttpRequestException(HttpRequestError.ConnectionError, "refused")), JiraRequestKind.Write));

    [Fact]
    public void ServerDelay_RetryAfterSeconds_Wins()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
        response.Headers.TryAddWithoutValidation("X-RateLimit-Reset", "2026-01-01T01:00:30Z");
        Assert.Equal(TimeSpan.FromSeconds(7), RetryDecision.ServerDelay(response, Now));
    }

    [Fact]
    public void ServerDelay_RetryAfterHttpDate_IsMeasuredFromNow()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.TryAddWithoutValidation("Retry-After", "Thu, 01 Jan 2026 01:00:12 GMT");
        Assert.Equal(TimeSpan.FromSeconds(12), RetryDecision.ServerDelay(response, Now));
    }

    [Fact]
    public void ServerDelay_RateLimitResetWithoutRetryAfter_IsUsed()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("X-RateLimit-Reset", "2026-01-01T01:00:21Z");
        Assert.Equal(TimeSpan.FromSeconds(21), RetryDecision.ServerDelay(response, Now));
    }

    [Fact]
    public void ServerDelay_NoHeaders_IsNull()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        Assert.Null(RetryDecision.ServerDelay(response, Now));
    }

    [Theory]
    [InlineData(0, 5.0)]
    [InlineData(1, 10.0)]
    [InlineData(2, 20.0)]
    [InlineData(3, 30.0)]
    [InlineData(9, 30.0)]
    public void Backoff_Defaults_DoubleFromFiveSecondsCappedAtThirtyWithJitter(int retryIndex, double baseSeconds)
    {
        var options = new JiraRetryOptions();
        Assert.Equal(baseSeconds * 0.7, RetryDecision.Backoff(retryIndex, options, random: 0).TotalSeconds, 6);
        Assert.Equal(baseSeconds * 1.3, RetryDecision.Backoff(retryIndex, options, random: 1).TotalSeconds, 6);
    }

    [Fact]
    public void Decide_RetryAfter_IsAFloorNeverShortened()
    {
        var options = new JiraRetryOptions();
        for (var r = 0.0; r <= 1.0; r += 0.25)
        {
            var delay = RetryDecision.Decide(Answer(HttpStatusCode.TooManyRequests, h => h.RetryAfter = new(TimeSpan.FromSeconds(9))),
                JiraRequestKind.Write, 0, TimeSpan.Zero, options, Now, r);
            Assert.InRange(delay!.Value.TotalSeconds, 9.0, 9.0 * 1.3);
        }
    }

    [Fact]
    public void Decide_RetryAfterBeyondMaximum_GivesUp()
    {
        var options = new JiraRetryOptions { MaxRetryAfter = TimeSpan.FromSeconds(60) };
        Assert.Null(RetryDecision.Decide(Answer(HttpStatusCode.TooManyRequests, h => h.RetryAfter = new(TimeSpan.FromSeconds(600))),
            JiraRequestKind.Read, 0, TimeSpan.Zero, options, Now, 0.5));
    }

    [Fact]
    public void Decide_TotalDelayBudgetSpent_GivesUp()
    {
        var options = new JiraRetryOptions { MaxTotalDelay = TimeSpan.FromSeconds(20) };
        Assert.NotNull(RetryDecision.Decide(Answer(HttpStatusCode.ServiceUnavailable), JiraRequestKind.Read, 0, TimeSpan.FromSeconds(10), options, Now, 0));
        Assert.Null(RetryDecision.Decide(Answer(HttpStatusCode.ServiceUnavailable), JiraRequestKind.Read, 1, TimeSpan.FromSeconds(15), options, Now, 0));
    }
}
