using System.Text.Json;
using System.Text.Json.Serialization;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>
/// The system fields whose shape Jira fixes, typed; each is null when it was not requested or is empty.
/// Custom fields (<c>customfield_NNNNN</c>) and other fields stay in <see cref="AdditionalFields"/>. Rich-text
/// fields stay <see cref="JsonElement"/>: an ADF document on Cloud (v3), a wiki-markup string on Data Center.
/// </summary>
public sealed class IssueFields
{
    /// <summary>The one-line summary.</summary>
    [JsonPropertyName("summary")]
    public string? Summary { get; set; }

    /// <summary>The description: ADF object (Cloud v3) or wiki-markup string (v2); null when empty.</summary>
    [JsonPropertyName("description")]
    public JsonElement? Description { get; set; }

    /// <summary>The environment: ADF object (Cloud v3) or wiki-markup string (v2).</summary>
    [JsonPropertyName("environment")]
    public JsonElement? Environment { get; set; }

    /// <summary>The issue type.</summary>
    [JsonPropertyName("issuetype")]
    public IssueType? IssueType { get; set; }

    /// <summary>The project the issue belongs to.</summary>
    [JsonPropertyName("project")]
    public Project? Project { get; set; }

    /// <summary>The workflow status.</summary>
    [JsonPropertyName("status")]
    public IssueStatus? Status { get; set; }

    /// <summary>The priority.</summary>
    [JsonPropertyName("priority")]
    public Priority? Priority { get; set; }

    /// <summary>The resolution; null while unresolved.</summary>
    [JsonPropertyName("resolution")]
    public Resolution? Resolution { get; set; }

    /// <summary>The assignee; null when unassigned.</summary>
    [JsonPropertyName("assignee")]
    public JiraUser? Assignee { get; set; }

    /// <summary>The reporter.</summary>
    [JsonPropertyName("reporter")]
    public JiraUser? Reporter { get; set; }

    /// <summary>The creator.</summary>
    [JsonPropertyName("creator")]
    public JiraUser? Creator { get; set; }

    /// <summary>The labels.</summary>
    [JsonPropertyName("labels")]
    public IReadOnlyList<string>? Labels { get; set; }

    /// <summary>The project components.</summary>
    [JsonPropertyName("components")]
    public IReadOnlyList<ProjectComponent>? Components { get; set; }

    /// <summary>The fix versions.</summary>
    [JsonPropertyName("fixVersions")]
    public IReadOnlyList<ProjectVersion>? FixVersions { get; set; }

    /// <summary>The affected versions.</summary>
    [JsonPropertyName("versions")]
    public IReadOnlyList<ProjectVersion>? Versions { get; set; }

    /// <summary>When the issue was created.</summary>
    [JsonPropertyName("created")]
    [JsonConverter(typeof(JiraDateTimeConverter))]
    public DateTimeOffset? Created { get; set; }

    /// <summary>When the issue was last updated.</summary>
    [JsonPropertyName("updated")]
    [JsonConverter(typeof(JiraDateTimeConverter))]
    public DateTimeOffset? Updated { get; set; }

    /// <summary>When the issue was resolved.</summary>
    [JsonPropertyName("resolutiondate")]
    [JsonConverter(typeof(JiraDateTimeConverter))]
    public DateTimeOffset? ResolutionDate { get; set; }

    /// <summary>The due date.</summary>
    [JsonPropertyName("duedate")]
    public DateOnly? DueDate { get; set; }

    /// <summary>The parent issue (sub-tasks, and issues under an epic on Cloud).</summary>
    [JsonPropertyName("parent")]
    public IssueLink? Parent { get; set; }

    /// <summary>The sub-tasks.</summary>
    [JsonPropertyName("subtasks")]
    public IReadOnlyList<IssueLink>? Subtasks { get; set; }

    /// <summary>Every other field Jira sent, custom fields included, exactly as sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalFields { get => field ??= new(StringComparer.Ordinal); internal set; }
}

/// <summary>A reference to another issue (parent, sub-task) with the few fields Jira includes.</summary>
public sealed class IssueLink
{
    /// <summary>The issue id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The issue key.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; set; }

    /// <summary>The REST URL of the issue.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; set; }

    /// <summary>The summary, status, priority and type Jira includes in references.</summary>
    [JsonPropertyName("fields")]
    public IssueFields? Fields { get; set; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}
