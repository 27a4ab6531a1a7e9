using System.Text.Json;
using System.Text.Json.Serialization;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>One entry of an issue's history: who changed what, when.</summary>
public sealed class ChangeGroup
{
    /// <summary>The entry id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Who made the change.</summary>
    [JsonPropertyName("author")]
    public JiraUser? Author { get; set; }

    /// <summary>When.</summary>
    [JsonPropertyName("created")]
    [JsonConverter(typeof(JiraDateTimeConverter))]
    public DateTimeOffset? Created { get; set; }

    /// <summary>The fields changed.</summary>
    [JsonPropertyName("items")]
    public IReadOnlyList<ChangeItem> Items { get; set; } = [];

    /// <summary>Everything else Jira sent (historyMetadata …).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}

/// <summary>One field's change: raw values (ids) and their display text.</summary>
public sealed class ChangeItem
{
    /// <summary>The field name, e.g. status.</summary>
    [JsonPropertyName("field")]
    public string? Field { get; set; }

    /// <summary>jira or custom.</summary>
    [JsonPropertyName("fieldtype")]
    public string? FieldType { get; set; }

    /// <summary>The field id (Cloud).</summary>
    [JsonPropertyName("fieldId")]
    public string? FieldId { get; set; }

    /// <summary>The old raw value (an id for references).</summary>
    [JsonPropertyName("from")]
    public string? From { get; set; }

    /// <summary>The old value as displayed.</summary>
    [JsonPropertyName("fromString")]
    public string? FromText { get; set; }

    /// <summary>The new raw value (an id for references).</summary>
    [JsonPropertyName("to")]
    public string? To { get; set; }

    /// <summary>The new value as displayed.</summary>
    [JsonPropertyName("toString")]
    public string? ToText { get; set; }

    /// <summary>Everything else Jira sent (tmpFromAccountId …).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}
