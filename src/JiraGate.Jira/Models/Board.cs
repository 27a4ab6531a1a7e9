using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>A Jira Software board (scrum, kanban or simple), as /rest/agile/1.0/board returns it.</summary>
public sealed class Board
{
    /// <summary>The board id, e.g. 42.</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public long Id { get; set; }

    /// <summary>The REST URL of the board.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; set; }

    /// <summary>The board's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary><c>scrum</c>, <c>kanban</c> or <c>simple</c> (team-managed). Only scrum boards have sprints and a backlog.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The project (or user) the board belongs to, when Jira says.</summary>
    [JsonPropertyName("location")]
    public BoardLocation? Location { get; set; }

    /// <summary>Everything else Jira sent (admins, permissions, … when expanded).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }

    /// <summary>Jira's request id for the call that returned this board (null for boards inside a page).</summary>
    [JsonIgnore]
    public string? RequestId { get; internal set; }
}

/// <summary>Where a board lives: usually a project.</summary>
public sealed class BoardLocation
{
    /// <summary>The project id.</summary>
    [JsonPropertyName("projectId")]
    public long? ProjectId { get; set; }

    /// <summary>The project key, e.g. SEC.</summary>
    [JsonPropertyName("projectKey")]
    public string? ProjectKey { get; set; }

    /// <summary>The project name.</summary>
    [JsonPropertyName("projectName")]
    public string? ProjectName { get; set; }

    /// <summary>software, business or service_desk.</summary>
    [JsonPropertyName("projectTypeKey")]
    public string? ProjectTypeKey { get; set; }

    /// <summary>A display name, e.g. <c>Security (SEC)</c>.</summary>
    [JsonPropertyName("displayName")]
    public string? DisplayName { get; set; }

    /// <summary>The location's name (same as the display name for projects).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The avatar URL.</summary>
    [JsonPropertyName("avatarURI")]
    public string? AvatarUri { get; set; }

    /// <summary>Everything else Jira sent (user locations carry userId, userAccountId …).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}
