using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiraGate.Sandbox.Adf;

/// <summary>
/// Builders and tolerant accessors for the Atlassian Document Format nodes this module reads and writes.
/// Accessors never throw on malformed input: a missing or mistyped property reads as <see langword="null"/>.
/// </summary>
internal static class AdfNodes
{
    public static JsonObject Doc(JsonArray content) =>
        new() { ["type"] = "doc", ["version"] = 1, ["content"] = content };

    public static JsonObject Paragraph(JsonArray content) => new() { ["type"] = "paragraph", ["content"] = content };

    public static JsonObject Heading(int level, JsonArray content) =>
        new() { ["type"] = "heading", ["attrs"] = new JsonObject { ["level"] = level }, ["content"] = content };

    public static JsonObject HardBreak() => new() { ["type"] = "hardBreak" };

    public static JsonObject Rule() => new() { ["type"] = "rule" };

    public static JsonObject Mention(string id) =>
        new() { ["type"] = "mention", ["attrs"] = new JsonObject { ["id"] = id } };

    /// <summary>A text node; the marks are deep-cloned so one mark prototype can be reused across nodes.</summary>
    public static JsonObject Text(string text, IReadOnlyList<JsonObject>? marks = null)
    {
        var node = new JsonObject { ["type"] = "text", ["text"] = text };
        if (marks is { Count: > 0 })
        {
            var array = new JsonArray();
            foreach (var mark in marks)
            {
                array.Add(mark.DeepClone());
            }

            node["marks"] = array;
        }

        return node;
    }

    public static JsonObject Mark(string type) => new() { ["type"] = type };

    public static JsonObject LinkMark(string href) =>
        new() { ["type"] = "link", ["attrs"] = new JsonObject { ["href"] = href } };

    /// <summary>A <c>subsup</c> mark; <paramref name="kind"/> is <c>sub</c> or <c>sup</c>.</summary>
    public static JsonObject SubSupMark(string kind) =>
        new() { ["type"] = "subsup", ["attrs"] = new JsonObject { ["type"] = kind } };

    public static string? TypeOf(JsonNode? node) => StringProperty(node, "type");

    public static JsonArray? ContentOf(JsonNode? node) =>
        node is JsonObject obj && obj.TryGetPropertyValue("content", out var content) ? content as JsonArray : null;

    public static JsonArray? MarksOf(JsonNode? node) =>
        node is JsonObject obj && obj.TryGetPropertyValue("marks", out var marks) ? marks as JsonArray : null;

    public static string? StringProperty(JsonNode? node, string name) =>
        node is JsonObject obj && obj.TryGetPropertyValue(name, out var value) ? AsString(value) : null;

    public static string? StringAttr(JsonNode? node, string name) =>
        node is JsonObject obj && obj.TryGetPropertyValue("attrs", out var attrs) ? StringProperty(attrs, name) : null;

    /// <summary>Reads an integral numeric attribute (<c>2</c> or <c>2.0</c>); anything else reads as null.</summary>
    public static int? IntAttr(JsonNode? node, string name)
    {
        if (node is not JsonObject obj || !obj.TryGetPropertyValue("attrs", out var attrs) ||
            attrs is not JsonObject attrObj || !attrObj.TryGetPropertyValue(name, out var value) ||
            value is not JsonValue jsonValue)
        {
            return null;
        }

        if (jsonValue.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }

        if (jsonValue.TryGetValue(out int integer))
        {
            return integer;
        }

        return jsonValue.TryGetValue(out double number) && number == Math.Floor(number) &&
            number >= int.MinValue && number <= int.MaxValue
            ? (int)number
            : null;
    }

    private static string? AsString(JsonNode? value) =>
        value is JsonValue jsonValue && jsonValue.GetValueKind() == JsonValueKind.String
            ? jsonValue.GetValue<string>()
            : null;
}
