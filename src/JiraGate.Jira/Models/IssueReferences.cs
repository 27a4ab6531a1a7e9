using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>An issue type. Names are defined by the site's admins, so they stay strings.</summary>
public sealed class IssueType
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The name, e.g. "Bug".</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>True for sub-task types.</summary>
    [JsonPropertyName("subtask")]
    public bool? Subtask { get; init; }

    /// <summary>Hierarchy level (Cloud): -1 sub-task, 0 standard, 1 epic.</summary>
    [JsonPropertyName("hierarchyLevel")]
    public int? HierarchyLevel { get; init; }

    /// <summary>The REST URL.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; init; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new(StringComparer.Ordinal);
}

/// <summary>A workflow status.</summary>
public sealed class IssueStatus
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The name, e.g. "In Progress".</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The category (To Do, In Progress, Done).</summary>
    [JsonPropertyName("statusCategory")]
    public StatusCategory? StatusCategory { get; init; }

    /// <summary>The REST URL.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; init; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new(StringComparer.Ordinal);
}

/// <summary>A status category: <c>new</c>, <c>indeterminate</c> or <c>done</c> (plus <c>undefined</c>).</summary>
public sealed class StatusCategory
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")]
    public int? Id { get; init; }

    /// <summary>The key: new, indeterminate, done.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; init; }

    /// <summary>The display name, e.g. "To Do".</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The colour name.</summary>
    [JsonPropertyName("colorName")]
    public string? ColorName { get; init; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new(StringComparer.Ordinal);
}

/// <summary>A priority.</summary>
public sealed class Priority
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The name, e.g. "High".</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new(StringComparer.Ordinal);
}

/// <summary>A resolution.</summary>
public sealed class Resolution
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The name, e.g. "Done".</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new(StringComparer.Ordinal);
}

/// <summary>A project component.</summary>
public sealed class ProjectComponent
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new(StringComparer.Ordinal);
}

/// <summary>A project version (release).</summary>
public sealed class ProjectVersion
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The name, e.g. "2.4".</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>True once released.</summary>
    [JsonPropertyName("released")]
    public bool? Released { get; init; }

    /// <summary>True when archived.</summary>
    [JsonPropertyName("archived")]
    public bool? Archived { get; init; }

    /// <summary>The release date.</summary>
    [JsonPropertyName("releaseDate")]
    public DateOnly? ReleaseDate { get; init; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new(StringComparer.Ordinal);
}
