using System.Text.Json;
using System.Text.Json.Serialization;
using JiraGate.Jira.Models;

namespace JiraGate.Jira.Serialization;

/// <summary>GET /issue/{k}/transitions: <c>{expand, transitions}</c>.</summary>
internal sealed class TransitionsResponse
{
    [JsonPropertyName("expand")]
    public string? Expand { get; set; }

    [JsonPropertyName("transitions")]
    public IReadOnlyList<Transition>? Transitions { get; set; }

    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}

/// <summary>
/// A createmeta page: Cloud <c>{issueTypes|fields, startAt, maxResults, total}</c>, Data Center
/// <c>{values, startAt, maxResults, total, isLast}</c>.
/// </summary>
internal sealed class CreateMetaResponse<T>
{
    [JsonPropertyName("startAt")]
    public int? StartAt { get; set; }

    [JsonPropertyName("maxResults")]
    public int? MaxResults { get; set; }

    [JsonPropertyName("total")]
    public long? Total { get; set; }

    [JsonPropertyName("isLast")]
    public bool? IsLast { get; set; }

    [JsonPropertyName("issueTypes")]
    public IReadOnlyList<T>? IssueTypes { get; set; }

    [JsonPropertyName("fields")]
    public IReadOnlyList<T>? Fields { get; set; }

    [JsonPropertyName("values")]
    public IReadOnlyList<T>? Values { get; set; }

    [JsonIgnore]
    public IReadOnlyList<T>? Items => Values ?? IssueTypes ?? Fields;
}

/// <summary>The <c>changelog</c> of an issue read with expand=changelog (Data Center): every history at once.</summary>
internal sealed class ExpandedChangelog
{
    [JsonPropertyName("startAt")]
    public int? StartAt { get; set; }

    [JsonPropertyName("maxResults")]
    public int? MaxResults { get; set; }

    [JsonPropertyName("total")]
    public long? Total { get; set; }

    [JsonPropertyName("histories")]
    public IReadOnlyList<ChangeGroup>? Histories { get; set; }
}

/// <summary>Jira's ErrorCollection: <c>{errorMessages, errors, status?}</c>.</summary>
internal sealed class ErrorCollection
{
    [JsonPropertyName("errorMessages")]
    public IReadOnlyList<string>? ErrorMessages { get; set; }

    [JsonPropertyName("errors")]
    public IReadOnlyDictionary<string, string>? Errors { get; set; }

    [JsonPropertyName("status")]
    public int? Status { get; set; }

    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}

/// <summary>POST /issue/bulk answer (201, or 400 when every element failed): CreatedIssues.</summary>
internal sealed class BulkCreateResponse
{
    [JsonPropertyName("issues")]
    public IReadOnlyList<CreatedIssue>? Issues { get; set; }

    [JsonPropertyName("errors")]
    public IReadOnlyList<BulkOperationError>? Errors { get; set; }
}

internal sealed class BulkOperationError
{
    [JsonPropertyName("status")]
    public int? Status { get; set; }

    [JsonPropertyName("elementErrors")]
    public ErrorCollection? ElementErrors { get; set; }

    [JsonPropertyName("failedElementNumber")]
    public int? FailedElementNumber { get; set; }
}

/// <summary>POST /issue/bulkfetch answer (Cloud).</summary>
internal sealed class BulkFetchResponse
{
    [JsonPropertyName("issues")]
    public IReadOnlyList<Issue>? Issues { get; set; }

    [JsonPropertyName("issueErrors")]
    public JsonElement? IssueErrors { get; set; }
}

/// <summary>POST /search/approximate-count answer (Cloud).</summary>
internal sealed class ApproximateCountResponse
{
    [JsonPropertyName("count")]
    public long Count { get; set; }
}

/// <summary>GET /issue/{k}/properties: <c>{keys: [{self, key}]}</c>.</summary>
internal sealed class PropertyKeysResponse
{
    [JsonPropertyName("keys")]
    public IReadOnlyList<PropertyKeyReference>? Keys { get; set; }
}

internal sealed class PropertyKeyReference
{
    [JsonPropertyName("key")]
    public string? Key { get; set; }

    [JsonPropertyName("self")]
    public Uri? Self { get; set; }
}

/// <summary>/rest/api/2/search (Data Center): offset-paged with a total; what else it sends (expand, names …) is kept.</summary>
internal sealed class SearchOffsetPage
{
    [JsonPropertyName("startAt")]
    public int? StartAt { get; set; }

    [JsonPropertyName("maxResults")]
    public int? MaxResults { get; set; }

    [JsonPropertyName("total")]
    public long? Total { get; set; }

    [JsonPropertyName("issues")]
    public IReadOnlyList<Issue>? Issues { get; set; }

    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}
