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

/// <summary>What to create or replace an admin webhook with (<c>POST</c>/<c>PUT /rest/webhooks/1.0/webhook</c>).</summary>
/// <remarks>A class, not a record, so no generated ToString can print <see cref="Secret"/>.</remarks>
public sealed class AdminWebhookDefinition
{
    /// <summary>The name shown in Jira's admin screen.</summary>
    public required string Name { get; init; }

    /// <summary>Where Jira posts events (absolute http(s); variables such as <c>${issue.key}</c> allowed).</summary>
    public required string Url { get; init; }

    /// <summary>The events to deliver, e.g. <c>jira:issue_created</c>, <c>comment_created</c>.</summary>
    public required IReadOnlyList<string> Events { get; init; }

    /// <summary>JQL that issue-related events must match (filters › issue-related-events-section); null for every issue.</summary>
    public string? Jql { get; init; }

    /// <summary>True to deliver without a body. Default false.</summary>
    public bool ExcludeBody { get; init; }

    /// <summary>False to create it switched off. Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// Optional HMAC-SHA256 key: deliveries are then signed in <c>X-Hub-Signature: sha256=…</c>. Jira never shows it
    /// again; this library never logs or prints it.
    /// </summary>
    public string? Secret { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"admin webhook '{Name}' → {Url}" + (Secret is null ? "" : " (signed)");
}

/// <summary>What <see cref="WebhooksClient.RefreshExpiringAsync"/> did.</summary>
public sealed class DynamicWebhookRefreshResult
{
    /// <summary>How many live dynamic webhooks the app has (all were looked at).</summary>
    public required int Checked { get; init; }

    /// <summary>The ids that were due and were refreshed.</summary>
    public required IReadOnlyList<long> RefreshedWebhookIds { get; init; }

    /// <summary>Their new expiry, as Jira answered; null when nothing was due.</summary>
    public DateTimeOffset? NewExpirationDate { get; init; }

    /// <summary>The earliest expiry among the webhooks left alone (when to look again); null when none were.</summary>
    public DateTimeOffset? NextExpirationDate { get; init; }
}
