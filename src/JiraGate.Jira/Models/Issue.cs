using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>
/// A Jira issue. Common fields are typed in <see cref="Fields"/>; custom fields and anything not modelled
/// are kept in <see cref="IssueFields.AdditionalFields"/> and <see cref="AdditionalProperties"/>, so a
/// read-modify-write loses nothing.
/// </summary>
public sealed class Issue
{
    /// <summary>The issue id, e.g. <c>10455</c>.</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = "";

    /// <summary>The issue key, e.g. <c>SEC-456</c>.</summary>
    [JsonPropertyName("key")]
    [JsonRequired]
    public string Key { get; set; } = "";

    /// <summary>The REST URL of the issue.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; set; }

    /// <summary>The expansions Jira offers for this issue (comma-separated).</summary>
    [JsonPropertyName("expand")]
    public string? Expand { get; set; }

    /// <summary>The issue's fields: those asked for (or Jira's default set).</summary>
    [JsonPropertyName("fields")]
    public IssueFields Fields
    {
        // Not an initialiser: the deserialiser sets Fields right after construction, so an eager `new()` was
        // built and thrown away for every issue; this also keeps Fields non-null when a body omits it.
        get => field ??= new();
        set;
    }

    /// <summary>Everything else Jira sent (renderedFields, names, schema, changelog, properties …).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }

    /// <summary>Jira's request id for the call that returned this issue (null for issues inside a page).</summary>
    [JsonIgnore]
    public string? RequestId { get; internal set; }
}
