using System.Text.Json;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Rendering;

internal static partial class IssueWriter
{
    public static void WriteComment(Utf8JsonWriter w, RenderContext rc, Issue issue, Comment c)
    {
        w.WriteStartObject();
        w.WriteString("self", rc.Self($"{rc.Api}/issue/{issue.Id}/comment/{c.Id}"));
        w.WriteString("id", Id(c.Id));
        EntityWriter.WriteUserOrNull(w, rc, "author", c.AuthorAccountId);
        rc.WriteRichText(w, "body", c.Body);
        EntityWriter.WriteUserOrNull(w, rc, "updateAuthor", c.UpdateAuthorAccountId);
        w.WriteString("created", JiraDates.Format(c.Created));
        w.WriteString("updated", JiraDates.Format(c.Updated));
        WriteVisibility(w, c.Visibility);
        if (!rc.IsDataCenter)
        {
            w.WriteBoolean("jsdPublic", c.JsdPublic);
        }
        w.WriteEndObject();
    }

    public static void WriteWorklog(Utf8JsonWriter w, RenderContext rc, Issue issue, Worklog wl)
    {
        w.WriteStartObject();
        w.WriteString("self", rc.Self($"{rc.Api}/issue/{issue.Id}/worklog/{wl.Id}"));
        EntityWriter.WriteUserOrNull(w, rc, "author", wl.AuthorAccountId);
        EntityWriter.WriteUserOrNull(w, rc, "updateAuthor", wl.UpdateAuthorAccountId);
        if (wl.Comment is not null)
        {
            rc.WriteRichText(w, "comment", wl.Comment);
        }
        w.WriteString("created", JiraDates.Format(wl.Created));
        w.WriteString("updated", JiraDates.Format(wl.Updated));
        w.WriteString("started", JiraDates.Format(wl.Started));
        w.WriteString("timeSpent", Duration(wl.TimeSpentSeconds));
        w.WriteNumber("timeSpentSeconds", wl.TimeSpentSeconds);
        w.WriteString("id", Id(wl.Id));
        w.WriteString("issueId", Id(issue.Id));
        WriteVisibility(w, wl.Visibility);
        w.WriteEndObject();
    }

    public static void WriteAttachment(Utf8JsonWriter w, RenderContext rc, Attachment a)
    {
        w.WriteStartObject();
        w.WriteString("self", rc.Self($"{rc.Api}/attachment/{a.Id}"));
        w.WriteString("id", Id(a.Id));
        w.WriteString("filename", a.Filename);
        EntityWriter.WriteUserOrNull(w, rc, "author", a.AuthorAccountId);
        w.WriteString("created", JiraDates.Format(a.Created));
        w.WriteNumber("size", a.Size);
        w.WriteString("mimeType", a.MimeType);
        w.WriteString("content", rc.Self($"{rc.Api}/attachment/content/{a.Id}"));
        if (a.MimeType.StartsWith("image/", StringComparison.Ordinal))
        {
            w.WriteString("thumbnail", rc.Self($"{rc.Api}/attachment/thumbnail/{a.Id}"));
        }
        w.WriteEndObject();
    }

    public static void WriteChangeGroup(Utf8JsonWriter w, RenderContext rc, ChangeGroup change)
    {
        w.WriteStartObject();
        w.WriteString("id", Id(change.Id));
        EntityWriter.WriteUserOrNull(w, rc, "author", change.AuthorAccountId);
        w.WriteString("created", JiraDates.Format(change.Created));
        w.WriteStartArray("items");
        foreach (var item in change.Items)
        {
            w.WriteStartObject();
            w.WriteString("field", item.Field);
            w.WriteString("fieldtype", item.FieldType);
            if (item.FieldId is not null)
            {
                w.WriteString("fieldId", item.FieldId);
            }
            // The spec types these as plain strings: absent rather than null when there is no value.
            WriteIfNotNull(w, "from", item.From);
            WriteIfNotNull(w, "fromString", item.FromString);
            WriteIfNotNull(w, "to", item.To);
            WriteIfNotNull(w, "toString", item.ToString_);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteIfNotNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteVisibility(Utf8JsonWriter w, Visibility? visibility)
    {
        if (visibility is null)
        {
            return;
        }
        w.WriteStartObject("visibility");
        w.WriteString("type", visibility.Type);
        w.WriteString("value", visibility.Value);
        if (visibility.Identifier is not null)
        {
            w.WriteString("identifier", visibility.Identifier);
        }
        w.WriteEndObject();
    }
}
