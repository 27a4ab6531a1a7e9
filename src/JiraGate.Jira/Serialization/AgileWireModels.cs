using System.Text.Json;
using System.Text.Json.Serialization;
using JiraGate.Jira.Models;

namespace JiraGate.Jira.Serialization;

/// <summary>
/// Agile 1.0 issue lists (/board/{id}/issue, /board/{id}/backlog, /sprint/{id}/issue): offset-paged
/// <c>{expand,startAt,maxResults,total,[isLast],issues}</c>; only the board list carries <c>isLast</c>.
/// </summary>
internal sealed class AgileIssuePage
{
    [JsonPropertyName("expand")]
    public string? Expand { get; set; }

    [JsonPropertyName("startAt")]
    public int? StartAt { get; set; }

    [JsonPropertyName("maxResults")]
    public int? MaxResults { get; set; }

    [JsonPropertyName("total")]
    public long? Total { get; set; }

    [JsonPropertyName("isLast")]
    public bool? IsLast { get; set; }

    [JsonPropertyName("issues")]
    public IReadOnlyList<Issue>? Issues { get; set; }

    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}

/// <summary>Software 1.0 issue lists (Cloud, RFC-127): token-paged <c>{expand,issues,nextPageToken?,isLast}</c>, no total.</summary>
internal sealed class SoftwareIssuePage
{
    [JsonPropertyName("expand")]
    public string? Expand { get; set; }

    [JsonPropertyName("issues")]
    public IReadOnlyList<Issue>? Issues { get; set; }

    [JsonPropertyName("nextPageToken")]
    public string? NextPageToken { get; set; }

    [JsonPropertyName("isLast")]
    public bool? IsLast { get; set; }

    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}

/// <summary>The body of POST /rest/agile/1.0/sprint/{id} (partial update): only the properties set are sent.</summary>
internal sealed class SprintUpdateRequest
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("goal")]
    public string? Goal { get; init; }

    [JsonPropertyName("state")]
    public SprintState? State { get; init; }

    [JsonPropertyName("startDate")]
    [JsonConverter(typeof(JiraDateTimeConverter))]
    public DateTimeOffset? StartDate { get; init; }

    [JsonPropertyName("endDate")]
    [JsonConverter(typeof(JiraDateTimeConverter))]
    public DateTimeOffset? EndDate { get; init; }
}
