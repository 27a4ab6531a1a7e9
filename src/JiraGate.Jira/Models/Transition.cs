using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>A workflow transition the issue can take now (ids differ per workflow: always read them first).</summary>
public sealed class Transition
{
    /// <summary>The transition id, e.g. 31.</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = "";

    /// <summary>The transition name, e.g. "Start Progress".</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The status the issue moves to.</summary>
    [JsonPropertyName("to")]
    public IssueStatus? To { get; set; }

    /// <summary>True when the transition has a screen (fields to fill).</summary>
    [JsonPropertyName("hasScreen")]
    public bool? HasScreen { get; set; }

    /// <summary>True for a global transition (from any status).</summary>
    [JsonPropertyName("isGlobal")]
    public bool? IsGlobal { get; set; }

    /// <summary>True for the workflow's initial transition.</summary>
    [JsonPropertyName("isInitial")]
    public bool? IsInitial { get; set; }

    /// <summary>False when listed only because unavailable transitions were asked for.</summary>
    [JsonPropertyName("isAvailable")]
    public bool? IsAvailable { get; set; }

    /// <summary>True when the transition has conditions.</summary>
    [JsonPropertyName("isConditional")]
    public bool? IsConditional { get; set; }

    /// <summary>True when the transition returns to the same status.</summary>
    [JsonPropertyName("looped")]
    public bool? Looped { get; set; }

    /// <summary>The screen's fields by id (only when asked for with <see cref="GetTransitionsOptions.IncludeFields"/>).</summary>
    [JsonPropertyName("fields")]
    public IReadOnlyDictionary<string, FieldMetadata>? Fields { get; set; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}

/// <summary>What Jira says about one field on a create, edit or transition screen.</summary>
public sealed class FieldMetadata
{
    /// <summary>True when a value must be given.</summary>
    [JsonPropertyName("required")]
    public bool? Required { get; set; }

    /// <summary>The field's type.</summary>
    [JsonPropertyName("schema")]
    public FieldSchema? Schema { get; set; }

    /// <summary>The display name, e.g. "Severity".</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The field key.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; set; }

    /// <summary>The field id (createmeta), e.g. customfield_10010.</summary>
    [JsonPropertyName("fieldId")]
    public string? FieldId { get; set; }

    /// <summary>Where to look values up (users, labels).</summary>
    [JsonPropertyName("autoCompleteUrl")]
    public string? AutoCompleteUrl { get; set; }

    /// <summary>True when Jira fills a default when none is given.</summary>
    [JsonPropertyName("hasDefaultValue")]
    public bool? HasDefaultValue { get; set; }

    /// <summary>The update verbs the field takes: set, add, remove, edit.</summary>
    [JsonPropertyName("operations")]
    public IReadOnlyList<string>? Operations { get; set; }

    /// <summary>The values allowed, when the set is finite (options, priorities, components …), as Jira sent them.</summary>
    [JsonPropertyName("allowedValues")]
    public IReadOnlyList<JsonElement>? AllowedValues { get; set; }

    /// <summary>The default value, when there is one.</summary>
    [JsonPropertyName("defaultValue")]
    public JsonElement? DefaultValue { get; set; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}

/// <summary>The fields the caller may edit on an issue now (editmeta), by field id.</summary>
public sealed class IssueEditMeta
{
    /// <summary>The editable fields by id.</summary>
    [JsonPropertyName("fields")]
    public IReadOnlyDictionary<string, FieldMetadata> Fields { get; set; } = new Dictionary<string, FieldMetadata>();

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}
