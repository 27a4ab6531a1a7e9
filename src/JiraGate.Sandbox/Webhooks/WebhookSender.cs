using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace JiraGate.Sandbox.Webhooks;

/// <summary>
/// Sends one delivery as Jira does: POST of the exact body bytes with the Atlassian webhook headers, retried with
/// exponential backoff on 408, 409, 425, 429, 5xx and connection failures.
/// </summary>
internal sealed class WebhookSender(HttpClient http, TimeProvider time, WebhookDeliveryLog log, ILogger logger, TimeSpan firstRetryDelay, int maxAttempts)
{
    public const string IdentifierHeader = "X-Atlassian-Webhook-Identifier";
    public const string RetryHeader = "X-Atlassian-Webhook-Retry";
    public const string FlowHeader = "X-Atlassian-Webhook-Flow";
    public const string SignatureHeader = "X-Hub-Signature";

    /// <summary>How long one attempt may take (Jira's webhook client gives up after about 20 s).</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(20);

    /// <summary>"sha256=" + lowercase hex HMAC-SHA256 of the body, keyed by the secret (WebSub style, as Jira signs).</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), body));

    public static bool IsRetryable(int status) => status is 408 or 409 or 425 or 429 or >= 500;

    public async Task DeliverAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var attempts = Math.Max(1, maxAttempts);
        var signature = delivery.Secret is null ? null : Sign(delivery.Secret, delivery.Body.Span);
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            if (attempt > 1)
            {
                var delay = firstRetryDelay * Math.Pow(2, attempt - 2);
                try
                {
                    await Task.Delay(delay, time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    Finish(delivery, WebhookDeliveryState.Cancelled);
                    return;
                }
            }
            var (status, error) = await AttemptAsync(delivery, signature, attempt, cancellationToken);
            if (cancellationToken.IsCancellationRequested)
            {
                Finish(delivery, WebhookDeliveryState.Cancelled);
                return;
            }
            log.Update(delivery.Identifier, r => r with { Attempts = attempt, LastStatusCode = status, LastError = error });
            if (status is >= 200 and < 300)
            {
                Finish(delivery, WebhookDeliveryState.Delivered);
                return;
            }
            if (status is { } s && !IsRetryable(s))
            {
                break;
            }
        }
        WebhookLog.GaveUp(logger, delivery.Identifier, delivery.WebhookEvent, delivery.Url, log.Find(delivery.Identifier)?.Attempts ?? attempts);
        Finish(delivery, WebhookDeliveryState.Failed);
    }

    /// <summary>One POST; returns the status, or null and the reason when no HTTP answer came back.</summary>
    private async Task<(int? Status, string? Error)> AttemptAsync(WebhookDelivery delivery, string? signature, int attempt, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url);
        var content = new ReadOnlyMemoryContent(delivery.Body);
        if (delivery.Body.Length > 0)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "UTF-8" };
        }
        request.Content = content;
        request.Headers.TryAddWithoutValidation("User-Agent", "Atlassian Webhook HTTP Client");
        request.Headers.Add(IdentifierHeader, delivery.Identifier);
        request.Headers.Add(FlowHeader, "Primary");
        if (attempt > 1)
        {
            request.Headers.Add(RetryHeader, (attempt - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(SignatureHeader, signature);
        }
        using var timeout = new CancellationTokenSource(AttemptTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var status = (int)response.StatusCode;
            WebhookLog.Attempted(logger, delivery.Identifier, delivery.WebhookEvent, delivery.Url, attempt, status);
            return (status, null);
        }
        catch (HttpRequestException ex)
        {
            WebhookLog.ConnectionFailed(logger, ex, delivery.Identifier, delivery.WebhookEvent, delivery.Url, attempt);
            return (null, ex.Message);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            WebhookLog.ConnectionFailed(logger, ex, delivery.Identifier, delivery.WebhookEvent, delivery.Url, attempt);
            return (null, "The receiver did not answer within " + AttemptTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " s.");
        }
        catch (OperationCanceledException)
        {
            return (null, "The sandbox stopped.");
        }
    }

    private void Finish(WebhookDelivery delivery, WebhookDeliveryState state) =>
        log.Update(delivery.Identifier, r => r with { State = state, CompletedAt = time.GetUtcNow() });
}
