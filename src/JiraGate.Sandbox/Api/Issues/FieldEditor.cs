using System.Globalization;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Api.Issues;

/// <summary>
/// Validates one field operation against the caller's screen and turns it into a <see cref="FieldApplier"/>.
/// Validation never touches the issue, so a request with any error changes nothing (Jira's all-or-nothing edit).
/// Shared by create, bulk create, edit and transition.
/// </summary>
internal static partial class FieldEditor
{
    /// <summary>Validates <paramref name="op"/>; returns its applier, or null after recording an error in <paramref name="ctx"/>.</summary>
    public static FieldApplier? Prepare(IssueEditContext ctx, FieldOperation op)
    {
        var field = ctx.Screen.FirstOrDefault(f => f.Id == op.FieldId);
        if (field is null)
        {
            return ctx.Existing is not null && op.FieldId is "project" or "issuetype" && op.Verb == "set"
                ? Unchanged(ctx, op)
                : ctx.Fail(op.FieldId, IssueMessages.CannotBeSet(op.FieldId));
        }
        if (!field.Operations.Contains(op.Verb))
        {
            return ctx.Fail(op.FieldId, IssueMessages.UnsupportedOperation(op.FieldId, op.Verb, field.Operations));
        }
        if (field.Custom is { } custom)
        {
            return PrepareCustom(ctx, custom, op);
        }
        return op.FieldId switch
        {
            "summary" => Summary(ctx, op.Value),
            "description" or "environment" => RichTextField(ctx, op.FieldId, op.Value),
            "priority" => Priority(ctx, op.Value),
            "labels" => Labels(ctx, op, i => i.Labels, "labels", "labels"),
            "components" => Components(ctx, op),
            "fixVersions" => Versions(ctx, op, i => i.FixVersionIds, "Fix Version"),
            "versions" => Versions(ctx, op, i => i.AffectedVersionIds, "Version"),
            "duedate" => DueDate(ctx, op.Value),
            "assignee" => Assignee(ctx, op.Value),
            "reporter" => Reporter(ctx, op.Value),
            "parent" => Parent(ctx, op.Value),
            "security" => Security(ctx, op.Value),
            "issuetype" => IssueTypeChange(ctx, op.Value),
            "timetracking" => TimeTracking(ctx, op.Value),
            "comment" => Comment(ctx, op.Value),
            // project is resolved by the create pipeline itself; nothing to apply here.
            "project" => (_, _) => { },
            _ => ctx.Fail(op.FieldId, IssueMessages.CannotBeSet(op.FieldId)),
        };
    }

    /// <summary>Edit bodies often repeat the issue's project and type; Jira accepts that when nothing changes.</summary>
    private static FieldApplier? Unchanged(IssueEditContext ctx, FieldOperation op)
    {
        var issue = ctx.Existing!;
        IssueInput.TryReadRef(op.Value, out var id, out var name, op.FieldId == "project" ? "key" : "name");
        bool same = op.FieldId == "project"
            ? id == issue.ProjectId.ToString(CultureInfo.InvariantCulture) || string.Equals(name, ctx.Project.Key, StringComparison.OrdinalIgnoreCase)
            : id == issue.IssueTypeId || string.Equals(name, ctx.Site.IssueType(issue.IssueTypeId)?.Name, StringComparison.OrdinalIgnoreCase);
        return same ? (_, _) => { } : ctx.Fail(op.FieldId, IssueMessages.CannotBeSet(op.FieldId));
    }

    private static FieldApplier? Summary(IssueEditContext ctx, JsonNode? value)
    {
        var text = RequestReading.String(value);
        if (value is not null && text is null)
        {
            return ctx.Fail("summary", IssueMessages.NotAString);
        }
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return ctx.Fail("summary", IssueMessages.SummaryRequired);
        }
        if (text.Length > 255)
        {
            return ctx.Fail("summary", IssueMessages.SummaryTooLong);
        }
        return (issue, changes) =>
        {
            if (issue.Summary != text)
            {
                changes.Add("summary", "summary", null, issue.Summary, null, text);
                issue.Summary = text;
            }
        };
    }

    private static FieldApplier? RichTextField(IssueEditContext ctx, string fieldId, JsonNode? value)
    {
        if (!IssueInput.TryReadRichText(ctx.Render, value, out var text, out var error))
        {
            return ctx.Fail(fieldId, error!);
        }
        return (issue, changes) =>
        {
            var old = fieldId == "description" ? issue.Description : issue.Environment;
            if (old?.Json == text?.Json)
            {
                return;
            }
            changes.Add(fieldId, fieldId, null, IssueInput.ChangeText(old), null, IssueInput.ChangeText(text));
            if (fieldId == "description")
            {
                issue.Description = text;
            }
            else
            {
                issue.Environment = text;
            }
        };
    }

    private static FieldApplier? Priority(IssueEditContext ctx, JsonNode? value)
    {
        var site = ctx.Site;
        PriorityDef? priority;
        if (value is null)
        {
            priority = site.Data.Priorities.FirstOrDefault(p => p.IsDefault);
        }
        else if (!IssueInput.TryReadRef(value, out var id, out var name))
        {
            return ctx.Fail("priority", "Could not find valid 'id' or 'name' in priority object.");
        }
        else
        {
            priority = id is not null
                ? site.Priority(id)
                : site.Data.Priorities.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        }
        if (priority is null)
        {
            return ctx.Fail("priority", IssueMessages.PriorityInvalid);
        }
        return (issue, changes) =>
        {
            if (issue.PriorityId != priority.Id)
            {
                changes.Add("priority", "priority", issue.PriorityId, site.Priority(issue.PriorityId)?.Name, priority.Id, priority.Name);
                issue.PriorityId = priority.Id;
            }
        };
    }

    private static FieldApplier? DueDate(IssueEditContext ctx, JsonNode? value)
    {
        DateOnly? due = null;
        if (value is not null)
        {
            var text = RequestReading.String(value);
            if (!JiraDates.TryParseDate(text, out var parsed))
            {
                return ctx.Fail("duedate", IssueMessages.DateInvalid(text ?? value.ToJsonString()));
            }
            due = parsed;
        }
        return (issue, changes) =>
        {
            if (issue.DueDate != due)
            {
                changes.Add("duedate", "duedate", DateText(issue.DueDate), DateChangeString(issue.DueDate), DateText(due), DateChangeString(due));
                issue.DueDate = due;
            }
        };
    }

    private static string? DateText(DateOnly? date) => date is { } d ? JiraDates.Format(d) : null;

    /// <summary>Jira writes date changes as timestamps in fromString/toString.</summary>
    private static string? DateChangeString(DateOnly? date) => date is { } d ? JiraDates.Format(d) + " 00:00:00.0" : null;

    private static FieldApplier? Security(IssueEditContext ctx, JsonNode? value)
    {
        var site = ctx.Site;
        SecurityLevel? level = null;
        if (value is not null)
        {
            if (!IssueInput.TryReadRef(value, out var id, out var name))
            {
                return ctx.Fail("security", "Could not find valid 'id' or 'name' in security level object.");
            }
            var scheme = site.SecurityScheme(ctx.Project.IssueSecuritySchemeId);
            level = scheme?.Levels.FirstOrDefault(l => id is not null
                ? l.Id.ToString(CultureInfo.InvariantCulture) == id
                : string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));
            if (level is null)
            {
                return ctx.Fail("security", $"Security level '{id ?? name}' is not valid for this project.");
            }
        }
        return (issue, changes) =>
        {
            if (issue.SecurityLevelId != level?.Id)
            {
                var old = site.SecurityLevel(issue.SecurityLevelId);
                changes.Add("security", "security", old?.Id.ToString(CultureInfo.InvariantCulture), old?.Name,
                    level?.Id.ToString(CultureInfo.InvariantCulture), level?.Name);
                issue.SecurityLevelId = level?.Id;
            }
        };
    }

    /// <summary>Changing the type on edit: only to a type of the project on the same level and workflow.</summary>
    private static FieldApplier? IssueTypeChange(IssueEditContext ctx, JsonNode? value)
    {
        var site = ctx.Site;
        IssueInput.TryReadRef(value, out var id, out var name);
        var type = id is not null
            ? site.IssueType(id)
            : site.Data.IssueTypes.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        var current = ctx.Existing is null ? null : site.IssueType(ctx.Existing.IssueTypeId);
        if (type is null || !ctx.Project.IssueTypeIds.Contains(type.Id)
            || (current is not null && (current.HierarchyLevel != type.HierarchyLevel
                || ctx.Project.WorkflowIdFor(current.Id) != ctx.Project.WorkflowIdFor(type.Id))))
        {
            return ctx.Fail("issuetype", IssueMessages.IssueTypeInvalid);
        }
        ctx.IssueType = type;
        return (issue, changes) =>
        {
            if (issue.IssueTypeId != type.Id)
            {
                changes.Add("issuetype", "issuetype", issue.IssueTypeId, site.IssueType(issue.IssueTypeId)?.Name, type.Id, type.Name);
                issue.IssueTypeId = type.Id;
            }
        };
    }
}
