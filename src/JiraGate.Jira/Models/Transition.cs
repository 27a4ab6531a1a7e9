using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>A workflow transition the issue can take now (ids differ per workflow: always read them first).</summary>
public sealed class Transition
{
    /// <summary>The transition id, e.g. 31.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The transition name, e.g. "Start Progress".</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The status the issue moves to.</summary>
    [JsonPropertyName("to")]
    public IssueStatus? To { get; init; }

    /// <summary>True when the transition has a screen (fields to fill).</summary>
    [JsonPropertyName("hasScreen")]
    public bool? HasScreen { get; init; }

    /// <summary>True for a global transition (from any status).</summary>
    [JsonPropertyName("isGlobal")]
    public bool? IsGlobal { get; init; }

    /// <summary>True for the workflow's initial transition.</summary>
    [JsonPropertyName("isInitial")]
    public bool? IsInitial { get; init; }

    /// <summary>False when listed only because unavailable transitions were asked for.</summary>
    [JsonPropertyName("isAvailable")]
    public bool? IsAvailable { get; init; }

    /// <summary>True when the transition has conditions.</summary>
    [JsonPropertyName("isConditional")]
    public bool? IsConditional { get; init; }

    /// <summary>True when the transition returns to the same status.</summary>
    [JsonPropertyName("looped")]
    public bool? Looped { get; init; }

    /// <summary>The screen's fields by id (only when asked for with <see cref="GetTransitionsOptions.IncludeFields"/>).</summary>
    [JsonPropertyName("fields")]
    public IReadOnlyDictionary<string, FieldMetadata>? Fields { get; init; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new(StringComparer.Ordinal);
}

/// <summary>What Jira says about one field on a create, edit or transition screen.</summary>
public sealed class FieldMetadata
{
    /// <summary>True when a value must be given.</summary>
    [JsonPropertyName("required")]
    public bool? Required { get; init; }

    /// <summary>The field's type.</summary>
    [JsonPropertyName("schema")]
    public FieldSchema? Schema { get; init; }

    /// <summary>The display name, e.g. "Severity".</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The field key.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; init; }

    /// <summary>The field id (createmeta), e.g. customfield_10010.</summary>
    [JsonPropertyName("fieldId")]
    public string? FieldId { get; init; }

    /// <summary>Where to look values up (users, labels).</summary>
    [JsonPropertyName("autoCompleteUrl")]
    public string? AutoCompleteUrl { get; init; }

    /// <summary>True when Jira fills a default when none is given.</summary>
    [JsonPropertyName("hasDefaultValue")]
    public bool? HasDefaultValue { get; init; }

    /// <summary>The update verbs the field takes: set, add, remove, edit.</summary>
    [JsonPropertyName("operations")]
    public IReadOnlyList<string>? Operations { get; init; }

    /// <summary>The values allowed, when the set is finite (options, priorities, components …), as Jira sent them.</summary>
    [JsonPropertyName("allowedValues")]
    public IReadOnlyList<JsonElement>? AllowedValues { get; init; }

    /// <summary>The default value, when there is one.</summary>
    [JsonPropertyName("defaultValue")]
    public JsonElement? DefaultValue { get; init; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new(StringComparer.Ordinal);
}

/// <summary>The fields the caller may edit on an issue now (editmeta), by field id.</summary>
public sealed class IssueEditMeta
{
    /// <summary>The editable fields by id.</summary>
    [JsonPropertyName("fields")]
    public IReadOnlyDictionary<string, FieldMetadata> Fields { get; init; } = new Dictionary<string, FieldMetadata>();

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new(StringComparer.Ordinal);
}
