using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Jql;

/// <summary>
/// Maps a field as written in JQL to its handler: system fields by Jira's JQL names and aliases
/// (case-insensitive), custom fields by cf[NNNNN] or by display name. System names win over a custom field of
/// the same name, as in Jira.
/// </summary>
internal static class JqlFieldCatalog
{
    private static readonly Dictionary<string, JqlFieldHandler> System = Build();

    public static JqlFieldHandler? Find(JqlField field, Site site)
    {
        if (field.CustomFieldId is { } id)
        {
            var byId = site.Data.CustomFields.FirstOrDefault(f => f.NumericId == id);
            return byId is null ? null : JqlCustomFields.For(byId);
        }
        if (System.TryGetValue(field.Name, out var handler))
        {
            return handler;
        }
        return site.CustomFieldByName(field.Name) is { } custom ? JqlCustomFields.For(custom) : null;
    }

    private static Dictionary<string, JqlFieldHandler> Build()
    {
        var fields = new Dictionary<string, JqlFieldHandler>(StringComparer.OrdinalIgnoreCase);
        void Add(JqlFieldHandler handler, params string[] names)
        {
            foreach (var name in names)
            {
                fields.Add(name, handler);
            }
        }

        Add(new ProjectField(), "project");
        Add(new IssueKeyField(), "key", "issuekey", "issue", "id");
        Add(new ParentField(), "parent");
        Add(new StatusField(), "status");
        Add(new StatusCategoryField(), "statusCategory");
        Add(new IssueTypeField(), "issuetype", "type");
        Add(new PriorityField(), "priority");
        Add(new ResolutionField(), "resolution");
        Add(new UserField(i => i.AssigneeAccountId), "assignee");
        Add(new UserField(i => i.ReporterAccountId), "reporter");
        Add(new UserField(i => i.CreatorAccountId), "creator");
        Add(new LabelsField(), "labels");
        Add(new ComponentField(), "component");
        Add(new VersionField(i => i.FixVersionIds), "fixVersion");
        Add(new VersionField(i => i.AffectedVersionIds), "affectedVersion");
        Add(new SprintField(), "sprint");
        Add(new SecurityLevelField(), "level");
        Add(new DateField(i => i.Created.UtcTicks, descendingByDefault: true), "created", "createdDate");
        Add(new DateField(i => i.Updated.UtcTicks, descendingByDefault: true), "updated", "updatedDate");
        Add(new DateField(i => i.ResolutionDate?.UtcTicks, descendingByDefault: true), "resolved", "resolutionDate");
        Add(new DueDateField(), "duedate", "due");
        Add(new TextField(i => i.Summary, sortable: true), "summary");
        Add(new TextField(i => i.Description?.PlainText, sortable: false), "description");
        Add(new TextField(i => i.Environment?.PlainText, sortable: false), "environment");
        Add(new CommentField(), "comment");
        Add(new AllTextField(), "text");
        Add(new RankField(), "rank");
        return fields;
    }
}
