using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JiraGate.Governance.Approvals;

/// <summary>
/// Posts a Slack-compatible incoming-webhook message for each pending approval to the URL configured for its channel,
/// through a named HttpClient whose resilience pipeline retries transient failures
/// (<see cref="Microsoft.Extensions.DependencyInjection.ApprovalServiceCollectionExtensions.AddJiraGateApprovalWebhooks"/>).
/// </summary>
public sealed class WebhookApprovalNotifier : IApprovalNotifier
{
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly WebhookNotifierOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the notifier.</summary>
    public WebhookApprovalNotifier(IHttpClientFactory httpClientFactory, IOptions<WebhookNotifierOptions> options, ILogger<WebhookApprovalNotifier>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    /// <exception cref="ApprovalNotificationException">The webhook refused the message, or could not be reached, after the retries.</exception>
    public async Task NotifyAsync(Approval approval, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(approval);
        var channel = approval.Channel ?? _options.DefaultChannel;
        if (channel is null || !_options.ChannelWebhooks.TryGetValue(channel, out var webhook))
        {
            ApprovalsLog.NoWebhookForChannel(_logger, approval.Id, channel);
            return;
        }
        using var content = new ByteArrayContent(ApprovalMessage.Build(approval, _options.LinkFor(approval.Id)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var client = _httpClientFactory.CreateClient(WebhookNotifierOptions.HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsync(webhook, content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or TimeoutException
            or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            // The inner exception is not kept: its text may name the webhook's host or path.
            throw new ApprovalNotificationException($"The webhook for channel {channel} could not be reached ({ex.GetType().Name}).");
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new ApprovalNotificationException(
                    $"The webhook for channel {channel} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
        }
        ApprovalsLog.Notified(_logger, approval.Id, channel);
    }
}
