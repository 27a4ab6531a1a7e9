using System.Net;
using JiraGate.Jira.Connection;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace JiraGate.Jira.Resilience;

/// <summary>
/// The resilience pipeline every Jira request runs through, outermost first: the total timeout, the retry
/// (rules in <see cref="RetryDecision"/>), the per-site gate, the per-attempt timeout.
/// </summary>
internal static class JiraResilience
{
    private static readonly ResiliencePropertyKey<TimeSpan> NextDelay = new("JiraGate.Jira.NextDelay");
    private static readonly ResiliencePropertyKey<TimeSpan> DelaysSoFar = new("JiraGate.Jira.DelaysSoFar");

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, JiraClientOptions options,
        TimeProvider time, JiraSiteLimiters limiters, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.TimeProvider = time;
        if (options.TotalTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.TotalTimeout, Name = "JiraTotalTimeout" });
        }
        if (options.Retry.MaxRetries > 0)
        {
            builder.AddRetry(RetryOptions(options, time, limiters, logger));
        }
        builder.AddRateLimiter(new RateLimiterStrategyOptions
        {
            Name = "JiraSiteGate",
            RateLimiter = args => GateFor(args.Context, options, limiters).AcquireAsync(time, args.Context.CancellationToken),
        });
        if (options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout, Name = "JiraAttemptTimeout" });
        }
    }

    private static RetryStrategyOptions<HttpResponseMessage> RetryOptions(JiraClientOptions options, TimeProvider time,
        JiraSiteLimiters limiters, ILogger logger) => new()
    {
        Name = "JiraRetry",
        MaxRetryAttempts = options.Retry.MaxRetries,
        ShouldHandle = args =>
        {
            var request = args.Context.GetRequestMessage();
            var kind = request is null ? JiraRequestKind.Write : JiraRequestOptions.KindOf(request);
            var spent = args.Context.Properties.GetValue(DelaysSoFar, TimeSpan.Zero);
#pragma warning disable CA5394 // jitter, not security
            var delay = RetryDecision.Decide(args.Outcome, kind, args.AttemptNumber, spent, options.Retry,
                time.GetUtcNow(), Random.Shared.NextDouble());
#pragma warning restore CA5394
            if (delay is { } wait)
            {
                args.Context.Properties.Set(NextDelay, wait);
            }
            return ValueTask.FromResult(delay is not null);
        },
        DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(NextDelay, TimeSpan.Zero)),
        OnRetry = args =>
        {
            var delay = args.RetryDelay;
            args.Context.Properties.Set(DelaysSoFar, args.Context.Properties.GetValue(DelaysSoFar, TimeSpan.Zero) + delay);
            var request = args.Context.GetRequestMessage();
            if (args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // Jira throttles the site, not just this caller: hold everyone back for as long.
                GateFor(args.Context, options, limiters).PauseUntil(time.GetUtcNow() + delay);
            }
            Log.Retrying(logger, request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath ?? "?",
                Reason(args.Outcome), args.AttemptNumber + 1, options.Retry.MaxRetries, delay.TotalMilliseconds);
            return default;
        },
    };

    private static JiraSiteLimiters.SiteGate GateFor(ResilienceContext context, JiraClientOptions options, JiraSiteLimiters limiters)
    {
        var request = context.GetRequestMessage();
        var site = request is null ? "" : JiraRequestOptions.SiteOf(request);
        return limiters.For(site, options.MaxConcurrentRequestsPerSite);
    }

    private static string Reason(Outcome<HttpResponseMessage> outcome) => outcome.Result is { } response
        ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : outcome.Exception switch
        {
            TimeoutRejectedException => "attempt timed out",
            HttpRequestException e => "network error (" + e.HttpRequestError + ")",
            { } e => e.GetType().Name,
            null => "unknown",
        };
}
