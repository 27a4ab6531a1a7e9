namespace JiraGate.Sandbox.Model;

/// <summary>Status category keys as Jira names them (ids 2, 4, 3).</summary>
public static class StatusCategories
{
    public const string New = "new";
    public const string InProgress = "indeterminate";
    public const string Done = "done";

    public static (long Id, string Name, string Color) Describe(string key) => key switch
    {
        New => (2, "To Do", "blue-gray"),
        InProgress => (4, "In Progress", "yellow"),
        Done => (3, "Done", "green"),
        _ => (1, "No Category", "medium-gray"),
    };
}

public sealed class StatusDef
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    /// <summary>One of <see cref="StatusCategories"/>.</summary>
    public required string CategoryKey { get; set; }
}

public sealed class TransitionDef
{
    /// <summary>Transition id; ids differ per workflow, as in Jira.</summary>
    public required string Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Status ids the transition starts from; empty means a global transition (from any status).</summary>
    public List<string> From { get; set; } = [];
    public required string To { get; set; }
    /// <summary>Field ids shown on the transition screen (e.g. "resolution").</summary>
    public List<string> ScreenFields { get; set; } = [];
    /// <summary>Field ids that must be given when this transition runs.</summary>
    public List<string> RequiredFields { get; set; } = [];
    /// <summary>Whether the transition clears the resolution (reopen).</summary>
    public bool ClearsResolution { get; set; }
}

public sealed class Workflow
{
    public required long Id { get; set; }
    public required string Name { get; set; }
    public required string InitialStatusId { get; set; }
    public List<string> StatusIds { get; set; } = [];
    public List<TransitionDef> Transitions { get; set; } = [];
}

public sealed class IssueTypeDef
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public bool Subtask { get; set; }
    /// <summary>0 for standard types, 1 for epics, -1 for subtasks (Jira's hierarchy levels).</summary>
    public int HierarchyLevel { get; set; }
}

public sealed class PriorityDef
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public string StatusColor { get; set; } = "#999999";
    public bool IsDefault { get; set; }
}

public sealed class ResolutionDef
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
}

/// <summary>Kinds of custom field values the sandbox understands.</summary>
public static class CustomFieldKinds
{
    public const string Number = "number";
    public const string Text = "string";
    /// <summary>Multi-line text: ADF in v3, wiki in v2.</summary>
    public const string TextArea = "textarea";
    public const string Date = "date";
    public const string Select = "option";
    public const string Labels = "labels";
    /// <summary>Sprint field (array of sprint ids; rendered as sprint objects).</summary>
    public const string Sprint = "sprint";
    public const string User = "user";
}

public sealed class SelectOption
{
    public required string Id { get; set; }
    public required string Value { get; set; }
}

public sealed class CustomFieldDef
{
    /// <summary>Numeric part, as in cf[10016].</summary>
    public required long NumericId { get; set; }
    public string Id => "customfield_" + NumericId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public required string Name { get; set; }
    /// <summary>One of <see cref="CustomFieldKinds"/>.</summary>
    public required string Kind { get; set; }
    /// <summary>Jira's custom type key, e.g. com.atlassian.jira.plugin.system.customfieldtypes:float.</summary>
    public required string CustomType { get; set; }
    public List<SelectOption> Options { get; set; } = [];
    public string Description { get; set; } = "";
}

/// <summary>Fields required on create for a project + issue type, beyond summary/issuetype/project.</summary>
public sealed class RequiredFieldRule
{
    public required string ProjectKey { get; set; }
    public required string IssueTypeId { get; set; }
    public required string FieldId { get; set; }
}

public sealed class Component
{
    public required long Id { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public string? LeadAccountId { get; set; }
}

public sealed class ProjectVersion
{
    public required long Id { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public bool Released { get; set; }
    public bool Archived { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? ReleaseDate { get; set; }
}

/// <summary>Actors of one project role in one project.</summary>
public sealed class RoleActors
{
    public required long RoleId { get; set; }
    public List<string> AccountIds { get; set; } = [];
    public List<string> GroupIds { get; set; } = [];
}

public sealed class Project
{
    public required long Id { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public string ProjectTypeKey { get; set; } = "software";
    public required string LeadAccountId { get; set; }
    public List<string> IssueTypeIds { get; set; } = [];
    /// <summary>Workflow per issue type id; issue types not listed use <see cref="DefaultWorkflowId"/>.</summary>
    public Dictionary<string, long> WorkflowByIssueType { get; set; } = [];
    public required long DefaultWorkflowId { get; set; }
    public required long PermissionSchemeId { get; set; }
    public long? IssueSecuritySchemeId { get; set; }
    public List<RoleActors> Roles { get; set; } = [];
    public List<Component> Components { get; set; } = [];
    public List<ProjectVersion> Versions { get; set; } = [];
    /// <summary>The number the next issue key takes (KEY-N).</summary>
    public long NextIssueNumber { get; set; } = 1;
    public bool Archived { get; set; }

    public long WorkflowIdFor(string issueTypeId) =>
        WorkflowByIssueType.TryGetValue(issueTypeId, out var id) ? id : DefaultWorkflowId;
}
