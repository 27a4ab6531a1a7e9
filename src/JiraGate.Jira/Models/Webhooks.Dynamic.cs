using System.Text.Json;
using System.Text.Json.Serialization;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>
/// A dynamic webhook of an OAuth 2.0 (or Connect) app (<c>/rest/api/3/webhook</c>, Cloud only): it expires
/// 30 days after registration or its last refresh.
/// </summary>
public sealed class DynamicWebhook
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public long Id { get; set; }

    /// <summary>The JQL issue events must match (a restricted subset of JQL).</summary>
    [JsonPropertyName("jqlFilter")]
    public string? JqlFilter { get; set; }

    /// <summary>Only <c>jira:issue_updated</c> events that change one of these fields, when set.</summary>
    [JsonPropertyName("fieldIdsFilter")]
    public IReadOnlyList<string>? FieldIdsFilter { get; set; }

    /// <summary>Only issue property events for these keys, when set.</summary>
    [JsonPropertyName("issuePropertyKeysFilter")]
    public IReadOnlyList<string>? IssuePropertyKeysFilter { get; set; }

    /// <summary>The events delivered.</summary>
    [JsonPropertyName("events")]
    public IReadOnlyList<string> Events { get; set; } = [];

    /// <summary>When it stops being delivered unless refreshed (Jira sends epoch milliseconds).</summary>
    [JsonPropertyName("expirationDate")]
    [JsonConverter(typeof(EpochMillisecondsConverter))]
    public DateTimeOffset? ExpirationDate { get; set; }

    /// <summary>Where events are posted (the registration's URL).</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }

    /// <inheritdoc />
    public override string ToString() => $"dynamic webhook {Id} → {Url} (expires {ExpirationDate:O})";
}

/// <summary>A registration: one URL and the webhooks (events + filters) to deliver to it (<c>POST /rest/api/3/webhook</c>).</summary>
public sealed class DynamicWebhookRegistration
{
    /// <summary>Where Jira posts events; every webhook of the registration shares it.</summary>
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    /// <summary>The webhooks to create; each succeeds or fails on its own.</summary>
    [JsonPropertyName("webhooks")]
    public required IReadOnlyList<DynamicWebhookDetails> Webhooks { get; init; }
}

/// <summary>One webhook of a <see cref="DynamicWebhookRegistration"/>.</summary>
public sealed class DynamicWebhookDetails
{
    /// <summary>The events, e.g. <c>jira:issue_created</c>, <c>comment_created</c>.</summary>
    [JsonPropertyName("events")]
    public required IReadOnlyList<string> Events { get; init; }

    /// <summary>
    /// Required JQL filter, limited to issueKey, project, issuetype, status, assignee, reporter, issue.property and
    /// cf[id] with =, !=, IN and NOT IN (e.g. <c>project = SEC</c>).
    /// </summary>
    [JsonPropertyName("jqlFilter")]
    public required string JqlFilter { get; init; }

    /// <summary>Optional: only deliver <c>jira:issue_updated</c> when one of these fields changed.</summary>
    [JsonPropertyName("fieldIdsFilter")]
    public IReadOnlyList<string>? FieldIdsFilter { get; init; }

    /// <summary>Optional: only deliver issue property events for these keys.</summary>
    [JsonPropertyName("issuePropertyKeysFilter")]
    public IReadOnlyList<string>? IssuePropertyKeysFilter { get; init; }
}

/// <summary>
/// What Jira made of a registration: one entry per requested webhook, in request order. Jira answers 200 even
/// when some (or all) entries failed, so check <see cref="Failed"/>.
/// </summary>
public sealed class DynamicWebhookRegistrationResult
{
    /// <summary>One entry per requested webhook, in the order sent.</summary>
    [JsonPropertyName("webhookRegistrationResult")]
    public IReadOnlyList<DynamicWebhookRegistrationEntry> Entries { get; set; } = [];

    /// <summary>The ids of the webhooks created, in request order.</summary>
    [JsonIgnore]
    public IReadOnlyList<long> CreatedWebhookIds => [.. Entries.Where(e => e.CreatedWebhookId is not null).Select(e => e.CreatedWebhookId!.Value)];

    /// <summary>The entries Jira refused, each with its errors.</summary>
    [JsonIgnore]
    public IReadOnlyList<DynamicWebhookRegistrationEntry> Failed => [.. Entries.Where(e => !e.Succeeded)];

    /// <summary>True when every requested webhook was created.</summary>
    [JsonIgnore]
    public bool AllSucceeded => Entries.All(e => e.Succeeded);

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}

/// <summary>One requested webhook's outcome: <see cref="CreatedWebhookId"/>, or <see cref="Errors"/>.</summary>
public sealed class DynamicWebhookRegistrationEntry
{
    /// <summary>The new webhook's id, when it was created.</summary>
    [JsonPropertyName("createdWebhookId")]
    public long? CreatedWebhookId { get; set; }

    /// <summary>Why Jira refused it (e.g. "The clause watchCount is unsupported"); empty when created.</summary>
    [JsonPropertyName("errors")]
    public IReadOnlyList<string>? Errors { get; set; }

    /// <summary>True when the webhook was created.</summary>
    [JsonIgnore]
    public bool Succeeded => CreatedWebhookId is not null && (Errors is null || Errors.Count == 0);

    /// <inheritdoc />
    public override string ToString() => Succeeded ? $"created {CreatedWebhookId}" : "refused: " + string.Join("; ", Errors ?? []);
}
