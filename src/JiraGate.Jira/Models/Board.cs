using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>A Jira Software board (scrum, kanban or simple), as /rest/agile/1.0/board returns it.</summary>
public sealed class Board
{
    /// <summary>The board id, e.g. 42.</summary>
    [JsonPropertyName("id")]
    public required long Id { get; init; }

    /// <summary>The REST URL of the board.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; init; }

    /// <summary>The board's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary><c>scrum</c>, <c>kanban</c> or <c>simple</c> (team-managed). Only scrum boards have sprints and a backlog.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The project (or user) the board belongs to, when Jira says.</summary>
    [JsonPropertyName("location")]
    public BoardLocation? Location { get; init; }

    /// <summary>Everything else Jira sent (admins, permissions, … when expanded).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new(StringComparer.Ordinal);

    /// <summary>Jira's request id for the call that returned this board (null for boards inside a page).</summary>
    [JsonIgnore]
    public string? RequestId { get; internal set; }
}

/// <summary>Where a board lives: usually a project.</summary>
public sealed class BoardLocation
{
    /// <summary>The project id.</summary>
    [JsonPropertyName("projectId")]
    public long? ProjectId { get; init; }

    /// <summary>The project key, e.g. SEC.</summary>
    [JsonPropertyName("projectKey")]
    public string? ProjectKey { get; init; }

    /// <summary>The project name.</summary>
    [JsonPropertyName("projectName")]
    public string? ProjectName { get; init; }

    /// <summary>software, business or service_desk.</summary>
    [JsonPropertyName("projectTypeKey")]
    public string? ProjectTypeKey { get; init; }

    /// <summary>A display name, e.g. <c>Security (SEC)</c>.</summary>
    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }

    /// <summary>The location's name (same as the display name for projects).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The avatar URL.</summary>
    [JsonPropertyName("avatarURI")]
    public string? AvatarUri { get; init; }

    /// <summary>Everything else Jira sent (user locations carry userId, userAccountId …).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new(StringComparer.Ordinal);
}
