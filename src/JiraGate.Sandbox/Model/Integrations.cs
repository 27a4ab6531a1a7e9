namespace JiraGate.Sandbox.Model;

/// <summary>An admin webhook (System › WebHooks; /rest/webhooks/1.0/webhook).</summary>
public sealed class AdminWebhook
{
    public required long Id { get; set; }
    public required string Name { get; set; }
    public required string Url { get; set; }
    public List<string> Events { get; set; } = [];
    /// <summary>JQL filter for issue-related events; null or empty matches every issue.</summary>
    public string? JqlFilter { get; set; }
    public bool Enabled { get; set; } = true;
    public bool ExcludeBody { get; set; }
    /// <summary>HMAC-SHA256 secret for X-Hub-Signature; null: deliveries are unsigned.</summary>
    public string? Secret { get; set; }
    public required DateTimeOffset LastUpdated { get; set; }
    public required string LastUpdatedUser { get; set; }
}

/// <summary>A dynamic webhook registered by an OAuth 2.0 / Connect app through /rest/api/3/webhook.</summary>
public sealed class DynamicWebhook
{
    public required long Id { get; set; }
    public required string Url { get; set; }
    public required string AppClientId { get; set; }
    public List<string> Events { get; set; } = [];
    public required string JqlFilter { get; set; }
    public List<string> FieldIdsFilter { get; set; } = [];
    public List<string> IssuePropertyKeysFilter { get; set; } = [];
    public required DateTimeOffset ExpirationDate { get; set; }
}

/// <summary>An OAuth 2.0 (3LO) app registered with the sandbox's authorization server.</summary>
public sealed class OAuthClient
{
    public required string ClientId { get; set; }
    public required string ClientSecret { get; set; }
    public required string Name { get; set; }
    public List<string> RedirectUris { get; set; } = [];
}
