using System.Globalization;
using System.Net;
using JiraGate.Jira.Connection;
using Polly;
using Polly.Timeout;

namespace JiraGate.Jira.Resilience;

/// <summary>
/// Whether to try a failed attempt again and how long to wait first. Pure (time and randomness come in),
/// so the rules are tested directly; the Polly retry strategy calls it.
/// </summary>
internal static class RetryDecision
{
    /// <summary>
    /// The wait before the next attempt, or null when this outcome must not be retried: the request is not
    /// safe to repeat after it, Jira asked for a wait longer than allowed, or the time budget is spent.
    /// </summary>
    public static TimeSpan? Decide(Outcome<HttpResponseMessage> outcome, JiraRequestKind kind, int retryIndex,
        TimeSpan delaysSoFar, JiraRetryOptions options, DateTimeOffset now, double random)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IsRetryable(outcome, kind))
        {
            return null;
        }
        TimeSpan delay;
        if (outcome.Result is { } response && ServerDelay(response, now) is { } asked)
        {
            if (asked > options.MaxRetryAfter)
            {
                return null;
            }
            // Jira's wait is a floor: stretch it (so many callers do not return at once), never shorten it.
            delay = asked * (1.0 + (random * (options.JitterMax - 1.0)));
        }
        else
        {
            delay = Backoff(retryIndex, options, random);
        }
        return delaysSoFar + delay > options.MaxTotalDelay ? null : delay;
    }

    public static bool IsRetryable(Outcome<HttpResponseMessage> outcome, JiraRequestKind kind)
    {
        if (outcome.Result is { } response)
        {
            return response.StatusCode switch
            {
                // Jira refused before doing anything: safe even for a POST.
                HttpStatusCode.TooManyRequests => true,
                HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout => kind != JiraRequestKind.Write,
                _ => false,
            };
        }
        return outcome.Exception switch
        {
            HttpRequestException e when NeverSent(e) => true,
            HttpRequestException or IOException or TimeoutRejectedException => kind == JiraRequestKind.Read,
            _ => false,
        };
    }

    /// <summary>The connection was never made, so Jira cannot have seen the request.</summary>
    public static bool NeverSent(HttpRequestException exception) => exception.HttpRequestError is
        HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
        or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    /// <summary>The wait Jira asked for: Retry-After (seconds or HTTP date), else X-RateLimit-Reset (ISO-8601).</summary>
    public static TimeSpan? ServerDelay(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }
            if (retryAfter.Date is { } date)
            {
                return date > now ? date - now : TimeSpan.Zero;
            }
        }
        if (response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
            && DateTimeOffset.TryParse(values.FirstOrDefault(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var reset)
            && reset > now)
        {
            return reset - now;
        }
        return null;
    }

    /// <summary>InitialDelay × multiplier^retryIndex, capped at MaxDelay, times a jitter factor in [JitterMin, JitterMax].</summary>
    public static TimeSpan Backoff(int retryIndex, JiraRetryOptions options, double random)
    {
        ArgumentNullException.ThrowIfNull(options);
        var seconds = options.InitialDelay.TotalSeconds * Math.Pow(options.BackoffMultiplier, Math.Max(0, retryIndex));
        var capped = Math.Min(seconds, options.MaxDelay.TotalSeconds);
        var jitter = options.JitterMin + (random * (options.JitterMax - options.JitterMin));
        return TimeSpan.FromSeconds(capped * jitter);
    }
}
