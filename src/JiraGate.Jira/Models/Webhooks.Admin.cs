using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>
/// An admin webhook (System › WebHooks; <c>/rest/webhooks/1.0/webhook</c>) on Cloud or Data Center: made by a Jira
/// administrator, no expiry. The shape of the recordings <c>jira-ruby/dc-admin-webhook-get.json</c>.
/// </summary>
public sealed class AdminWebhook
{
    /// <summary>The name shown in Jira's admin screen.</summary>
    [JsonPropertyName("name")]
    [JsonRequired]
    public string Name { get; set; } = "";

    /// <summary>Where Jira posts events; may hold variables such as <c>${issue.key}</c>.</summary>
    [JsonPropertyName("url")]
    [JsonRequired]
    public string Url { get; set; } = "";

    /// <summary>True when deliveries carry no body.</summary>
    [JsonPropertyName("excludeBody")]
    public bool ExcludeBody { get; set; }

    /// <summary>The filters by section, e.g. the JQL for issue-related events.</summary>
    [JsonPropertyName("filters")]
    public AdminWebhookFilters? Filters { get; set; }

    /// <summary>The events delivered, e.g. <c>jira:issue_created</c>; empty means none.</summary>
    [JsonPropertyName("events")]
    public IReadOnlyList<string> Events { get; set; } = [];

    /// <summary>True when Jira delivers to it.</summary>
    [JsonPropertyName("enabled")]
    public bool Enabled { get; set; } = true;

    /// <summary>The webhook's REST URL; its last segment is <see cref="Id"/>.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; set; }

    /// <summary>Who changed it last: a username on Data Center, an accountId on Cloud.</summary>
    [JsonPropertyName("lastUpdatedUser")]
    public string? LastUpdatedUser { get; set; }

    /// <summary>The display name of <see cref="LastUpdatedUser"/>.</summary>
    [JsonPropertyName("lastUpdatedDisplayName")]
    public string? LastUpdatedDisplayName { get; set; }

    /// <summary>When it was last changed (Jira sends epoch milliseconds).</summary>
    [JsonPropertyName("lastUpdated")]
    [JsonConverter(typeof(EpochMillisecondsConverter))]
    public DateTimeOffset? LastUpdated { get; set; }

    /// <summary>The id, read from <see cref="Self"/> (the bean has no id property); null if Self is absent.</summary>
    [JsonIgnore]
    public long? Id => Self is { IsAbsoluteUri: true } self
        && long.TryParse(self.AbsolutePath.TrimEnd('/').Split('/')[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }

    /// <inheritdoc />
    public override string ToString() => $"admin webhook {Id} '{Name}' → {Url}";
}

/// <summary>An admin webhook's filters (<c>filters</c>).</summary>
public sealed class AdminWebhookFilters
{
    /// <summary>The JSON name of the issue-events section.</summary>
    public const string IssueSectionName = "issue-related-events-section";

    /// <summary>The JQL that issue-related events must match; empty or null for every issue.</summary>
    [JsonPropertyName(IssueSectionName)]
    public string? IssueRelatedEventsSection { get; set; }

    /// <summary>Other sections Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}
