using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>
/// A field of the site, system or custom (/field). Custom field ids (<c>customfield_NNNNN</c>) differ per site:
/// resolve them by name or <see cref="FieldSchema.Custom"/> type, never hard-code them (see <see cref="FieldCatalog"/>).
/// </summary>
public sealed class Field
{
    /// <summary>The id, e.g. <c>summary</c> or <c>customfield_10016</c>.</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = "";

    /// <summary>The key (Cloud; the same as the id for most fields).</summary>
    [JsonPropertyName("key")]
    public string? Key { get; set; }

    /// <summary>The display name, e.g. "Story Points".</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>True for custom fields.</summary>
    [JsonPropertyName("custom")]
    public bool? Custom { get; set; }

    /// <summary>True when the field can be used in ORDER BY.</summary>
    [JsonPropertyName("orderable")]
    public bool? Orderable { get; set; }

    /// <summary>True when the field can be shown in issue navigator columns.</summary>
    [JsonPropertyName("navigable")]
    public bool? Navigable { get; set; }

    /// <summary>True when the field can be searched with JQL.</summary>
    [JsonPropertyName("searchable")]
    public bool? Searchable { get; set; }

    /// <summary>The JQL names of the field, e.g. <c>cf[10016]</c> and "Story Points".</summary>
    [JsonPropertyName("clauseNames")]
    public IReadOnlyList<string>? ClauseNames { get; set; }

    /// <summary>The value's type; absent for a few system fields.</summary>
    [JsonPropertyName("schema")]
    public FieldSchema? Schema { get; set; }

    /// <summary>Everything else Jira sent (untranslatedName, scope …).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }

    /// <inheritdoc />
    public override string ToString() => Name is null ? Id : Name + " (" + Id + ")";
}

/// <summary>The JSON type of a field's value.</summary>
public sealed class FieldSchema
{
    /// <summary>The type: string, number, array, user, option, date, datetime, any …</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The item type of an array field.</summary>
    [JsonPropertyName("items")]
    public string? Items { get; set; }

    /// <summary>The system field this is, e.g. <c>summary</c>.</summary>
    [JsonPropertyName("system")]
    public string? System { get; set; }

    /// <summary>The custom field type key, e.g. <c>com.atlassian.jira.plugin.system.customfieldtypes:float</c>.</summary>
    [JsonPropertyName("custom")]
    public string? Custom { get; set; }

    /// <summary>The numeric custom field id (10016 for customfield_10016).</summary>
    [JsonPropertyName("customId")]
    public long? CustomId { get; set; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}
