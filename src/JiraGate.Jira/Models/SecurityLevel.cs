using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>An issue security level: issues carrying it are visible only to its members.</summary>
public sealed class SecurityLevel
{
    /// <summary>The id, as a string.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>True for the scheme's default level (Cloud).</summary>
    [JsonPropertyName("isDefault")]
    public bool? IsDefault { get; set; }

    /// <summary>The id of the scheme the level belongs to (Cloud).</summary>
    [JsonPropertyName("issueSecuritySchemeId")]
    public string? IssueSecuritySchemeId { get; set; }

    /// <summary>The REST URL.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; set; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}

/// <summary>An issue security scheme and its levels.</summary>
public sealed class IssueSecurityScheme
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    /// <summary>The name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>The id of the default level, when one is set.</summary>
    [JsonPropertyName("defaultSecurityLevelId")]
    public long? DefaultSecurityLevelId { get; set; }

    /// <summary>The levels.</summary>
    [JsonPropertyName("levels")]
    public IReadOnlyList<SecurityLevel>? Levels { get; set; }

    /// <summary>The REST URL.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; set; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }

    /// <summary>Jira's request id for the call that returned this scheme.</summary>
    [JsonIgnore]
    public string? RequestId { get; internal set; }
}
