using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>A project role with its actors in one project (/project/{k}/role/{id}); also the role embedded in a permission grant.</summary>
public sealed class ProjectRole
{
    /// <summary>The id, e.g. 10002.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    /// <summary>The name, e.g. Administrators.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>The users and groups in the role for this project (absent where the role is only referenced).</summary>
    [JsonPropertyName("actors")]
    public IReadOnlyList<RoleActor>? Actors { get; set; }

    /// <summary>The REST URL.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; set; }

    /// <summary>Everything else Jira sent (scope, translatedName, admin …).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}

/// <summary>
/// A user or group in a project role. Cloud identifies a user actor by <see cref="ActorUser"/> (accountId) and a
/// group by <see cref="ActorGroup"/> (groupId); Data Center by <see cref="Name"/> (username or group name).
/// </summary>
public sealed class RoleActor
{
    /// <summary>The actor type for a user.</summary>
    public const string UserType = "atlassian-user-role-actor";

    /// <summary>The actor type for a group.</summary>
    public const string GroupType = "atlassian-group-role-actor";

    /// <summary>The actor id.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    /// <summary>The display name (a user's display name or the group name).</summary>
    [JsonPropertyName("displayName")]
    public string? DisplayName { get; set; }

    /// <summary><see cref="UserType"/> or <see cref="GroupType"/>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The username or group name (Data Center; Cloud sends the group name for groups).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The avatar URL (Data Center).</summary>
    [JsonPropertyName("avatarUrl")]
    public Uri? AvatarUrl { get; set; }

    /// <summary>The user (Cloud).</summary>
    [JsonPropertyName("actorUser")]
    public RoleActorUser? ActorUser { get; set; }

    /// <summary>The group (Cloud).</summary>
    [JsonPropertyName("actorGroup")]
    public JiraGroup? ActorGroup { get; set; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }

    /// <summary>True for a user actor.</summary>
    [JsonIgnore]
    public bool IsUser => Type == UserType;

    /// <summary>True for a group actor.</summary>
    [JsonIgnore]
    public bool IsGroup => Type == GroupType;
}

/// <summary>The user of a Cloud role actor.</summary>
public sealed class RoleActorUser
{
    /// <summary>The account id.</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}
