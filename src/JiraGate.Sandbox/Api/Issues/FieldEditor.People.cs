using System.Globalization;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Domain;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.Issues;

internal static partial class FieldEditor
{
    /// <summary>
    /// Resolves an assignee reference: null unassigns, "-1" picks the project default (its lead), and a user must
    /// be active and hold ASSIGNABLE_USER. Shared with PUT /assignee.
    /// </summary>
    internal static bool TryResolveAssignee(IssueEditContext ctx, JsonNode? value, out User? assignee)
    {
        var site = ctx.Site;
        assignee = null;
        var reference = IssueInput.ReadUser(site, value);
        switch (reference.Kind)
        {
            case UserRefKind.None:
                return true;
            case UserRefKind.Automatic:
                var lead = site.UserByAccountId(ctx.Project.LeadAccountId);
                assignee = lead is not null && IssueInput.IsAssignable(site, lead, ctx.Project, ctx.Existing) ? lead : null;
                return true;
            case UserRefKind.User when IssueInput.IsAssignable(site, reference.User!, ctx.Project, ctx.Existing):
                assignee = reference.User;
                return true;
            case UserRefKind.User:
                ctx.Fail("assignee", IssueMessages.CannotBeAssigned(IssueInput.UserHandle(site, reference.User!)));
                return false;
            default:
                ctx.Fail("assignee", IssueMessages.UserNotFound);
                return false;
        }
    }

    /// <summary>Sets the assignee and records the change (shared with PUT /assignee).</summary>
    internal static void ApplyAssignee(Site site, Issue issue, User? assignee, ChangeRecorder changes)
    {
        if (issue.AssigneeAccountId == assignee?.AccountId)
        {
            return;
        }
        var old = site.UserByAccountId(issue.AssigneeAccountId);
        changes.Add("assignee", "assignee", IssueInput.UserChangeId(site, old), old?.DisplayName,
            IssueInput.UserChangeId(site, assignee), assignee?.DisplayName);
        issue.AssigneeAccountId = assignee?.AccountId;
    }

    private static FieldApplier? Assignee(IssueEditContext ctx, JsonNode? value) =>
        TryResolveAssignee(ctx, value, out var assignee)
            ? (issue, changes) => ApplyAssignee(ctx.Site, issue, assignee, changes)
            : null;

    private static FieldApplier? Reporter(IssueEditContext ctx, JsonNode? value)
    {
        var site = ctx.Site;
        var reference = IssueInput.ReadUser(site, value);
        if (reference.Kind == UserRefKind.None)
        {
            return ctx.Fail("reporter", IssueMessages.Required("Reporter"));
        }
        if (reference.Kind != UserRefKind.User || !reference.User!.Active)
        {
            return ctx.Fail("reporter", IssueMessages.UserNotFound);
        }
        var reporter = reference.User;
        return (issue, changes) =>
        {
            if (issue.ReporterAccountId == reporter.AccountId)
            {
                return;
            }
            var old = site.UserByAccountId(issue.ReporterAccountId);
            changes.Add("reporter", "reporter", IssueInput.UserChangeId(site, old), old?.DisplayName,
                IssueInput.UserChangeId(site, reporter), reporter.DisplayName);
            issue.ReporterAccountId = reporter.AccountId;
        };
    }

    /// <summary>
    /// parent {key|id}: a sub-task's parent is a standard issue of the same project; a standard issue's parent is an
    /// epic. <c>null</c> or <c>{"none":true}</c> removes it (not allowed for sub-tasks).
    /// </summary>
    private static FieldApplier? Parent(IssueEditContext ctx, JsonNode? value)
    {
        var site = ctx.Site;
        Issue? parent = null;
        var remove = value is null || (value is JsonObject o && o["none"] is JsonValue none && none.TryGetValue<bool>(out var b) && b);
        if (!remove)
        {
            var key = value is JsonObject obj ? RequestReading.String(obj["key"]) ?? IssueInput.IdText(obj["id"]) : null;
            if (key is null || !RequestReading.IsIssueIdOrKey(key) || !site.TryGetIssue(key, out parent)
                || !PermissionService.CanBrowse(site, ctx.Caller, parent) || parent.Id == ctx.Existing?.Id)
            {
                return ctx.Fail("parent", IssueMessages.ParentNotFound);
            }
            var parentType = site.IssueType(parent.IssueTypeId);
            if (parentType is null || parentType.HierarchyLevel != ctx.IssueType.HierarchyLevel + 1)
            {
                return ctx.Fail("parent", IssueMessages.ParentWrongHierarchy);
            }
            if (ctx.IssueType.Subtask && parent.ProjectId != ctx.Project.Id)
            {
                return ctx.Fail("project", IssueMessages.SubtaskSameProject);
            }
        }
        else if (ctx.IssueType.Subtask)
        {
            return ctx.Fail("parent", IssueMessages.SubtaskNeedsParent);
        }
        return (issue, changes) =>
        {
            if (issue.ParentId == parent?.Id)
            {
                return;
            }
            var old = issue.ParentId is { } oldId ? site.IssueById(oldId) : null;
            changes.Add("IssueParentAssociation", "parent", old?.Id.ToString(CultureInfo.InvariantCulture), old?.Key,
                parent?.Id.ToString(CultureInfo.InvariantCulture), parent?.Key);
            issue.ParentId = parent?.Id;
        };
    }

    /// <summary>update.comment [{"add":{"body":…,"visibility":…}}] on edit and transition: adds a comment (no history item).</summary>
    private static FieldApplier? Comment(IssueEditContext ctx, JsonNode? value)
    {
        if (value is not JsonObject obj || !obj.ContainsKey("body"))
        {
            return ctx.Fail("comment", "Comment body can not be empty!");
        }
        if (!IssueInput.TryReadRichText(ctx.Render, obj["body"], out var body, out var error) || body is null)
        {
            return ctx.Fail("comment", error ?? "Comment body can not be empty!");
        }
        Visibility? visibility = null;
        if (obj["visibility"] is JsonObject vis)
        {
            var type = RequestReading.String(vis["type"]);
            var name = RequestReading.String(vis["value"]);
            var known = type switch
            {
                "group" => name is not null && ctx.Site.GroupByName(name) is not null,
                "role" => name is not null && ctx.Site.Data.Roles.Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)),
                _ => false,
            };
            if (!known)
            {
                return ctx.Fail("commentLevel", $"You are currently not a member of the project role: {name}.");
            }
            visibility = new Visibility { Type = type!, Value = name! };
        }
        return (issue, _) =>
        {
            var site = ctx.Site;
            var comment = new Comment
            {
                Id = site.NextId("comment"),
                AuthorAccountId = ctx.Caller.AccountId,
                UpdateAuthorAccountId = ctx.Caller.AccountId,
                Body = body,
                Created = site.Now,
                Updated = site.Now,
                Visibility = visibility,
            };
            issue.Comments.Add(comment);
            issue.Updated = site.Now;
            SiteEvents.CommentEvent(ctx.Render, "comment_created", issue, comment);
        };
    }
}
