using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>An issue type. Names are defined by the site's admins, so they stay strings.</summary>
public sealed class IssueType
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The name, e.g. "Bug".</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>True for sub-task types.</summary>
    [JsonPropertyName("subtask")]
    public bool? Subtask { get; set; }

    /// <summary>Hierarchy level (Cloud): -1 sub-task, 0 standard, 1 epic.</summary>
    [JsonPropertyName("hierarchyLevel")]
    public int? HierarchyLevel { get; set; }

    /// <summary>The REST URL.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; set; }

    /// <summary>The icon URL.</summary>
    [JsonPropertyName("iconUrl")]
    public Uri? IconUrl { get; set; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}

/// <summary>A workflow status.</summary>
public sealed class IssueStatus
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The name, e.g. "In Progress".</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The name before translation into the caller's language (Cloud).</summary>
    [JsonPropertyName("untranslatedName")]
    public string? UntranslatedName { get; set; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>The category (To Do, In Progress, Done).</summary>
    [JsonPropertyName("statusCategory")]
    public StatusCategory? StatusCategory { get; set; }

    /// <summary>The REST URL.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; set; }

    /// <summary>The icon URL.</summary>
    [JsonPropertyName("iconUrl")]
    public Uri? IconUrl { get; set; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}

/// <summary>A status category: <c>new</c>, <c>indeterminate</c> or <c>done</c> (plus <c>undefined</c>).</summary>
public sealed class StatusCategory
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")]
    public int? Id { get; set; }

    /// <summary>The key: new, indeterminate, done.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; set; }

    /// <summary>The display name, e.g. "To Do".</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The colour name.</summary>
    [JsonPropertyName("colorName")]
    public string? ColorName { get; set; }

    /// <summary>The REST URL.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; set; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}

/// <summary>A priority.</summary>
public sealed class Priority
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The name, e.g. "High".</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>The colour, e.g. <c>#cc0000</c>.</summary>
    [JsonPropertyName("statusColor")]
    public string? StatusColor { get; set; }

    /// <summary>The icon URL.</summary>
    [JsonPropertyName("iconUrl")]
    public Uri? IconUrl { get; set; }

    /// <summary>True for the site's default priority (Cloud).</summary>
    [JsonPropertyName("isDefault")]
    public bool? IsDefault { get; set; }

    /// <summary>The REST URL.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; set; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}

/// <summary>A resolution.</summary>
public sealed class Resolution
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The name, e.g. "Done".</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}

/// <summary>A project component.</summary>
public sealed class ProjectComponent
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>The component lead.</summary>
    [JsonPropertyName("lead")]
    public JiraUser? Lead { get; set; }

    /// <summary>The lead's account id (Cloud, when set through it).</summary>
    [JsonPropertyName("leadAccountId")]
    public string? LeadAccountId { get; set; }

    /// <summary>The lead's username (Data Center).</summary>
    [JsonPropertyName("leadUserName")]
    public string? LeadUserName { get; set; }

    /// <summary>Who new issues in the component go to: PROJECT_DEFAULT, COMPONENT_LEAD, PROJECT_LEAD, UNASSIGNED.</summary>
    [JsonPropertyName("assigneeType")]
    public string? AssigneeType { get; set; }

    /// <summary>The default assignee as configured.</summary>
    [JsonPropertyName("assignee")]
    public JiraUser? Assignee { get; set; }

    /// <summary>The assignee type actually used (when the configured one is not valid).</summary>
    [JsonPropertyName("realAssigneeType")]
    public string? RealAssigneeType { get; set; }

    /// <summary>The assignee actually used.</summary>
    [JsonPropertyName("realAssignee")]
    public JiraUser? RealAssignee { get; set; }

    /// <summary>Whether the configured assignee can be assigned.</summary>
    [JsonPropertyName("isAssigneeTypeValid")]
    public bool? IsAssigneeTypeValid { get; set; }

    /// <summary>The project key.</summary>
    [JsonPropertyName("project")]
    public string? Project { get; set; }

    /// <summary>The project id.</summary>
    [JsonPropertyName("projectId")]
    public long? ProjectId { get; set; }

    /// <summary>Issues in the component (Cloud's paged listing only).</summary>
    [JsonPropertyName("issueCount")]
    public long? IssueCount { get; set; }

    /// <summary>The REST URL.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; set; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}

/// <summary>A project version (release).</summary>
public sealed class ProjectVersion
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The name, e.g. "2.4".</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>True once released.</summary>
    [JsonPropertyName("released")]
    public bool? Released { get; set; }

    /// <summary>True when archived.</summary>
    [JsonPropertyName("archived")]
    public bool? Archived { get; set; }

    /// <summary>The release date.</summary>
    [JsonPropertyName("releaseDate")]
    public DateOnly? ReleaseDate { get; set; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>The start date.</summary>
    [JsonPropertyName("startDate")]
    public DateOnly? StartDate { get; set; }

    /// <summary>True when unreleased and past its release date.</summary>
    [JsonPropertyName("overdue")]
    public bool? Overdue { get; set; }

    /// <summary>The release date as the user's locale shows it, e.g. 12/Jan/12.</summary>
    [JsonPropertyName("userReleaseDate")]
    public string? UserReleaseDate { get; set; }

    /// <summary>The start date as the user's locale shows it.</summary>
    [JsonPropertyName("userStartDate")]
    public string? UserStartDate { get; set; }

    /// <summary>The project id.</summary>
    [JsonPropertyName("projectId")]
    public long? ProjectId { get; set; }

    /// <summary>The REST URL.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; set; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}
