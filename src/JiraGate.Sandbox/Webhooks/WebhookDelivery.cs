namespace JiraGate.Sandbox.Webhooks;

/// <summary>Which registry a delivery comes from.</summary>
internal enum WebhookKind
{
    /// <summary>An admin webhook (/rest/webhooks/1.0/webhook).</summary>
    Admin,
    /// <summary>A dynamic webhook of an OAuth 2.0 / Connect app (/rest/api/3/webhook).</summary>
    Dynamic,
}

/// <summary>
/// One delivery to send: built under the site lock from a site event, then sent (and retried) off it.
/// The body bytes are final, so the signature and every retry cover exactly the same payload.
/// </summary>
/// <param name="Identifier">X-Atlassian-Webhook-Identifier: unique per delivery, the same on each retry.</param>
/// <param name="Kind">Admin or dynamic.</param>
/// <param name="WebhookIds">The webhooks this delivery serves (dynamic deliveries group an app's matches per URL).</param>
/// <param name="WebhookEvent">jira:issue_created, comment_created, …</param>
/// <param name="Url">Where to POST.</param>
/// <param name="Body">The exact bytes to send; empty for admin webhooks with excludeBody.</param>
/// <param name="Secret">HMAC-SHA256 key for X-Hub-Signature; null: unsigned.</param>
/// <param name="QueuedAt">When the event happened (site clock).</param>
internal sealed record WebhookDelivery(
    string Identifier,
    WebhookKind Kind,
    IReadOnlyList<long> WebhookIds,
    string WebhookEvent,
    Uri Url,
    ReadOnlyMemory<byte> Body,
    string? Secret,
    DateTimeOffset QueuedAt);

/// <summary>Where a delivery stands.</summary>
internal enum WebhookDeliveryState
{
    /// <summary>Queued or being retried.</summary>
    Pending,
    /// <summary>The receiver answered 2xx.</summary>
    Delivered,
    /// <summary>Attempts exhausted, or the receiver answered a status Jira does not retry.</summary>
    Failed,
    /// <summary>The queue was full; the delivery was never attempted.</summary>
    Dropped,
    /// <summary>The sandbox stopped before the delivery finished.</summary>
    Cancelled,
}

/// <summary>A snapshot of one delivery in the <see cref="WebhookDeliveryLog"/>.</summary>
internal sealed record WebhookDeliveryRecord(
    string Identifier,
    WebhookKind Kind,
    IReadOnlyList<long> WebhookIds,
    string WebhookEvent,
    string Url,
    WebhookDeliveryState State,
    int Attempts,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset QueuedAt,
    DateTimeOffset? CompletedAt);
