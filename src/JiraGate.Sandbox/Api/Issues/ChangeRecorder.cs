using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Api.Issues;

/// <summary>
/// Collects the change items of one operation on an issue and commits them as one <see cref="ChangeGroup"/>
/// (Jira's history entry), bumping <see cref="Issue.Updated"/>. On create nothing is recorded, as in Jira.
/// </summary>
internal sealed class ChangeRecorder(bool enabled = true)
{
    public List<ChangeItem> Items { get; } = [];

    public bool HasChanges => Items.Count > 0;

    /// <summary>Records a system-field change ("jira" field type).</summary>
    public void Add(string field, string? fieldId, string? from, string? fromString, string? to, string? toString) =>
        AddItem(new ChangeItem { Field = field, FieldId = fieldId, From = from, FromString = fromString, To = to, ToString_ = toString });

    /// <summary>Records a custom-field change: the field's display name, "custom" type and its id.</summary>
    public void AddCustom(CustomFieldDef field, string? from, string? fromString, string? to, string? toString) =>
        AddItem(new ChangeItem { Field = field.Name, FieldType = "custom", FieldId = field.Id, From = from, FromString = fromString, To = to, ToString_ = toString });

    private void AddItem(ChangeItem item)
    {
        if (enabled)
        {
            Items.Add(item);
        }
    }

    /// <summary>Appends the recorded items as one history entry and bumps updated; null when nothing changed.</summary>
    public ChangeGroup? Commit(Site site, Issue issue, User author)
    {
        if (!HasChanges)
        {
            return null;
        }
        var group = new ChangeGroup
        {
            Id = site.NextId("changegroup"),
            AuthorAccountId = author.AccountId,
            Created = site.Now,
            Items = [.. Items],
        };
        issue.Changelog.Add(group);
        issue.Updated = site.Now;
        Items.Clear();
        return group;
    }
}
