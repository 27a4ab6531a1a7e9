using JiraGate.Governance.Approvals;
using Microsoft.Extensions.Options;

namespace JiraGate.Cli.Hosting;

/// <summary>Where the approvals page of this gateway is, for links in notices (set once the gateway listens).</summary>
internal sealed class GatewayLinks
{
    private readonly Lock _gate = new();
    private Uri _baseUrl = new("http://127.0.0.1:5180/");

    public Uri BaseUrl
    {
        get
        {
            lock (_gate)
            {
                return _baseUrl;
            }
        }
        set
        {
            lock (_gate)
            {
                _baseUrl = value;
            }
        }
    }
}

/// <summary>
/// Sends each pending approval to every approval channel of jiragate.yaml whose risks and policies match, through the
/// existing webhook notifier (its named client retries). One channel failing is logged and never stops the others or
/// the call.
/// </summary>
internal sealed partial class ApprovalChannelNotifier(
    IHttpClientFactory httpClientFactory,
    IReadOnlyList<ApprovalChannel> channels,
    GatewayLinks links,
    ILoggerFactory loggerFactory) : IApprovalNotifier
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<ApprovalChannelNotifier>();

    public Task NotifyAsync(Approval approval, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(approval);
        var matching = channels.Where(c => c.Matches(approval.Risk, approval.Policy)).ToList();
        if (matching.Count == 0)
        {
            LogNoChannel(_logger, approval.Id, approval.Risk, approval.Policy ?? "-");
            return Task.CompletedTask;
        }
        return Task.WhenAll(matching.Select(c => SendAsync(c, approval, cancellationToken)));
    }

    private async Task SendAsync(ApprovalChannel channel, Approval approval, CancellationToken ct)
    {
        var options = new WebhookNotifierOptions
        {
            DefaultChannel = channel.Name,
            ApprovalLinkTemplate = new Uri(links.BaseUrl, "approvals/").ToString() + "{id}",
        };
        options.ChannelWebhooks[channel.Name] = channel.Webhook;
        var notifier = new WebhookApprovalNotifier(httpClientFactory, Options.Create(options), loggerFactory.CreateLogger<WebhookApprovalNotifier>());
        try
        {
            await notifier.NotifyAsync(approval with { Channel = channel.Name }, ct);
        }
        catch (ApprovalNotificationException e)
        {
            // The message names the channel and the status, never the URL.
            LogFailed(_logger, approval.Id, channel.Name, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Approval {ApprovalId} ({Risk}, policy {Policy}) matches no approval channel; it waits on the approvals page.")]
    private static partial void LogNoChannel(ILogger logger, string approvalId, string risk, string policy);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Approval {ApprovalId}: the notice to channel {Channel} failed: {Reason}. The request still waits on the approvals page.")]
    private static partial void LogFailed(ILogger logger, string approvalId, string channel, string reason);
}
