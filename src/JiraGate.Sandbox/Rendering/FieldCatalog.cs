using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Rendering;

/// <summary>A field as /field lists it: id, name, schema, and the JQL clause names it answers to.</summary>
internal sealed record FieldInfo(
    string Id,
    string Name,
    string SchemaType,
    string? SchemaItems,
    string? SystemOrCustom,
    bool Custom,
    bool Navigable,
    bool Orderable,
    bool Searchable,
    IReadOnlyList<string> ClauseNames,
    long? CustomId = null,
    bool IsRichText = false);

/// <summary>The site's fields: Jira's system fields plus the site's custom fields.</summary>
internal static class FieldCatalog
{
    public static readonly IReadOnlyList<FieldInfo> SystemFields =
    [
        new("summary", "Summary", "string", null, "summary", false, true, true, true, ["summary"]),
        new("description", "Description", "string", null, "description", false, true, true, true, ["description"], IsRichText: true),
        new("environment", "Environment", "string", null, "environment", false, true, true, true, ["environment"], IsRichText: true),
        new("issuetype", "Issue Type", "issuetype", null, "issuetype", false, true, true, true, ["issuetype", "type"]),
        new("project", "Project", "project", null, "project", false, true, false, true, ["project"]),
        new("status", "Status", "status", null, "status", false, true, false, true, ["status"]),
        new("statusCategory", "Status Category", "statusCategory", null, "statusCategory", false, false, false, true, ["statusCategory"]),
        new("priority", "Priority", "priority", null, "priority", false, true, true, true, ["priority"]),
        new("resolution", "Resolution", "resolution", null, "resolution", false, true, true, true, ["resolution"]),
        new("resolutiondate", "Resolved", "datetime", null, "resolutiondate", false, true, false, true, ["resolutiondate", "resolved"]),
        new("assignee", "Assignee", "user", null, "assignee", false, true, true, true, ["assignee"]),
        new("reporter", "Reporter", "user", null, "reporter", false, true, true, true, ["reporter"]),
        new("creator", "Creator", "user", null, "creator", false, true, false, true, ["creator"]),
        new("labels", "Labels", "array", "string", "labels", false, true, true, true, ["labels"]),
        new("components", "Components", "array", "component", "components", false, true, true, true, ["component"]),
        new("fixVersions", "Fix versions", "array", "version", "fixVersions", false, true, true, true, ["fixVersion"]),
        new("versions", "Affects versions", "array", "version", "versions", false, true, true, true, ["affectedVersion"]),
        new("created", "Created", "datetime", null, "created", false, true, false, true, ["created", "createdDate"]),
        new("updated", "Updated", "datetime", null, "updated", false, true, false, true, ["updated", "updatedDate"]),
        new("duedate", "Due date", "date", null, "duedate", false, true, true, true, ["due", "duedate"]),
        new("parent", "Parent", "issuelink", null, "parent", false, true, true, true, ["parent"]),
        new("security", "Security Level", "securitylevel", null, "security", false, true, true, true, ["level"]),
        new("subtasks", "Sub-tasks", "array", "issuelinks", "subtasks", false, true, false, false, ["subtasks"]),
        new("issuelinks", "Linked Issues", "array", "issuelinks", "issuelinks", false, true, true, false, ["issueLink"]),
        new("comment", "Comment", "comments-page", null, "comment", false, false, true, true, ["comment"]),
        new("worklog", "Log Work", "array", "worklog", "worklog", false, false, true, false, ["worklogComment", "worklogDate"]),
        new("attachment", "Attachment", "array", "attachment", "attachment", false, false, true, true, ["attachments"]),
        new("timetracking", "Time tracking", "timetracking", null, "timetracking", false, false, true, false, []),
        new("timespent", "Time Spent", "number", null, "timespent", false, true, false, false, ["timespent"]),
        new("timeoriginalestimate", "Original estimate", "number", null, "timeoriginalestimate", false, true, false, false, ["originalEstimate", "timeoriginalestimate"]),
        new("timeestimate", "Remaining Estimate", "number", null, "timeestimate", false, true, false, false, ["remainingEstimate", "timeestimate"]),
        new("watches", "Watchers", "watches", null, "watches", false, true, false, false, ["watchers"]),
        new("votes", "Votes", "votes", null, "votes", false, true, false, false, ["votes"]),
        new("progress", "Progress", "progress", null, "progress", false, true, false, false, ["progress"]),
        new("workratio", "Work Ratio", "number", null, "workratio", false, true, false, true, ["workratio"]),
        new("statuscategorychangedate", "Status Category Changed", "datetime", null, "statuscategorychangedate", false, true, false, true, ["statusCategoryChangedDate"]),
    ];

    public static IEnumerable<FieldInfo> All(Site site) => SystemFields.Concat(site.Data.CustomFields.Select(Describe));

    public static FieldInfo Describe(CustomFieldDef f)
    {
        var (type, items) = f.Kind switch
        {
            CustomFieldKinds.Number => ("number", (string?)null),
            CustomFieldKinds.Text or CustomFieldKinds.TextArea => ("string", null),
            CustomFieldKinds.Date => ("date", null),
            CustomFieldKinds.Select => ("option", null),
            CustomFieldKinds.Labels => ("array", "string"),
            CustomFieldKinds.Sprint => ("array", "json"),
            CustomFieldKinds.User => ("user", null),
            _ => ("any", null),
        };
        return new FieldInfo(f.Id, f.Name, type, items, f.CustomType, true, true, true, true,
            [$"cf[{f.NumericId}]", f.Name], f.NumericId, f.Kind == CustomFieldKinds.TextArea);
    }

    /// <summary>Finds a field by id, key, or (case-insensitive) name.</summary>
    public static FieldInfo? Find(Site site, string idOrName) =>
        All(site).FirstOrDefault(f => string.Equals(f.Id, idOrName, StringComparison.OrdinalIgnoreCase))
        ?? All(site).FirstOrDefault(f => string.Equals(f.Name, idOrName, StringComparison.OrdinalIgnoreCase));
}
