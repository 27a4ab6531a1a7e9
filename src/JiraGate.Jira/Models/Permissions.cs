using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>The answer of /mypermissions: which of the asked permissions the caller holds in the given context.</summary>
public sealed class MyPermissions
{
    /// <summary>The permissions by key, e.g. <c>BROWSE_PROJECTS</c>.</summary>
    [JsonPropertyName("permissions")]
    public IReadOnlyDictionary<string, UserPermission> Permissions { get; set; } = new Dictionary<string, UserPermission>(StringComparer.Ordinal);

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }

    /// <summary>Jira's request id for the call.</summary>
    [JsonIgnore]
    public string? RequestId { get; internal set; }

    /// <summary>True when Jira answered that the caller holds <paramref name="permissionKey"/>; false when not, or not asked.</summary>
    /// <param name="permissionKey">A key such as <see cref="PermissionKeys.BrowseProjects"/>.</param>
    /// <returns>Whether the caller holds it.</returns>
    public bool Has(string permissionKey) =>
        Permissions.TryGetValue(permissionKey, out var permission) && permission.HavePermission == true;
}

/// <summary>One permission and whether the caller holds it.</summary>
public sealed class UserPermission
{
    /// <summary>The legacy numeric id, as a string.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The key, e.g. <c>CREATE_ISSUES</c>.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; set; }

    /// <summary>The display name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>GLOBAL or PROJECT.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>Whether the caller holds it in the context asked about.</summary>
    [JsonPropertyName("havePermission")]
    public bool? HavePermission { get; set; }

    /// <summary>Everything else Jira sent (deprecatedKey …).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}
