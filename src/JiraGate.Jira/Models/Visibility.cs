using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>
/// Who may see a comment or worklog: members of a project role or of a group. Null on a comment means everyone
/// who can see the issue. Cloud identifies groups by <see cref="Identifier"/> (the group id; names can change).
/// </summary>
public sealed class Visibility
{
    /// <summary><c>role</c> or <c>group</c>.</summary>
    [JsonPropertyName("type")]
    [JsonRequired]
    public string Type { get; set; } = "";

    /// <summary>The role or group name.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; set; }

    /// <summary>Cloud: the group id (for groups) or role name (for roles).</summary>
    [JsonPropertyName("identifier")]
    public string? Identifier { get; set; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }

    /// <summary>Visible to members of a project role, e.g. <c>Administrators</c>.</summary>
    /// <param name="roleName">The role's name.</param>
    /// <returns>The visibility.</returns>
    public static Visibility Role(string roleName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roleName);
        return new Visibility { Type = "role", Value = roleName };
    }

    /// <summary>Visible to members of a group, named (<paramref name="groupName"/>) or, on Cloud, by id (<paramref name="groupId"/>).</summary>
    /// <param name="groupName">The group name; may be null when <paramref name="groupId"/> is given.</param>
    /// <param name="groupId">Cloud: the group id, which survives renames.</param>
    /// <returns>The visibility.</returns>
    public static Visibility Group(string? groupName, string? groupId = null)
    {
        if (string.IsNullOrWhiteSpace(groupName) && string.IsNullOrWhiteSpace(groupId))
        {
            throw new ArgumentException("A group name or group id is required.", nameof(groupName));
        }
        return new Visibility { Type = "group", Value = groupName, Identifier = groupId };
    }
}
