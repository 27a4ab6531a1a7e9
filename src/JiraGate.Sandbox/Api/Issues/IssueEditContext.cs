using System.Text.Json.Nodes;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;

namespace JiraGate.Sandbox.Api.Issues;

/// <summary>One requested change: a field, the verb (set/add/remove/edit) and its value.</summary>
internal sealed record FieldOperation(string FieldId, string Verb, JsonNode? Value);

/// <summary>Applies an already validated change to the issue and records what changed.</summary>
internal delegate void FieldApplier(Issue issue, ChangeRecorder changes);

/// <summary>
/// Everything field validation needs for one create, edit or transition: the site, the REST version (rich-text
/// format), the caller, the project and issue type, the issue being edited (null on create), the fields the
/// caller may set, and the errors found so far (field errors and general messages, as ErrorCollection has them).
/// </summary>
internal sealed class IssueEditContext
{
    public IssueEditContext(RenderContext render, User caller, Project project, IssueTypeDef issueType, Issue? existing, List<EditableField>? screen = null)
    {
        Render = render;
        Caller = caller;
        Project = project;
        IssueType = issueType;
        Existing = existing;
        Screen = screen ?? (existing is null
            ? EditableFields.ForCreate(render.Site, caller, project, issueType)
            : EditableFields.ForEdit(render.Site, caller, existing));
    }

    public RenderContext Render { get; }

    public Site Site => Render.Site;

    public User Caller { get; }

    public Project Project { get; }

    /// <summary>The issue type after the change (on create, the requested one).</summary>
    public IssueTypeDef IssueType { get; set; }

    public Issue? Existing { get; }

    public bool IsCreate => Existing is null;

    public bool IsDataCenter => Site.Flavor == SandboxFlavor.DataCenter;

    /// <summary>Fields the caller may set in this operation.</summary>
    public List<EditableField> Screen { get; }

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public List<string> ErrorMessages { get; } = [];

    public bool HasErrors => Errors.Count > 0 || ErrorMessages.Count > 0;

    /// <summary>Records a field error (the first one per field wins, as Jira reports one message per field).</summary>
    public FieldApplier? Fail(string fieldId, string message)
    {
        Errors.TryAdd(fieldId, message);
        return null;
    }
}
