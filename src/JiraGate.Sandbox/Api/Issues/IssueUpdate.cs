using System.Text.Json.Nodes;
using JiraGate.Sandbox.Domain;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.Issues;

/// <summary>
/// Edit, assign and delete: the mutations of an existing issue. Each validates fully before changing anything,
/// records one history entry for what changed, bumps updated and publishes the matching webhook event.
/// Call inside <c>site.Write</c>, with an issue the caller may browse.
/// </summary>
internal static class IssueUpdate
{
    /// <summary>PUT /issue: fields (set) and update verbs, plus properties. Needs EDIT_ISSUES.</summary>
    public static OperationOutcome Edit(RenderContext rc, User caller, Issue issue, JsonObject body)
    {
        var site = rc.Site;
        if (!PermissionService.Has(site, caller, issue, Permissions.EditIssues))
        {
            return OperationOutcome.Fail(StatusCodes.Status403Forbidden, IssueMessages.NoEditPermission);
        }
        if (body["fields"] is null && body["update"] is null && body["properties"] is null)
        {
            return OperationOutcome.Fail(StatusCodes.Status400BadRequest, IssueMessages.NoFieldsOrUpdate);
        }
        var ctx = new IssueEditContext(rc, caller, site.ProjectOf(issue), site.IssueType(issue.IssueTypeId)!, issue);
        var ops = IssueOperations.Read(body, ctx);
        var appliers = IssueOperations.Prepare(ctx, ops);
        var properties = IssueOperations.ReadProperties(body, ctx);
        if (ctx.HasErrors)
        {
            return OperationOutcome.From(ctx);
        }
        var changes = new ChangeRecorder();
        foreach (var apply in appliers)
        {
            apply(issue, changes);
        }
        IssueOperations.ApplyProperties(issue, properties);
        var group = changes.Commit(site, issue, caller);
        if (group is not null)
        {
            SiteEvents.IssueUpdated(rc, issue, group, "issue_updated");
        }
        return OperationOutcome.NoContent;
    }

    /// <summary>
    /// PUT /assignee: needs ASSIGN_ISSUES (not EDIT_ISSUES). Cloud answers 403 without it and 400 for an unknown
    /// user; Data Center answers 401 and 404 (its documented codes).
    /// </summary>
    public static OperationOutcome Assign(RenderContext rc, User caller, Issue issue, JsonNode? body)
    {
        var site = rc.Site;
        var dataCenter = site.Flavor == SandboxFlavor.DataCenter;
        if (!PermissionService.Has(site, caller, issue, Permissions.AssignIssues))
        {
            return OperationOutcome.Fail(dataCenter ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden, IssueMessages.NoAssignPermission);
        }
        if (body is JsonObject obj && obj.Count(p => p.Key is "accountId" or "name" or "key") > 1)
        {
            return OperationOutcome.Fail(StatusCodes.Status400BadRequest, "Only one of 'accountId', 'name' or 'key' may be given.");
        }
        var reference = IssueInput.ReadUser(site, body);
        if (reference.Kind == UserRefKind.Malformed)
        {
            return OperationOutcome.Fail(StatusCodes.Status400BadRequest,
                dataCenter ? "The user must be given as {\"name\": …} or {\"key\": …}." : "The user must be given as {\"accountId\": …}.");
        }
        if (reference.Kind == UserRefKind.Unknown)
        {
            return dataCenter
                ? OperationOutcome.Fail(StatusCodes.Status404NotFound, $"The user with the name '{reference.Given}' does not exist.")
                : new OperationOutcome(StatusCodes.Status400BadRequest, [], new Dictionary<string, string> { ["assignee"] = IssueMessages.UserNotFound });
        }
        var ctx = new IssueEditContext(rc, caller, site.ProjectOf(issue), site.IssueType(issue.IssueTypeId)!, issue, screen: []);
        // A null body is "unassign": hand the resolver the raw reference.
        if (!FieldEditor.TryResolveAssignee(ctx, body is JsonObject ? body : null, out var assignee))
        {
            return OperationOutcome.From(ctx);
        }
        var changes = new ChangeRecorder();
        FieldEditor.ApplyAssignee(site, issue, assignee, changes);
        var group = changes.Commit(site, issue, caller);
        if (group is not null)
        {
            SiteEvents.IssueUpdated(rc, issue, group, "issue_assigned");
        }
        return OperationOutcome.NoContent;
    }

    /// <summary>DELETE /issue: needs DELETE_ISSUES (403); refuses an issue with sub-tasks unless they go too (400).</summary>
    public static OperationOutcome Delete(RenderContext rc, User caller, Issue issue, bool deleteSubtasks)
    {
        var site = rc.Site;
        if (!PermissionService.Has(site, caller, issue, Permissions.DeleteIssues))
        {
            return OperationOutcome.Fail(StatusCodes.Status403Forbidden, IssueMessages.NoDeletePermission);
        }
        var subtasks = site.SubtasksOf(issue).ToList();
        if (subtasks.Count > 0 && !deleteSubtasks)
        {
            return OperationOutcome.Fail(StatusCodes.Status400BadRequest, IssueMessages.HasSubtasks(issue.Key));
        }
        foreach (var subtask in subtasks)
        {
            SiteEvents.IssueDeleted(rc, subtask);
            site.RemoveIssue(subtask);
        }
        // Children of an epic lose their parent link rather than being deleted.
        foreach (var child in site.ChildrenOf(issue).ToList())
        {
            child.ParentId = null;
        }
        SiteEvents.IssueDeleted(rc, issue);
        site.RemoveIssue(issue);
        return OperationOutcome.NoContent;
    }
}
