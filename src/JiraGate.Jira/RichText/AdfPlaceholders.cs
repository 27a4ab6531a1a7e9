using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace JiraGate.Jira.RichText;

/// <summary>
/// Visible stand-ins for ADF nodes that Markdown and wiki markup cannot express, so nothing Jira sends is
/// silently dropped: <c>[status: DONE]</c>, <c>[emoji: 😀]</c>, <c>[panel: info]</c> … <c>[/panel]</c>.
/// </summary>
internal static class AdfPlaceholders
{
    /// <summary>Node types that sit inside a paragraph rather than beside it.</summary>
    public static readonly HashSet<string> InlineTypes =
    [
        "text", "mention", "hardBreak", "emoji", "status", "date", "inlineCard", "mediaInline", "placeholder",
        "inlineExtension",
    ];

    public static bool IsInline(JsonNode? node) => AdfJson.TypeOf(node) is { } type && InlineTypes.Contains(type);

    /// <summary><c>[type: detail]</c>, the detail taken from the attribute that best names the node.</summary>
    public static string Label(JsonNode node, bool withText)
    {
        var type = AdfJson.TypeOf(node) ?? "unknown";
        var attrs = AdfJson.Attrs(node);
        var detail = type switch
        {
            "date" => Date(AdfJson.Number(attrs, "timestamp")) ?? AdfJson.String(attrs, "timestamp"),
            "emoji" => AdfJson.String(attrs, "text") ?? AdfJson.String(attrs, "shortName"),
            "status" or "placeholder" => AdfJson.String(attrs, "text"),
            "panel" => AdfJson.String(attrs, "panelType"),
            "expand" or "nestedExpand" => AdfJson.String(attrs, "title"),
            "taskItem" or "decisionItem" or "blockTaskItem" => AdfJson.String(attrs, "state"),
            "inlineCard" or "blockCard" or "embedCard" =>
                AdfJson.String(attrs, "url") ?? AdfJson.String(attrs?["data"] as JsonObject, "url"),
            "media" or "mediaInline" =>
                AdfJson.String(attrs, "alt") ?? AdfJson.String(attrs, "url") ?? AdfJson.String(attrs, "id"),
            "extension" or "bodiedExtension" or "inlineExtension" => AdfJson.String(attrs, "extensionKey"),
            _ => AdfJson.String(attrs, "text") ?? AdfJson.String(attrs, "title") ?? AdfJson.String(attrs, "url"),
        };

        if (string.IsNullOrEmpty(detail) && withText)
        {
            detail = PlainText(node);
        }

        detail = detail?.Replace('\n', ' ').Replace('\r', ' ');
        return string.IsNullOrEmpty(detail) ? $"[{type}]" : $"[{type}: {detail}]";
    }

    public static string Closing(JsonNode node) => $"[/{AdfJson.TypeOf(node) ?? "unknown"}]";

    /// <summary>All text under a node, blocks separated by spaces; iterative so any depth is safe.</summary>
    public static string PlainText(JsonNode node)
    {
        var text = new StringBuilder();
        var stack = new Stack<JsonNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            switch (AdfJson.TypeOf(current))
            {
                case "text":
                    text.Append(AdfJson.String((JsonObject)current, "text"));
                    continue;
                case "mention" or "emoji" or "status":
                    text.Append(AdfJson.String(AdfJson.Attrs(current), "text"));
                    continue;
                case "hardBreak":
                    text.Append(' ');
                    continue;
                default:
                    break;
            }

            if (AdfJson.Content(current) is { } content)
            {
                if (text.Length > 0 && text[^1] != ' ' && !IsInline(current))
                {
                    text.Append(' ');
                }

                for (var i = content.Count - 1; i >= 0; i--)
                {
                    if (content[i] is { } child)
                    {
                        stack.Push(child);
                    }
                }
            }
        }

        return text.ToString().Trim();
    }

    private static string? Date(double? milliseconds)
    {
        const double Max = 253402300799999; // 9999-12-31
        return milliseconds is { } ms && ms is >= -62135596800000 and <= Max
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }
}
