using System.Globalization;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Http;

namespace JiraGate.Sandbox.Faults;

/// <summary>
/// Applies the per-route rate limit and injected faults to REST calls: 429 with Retry-After and the
/// X-RateLimit-* headers, 5xx answers, added latency, connections reset mid-response, and writes that
/// are applied and then never answered (the "outcome unknown" case a client must not retry blindly).
/// </summary>
internal sealed class FaultMiddleware(RequestDelegate next, FaultState state, RateLimiter limiter, TimeProvider time)
{
    /// <summary>How long an "apply then time out" request hangs at most (clients time out well before).</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(2);

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith("/rest/", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }
        if (state.RateLimit is { } limit)
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? path;
            var decision = limiter.Acquire(context.Request.Method + " " + route, limit);
            context.Response.Headers["X-RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
            if (decision.Remaining < decision.Limit / 5)
            {
                context.Response.Headers["X-RateLimit-NearLimit"] = "true";
            }
            if (!decision.Allowed)
            {
                await RateLimitedAsync(context, limit.RetryAfterSeconds, decision.Reset);
                return;
            }
        }
        var fault = state.Match(context.Request.Method, path);
        switch (fault?.Kind)
        {
            case null:
                await next(context);
                return;
            case FaultKind.Latency:
                await Task.Delay(fault.Latency, time, context.RequestAborted);
                await next(context);
                return;
            case FaultKind.Status:
                var headers = fault.RetryAfterSeconds is { } seconds
                    ? new Dictionary<string, string> { ["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture) }
                    : null;
                await JiraResults.WriteErrorAsync(context, fault.StatusCode, StatusMessage(fault.StatusCode), headers);
                return;
            case FaultKind.RateLimited:
                await RateLimitedAsync(context, fault.RetryAfterSeconds ?? 1, time.GetUtcNow().AddSeconds(fault.RetryAfterSeconds ?? 1));
                return;
            case FaultKind.ConnectionReset:
                await RunBufferedAsync(context, async body =>
                {
                    // Send the headers and half the body, then drop the connection.
                    context.Response.ContentLength = null;
                    await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                    context.Abort();
                });
                return;
            case FaultKind.ApplyThenTimeout:
                await RunBufferedAsync(context, async _ =>
                {
                    // The write happened; the answer never comes. Hang until the client gives up.
                    try
                    {
                        await Task.Delay(HangLimit, time, context.RequestAborted);
                    }
                    catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
                    {
                        // The client timed out, which is the point of this fault.
                    }
                    context.Abort();
                });
                return;
        }
    }

    /// <summary>Runs the real handler into a buffer (so its side effects happen), then lets the fault decide what reaches the client.</summary>
    private async Task RunBufferedAsync(HttpContext context, Func<byte[], Task> afterwards)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        await afterwards(buffer.ToArray());
    }

    private static Task RateLimitedAsync(HttpContext context, int retryAfterSeconds, DateTimeOffset reset)
    {
        var headers = new Dictionary<string, string>
        {
            ["Retry-After"] = retryAfterSeconds.ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Reset"] = reset.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["X-RateLimit-Remaining"] = "0",
            ["RateLimit-Reason"] = "jira-burst-based",
        };
        return JiraResults.WriteErrorAsync(context, StatusCodes.Status429TooManyRequests,
            "The request has been rate-limited. Please try again later.", headers);
    }

    private static string StatusMessage(int status) => status switch
    {
        500 => "Internal server error",
        502 => "Bad Gateway",
        503 => "Service Unavailable: the Jira site is temporarily unavailable. Please try again later.",
        504 => "Gateway Timeout",
        _ => "Injected fault",
    };
}
