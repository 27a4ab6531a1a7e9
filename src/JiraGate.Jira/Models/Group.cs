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
    public string? Name { get; init; }

    /// <summary>The stable group id (Cloud).</summary>
    [JsonPropertyName("groupId")]
    public string? GroupId { get; init; }

    /// <summary>The REST URL.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; init; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Name ?? GroupId ?? "(group)";
}
