using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiraGate.Jira.RichText;

/// <summary>
/// Tolerant readers and small builders for ADF nodes. Readers never throw: a missing or oddly typed
/// property reads as null, because Jira may send nodes and attributes newer than any schema we know.
/// </summary>
internal static class AdfJson
{
    /// <summary>The attribute that marks a mention built from a Data Center username (wiki path only, never sent to Cloud).</summary>
    public const string UsernameAttr = "x-jiragate-username";

    public static string? TypeOf(JsonNode? node) => node is JsonObject o ? String(o, "type") : null;

    public static JsonObject? Attrs(JsonNode? node) => node is JsonObject o && o.TryGetPropertyValue("attrs", out var a) ? a as JsonObject : null;

    public static JsonArray? Content(JsonNode? node) =>
        node is JsonObject o && o.TryGetPropertyValue("content", out var c) ? c as JsonArray : null;

    public static string? String(JsonObject? obj, string key)
    {
        return obj is not null && obj.TryGetPropertyValue(key, out var value) ? ValueString(value) : null;
    }

    /// <summary>A JSON string, number or boolean as text; null for anything else.</summary>
    public static string? ValueString(JsonNode? value)
    {
        if (value is not JsonValue v)
        {
            return null;
        }

        return v.GetValueKind() switch
        {
            JsonValueKind.String => v.TryGetValue<string>(out var s) ? s : null,
            JsonValueKind.Number => v.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    public static double? Number(JsonObject? obj, string key) =>
        double.TryParse(String(obj, key), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
            ? d
            : null;

    public static bool Flag(JsonObject? obj, string key) => String(obj, key) == "true";

    public static JsonObject Node(string type, JsonArray? content = null, JsonObject? attrs = null)
    {
        var node = new JsonObject { ["type"] = type };
        if (attrs is not null)
        {
            node["attrs"] = attrs;
        }

        if (content is not null)
        {
            node["content"] = content;
        }

        return node;
    }

    public static JsonObject Text(string text, MarkSet marks)
    {
        var node = new JsonObject { ["type"] = "text", ["text"] = text };
        if (marks.ToJson() is { } array)
        {
            node["marks"] = array;
        }

        return node;
    }

    public static JsonObject Paragraph(IEnumerable<JsonObject> inlines)
    {
        var content = new JsonArray();
        foreach (var inline in inlines)
        {
            content.Append(inline);
        }

        // An empty paragraph has no content array at all, as the Jira editor writes it.
        return content.Count == 0 ? Node("paragraph") : Node("paragraph", content);
    }
}

/// <summary>Adds nodes to a <see cref="JsonArray"/> through the non-generic overload (the generic one is not AOT-safe).</summary>
internal static class JsonArrayExtensions
{
    public static void Append(this JsonArray array, JsonNode node) => array.Add(node);
}
