using System.Text.Json;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;

namespace JiraGate.Sandbox.Api.Issues;

/// <summary>
/// An issue as GET /issue returns it: the shared <see cref="IssueWriter"/> output plus what only this family
/// knows — <c>editmeta</c>, and <c>transitions</c> filtered by the caller's TRANSITION_ISSUES permission.
/// </summary>
internal static class IssueView
{
    public static void Write(Utf8JsonWriter w, RenderContext rc, Issue issue, FieldSelection fields,
        IReadOnlyCollection<string> expand, IReadOnlyCollection<string>? properties)
    {
        var needsEditMeta = expand.Contains("editmeta");
        var needsTransitions = expand.Contains("transitions");
        if (!needsEditMeta && !needsTransitions)
        {
            IssueWriter.Write(w, rc, issue, fields, expand, properties);
            return;
        }
        var node = IssueHttp.RenderNode(x => IssueWriter.Write(x, rc, issue, fields, expand, properties)).AsObject();
        if (needsTransitions)
        {
            node["transitions"] = IssueHttp.RenderNode(x =>
            {
                x.WriteStartArray();
                foreach (var (t, available) in IssueTransitions.Visible(rc.Site, rc.Caller.User, issue, includeUnavailable: false))
                {
                    IssueTransitions.Write(x, rc, issue, t, available, includeFields: false);
                }
                x.WriteEndArray();
            });
        }
        if (needsEditMeta)
        {
            node["editmeta"] = IssueHttp.RenderNode(x => WriteEditMeta(x, rc, issue));
        }
        node.WriteTo(w);
    }

    /// <summary>IssueUpdateMetadata: the fields the caller may edit, keyed by id.</summary>
    public static void WriteEditMeta(Utf8JsonWriter w, RenderContext rc, Issue issue)
    {
        var site = rc.Site;
        var project = site.ProjectOf(issue);
        var type = site.IssueType(issue.IssueTypeId)!;
        var required = EditableFields.RequiredOnCreate(site, project, type).ToHashSet(StringComparer.Ordinal);
        w.WriteStartObject();
        w.WriteStartObject("fields");
        foreach (var field in EditableFields.ForEdit(site, rc.Caller.User, issue))
        {
            w.WritePropertyName(field.Id);
            var isRequired = field.Id is "summary" or "issuetype" or "reporter" || required.Contains(field.Id) || (field.Id == "parent" && type.Subtask);
            MetaWriter.WriteField(w, rc, field, project, type, isRequired, forCreate: false);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
