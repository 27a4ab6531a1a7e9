namespace JiraGate.Jira;

/// <summary>Which webhook API a connection can use (JIRA-API.md §4).</summary>
public enum WebhookMode
{
    /// <summary>
    /// Admin webhooks (<c>/rest/webhooks/1.0/webhook</c>): API-token, scoped-token, PAT and password connections, on
    /// Cloud and Data Center. The caller must be a Jira administrator; they never expire.
    /// </summary>
    Admin,

    /// <summary>
    /// Dynamic webhooks (<c>/rest/api/3/webhook</c>): OAuth 2.0 app connections on Cloud. Each app sees only its own;
    /// they expire after 30 days unless refreshed.
    /// </summary>
    Dynamic,
}

/// <summary>Options for <see cref="WebhooksClient.ListDynamicWebhooksPageAsync"/> and <see cref="WebhooksClient.ListDynamicWebhooksAsync"/>.</summary>
public sealed class DynamicWebhookListOptions
{
    /// <summary>The offset of the first webhook.</summary>
    public int? StartAt { get; init; }

    /// <summary>Webhooks per page to ask for (Jira's default and maximum is 100).</summary>
    public int? PageSize { get; init; }

    /// <summary><see cref="WebhooksClient.ListDynamicWebhooksAsync"/> yields at most this many webhooks.</summary>
    public int? Limit { get; init; }
}

/// <summary>Options for <see cref="WebhooksClient.RefreshExpiringAsync"/>.</summary>
public sealed class RefreshExpiringWebhooksOptions
{
    /// <summary>The default margin: refresh what expires within 5 days (25 days into the 30).</summary>
    public static readonly TimeSpan DefaultMargin = TimeSpan.FromDays(5);

    /// <summary>Refresh every dynamic webhook that expires within this much time from now. Default 5 days.</summary>
    public TimeSpan Margin { get; init; } = DefaultMargin;
}
