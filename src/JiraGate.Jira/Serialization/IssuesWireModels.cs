using System.Text.Json;
using System.Text.Json.Serialization;
using JiraGate.Jira.Models;

namespace JiraGate.Jira.Serialization;

/// <summary>GET /issue/{k}/transitions: <c>{expand, transitions}</c>.</summary>
internal sealed class TransitionsResponse
{
    [JsonPropertyName("expand")]
    public string? Expand { get; init; }

    [JsonPropertyName("transitions")]
    public IReadOnlyList<Transition>? Transitions { get; init; }

    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// A createmeta page: Cloud <c>{issueTypes|fields, startAt, maxResults, total}</c>, Data Center
/// <c>{values, startAt, maxResults, total, isLast}</c>.
/// </summary>
internal sealed class CreateMetaResponse<T>
{
    [JsonPropertyName("startAt")]
    public int? StartAt { get; init; }

    [JsonPropertyName("maxResults")]
    public int? MaxResults { get; init; }

    [JsonPropertyName("total")]
    public long? Total { get; init; }

    [JsonPropertyName("isLast")]
    public bool? IsLast { get; init; }

    [JsonPropertyName("issueTypes")]
    public IReadOnlyList<T>? IssueTypes { get; init; }

    [JsonPropertyName("fields")]
    public IReadOnlyList<T>? Fields { get; init; }

    [JsonPropertyName("values")]
    public IReadOnlyList<T>? Values { get; init; }

    [JsonIgnore]
    public IReadOnlyList<T>? Items => Values ?? IssueTypes ?? Fields;
}

/// <summary>The <c>changelog</c> of an issue read with expand=changelog (Data Center): every history at once.</summary>
internal sealed class ExpandedChangelog
{
    [JsonPropertyName("startAt")]
    public int? StartAt { get; init; }

    [JsonPropertyName("maxResults")]
    public int? MaxResults { get; init; }

    [JsonPropertyName("total")]
    public long? Total { get; init; }

    [JsonPropertyName("histories")]
    public IReadOnlyList<ChangeGroup>? Histories { get; init; }
}

/// <summary>Jira's ErrorCollection: <c>{errorMessages, errors, status?}</c>.</summary>
internal sealed class ErrorCollection
{
    [JsonPropertyName("errorMessages")]
    public IReadOnlyList<string>? ErrorMessages { get; init; }

    [JsonPropertyName("errors")]
    public IReadOnlyDictionary<string, string>? Errors { get; init; }

    [JsonPropertyName("status")]
    public int? Status { get; init; }

    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new(StringComparer.Ordinal);
}

/// <summary>POST /issue/bulk answer (201, or 400 when every element failed): CreatedIssues.</summary>
internal sealed class BulkCreateResponse
{
    [JsonPropertyName("issues")]
    public IReadOnlyList<CreatedIssue>? Issues { get; init; }

    [JsonPropertyName("errors")]
    public IReadOnlyList<BulkOperationError>? Errors { get; init; }
}

internal sealed class BulkOperationError
{
    [JsonPropertyName("status")]
    public int? Status { get; init; }

    [JsonPropertyName("elementErrors")]
    public ErrorCollection? ElementErrors { get; init; }

    [JsonPropertyName("failedElementNumber")]
    public int? FailedElementNumber { get; init; }
}

/// <summary>POST /issue/bulkfetch answer (Cloud).</summary>
internal sealed class BulkFetchResponse
{
    [JsonPropertyName("issues")]
    public IReadOnlyList<Issue>? Issues { get; init; }

    [JsonPropertyName("issueErrors")]
    public JsonElement? IssueErrors { get; init; }
}

/// <summary>POST /search/approximate-count answer (Cloud).</summary>
internal sealed class ApproximateCountResponse
{
    [JsonPropertyName("count")]
    public long Count { get; init; }
}

/// <summary>GET /issue/{k}/properties: <c>{keys: [{self, key}]}</c>.</summary>
internal sealed class PropertyKeysResponse
{
    [JsonPropertyName("keys")]
    public IReadOnlyList<PropertyKeyReference>? Keys { get; init; }
}

internal sealed class PropertyKeyReference
{
    [JsonPropertyName("key")]
    public string? Key { get; init; }

    [JsonPropertyName("self")]
    public Uri? Self { get; init; }
}

/// <summary>/rest/api/2/search (Data Center): offset-paged with a total; what else it sends (expand, names …) is kept.</summary>
internal sealed class SearchOffsetPage
{
    [JsonPropertyName("startAt")]
    public int? StartAt { get; init; }

    [JsonPropertyName("maxResults")]
    public int? MaxResults { get; init; }

    [JsonPropertyName("total")]
    public long? Total { get; init; }

    [JsonPropertyName("issues")]
    public IReadOnlyList<Issue>? Issues { get; init; }

    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new(StringComparer.Ordinal);
}
