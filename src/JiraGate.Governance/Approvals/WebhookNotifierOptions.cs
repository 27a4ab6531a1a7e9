namespace JiraGate.Governance.Approvals;

/// <summary>Where approval notices go and how hard to try.</summary>
public sealed class WebhookNotifierOptions
{
    /// <summary>The named HttpClient the notifier uses.</summary>
    public const string HttpClientName = "JiraGate.Approvals.Webhook";

    /// <summary>
    /// Incoming-webhook URL per channel, e.g. <c>#jira-approvals</c> → <c>https://hooks.slack.com/services/…</c>.
    /// These URLs are credentials: they are never logged or printed.
    /// </summary>
    public IDictionary<string, Uri> ChannelWebhooks { get; } = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The channel used when a policy names none.</summary>
    public string? DefaultChannel { get; set; }

    /// <summary>
    /// The approvals page of one request; <c>{id}</c> is replaced by the approval id. Approve and deny buttons open it
    /// with <c>?decision=approve</c> / <c>?decision=deny</c> (the page asks the approver to sign in and confirm: a link
    /// alone never decides).
    /// </summary>
    public string ApprovalLinkTemplate { get; set; } = "http://127.0.0.1:5180/approvals/{id}";

    /// <summary>Retries after the first attempt on a transient failure (5xx, 408, 429, network errors). 3 by default.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; later ones back off exponentially with jitter. 2 s by default.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The limit of one attempt. 10 s by default.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The link to an approval's page.</summary>
    public Uri LinkFor(string approvalId) =>
        new(ApprovalLinkTemplate.Replace("{id}", Uri.EscapeDataString(approvalId), StringComparison.Ordinal));

    /// <inheritdoc />
    public override string ToString() =>
        $"approval webhooks for {ChannelWebhooks.Count} channel(s): {string.Join(", ", ChannelWebhooks.Keys)}"; // never the URLs
}
