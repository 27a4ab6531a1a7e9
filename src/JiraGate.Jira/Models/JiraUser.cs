using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>
/// A Jira user. Cloud identifies users by <see cref="AccountId"/> only; Data Center by <see cref="Name"/>
/// and <see cref="Key"/>. <see cref="EmailAddress"/> is often hidden by profile visibility: never key on it.
/// </summary>
public sealed class JiraUser
{
    /// <summary>The Cloud account id.</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    /// <summary>The Cloud account type: atlassian, app or customer.</summary>
    [JsonPropertyName("accountType")]
    public string? AccountType { get; set; }

    /// <summary>The Data Center username.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The Data Center user key, e.g. JIRAUSER10000.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; set; }

    /// <summary>The email address, when the user's profile visibility allows it.</summary>
    [JsonPropertyName("emailAddress")]
    public string? EmailAddress { get; set; }

    /// <summary>The display name.</summary>
    [JsonPropertyName("displayName")]
    public string? DisplayName { get; set; }

    /// <summary>False for deactivated users.</summary>
    [JsonPropertyName("active")]
    public bool? Active { get; set; }

    /// <summary>The user's time zone, e.g. Europe/Berlin.</summary>
    [JsonPropertyName("timeZone")]
    public string? TimeZone { get; set; }

    /// <summary>The user's locale, e.g. en_US.</summary>
    [JsonPropertyName("locale")]
    public string? Locale { get; set; }

    /// <summary>Avatar URLs by size ("48x48" …).</summary>
    [JsonPropertyName("avatarUrls")]
    public IReadOnlyDictionary<string, string>? AvatarUrls { get; set; }

    /// <summary>The REST URL.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; set; }

    /// <summary>Everything else Jira sent (groups, applicationRoles, expand …).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }

    /// <summary>Jira's request id for the call that returned this user directly.</summary>
    [JsonIgnore]
    public string? RequestId { get; internal set; }
}
