using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>The answer of /mypermissions: which of the asked permissions the caller holds in the given context.</summary>
public sealed class MyPermissions
{
    /// <summary>The permissions by key, e.g. <c>BROWSE_PROJECTS</c>.</summary>
    [JsonPropertyName("permissions")]
    public IReadOnlyDictionary<string, UserPermission> Permissions { get; init; } = new Dictionary<string, UserPermission>(StringComparer.Ordinal);

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new(StringComparer.Ordinal);

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
    public string? Id { get; init; }

    /// <summary>The key, e.g. <c>CREATE_ISSUES</c>.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; init; }

    /// <summary>The display name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>GLOBAL or PROJECT.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Whether the caller holds it in the context asked about.</summary>
    [JsonPropertyName("havePermission")]
    public bool? HavePermission { get; init; }

    /// <summary>Everything else Jira sent (deprecatedKey …).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new(StringComparer.Ordinal);
}

/// <summary>The built-in permission keys most callers ask about (apps may add more; any key string works).</summary>
public static class PermissionKeys
{
    /// <summary>See the project and its issues.</summary>
    public const string BrowseProjects = "BROWSE_PROJECTS";

    /// <summary>Create issues.</summary>
    public const string CreateIssues = "CREATE_ISSUES";

    /// <summary>Edit issues.</summary>
    public const string EditIssues = "EDIT_ISSUES";

    /// <summary>Delete issues.</summary>
    public const string DeleteIssues = "DELETE_ISSUES";

    /// <summary>Assign issues to people.</summary>
    public const string AssignIssues = "ASSIGN_ISSUES";

    /// <summary>Be assigned issues.</summary>
    public const string AssignableUser = "ASSIGNABLE_USER";

    /// <summary>Transition issues.</summary>
    public const string TransitionIssues = "TRANSITION_ISSUES";

    /// <summary>Comment on issues.</summary>
    public const string AddComments = "ADD_COMMENTS";

    /// <summary>Attach files.</summary>
    public const string CreateAttachments = "CREATE_ATTACHMENTS";

    /// <summary>Log work.</summary>
    public const string WorkOnIssues = "WORK_ON_ISSUES";

    /// <summary>Set the issue security level.</summary>
    public const string SetIssueSecurity = "SET_ISSUE_SECURITY";

    /// <summary>Administer the project.</summary>
    public const string AdministerProjects = "ADMINISTER_PROJECTS";

    /// <summary>Administer Jira (global).</summary>
    public const string Administer = "ADMINISTER";

    /// <summary>Browse users and groups (global).</summary>
    public const string UserPicker = "USER_PICKER";
}
