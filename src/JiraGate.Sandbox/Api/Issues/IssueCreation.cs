using System.Globalization;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Domain;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.Issues;

/// <summary>The result of creating one issue: the issue, or the ErrorCollection explaining why not.</summary>
internal sealed record CreateOutcome(Issue? Issue, IReadOnlyList<string> ErrorMessages, IReadOnlyDictionary<string, string> Errors, JsonObject? Transition = null)
{
    public bool Succeeded => Issue is not null;
}

/// <summary>
/// Creates an issue from an IssueUpdateDetails body as Jira does: project and issue type first (create permission,
/// type in the project's scheme), then every field against the create screen, required fields (summary, the
/// site's required-field rules, a sub-task's parent), and only then a new key from the project's counter, the
/// workflow's initial status, created = updated = now, the jira:issue_created event, properties and an optional
/// transition. Call inside <c>site.Write</c>.
/// </summary>
internal static class IssueCreation
{
    public static CreateOutcome Create(RenderContext rc, User caller, JsonObject body)
    {
        var site = rc.Site;
        var dataCenter = site.Flavor == SandboxFlavor.DataCenter;
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var fields = body["fields"] as JsonObject;

        var projectNode = fields?["project"];
        var project = ResolveProject(site, caller, projectNode);
        if (project is null)
        {
            errors["project"] = IssueMessages.ProjectInvalid(dataCenter, projectNode is null);
        }
        else if (!PermissionService.Has(site, caller, project, Permissions.CreateIssues))
        {
            errors["project"] = IssueMessages.NoCreatePermission;
        }

        var typeNode = fields?["issuetype"];
        IssueInput.TryReadRef(typeNode, out var typeId, out var typeName);
        var type = typeId is not null
            ? site.IssueType(typeId)
            : site.Data.IssueTypes.FirstOrDefault(t => typeName is not null && string.Equals(t.Name, typeName, StringComparison.OrdinalIgnoreCase));
        if (typeNode is null || type is null)
        {
            errors["issuetype"] = IssueMessages.IssueTypeMissing(dataCenter, typeNode is null);
        }
        else if (project is not null && !project.IssueTypeIds.Contains(type.Id))
        {
            errors["issuetype"] = IssueMessages.IssueTypeInvalid;
        }
        if (errors.Count > 0)
        {
            return new CreateOutcome(null, [], errors);
        }

        var ctx = new IssueEditContext(rc, caller, project!, type!, existing: null);
        var ops = IssueOperations.Read(body, ctx).Where(op => op.FieldId is not ("project" or "issuetype")).ToList();
        var appliers = IssueOperations.Prepare(ctx, ops);
        var properties = IssueOperations.ReadProperties(body, ctx);
        CheckRequired(ctx, ops);
        if (ctx.HasErrors)
        {
            return new CreateOutcome(null, ctx.ErrorMessages, ctx.Errors);
        }

        var now = site.Now;
        var issue = new Issue
        {
            Id = site.NextId("issue"),
            Key = project!.Key + "-" + project.NextIssueNumber.ToString(CultureInfo.InvariantCulture),
            ProjectId = project.Id,
            IssueTypeId = type!.Id,
            Summary = "",
            StatusId = site.Workflow(project.WorkflowIdFor(type.Id)).InitialStatusId,
            PriorityId = site.Data.Priorities.FirstOrDefault(p => p.IsDefault)?.Id,
            ReporterAccountId = caller.AccountId,
            CreatorAccountId = caller.AccountId,
            Created = now,
            Updated = now,
        };
        project.NextIssueNumber++;
        var noHistory = new ChangeRecorder(enabled: false);
        foreach (var apply in appliers)
        {
            apply(issue, noHistory);
        }
        IssueOperations.ApplyProperties(issue, properties);
        site.AddIssue(issue);
        SiteEvents.IssueCreated(rc, issue);

        JsonObject? transition = null;
        if (body["transition"] is JsonObject requested)
        {
            var result = IssueTransitions.Perform(rc, caller, issue, new JsonObject { ["transition"] = requested.DeepClone() });
            transition = new JsonObject
            {
                ["status"] = result.Succeeded ? 200 : 400,
                ["errorCollection"] = new JsonObject
                {
                    ["errorMessages"] = new JsonArray([.. result.ErrorMessages.Select(m => JsonValue.Create(m))]),
                    ["errors"] = new JsonObject([.. result.Errors.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)JsonValue.Create(e.Value)))]),
                },
            };
        }
        return new CreateOutcome(issue, [], errors, transition);
    }

    /// <summary>project {id|key} (or a bare id/key): only projects the caller may browse exist for them.</summary>
    private static Project? ResolveProject(Site site, User caller, JsonNode? node)
    {
        var idOrKey = node is JsonObject obj
            ? IssueInput.IdText(obj["id"]) ?? RequestReading.String(obj["key"])
            : IssueInput.IdText(node);
        return idOrKey is not null && site.TryGetProject(idOrKey, out var project) && PermissionService.CanBrowse(site, caller, project)
            ? project
            : null;
    }

    private static void CheckRequired(IssueEditContext ctx, List<FieldOperation> ops)
    {
        bool Given(string id) => ops.Any(o => o.FieldId == id);
        if (!Given("summary"))
        {
            ctx.Fail("summary", IssueMessages.SummaryRequired);
        }
        foreach (var required in EditableFields.RequiredOnCreate(ctx.Site, ctx.Project, ctx.IssueType))
        {
            if (!Given(required))
            {
                ctx.Fail(required, IssueMessages.Required(ctx.Site.CustomField(required)?.Name ?? required));
            }
        }
        if (ctx.IssueType.Subtask && !Given("parent"))
        {
            ctx.Fail("issuetype", IssueMessages.SubtaskNeedsParent);
        }
    }
}
