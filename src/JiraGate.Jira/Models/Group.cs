using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>
/// A group as Jira names it: Cloud sends <see cref="GroupId"/> (stable; names can change), Data Center only
/// <see cref="Name"/>.
/// </summary>
public sealed class JiraGroup
{
    /// <summary>The name, e.g. jira-software-users.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The stable group id (Cloud).</summary>
    [JsonPropertyName("groupId")]
    public string? GroupId { get; set; }

    /// <summary>The REST URL.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; set; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }

    /// <inheritdoc />
    public override string ToString() => Name ?? GroupId ?? "(group)";
}
