using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>An entity property (a key and any JSON value an app stored on an issue).</summary>
public sealed class EntityProperty
{
    /// <summary>The key.</summary>
    [JsonPropertyName("key")]
    [JsonRequired]
    public string Key { get; set; } = "";

    /// <summary>The value, as stored.</summary>
    [JsonPropertyName("value")]
    public JsonElement Value { get; set; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}
