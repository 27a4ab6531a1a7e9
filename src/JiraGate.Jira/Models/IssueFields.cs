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
    public string? Summary { get; init; }

    /// <summary>The description: ADF object (Cloud v3) or wiki-markup string (v2); null when empty.</summary>
    [JsonPropertyName("description")]
    public JsonElement? Description { get; init; }

    /// <summary>The environment: ADF object (Cloud v3) or wiki-markup string (v2).</summary>
    [JsonPropertyName("environment")]
    public JsonElement? Environment { get; init; }

    /// <summary>The issue type.</summary>
    [JsonPropertyName("issuetype")]
    public IssueType? IssueType { get; init; }

    /// <summary>The project the issue belongs to.</summary>
    [JsonPropertyName("project")]
    public Project? Project { get; init; }

    /// <summary>The workflow status.</summary>
    [JsonPropertyName("status")]
    public IssueStatus? Status { get; init; }

    /// <summary>The priority.</summary>
    [JsonPropertyName("priority")]
    public Priority? Priority { get; init; }

    /// <summary>The resolution; null while unresolved.</summary>
    [JsonPropertyName("resolution")]
    public Resolution? Resolution { get; init; }

    /// <summary>The assignee; null when unassigned.</summary>
    [JsonPropertyName("assignee")]
    public JiraUser? Assignee { get; init; }

    /// <summary>The reporter.</summary>
    [JsonPropertyName("reporter")]
    public JiraUser? Reporter { get; init; }

    /// <summary>The creator.</summary>
    [JsonPropertyName("creator")]
    public JiraUser? Creator { get; init; }

    /// <summary>The labels.</summary>
    [JsonPropertyName("labels")]
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>The project components.</summary>
    [JsonPropertyName("components")]
    public IReadOnlyList<ProjectComponent>? Components { get; init; }

    /// <summary>The fix versions.</summary>
    [JsonPropertyName("fixVersions")]
    public IReadOnlyList<ProjectVersion>? FixVersions { get; init; }

    /// <summary>The affected versions.</summary>
    [JsonPropertyName("versions")]
    public IReadOnlyList<ProjectVersion>? Versions { get; init; }

    /// <summary>When the issue was created.</summary>
    [JsonPropertyName("created")]
    [JsonConverter(typeof(JiraDateTimeConverter))]
    public DateTimeOffset? Created { get; init; }

    /// <summary>When the issue was last updated.</summary>
    [JsonPropertyName("updated")]
    [JsonConverter(typeof(JiraDateTimeConverter))]
    public DateTimeOffset? Updated { get; init; }

    /// <summary>When the issue was resolved.</summary>
    [JsonPropertyName("resolutiondate")]
    [JsonConverter(typeof(JiraDateTimeConverter))]
    public DateTimeOffset? ResolutionDate { get; init; }

    /// <summary>The due date.</summary>
    [JsonPropertyName("duedate")]
    public DateOnly? DueDate { get; init; }

    /// <summary>The parent issue (sub-tasks, and issues under an epic on Cloud).</summary>
    [JsonPropertyName("parent")]
    public IssueLink? Parent { get; init; }

    /// <summary>The sub-tasks.</summary>
    [JsonPropertyName("subtasks")]
    public IReadOnlyList<IssueLink>? Subtasks { get; init; }

    /// <summary>Every other field Jira sent, custom fields included, exactly as sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalFields
    {
        // Created on first use: most objects in a page carry no unknown members (an empty dictionary each adds up).
        get => _additionalFields ??= new(StringComparer.Ordinal);
        internal set => _additionalFields = value;
    }

    private Dictionary<string, JsonElement>? _additionalFields;
}

/// <summary>A reference to another issue (parent, sub-task) with the few fields Jira includes.</summary>
public sealed class IssueLink
{
    /// <summary>The issue id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The issue key.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; init; }

    /// <summary>The REST URL of the issue.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; init; }

    /// <summary>The summary, status, priority and type Jira includes in references.</summary>
    [JsonPropertyName("fields")]
    public IssueFields? Fields { get; init; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties
    {
        // Created on first use: most objects in a page carry no unknown members (an empty dictionary each adds up).
        get => _additionalProperties ??= new(StringComparer.Ordinal);
        internal set => _additionalProperties = value;
    }

    private Dictionary<string, JsonElement>? _additionalProperties;
}
