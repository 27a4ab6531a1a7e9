using System.Text.Json.Serialization;
using JiraGate.Jira.Models;

namespace JiraGate.Jira.Serialization;

/// <summary>/project/{k}/securitylevel: <c>{levels: [...]}</c>.</summary>
internal sealed class SecurityLevelsResponse
{
    [JsonPropertyName("levels")]
    public IReadOnlyList<SecurityLevel>? Levels { get; set; }
}

/// <summary>Data Center /user?expand=groups: only the groups are read (<c>{groups: {size, items}}</c>).</summary>
internal sealed class UserGroupsResponse
{
    [JsonPropertyName("groups")]
    public GroupList? Groups { get; set; }

    internal sealed class GroupList
    {
        [JsonPropertyName("size")]
        public int? Size { get; set; }

        [JsonPropertyName("items")]
        public IReadOnlyList<JiraGroup>? Items { get; set; }
    }
}
