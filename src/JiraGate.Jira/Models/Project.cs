using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>A Jira project (also the project reference inside an issue, with fewer fields set).</summary>
public sealed class Project
{
    /// <summary>The id, e.g. 10000.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The key, e.g. SEC.</summary>
    [JsonPropertyName("key")]
    public required string Key { get; init; }

    /// <summary>The name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The description (when expanded or returned).</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The project lead (when expanded).</summary>
    [JsonPropertyName("lead")]
    public JiraUser? Lead { get; init; }

    /// <summary>software, service_desk or business.</summary>
    [JsonPropertyName("projectTypeKey")]
    public string? ProjectTypeKey { get; init; }

    /// <summary>Team-managed (true) or company-managed (false), Cloud.</summary>
    [JsonPropertyName("simplified")]
    public bool? Simplified { get; init; }

    /// <summary>classic or next-gen, Cloud.</summary>
    [JsonPropertyName("style")]
    public string? Style { get; init; }

    /// <summary>True when the project is private, Cloud.</summary>
    [JsonPropertyName("isPrivate")]
    public bool? IsPrivate { get; init; }

    /// <summary>True when archived.</summary>
    [JsonPropertyName("archived")]
    public bool? Archived { get; init; }

    /// <summary>The issue types (when expanded).</summary>
    [JsonPropertyName("issueTypes")]
    public IReadOnlyList<IssueType>? IssueTypes { get; init; }

    /// <summary>Avatar URLs by size.</summary>
    [JsonPropertyName("avatarUrls")]
    public IReadOnlyDictionary<string, string>? AvatarUrls { get; init; }

    /// <summary>The REST URL.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; init; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new(StringComparer.Ordinal);
}
