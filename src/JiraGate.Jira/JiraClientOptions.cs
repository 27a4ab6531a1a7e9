using JiraGate.Jira.Authentication;

namespace JiraGate.Jira;

/// <summary>Where a <see cref="JiraClient"/> connects, as whom, and how patiently.</summary>
public sealed class JiraClientOptions
{
    /// <summary>The default Atlassian API gateway.</summary>
    public static readonly Uri DefaultApiGatewayBaseUrl = new("https://api.atlassian.com");

    /// <summary>
    /// The site URL: https://{site}.atlassian.net on Cloud, the Jira base URL (with any context path) on
    /// Data Center. http:// is accepted only for loopback addresses (a local sandbox).
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>How to authenticate. Scoped API tokens and OAuth go through <see cref="ApiGatewayBaseUrl"/>.</summary>
    public JiraCredentials? Credentials { get; set; }

    /// <summary>Cloud, Data Center, or <see cref="JiraDeployment.Auto"/> to read it once from /rest/api/2/serverInfo.</summary>
    public JiraDeployment Deployment { get; set; } = JiraDeployment.Auto;

    /// <summary>
    /// The API gateway for scoped API tokens and OAuth: requests go to {gateway}/ex/jira/{cloudId}/rest/…;
    /// the cloud id is read from {site}/_edge/tenant_info when the credentials do not carry it.
    /// </summary>
    public Uri ApiGatewayBaseUrl { get; set; } = DefaultApiGatewayBaseUrl;

    /// <summary>How 429 and 503 answers and network failures are retried.</summary>
    public JiraRetryOptions Retry { get; set; } = new();

    /// <summary>How long one attempt may take, body included; <see cref="Timeout.InfiniteTimeSpan"/> for none. Default 100 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>How long a call may take with all its retries and waits; <see cref="Timeout.InfiniteTimeSpan"/> for none. Default 5 min.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Requests in flight to one site at a time, across every client in the process that talks to it
    /// (the first client configured for a site sets it). Default 8.
    /// </summary>
    public int MaxConcurrentRequestsPerSite { get; set; } = 8;
}

/// <summary>
/// Retry manners for Jira (defaults from Atlassian's guidance, JIRA-API.md §5): wait <c>Retry-After</c>, else
/// <c>X-RateLimit-Reset</c>, else back off exponentially with jitter.
/// </summary>
public sealed class JiraRetryOptions
{
    /// <summary>Retries after the first attempt (0 disables retrying). Default 4.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first backoff delay when Jira names none. Default 5 s.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest backoff delay. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The factor between successive backoff delays. Default 2.</summary>
    public double BackoffMultiplier { get; set; } = 2.0;

    /// <summary>The lowest jitter factor applied to backoff delays. Default 0.7.</summary>
    public double JitterMin { get; set; } = 0.7;

    /// <summary>The highest jitter factor; waits Jira asked for are stretched by up to this, never shortened. Default 1.3.</summary>
    public double JitterMax { get; set; } = 1.3;

    /// <summary>
    /// The longest wait Jira may ask for that is still waited out; a longer one fails at once with
    /// <see cref="JiraRateLimitedException"/> carrying <see cref="JiraException.RetryAfter"/>. Default 60 s.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The most time one call may spend waiting between attempts, all retries together. Default 2 min.</summary>
    public TimeSpan MaxTotalDelay { get; set; } = TimeSpan.FromMinutes(2);
}
