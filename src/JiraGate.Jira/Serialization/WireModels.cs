using System.Text.Json;
using System.Text.Json.Serialization;
using JiraGate.Jira.Models;

namespace JiraGate.Jira.Serialization;

/// <summary>/rest/api/3/search/jql (Cloud): token-paged, no total.</summary>
internal sealed class SearchJqlResponse
{
    [JsonPropertyName("issues")]
    public IReadOnlyList<Issue>? Issues { get; set; }

    [JsonPropertyName("isLast")]
    public bool? IsLast { get; set; }

    [JsonPropertyName("nextPageToken")]
    public string? NextPageToken { get; set; }

    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}

/// <summary>The body of POST /rest/api/3/search/jql.</summary>
internal sealed class SearchJqlRequest
{
    [JsonPropertyName("jql")]
    public required string Jql { get; init; }

    [JsonPropertyName("nextPageToken")]
    public string? NextPageToken { get; init; }

    [JsonPropertyName("maxResults")]
    public int? MaxResults { get; init; }

    [JsonPropertyName("fields")]
    public required IReadOnlyList<string> Fields { get; init; }

    [JsonPropertyName("expand")]
    public string? Expand { get; init; }

    [JsonPropertyName("properties")]
    public IReadOnlyList<string>? Properties { get; init; }

    [JsonPropertyName("fieldsByKeys")]
    public bool? FieldsByKeys { get; init; }

    [JsonPropertyName("reconcileIssues")]
    public IReadOnlyList<long>? ReconcileIssues { get; init; }
}

/// <summary>The body of POST /rest/api/2/search.</summary>
internal sealed class SearchOffsetRequest
{
    [JsonPropertyName("jql")]
    public required string Jql { get; init; }

    [JsonPropertyName("startAt")]
    public int? StartAt { get; init; }

    [JsonPropertyName("maxResults")]
    public int? MaxResults { get; init; }

    [JsonPropertyName("fields")]
    public required IReadOnlyList<string> Fields { get; init; }

    [JsonPropertyName("expand")]
    public IReadOnlyList<string>? Expand { get; init; }

    [JsonPropertyName("properties")]
    public IReadOnlyList<string>? Properties { get; init; }

    [JsonPropertyName("fieldsByKeys")]
    public bool? FieldsByKeys { get; init; }
}

/// <summary>Jira's PageBean and Agile pages: <c>{startAt, maxResults, total?, isLast?, values}</c>.</summary>
internal sealed class PageBeanResponse<T>
{
    [JsonPropertyName("startAt")]
    public int? StartAt { get; set; }

    [JsonPropertyName("maxResults")]
    public int? MaxResults { get; set; }

    [JsonPropertyName("total")]
    public long? Total { get; set; }

    [JsonPropertyName("isLast")]
    public bool? IsLast { get; set; }

    [JsonPropertyName("values")]
    public IReadOnlyList<T>? Values { get; set; }
}

/// <summary>{site}/_edge/tenant_info.</summary>
internal sealed class TenantInfo
{
    [JsonPropertyName("cloudId")]
    public string? CloudId { get; set; }
}
