using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>A permission scheme; <see cref="Permissions"/> is there only when expanded (<c>expand=permissions</c>).</summary>
public sealed class PermissionScheme
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    /// <summary>The name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>The grants (when expanded).</summary>
    [JsonPropertyName("permissions")]
    public IReadOnlyList<PermissionGrant>? Permissions { get; set; }

    /// <summary>The expansions the scheme offers.</summary>
    [JsonPropertyName("expand")]
    public string? Expand { get; set; }

    /// <summary>The REST URL.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; set; }

    /// <summary>Everything else Jira sent (scope …).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }

    /// <summary>Jira's request id for the call that returned this scheme directly.</summary>
    [JsonIgnore]
    public string? RequestId { get; internal set; }
}

/// <summary>One grant: a permission given to a holder.</summary>
public sealed class PermissionGrant
{
    /// <summary>The grant id.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    /// <summary>Who holds it.</summary>
    [JsonPropertyName("holder")]
    public PermissionHolder? Holder { get; set; }

    /// <summary>The permission key, e.g. BROWSE_PROJECTS.</summary>
    [JsonPropertyName("permission")]
    public string? Permission { get; set; }

    /// <summary>The REST URL.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; set; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}

/// <summary>
/// The holder of a grant or a security level member: <see cref="Type"/> is group, projectRole, user, reporter,
/// assignee, projectLead, anyone, applicationRole … <see cref="Parameter"/> is the group name, role id, account id
/// (Cloud) or username (Data Center); Cloud adds <see cref="Value"/> (the group id for groups).
/// </summary>
public sealed class PermissionHolder
{
    /// <summary>The holder type.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The holder's parameter (see the type's summary).</summary>
    [JsonPropertyName("parameter")]
    public string? Parameter { get; set; }

    /// <summary>The stable identifier (Cloud): group id, role id, account id.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; set; }

    /// <summary>The expansion that would embed the holder.</summary>
    [JsonPropertyName("expand")]
    public string? Expand { get; set; }

    /// <summary>The group (when expanded).</summary>
    [JsonPropertyName("group")]
    public JiraGroup? Group { get; set; }

    /// <summary>The project role (when expanded).</summary>
    [JsonPropertyName("projectRole")]
    public ProjectRole? ProjectRole { get; set; }

    /// <summary>The user (when expanded).</summary>
    [JsonPropertyName("user")]
    public JiraUser? User { get; set; }

    /// <summary>Everything else Jira sent (field …).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}
