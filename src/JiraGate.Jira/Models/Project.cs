using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>A Jira project (also the project reference inside an issue, with fewer fields set).</summary>
public sealed class Project
{
    /// <summary>The id, e.g. 10000.</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = "";

    /// <summary>The key, e.g. SEC.</summary>
    [JsonPropertyName("key")]
    [JsonRequired]
    public string Key { get; set; } = "";

    /// <summary>The name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The description (when expanded or returned).</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>The project lead (when expanded).</summary>
    [JsonPropertyName("lead")]
    public JiraUser? Lead { get; set; }

    /// <summary>software, service_desk or business.</summary>
    [JsonPropertyName("projectTypeKey")]
    public string? ProjectTypeKey { get; set; }

    /// <summary>Team-managed (true) or company-managed (false), Cloud.</summary>
    [JsonPropertyName("simplified")]
    public bool? Simplified { get; set; }

    /// <summary>classic or next-gen, Cloud.</summary>
    [JsonPropertyName("style")]
    public string? Style { get; set; }

    /// <summary>True when the project is private, Cloud.</summary>
    [JsonPropertyName("isPrivate")]
    public bool? IsPrivate { get; set; }

    /// <summary>True when archived.</summary>
    [JsonPropertyName("archived")]
    public bool? Archived { get; set; }

    /// <summary>The issue types (when expanded).</summary>
    [JsonPropertyName("issueTypes")]
    public IReadOnlyList<IssueType>? IssueTypes { get; set; }

    /// <summary>Avatar URLs by size.</summary>
    [JsonPropertyName("avatarUrls")]
    public IReadOnlyDictionary<string, string>? AvatarUrls { get; set; }

    /// <summary>The REST URL.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; set; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}
