using System.Text.Json;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Domain;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.Issues;

/// <summary>The result of an issue operation that answers with an ErrorCollection on failure.</summary>
internal sealed record OperationOutcome(int Status, IReadOnlyList<string> ErrorMessages, IReadOnlyDictionary<string, string> Errors)
{
    public static readonly OperationOutcome NoContent = new(StatusCodes.Status204NoContent, [], new Dictionary<string, string>());

    public bool Succeeded => Status < 300;

    public static OperationOutcome Fail(int status, params string[] messages) => new(status, messages, new Dictionary<string, string>());

    public static OperationOutcome From(IssueEditContext ctx) => new(StatusCodes.Status400BadRequest, ctx.ErrorMessages, ctx.Errors);
}

/// <summary>
/// Workflow transitions: which ones the caller sees (only from the current status, and none without
/// TRANSITION_ISSUES unless unavailable ones are asked for), and performing one with its screen fields,
/// resolution handling (done statuses get a resolution and resolution date; reopening clears them),
/// one history entry and a jira:issue_updated event.
/// </summary>
internal static class IssueTransitions
{
    public static IEnumerable<(TransitionDef Transition, bool Available)> Visible(Site site, User? user, Issue issue, bool includeUnavailable)
    {
        var allowed = PermissionService.Has(site, user, issue, Permissions.TransitionIssues);
        return IssueWorkflow.Available(site, issue)
            .Where(_ => allowed || includeUnavailable)
            .Select(t => (t, allowed));
    }

    /// <summary>Performs <c>{"transition":{"id":…},"fields":{…},"update":{…}}</c>; call inside <c>site.Write</c>.</summary>
    public static OperationOutcome Perform(RenderContext rc, User caller, Issue issue, JsonObject body)
    {
        var site = rc.Site;
        var id = body["transition"] is JsonObject t ? IssueInput.IdText(t["id"]) : null;
        if (id is null)
        {
            return OperationOutcome.Fail(StatusCodes.Status400BadRequest, IssueMessages.MissingTransition);
        }
        var transition = site.WorkflowOf(issue).Transitions.FirstOrDefault(x => x.Id == id);
        if (transition is null)
        {
            return OperationOutcome.Fail(StatusCodes.Status400BadRequest, IssueMessages.TransitionInvalid(id));
        }
        if (transition.From.Count > 0 && !transition.From.Contains(issue.StatusId))
        {
            return OperationOutcome.Fail(StatusCodes.Status400BadRequest, IssueMessages.TransitionNotFromHere(transition.Name, issue.Key));
        }
        if (!PermissionService.Has(site, caller, issue, Permissions.TransitionIssues))
        {
            return OperationOutcome.Fail(StatusCodes.Status400BadRequest, IssueMessages.NoTransitionPermission);
        }

        // The transition screen: its own fields, plus a comment, which Jira always takes on a transition.
        var screen = transition.ScreenFields.Where(f => f != "resolution").Select(f => MetaWriter.ScreenField(site, f)).ToList();
        screen.Add(MetaWriter.ScreenField(site, "comment"));
        var ctx = new IssueEditContext(rc, caller, site.ProjectOf(issue), site.IssueType(issue.IssueTypeId)!, issue, screen);
        var ops = IssueOperations.Read(body, ctx);
        var resolution = ReadResolution(ctx, transition, ops.Where(o => o.FieldId == "resolution").ToList());
        var appliers = IssueOperations.Prepare(ctx, ops.Where(o => o.FieldId != "resolution"));
        foreach (var required in transition.RequiredFields.Where(f => f != "resolution" && !ops.Any(o => o.FieldId == f)))
        {
            ctx.Fail(required, IssueMessages.Required(FieldCatalog.Find(site, required)?.Name ?? required));
        }
        if (ctx.HasErrors)
        {
            return OperationOutcome.From(ctx);
        }

        var changes = new ChangeRecorder();
        foreach (var apply in appliers)
        {
            apply(issue, changes);
        }
        var from = site.Status(issue.StatusId);
        var to = site.Status(transition.To)!;
        if (from?.Id != to.Id)
        {
            changes.Add("status", "status", from?.Id, from?.Name, to.Id, to.Name);
            issue.StatusId = to.Id;
        }
        var targetResolution = to.CategoryKey == StatusCategories.Done
            ? resolution ?? site.Resolution(issue.ResolutionId) ?? site.Data.Resolutions.FirstOrDefault()
            : transition.ClearsResolution ? null : site.Resolution(issue.ResolutionId);
        if (targetResolution?.Id != issue.ResolutionId)
        {
            var old = site.Resolution(issue.ResolutionId);
            changes.Add("resolution", "resolution", old?.Id, old?.Name, targetResolution?.Id, targetResolution?.Name);
            issue.ResolutionId = targetResolution?.Id;
            issue.ResolutionDate = targetResolution is null ? null : site.Now;
        }
        var group = changes.Commit(site, issue, caller);
        if (group is not null)
        {
            SiteEvents.IssueUpdated(rc, issue, group, "issue_generic");
        }
        return OperationOutcome.NoContent;
    }

    private static ResolutionDef? ReadResolution(IssueEditContext ctx, TransitionDef transition, List<FieldOperation> ops)
    {
        var onScreen = transition.ScreenFields.Contains("resolution");
        if (ops.Count == 0)
        {
            if (transition.RequiredFields.Contains("resolution"))
            {
                ctx.Fail("resolution", IssueMessages.ResolutionRequired);
            }
            return null;
        }
        var op = ops[0];
        if (!onScreen)
        {
            ctx.Fail("resolution", IssueMessages.CannotBeSet("resolution"));
            return null;
        }
        if (op.Verb != "set")
        {
            ctx.Fail("resolution", IssueMessages.UnsupportedOperation("resolution", op.Verb, ["set"]));
            return null;
        }
        if (op.Value is null)
        {
            if (transition.RequiredFields.Contains("resolution"))
            {
                ctx.Fail("resolution", IssueMessages.ResolutionRequired);
            }
            return null;
        }
        IssueInput.TryReadRef(op.Value, out var id, out var name);
        var resolution = ctx.Site.Data.Resolutions.FirstOrDefault(r => id is not null ? r.Id == id : string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
        if (resolution is null)
        {
            ctx.Fail("resolution", IssueMessages.ResolutionInvalid);
        }
        return resolution;
    }

    /// <summary>A transition as GET /transitions lists it (IssueTransition), with its screen fields when expanded.</summary>
    public static void Write(Utf8JsonWriter w, RenderContext rc, Issue issue, TransitionDef t, bool available, bool includeFields)
    {
        var site = rc.Site;
        w.WriteStartObject();
        w.WriteString("id", t.Id);
        w.WriteString("name", t.Name);
        w.WritePropertyName("to");
        EntityWriter.WriteStatus(w, rc, site.Status(t.To)!);
        w.WriteBoolean("hasScreen", t.ScreenFields.Count > 0);
        w.WriteBoolean("isGlobal", t.From.Count == 0);
        w.WriteBoolean("isInitial", false);
        w.WriteBoolean("isAvailable", available);
        w.WriteBoolean("isConditional", false);
        w.WriteBoolean("looped", false);
        if (includeFields)
        {
            var project = site.ProjectOf(issue);
            var type = site.IssueType(issue.IssueTypeId)!;
            w.WriteStartObject("fields");
            foreach (var fieldId in t.ScreenFields)
            {
                w.WritePropertyName(fieldId);
                MetaWriter.WriteField(w, rc, MetaWriter.ScreenField(site, fieldId), project, type, t.RequiredFields.Contains(fieldId), forCreate: false);
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
