using System.Globalization;
using System.Net;
using System.Text;
using Polly.RateLimiting;
using Polly.Timeout;
using JiraGate.Jira.Resilience;

namespace JiraGate.Jira.Connection;

/// <summary>Turning failed calls into exceptions a person can act on (never with credentials in them).</summary>
internal sealed partial class JiraConnection
{
    private static bool IsNoAnswer(Exception ex) =>
        ex is TimeoutRejectedException or HttpRequestException or IOException or TaskCanceledException or RateLimiterRejectedException;

    private async Task<JiraException> ErrorAsync(JiraRequest request, HttpResponseMessage response, string? requestId,
        CancellationToken cancellationToken)
    {
        byte[] body;
        try
        {
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            body = [];
        }
        var (messages, errors) = JiraErrorBody.Parse(body);
        var status = response.StatusCode;
        TimeSpan? retryAfter = status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
            ? RetryDecision.ServerDelay(response, _time.GetUtcNow())
            : null;
        var details = new JiraErrorDetails(status, messages, errors, requestId, retryAfter, JiraErrorMap.IsTransientStatus(status));
        return JiraErrorMap.Create(request.Method.Method, request.Path, details, Describe());
    }

    private JiraException NoAnswer(JiraRequest request, Exception ex)
    {
        var method = request.Method.Method;
        if (ex is RateLimiterRejectedException)
        {
            return new JiraException(
                $"Too many Jira requests are waiting for {_siteKey}; {method} {request.Path} was not sent. Lower the number of concurrent callers or raise MaxConcurrentRequestsPerSite.",
                JiraErrorDetails.NoAnswer(isTransient: true), ex);
        }
        var reason = Reason(ex);
        if (ex is HttpRequestException http && RetryDecision.NeverSent(http))
        {
            Log.Unreachable(_logger, method, request.Path, reason);
            return new JiraException(
                $"Could not connect to Jira at {_siteKey} ({reason}); {method} {request.Path} was not sent. Check the URL, DNS, proxy and TLS settings.",
                JiraErrorDetails.NoAnswer(isTransient: true), ex);
        }
        if (request.Kind != JiraRequestKind.Read)
        {
            Log.OutcomeUnknown(_logger, method, request.Path, reason);
            return new JiraOutcomeUnknownException(
                $"{method} {request.Path} was sent to Jira but no answer came ({reason}). Jira may or may not have applied it, so it was not retried: check the current state before sending it again.",
                JiraErrorDetails.NoAnswer(isTransient: false), ex);
        }
        Log.Unreachable(_logger, method, request.Path, reason);
        return new JiraException(
            $"Jira did not answer {method} {request.Path} ({reason}), retries included. Try again later.",
            JiraErrorDetails.NoAnswer(isTransient: true), ex);
    }

    private string Reason(Exception ex) => ex switch
    {
        TimeoutRejectedException t => "timed out after " + t.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s",
        TaskCanceledException => "timed out",
        HttpRequestException h when h.HttpRequestError != HttpRequestError.Unknown => "connection failed: " + h.HttpRequestError,
        HttpRequestException or IOException => "connection lost",
        _ => ex.GetType().Name,
    };

    private static JiraException Unreadable(JiraRequest request, HttpResponseMessage response, string? requestId, Exception? inner)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "none";
        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Jira answered {(int)response.StatusCode} to {request.Method.Method} {request.Path}, but the body is not the JSON expected (content type {mediaType}).")
            .Append(" The base URL may point at a login page or proxy instead of Jira's REST API.");
        JiraErrorMap.AppendRequestId(message, requestId);
        return new JiraException(message.ToString(),
            new JiraErrorDetails(response.StatusCode, [], new Dictionary<string, string>(), requestId, null, false), inner);
    }
}
