using System.Text.Json;
using System.Text.Json.Serialization;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>
/// The system fields whose shape Jira fixes, typed; each is null when it was not requested or is empty.
/// Custom fields (<c>customfield_NNNNN</c>) and other fields stay in <see cref="AdditionalFields"/>. Rich-text
/// fields stay <see cref="JsonElement"/>: an ADF document on Cloud (v3), a wiki-markup string on Data Center.
/// Within one response, a status, type, project, priority, resolution or user sent byte for byte the same as
/// for an earlier issue is the same instance (a page of 100 issues holds a few statuses and users): treat them
/// as read-only, or copy before changing one.
/// </summary>
public sealed class IssueFields
{
    /// <summary>The one-line summary.</summary>
    [JsonPropertyName("summary")]
    [JsonConverter(typeof(UniqueStringConverter))]
    public string? Summary { get; set; }

    /// <summary>The description: ADF object (Cloud v3) or wiki-markup string (v2); null when empty.</summary>
    [JsonPropertyName("description")]
    public JsonElement? Description
    {
        get => _rare?.Description;
        set => RareFor(value is not null)?.Description = value;
    }

    /// <summary>The environment: ADF object (Cloud v3) or wiki-markup string (v2).</summary>
    [JsonPropertyName("environment")]
    public JsonElement? Environment
    {
        get => _rare?.Environment;
        set => RareFor(value is not null)?.Environment = value;
    }

    /// <summary>The issue type.</summary>
    [JsonPropertyName("issuetype")]
    [JsonConverter(typeof(SharedObjectConverter<IssueType>))]
    public IssueType? IssueType { get; set; }

    /// <summary>The project the issue belongs to.</summary>
    [JsonPropertyName("project")]
    [JsonConverter(typeof(SharedObjectConverter<Project>))]
    public Project? Project
    {
        get => _rare?.Project;
        set => RareFor(value is not null)?.Project = value;
    }

    /// <summary>The workflow status.</summary>
    [JsonPropertyName("status")]
    [JsonConverter(typeof(SharedObjectConverter<IssueStatus>))]
    public IssueStatus? Status { get; set; }

    /// <summary>The priority.</summary>
    [JsonPropertyName("priority")]
    [JsonConverter(typeof(SharedObjectConverter<Priority>))]
    public Priority? Priority { get; set; }

    /// <summary>The resolution; null while unresolved.</summary>
    [JsonPropertyName("resolution")]
    [JsonConverter(typeof(SharedObjectConverter<Resolution>))]
    public Resolution? Resolution
    {
        get => _rare?.Resolution;
        set => RareFor(value is not null)?.Resolution = value;
    }

    /// <summary>The assignee; null when unassigned.</summary>
    [JsonPropertyName("assignee")]
    [JsonConverter(typeof(SharedObjectConverter<JiraUser>))]
    public JiraUser? Assignee { get; set; }

    /// <summary>The reporter.</summary>
    [JsonPropertyName("reporter")]
    [JsonConverter(typeof(SharedObjectConverter<JiraUser>))]
    public JiraUser? Reporter
    {
        get => _rare?.Reporter;
        set => RareFor(value is not null)?.Reporter = value;
    }

    /// <summary>The creator.</summary>
    [JsonPropertyName("creator")]
    [JsonConverter(typeof(SharedObjectConverter<JiraUser>))]
    public JiraUser? Creator
    {
        get => _rare?.Creator;
        set => RareFor(value is not null)?.Creator = value;
    }

    /// <summary>The labels.</summary>
    [JsonPropertyName("labels")]
    public IReadOnlyList<string>? Labels
    {
        get => _rare?.Labels;
        set => RareFor(value is not null)?.Labels = value;
    }

    /// <summary>The project components.</summary>
    [JsonPropertyName("components")]
    public IReadOnlyList<ProjectComponent>? Components
    {
        get => _rare?.Components;
        set => RareFor(value is not null)?.Components = value;
    }

    /// <summary>The fix versions.</summary>
    [JsonPropertyName("fixVersions")]
    public IReadOnlyList<ProjectVersion>? FixVersions
    {
        get => _rare?.FixVersions;
        set => RareFor(value is not null)?.FixVersions = value;
    }

    /// <summary>The affected versions.</summary>
    [JsonPropertyName("versions")]
    public IReadOnlyList<ProjectVersion>? Versions
    {
        get => _rare?.Versions;
        set => RareFor(value is not null)?.Versions = value;
    }

    /// <summary>When the issue was created.</summary>
    [JsonPropertyName("created")]
    [JsonConverter(typeof(JiraDateTimeConverter))]
    public DateTimeOffset? Created
    {
        get => _rare?.Created;
        set => RareFor(value is not null)?.Created = value;
    }

    /// <summary>When the issue was last updated.</summary>
    [JsonPropertyName("updated")]
    [JsonConverter(typeof(JiraDateTimeConverter))]
    public DateTimeOffset? Updated { get; set; }

    /// <summary>When the issue was resolved.</summary>
    [JsonPropertyName("resolutiondate")]
    [JsonConverter(typeof(JiraDateTimeConverter))]
    public DateTimeOffset? ResolutionDate
    {
        get => _rare?.ResolutionDate;
        set => RareFor(value is not null)?.ResolutionDate = value;
    }

    /// <summary>The due date.</summary>
    [JsonPropertyName("duedate")]
    public DateOnly? DueDate
    {
        get => _rare?.DueDate;
        set => RareFor(value is not null)?.DueDate = value;
    }

    /// <summary>The parent issue (sub-tasks, and issues under an epic on Cloud).</summary>
    [JsonPropertyName("parent")]
    public IssueLink? Parent
    {
        get => _rare?.Parent;
        set => RareFor(value is not null)?.Parent = value;
    }

    /// <summary>The sub-tasks.</summary>
    [JsonPropertyName("subtasks")]
    public IReadOnlyList<IssueLink>? Subtasks
    {
        get => _rare?.Subtasks;
        set => RareFor(value is not null)?.Subtasks = value;
    }

    /// <summary>Every other field Jira sent, custom fields included, exactly as sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalFields { get => field ??= new(StringComparer.Ordinal); internal set; }

    private RareFields? _rare;

    // The holder is made only when a field in it is given a value: Jira's explicit nulls (a field asked for but
    // empty) and clearing a field never set cost nothing.
    private RareFields? RareFor(bool hasValue) => _rare ?? (hasValue ? _rare = new() : null);

    /// <summary>
    /// Fields a search asks for less often, stored apart so an issue read with a few fields (summary, status,
    /// assignee, updated …) carries one reference for them instead of ≈180 bytes of empty slots.
    /// </summary>
    private sealed class RareFields
    {
        public JsonElement? Description;
        public JsonElement? Environment;
        public Project? Project;
        public Resolution? Resolution;
        public JiraUser? Reporter;
        public JiraUser? Creator;
        public IReadOnlyList<string>? Labels;
        public IReadOnlyList<ProjectComponent>? Components;
        public IReadOnlyList<ProjectVersion>? FixVersions;
        public IReadOnlyList<ProjectVersion>? Versions;
        public DateTimeOffset? Created;
        public DateTimeOffset? ResolutionDate;
        public DateOnly? DueDate;
        public IssueLink? Parent;
        public IReadOnlyList<IssueLink>? Subtasks;
    }
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
