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
    public required string Id { get; init; }

    /// <summary>The key (Cloud; the same as the id for most fields).</summary>
    [JsonPropertyName("key")]
    public string? Key { get; init; }

    /// <summary>The display name, e.g. "Story Points".</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>True for custom fields.</summary>
    [JsonPropertyName("custom")]
    public bool? Custom { get; init; }

    /// <summary>True when the field can be used in ORDER BY.</summary>
    [JsonPropertyName("orderable")]
    public bool? Orderable { get; init; }

    /// <summary>True when the field can be shown in issue navigator columns.</summary>
    [JsonPropertyName("navigable")]
    public bool? Navigable { get; init; }

    /// <summary>True when the field can be searched with JQL.</summary>
    [JsonPropertyName("searchable")]
    public bool? Searchable { get; init; }

    /// <summary>The JQL names of the field, e.g. <c>cf[10016]</c> and "Story Points".</summary>
    [JsonPropertyName("clauseNames")]
    public IReadOnlyList<string>? ClauseNames { get; init; }

    /// <summary>The value's type; absent for a few system fields.</summary>
    [JsonPropertyName("schema")]
    public FieldSchema? Schema { get; init; }

    /// <summary>Everything else Jira sent (untranslatedName, scope …).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Name is null ? Id : Name + " (" + Id + ")";
}

/// <summary>The JSON type of a field's value.</summary>
public sealed class FieldSchema
{
    /// <summary>The type: string, number, array, user, option, date, datetime, any …</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The item type of an array field.</summary>
    [JsonPropertyName("items")]
    public string? Items { get; init; }

    /// <summary>The system field this is, e.g. <c>summary</c>.</summary>
    [JsonPropertyName("system")]
    public string? System { get; init; }

    /// <summary>The custom field type key, e.g. <c>com.atlassian.jira.plugin.system.customfieldtypes:float</c>.</summary>
    [JsonPropertyName("custom")]
    public string? Custom { get; init; }

    /// <summary>The numeric custom field id (10016 for customfield_10016).</summary>
    [JsonPropertyName("customId")]
    public long? CustomId { get; init; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new(StringComparer.Ordinal);
}
