using System.Globalization;
using JiraGate.Sandbox.Http;

namespace JiraGate.Sandbox.Hosting;

/// <summary>
/// Stamps every response with Jira's request ids (X-ARequestId, ATL-TraceId) and turns an unexpected
/// fault into a Jira-shaped 500 (bad input is answered earlier, by the endpoints, with a 4xx).
/// </summary>
internal sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    private static long _counter;

    public async Task InvokeAsync(HttpContext context)
    {
        var n = Interlocked.Increment(ref _counter);
        var traceId = Guid.NewGuid().ToString("N");
        context.Response.Headers["X-ARequestId"] = n.ToString("x", CultureInfo.InvariantCulture) + "x" + traceId[..8];
        context.Response.Headers["ATL-TraceId"] = traceId;
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            await JiraResults.WriteErrorAsync(context, ex.StatusCode, ex.Message);
        }
        catch (Exception ex) when (!context.Response.HasStarted && ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Unhandled sandbox fault on {Method} {Path}", context.Request.Method, context.Request.Path);
            await JiraResults.WriteErrorAsync(context, StatusCodes.Status500InternalServerError,
                "Internal server error: " + ex.GetType().Name);
        }
    }
}
