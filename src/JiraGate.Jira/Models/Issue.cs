using System.Text.Json;
using System.Text.Json.Serialization;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>
/// A Jira issue. Common fields are typed in <see cref="Fields"/>; custom fields and anything not modelled
/// are kept in <see cref="IssueFields.AdditionalFields"/> and <see cref="AdditionalProperties"/>, so a
/// read-modify-write loses nothing.
/// </summary>
public sealed class Issue : IJsonOnDeserialized
{
    /// <summary>The issue id, e.g. <c>10455</c>.</summary>
    // Read through the shared-string table on purpose: the self URL that follows ends with it (IssueSelfText).
    [JsonPropertyName("id")]
    public string Id { get => _id ?? ""; set => _id = value; }

    /// <summary>The issue key, e.g. <c>SEC-456</c>.</summary>
    [JsonPropertyName("key")]
    [JsonConverter(typeof(UniqueStringConverter))]
    public string Key { get => _key ?? ""; set => _key = value; }

    /// <summary>The REST URL of the issue.</summary>
    [JsonIgnore]
    public Uri? Self
    {
        // Kept as text and made a Uri on first use: parsing every issue's URL in a search nobody asks Self of
        // costs more than the rest of the issue.
        get => _self ??= _selfText.ToString() is { } text && Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var uri) ? uri : null;
        set
        {
            _self = value;
            _selfText = IssueSelfText.Whole(value?.OriginalString);
        }
    }

    /// <summary>The REST URL exactly as Jira sent it (what <see cref="Self"/> is made from and what is written back).</summary>
    [JsonPropertyName("self")]
    [JsonInclude]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    [JsonConverter(typeof(IssueSelfTextConverter))]
    internal IssueSelfText SelfText
    {
        get => _selfText;
        set
        {
            _selfText = value;
            _self = null;
        }
    }

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

    private string? _id;
    private string? _key;
    private IssueSelfText _selfText;
    private Uri? _self;

    // id and key are required, checked here rather than with [JsonRequired]: that costs a BitArray (two
    // objects) for every issue read, and a search reads thousands.
    void IJsonOnDeserialized.OnDeserialized()
    {
        if (_id is null || _key is null)
        {
            throw new JsonException("The issue JSON has no " + (_id is null ? "'id'" : "'key'") + "; Jira always sends both.");
        }
    }
}
