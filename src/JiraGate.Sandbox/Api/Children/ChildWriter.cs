using System.Text.Json;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;

namespace JiraGate.Sandbox.Api.Children;

/// <summary>
/// Shapes of the comment, worklog and attachment responses that IssueWriter's embedded shapes do not cover:
/// comments with <c>expand=renderedBody</c> and the attachment metadata bean of <c>GET /attachment/{id}</c>.
/// </summary>
internal static class ChildWriter
{
    /// <summary>A comment as <c>GET/POST/PUT …/comment</c> answer it; <paramref name="rendered"/> adds renderedBody.</summary>
    public static void WriteComment(Utf8JsonWriter w, RenderContext rc, Issue issue, Comment c, bool rendered)
    {
        if (!rendered)
        {
            IssueWriter.WriteComment(w, rc, issue, c);
            return;
        }
        // IssueWriter's shape plus renderedBody: render it, then splice the field in before the object closes.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var inner = new Utf8JsonWriter(buffer))
        {
            IssueWriter.WriteComment(inner, rc, issue, c);
        }
        using var doc = JsonDocument.Parse(buffer.WrittenMemory);
        w.WriteStartObject();
        foreach (var property in doc.RootElement.EnumerateObject())
        {
            property.WriteTo(w);
            if (property.NameEquals("body"))
            {
                w.WriteString("renderedBody", Html(c.Body.PlainText));
            }
        }
        w.WriteEndObject();
    }

    /// <summary>The legacy page <c>{startAt, maxResults, total, comments|worklogs}</c>.</summary>
    public static void WritePage<T>(Utf8JsonWriter w, string arrayName, long startAt, int maxResults, int total,
        IEnumerable<T> items, Action<Utf8JsonWriter, T> writeItem)
    {
        w.WriteStartObject();
        w.WriteNumber("startAt", startAt);
        w.WriteNumber("maxResults", maxResults);
        w.WriteNumber("total", total);
        w.WriteStartArray(arrayName);
        foreach (var item in items)
        {
            writeItem(w, item);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// <c>GET /attachment/{id}</c>: Cloud's AttachmentMetadata has a numeric id and a properties map;
    /// Data Center's bean has the string id of the embedded shape.
    /// </summary>
    public static void WriteAttachmentMetadata(Utf8JsonWriter w, RenderContext rc, Attachment a)
    {
        w.WriteStartObject();
        w.WriteString("self", rc.Self($"{rc.Api}/attachment/{a.Id}"));
        if (rc.IsDataCenter)
        {
            w.WriteString("id", IssueWriter.Id(a.Id));
        }
        else
        {
            w.WriteNumber("id", a.Id);
        }
        w.WriteString("filename", a.Filename);
        EntityWriter.WriteUserOrNull(w, rc, "author", a.AuthorAccountId);
        w.WriteString("created", JiraDates.Format(a.Created));
        w.WriteNumber("size", a.Size);
        w.WriteString("mimeType", a.MimeType);
        w.WriteStartObject("properties");
        w.WriteEndObject();
        w.WriteString("content", rc.Self($"{rc.Api}/attachment/content/{a.Id}"));
        if (a.MimeType.StartsWith("image/", StringComparison.Ordinal))
        {
            w.WriteString("thumbnail", rc.Self($"{rc.Api}/attachment/thumbnail/{a.Id}"));
        }
        w.WriteEndObject();
    }

    private static string Html(string text) =>
        "<p>" + System.Net.WebUtility.HtmlEncode(text).Replace("\n", "<br/>", StringComparison.Ordinal) + "</p>";
}
