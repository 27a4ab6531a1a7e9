using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.Issues;

/// <summary>A field on a create or edit screen: what it is and which update verbs it takes.</summary>
internal sealed record EditableField(FieldInfo Info, IReadOnlyList<string> Operations, CustomFieldDef? Custom)
{
    public string Id => Info.Id;
}

/// <summary>
/// The sandbox's screens: which fields the caller may set when creating an issue of a type in a project, or
/// when editing an issue. Fields tied to a permission (due date, assignee, security) are only on the screen
/// for callers who hold it, as in Jira. createmeta, editmeta and the create/edit validation all read this.
/// </summary>
internal static class EditableFields
{
    private static readonly string[] Set = ["set"];
    private static readonly string[] AddSetRemove = ["add", "set", "remove"];
    private static readonly string[] SetEdit = ["set", "edit"];
    // Comments can only be added through an issue edit or transition here; editing them is the comment resource's job.
    private static readonly string[] CommentOps = ["add"];

    /// <summary>Fields every screen may show, in the order createmeta lists them.</summary>
    private static readonly string[] SystemOrder =
    [
        "summary", "issuetype", "parent", "security", "components", "description", "project", "fixVersions", "priority",
        "labels", "environment", "duedate", "versions", "timetracking", "assignee", "reporter",
    ];

    public static IReadOnlyList<string> OperationsOf(string fieldId, CustomFieldDef? custom) => custom switch
    {
        { Kind: CustomFieldKinds.Labels } => AddSetRemove,
        not null => Set,
        _ => fieldId switch
        {
            "labels" or "components" or "fixVersions" or "versions" => AddSetRemove,
            "timetracking" => SetEdit,
            "comment" => CommentOps,
            _ => Set,
        },
    };

    /// <summary>The create screen of a project and issue type for the caller (empty without CREATE_ISSUES).</summary>
    public static List<EditableField> ForCreate(Site site, User? user, Project project, IssueTypeDef type)
    {
        if (!PermissionService.Has(site, user, project, Permissions.CreateIssues))
        {
            return [];
        }
        var fields = new List<EditableField>();
        foreach (var id in SystemOrder)
        {
            if (id == "parent" && type.HierarchyLevel >= 1)
            {
                continue;
            }
            if (OnScreen(site, user, project, null, id))
            {
                fields.Add(System(id));
            }
        }
        fields.AddRange(CustomFields(site));
        return fields;
    }

    /// <summary>The edit screen of an issue for the caller (empty without EDIT_ISSUES).</summary>
    public static List<EditableField> ForEdit(Site site, User? user, Issue issue)
    {
        if (!PermissionService.Has(site, user, issue, Permissions.EditIssues))
        {
            return [];
        }
        var project = site.ProjectOf(issue);
        var type = site.IssueType(issue.IssueTypeId);
        var fields = new List<EditableField>();
        foreach (var id in SystemOrder)
        {
            if (id == "project" || (id == "parent" && type?.HierarchyLevel >= 1))
            {
                continue;
            }
            if (OnScreen(site, user, project, issue, id))
            {
                fields.Add(System(id));
            }
        }
        fields.Add(System("comment"));
        fields.AddRange(CustomFields(site));
        return fields;
    }

    private static bool OnScreen(Site site, User? user, Project project, Issue? issue, string fieldId)
    {
        bool Has(string permission) => issue is null
            ? PermissionService.Has(site, user, project, permission)
            : PermissionService.Has(site, user, issue, permission);
        return fieldId switch
        {
            "duedate" => Has(Permissions.ScheduleIssues),
            "assignee" => Has(Permissions.AssignIssues),
            "security" => project.IssueSecuritySchemeId is not null && Has(Permissions.SetIssueSecurity),
            _ => true,
        };
    }

    private static EditableField System(string id)
    {
        return new EditableField(FieldCatalog.SystemFields.First(f => f.Id == id), OperationsOf(id, null), null);
    }

    private static IEnumerable<EditableField> CustomFields(Site site) =>
        site.Data.CustomFields.Select(cf => new EditableField(FieldCatalog.Describe(cf), OperationsOf(cf.Id, cf), cf));

    /// <summary>Custom fields the site's rules make required on create for this project and type.</summary>
    public static IEnumerable<string> RequiredOnCreate(Site site, Project project, IssueTypeDef type) =>
        site.Data.RequiredFields
            .Where(r => string.Equals(r.ProjectKey, project.Key, StringComparison.OrdinalIgnoreCase) && r.IssueTypeId == type.Id)
            .Select(r => r.FieldId);
}
