using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>An issue security level: issues carrying it are visible only to its members.</summary>
public sealed class SecurityLevel
{
    /// <summary>The id, as a string.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>True for the scheme's default level (Cloud).</summary>
    [JsonPropertyName("isDefault")]
    public bool? IsDefault { get; init; }

    /// <summary>The id of the scheme the level belongs to (Cloud).</summary>
    [JsonPropertyName("issueSecuritySchemeId")]
    public string? IssueSecuritySchemeId { get; init; }

    /// <summary>The REST URL.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; init; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new(StringComparer.Ordinal);
}

/// <summary>An issue security scheme and its levels.</summary>
public sealed class IssueSecurityScheme
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    /// <summary>The name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The id of the default level, when one is set.</summary>
    [JsonPropertyName("defaultSecurityLevelId")]
    public long? DefaultSecurityLevelId { get; init; }

    /// <summary>The levels.</summary>
    [JsonPropertyName("levels")]
    public IReadOnlyList<SecurityLevel>? Levels { get; init; }

    /// <summary>The REST URL.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; init; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new(StringComparer.Ordinal);

    /// <summary>Jira's request id for the call that returned this scheme.</summary>
    [JsonIgnore]
    public string? RequestId { get; internal set; }
}
