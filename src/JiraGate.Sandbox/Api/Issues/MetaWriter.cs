using System.Text.Json;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;

namespace JiraGate.Sandbox.Api.Issues;

/// <summary>
/// Writes Jira's field metadata (FieldMetadata / FieldCreateMetadata): required, schema, name, key, operations,
/// and allowedValues wherever the set of values is finite. Used by createmeta, editmeta and transition screens.
/// </summary>
internal static class MetaWriter
{
    /// <summary>One field's metadata; <paramref name="forCreate"/> (createmeta) also writes <c>fieldId</c> and the priority default.</summary>
    public static void WriteField(Utf8JsonWriter w, RenderContext rc, EditableField field, Project project, IssueTypeDef type, bool required, bool forCreate)
    {
        var site = rc.Site;
        w.WriteStartObject();
        w.WriteBoolean("required", required);
        w.WritePropertyName("schema");
        IssueWriter.WriteSchema(w, field.Info);
        w.WriteString("name", field.Info.Name);
        w.WriteString("key", field.Id);
        if (forCreate)
        {
            w.WriteString("fieldId", field.Id);
        }
        var user = field.Id is "assignee" or "reporter" || field.Custom?.Kind == CustomFieldKinds.User;
        if (user)
        {
            w.WriteString("autoCompleteUrl", rc.IsDataCenter
                ? rc.Self($"{rc.Api}/user/picker?query=")
                : rc.Self($"{rc.Api}/user/search?query="));
        }
        else if (field.Id == "labels" || field.Custom?.Kind == CustomFieldKinds.Labels)
        {
            w.WriteString("autoCompleteUrl", rc.Self($"{rc.Api}/label/suggest?query="));
        }
        var defaultPriority = forCreate && field.Id == "priority" ? site.Data.Priorities.FirstOrDefault(p => p.IsDefault) : null;
        w.WriteBoolean("hasDefaultValue", defaultPriority is not null || (forCreate && field.Id == "reporter"));
        w.WriteStartArray("operations");
        foreach (var op in field.Operations)
        {
            w.WriteStringValue(op);
        }
        w.WriteEndArray();
        WriteAllowedValues(w, rc, field, project, type, forCreate);
        if (defaultPriority is not null)
        {
            w.WritePropertyName("defaultValue");
            EntityWriter.WritePriority(w, rc, defaultPriority);
        }
        w.WriteEndObject();
    }

    private static void WriteAllowedValues(Utf8JsonWriter w, RenderContext rc, EditableField field, Project project, IssueTypeDef type, bool forCreate)
    {
        var site = rc.Site;
        switch (field.Id)
        {
            case "project":
                Write(w, [project], p => EntityWriter.WriteProjectRef(w, rc, p));
                break;
            case "issuetype":
                List<IssueTypeDef> types = forCreate
                    ? [type]
                    : project.IssueTypeIds.Select(site.IssueType).OfType<IssueTypeDef>()
                        .Where(t => t.HierarchyLevel == type.HierarchyLevel && project.WorkflowIdFor(t.Id) == project.WorkflowIdFor(type.Id)).ToList();
                Write(w, types, t => EntityWriter.WriteIssueType(w, rc, t));
                break;
            case "priority":
                Write(w, site.Data.Priorities, p => EntityWriter.WritePriority(w, rc, p));
                break;
            case "components":
                Write(w, project.Components, c => EntityWriter.WriteComponentRef(w, rc, c));
                break;
            case "fixVersions" or "versions":
                Write(w, project.Versions.Where(v => !v.Archived), v => EntityWriter.WriteVersion(w, rc, project, v));
                break;
            case "security":
                Write(w, site.SecurityScheme(project.IssueSecuritySchemeId)?.Levels ?? [], l => EntityWriter.WriteSecurityLevel(w, rc, l));
                break;
            case "resolution":
                Write(w, site.Data.Resolutions, r => EntityWriter.WriteResolution(w, rc, r));
                break;
            default:
                if (field.Custom is { Kind: CustomFieldKinds.Select } select)
                {
                    Write(w, select.Options, o =>
                    {
                        w.WriteStartObject();
                        w.WriteString("self", rc.Self($"{rc.Api}/customFieldOption/{o.Id}"));
                        w.WriteString("value", o.Value);
                        w.WriteString("id", o.Id);
                        w.WriteEndObject();
                    });
                }
                break;
        }
    }

    private static void Write<T>(Utf8JsonWriter w, IEnumerable<T> values, Action<T> write)
    {
        w.WriteStartArray("allowedValues");
        foreach (var value in values)
        {
            write(value);
        }
        w.WriteEndArray();
    }

    /// <summary>Field metadata for a transition screen field (resolution or any screen field).</summary>
    public static EditableField ScreenField(Site site, string fieldId)
    {
        var custom = site.CustomField(fieldId);
        var info = FieldCatalog.Find(site, fieldId)
            ?? new FieldInfo(fieldId, fieldId, "any", null, fieldId, false, false, false, false, []);
        return new EditableField(info, EditableFields.OperationsOf(fieldId, custom), custom);
    }
}
