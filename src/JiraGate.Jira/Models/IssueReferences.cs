using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>An issue type. Names are defined by the site's admins, so they stay strings.</summary>
public sealed class IssueType
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The name, e.g. "Bug".</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>True for sub-task types.</summary>
    [JsonPropertyName("subtask")]
    public bool? Subtask { get; init; }

    /// <summary>Hierarchy level (Cloud): -1 sub-task, 0 standard, 1 epic.</summary>
    [JsonPropertyName("hierarchyLevel")]
    public int? HierarchyLevel { get; init; }

    /// <summary>The REST URL.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; init; }

    /// <summary>The icon URL.</summary>
    [JsonPropertyName("iconUrl")]
    public Uri? IconUrl { get; init; }

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

/// <summary>A workflow status.</summary>
public sealed class IssueStatus
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The name, e.g. "In Progress".</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The category (To Do, In Progress, Done).</summary>
    [JsonPropertyName("statusCategory")]
    public StatusCategory? StatusCategory { get; init; }

    /// <summary>The REST URL.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; init; }

    /// <summary>The icon URL.</summary>
    [JsonPropertyName("iconUrl")]
    public Uri? IconUrl { get; init; }

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

/// <summary>A status category: <c>new</c>, <c>indeterminate</c> or <c>done</c> (plus <c>undefined</c>).</summary>
public sealed class StatusCategory
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")]
    public int? Id { get; init; }

    /// <summary>The key: new, indeterminate, done.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; init; }

    /// <summary>The display name, e.g. "To Do".</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The colour name.</summary>
    [JsonPropertyName("colorName")]
    public string? ColorName { get; init; }

    /// <summary>The REST URL.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; init; }

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

/// <summary>A priority.</summary>
public sealed class Priority
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The name, e.g. "High".</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The colour, e.g. <c>#cc0000</c>.</summary>
    [JsonPropertyName("statusColor")]
    public string? StatusColor { get; init; }

    /// <summary>The icon URL.</summary>
    [JsonPropertyName("iconUrl")]
    public Uri? IconUrl { get; init; }

    /// <summary>True for the site's default priority (Cloud).</summary>
    [JsonPropertyName("isDefault")]
    public bool? IsDefault { get; init; }

    /// <summary>The REST URL.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; init; }

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

/// <summary>A resolution.</summary>
public sealed class Resolution
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The name, e.g. "Done".</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

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

/// <summary>A project component.</summary>
public sealed class ProjectComponent
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The component lead.</summary>
    [JsonPropertyName("lead")]
    public JiraUser? Lead { get; init; }

    /// <summary>The lead's account id (Cloud, when set through it).</summary>
    [JsonPropertyName("leadAccountId")]
    public string? LeadAccountId { get; init; }

    /// <summary>The lead's username (Data Center).</summary>
    [JsonPropertyName("leadUserName")]
    public string? LeadUserName { get; init; }

    /// <summary>Who new issues in the component go to: PROJECT_DEFAULT, COMPONENT_LEAD, PROJECT_LEAD, UNASSIGNED.</summary>
    [JsonPropertyName("assigneeType")]
    public string? AssigneeType { get; init; }

    /// <summary>The default assignee as configured.</summary>
    [JsonPropertyName("assignee")]
    public JiraUser? Assignee { get; init; }

    /// <summary>The assignee type actually used (when the configured one is not valid).</summary>
    [JsonPropertyName("realAssigneeType")]
    public string? RealAssigneeType { get; init; }

    /// <summary>The assignee actually used.</summary>
    [JsonPropertyName("realAssignee")]
    public JiraUser? RealAssignee { get; init; }

    /// <summary>Whether the configured assignee can be assigned.</summary>
    [JsonPropertyName("isAssigneeTypeValid")]
    public bool? IsAssigneeTypeValid { get; init; }

    /// <summary>The project key.</summary>
    [JsonPropertyName("project")]
    public string? Project { get; init; }

    /// <summary>The project id.</summary>
    [JsonPropertyName("projectId")]
    public long? ProjectId { get; init; }

    /// <summary>Issues in the component (Cloud's paged listing only).</summary>
    [JsonPropertyName("issueCount")]
    public long? IssueCount { get; init; }

    /// <summary>The REST URL.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; init; }

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

/// <summary>A project version (release).</summary>
public sealed class ProjectVersion
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The name, e.g. "2.4".</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>True once released.</summary>
    [JsonPropertyName("released")]
    public bool? Released { get; init; }

    /// <summary>True when archived.</summary>
    [JsonPropertyName("archived")]
    public bool? Archived { get; init; }

    /// <summary>The release date.</summary>
    [JsonPropertyName("releaseDate")]
    public DateOnly? ReleaseDate { get; init; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The start date.</summary>
    [JsonPropertyName("startDate")]
    public DateOnly? StartDate { get; init; }

    /// <summary>True when unreleased and past its release date.</summary>
    [JsonPropertyName("overdue")]
    public bool? Overdue { get; init; }

    /// <summary>The release date as the user's locale shows it, e.g. 12/Jan/12.</summary>
    [JsonPropertyName("userReleaseDate")]
    public string? UserReleaseDate { get; init; }

    /// <summary>The start date as the user's locale shows it.</summary>
    [JsonPropertyName("userStartDate")]
    public string? UserStartDate { get; init; }

    /// <summary>The project id.</summary>
    [JsonPropertyName("projectId")]
    public long? ProjectId { get; init; }

    /// <summary>The REST URL.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; init; }

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
