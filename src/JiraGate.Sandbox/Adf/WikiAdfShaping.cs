using System.Text.Json.Nodes;

namespace JiraGate.Sandbox.Adf;

/// <summary>
/// Shapes the ADF read from wiki markup so that it validates where it is placed and is canonical: what
/// <see cref="WikiMarkup.FromAdf"/> writes for it reads back as the same nodes.
/// </summary>
internal static class WikiAdfShaping
{
    /// <summary>
    /// A blockquote holds only paragraphs, lists and code in ADF: a heading becomes a paragraph, a table its cells'
    /// paragraphs, a nested quote its content; rules and empty paragraphs (which have no text) are left out.
    /// </summary>
    public static JsonObject Blockquote(List<JsonObject> blocks)
    {
        var content = new JsonArray();
        foreach (var block in blocks)
        {
            switch (AdfNodes.TypeOf(block))
            {
                case "heading":
                    var inline = AdfNodes.ContentOf(block) ?? [];
                    block.Remove("content");
                    AddToQuote(content, AdfNodes.Paragraph(inline));
                    break;
                case "table":
                    foreach (var paragraph in Detach(AdfNodes.ContentOf(block))
                                 .SelectMany(row => Detach(AdfNodes.ContentOf(row)))
                                 .SelectMany(cell => Detach(AdfNodes.ContentOf(cell))))
                    {
                        AddToQuote(content, paragraph);
                    }

                    break;
                case "blockquote":
                    foreach (var child in Detach(AdfNodes.ContentOf(block)))
                    {
                        AddToQuote(content, child);
                    }

                    break;
                case "rule":
                    break;
                default:
                    AddToQuote(content, block);
                    break;
            }
        }

        if (content.Count == 0)
        {
            content.Add((JsonNode)AdfNodes.Paragraph([]));
        }

        return new JsonObject { ["type"] = "blockquote", ["content"] = content };
    }

    /// <summary>Blank paragraphs (an empty <c>bq.</c> line or table cell) have no text and no wiki form: dropped.</summary>
    private static void AddToQuote(JsonArray content, JsonNode block)
    {
        if (AdfNodes.TypeOf(block) != "paragraph" || !IsBlank(AdfNodes.ContentOf(block) ?? []))
        {
            content.Add(block);
        }
    }

    private static List<JsonNode> Detach(JsonArray? array)
    {
        if (array is null)
        {
            return [];
        }

        var items = array.OfType<JsonNode>().ToList();
        array.Clear();
        return items;
    }

    /// <summary>True when inline content shows nothing but blanks: such a paragraph is a blank line in wiki markup.</summary>
    public static bool IsBlank(JsonArray inline) =>
        inline.All(n => AdfNodes.TypeOf(n) == "text" && string.IsNullOrWhiteSpace(AdfNodes.StringProperty(n, "text")));

    private static JsonArray Inline(string text) => [.. WikiInlineReader.Parse(text).Cast<JsonNode>()];

    /// <summary>
    /// Inline content for a heading, list item or table cell, whose surrounding blanks wiki markup does not keep:
    /// blanks at the edges of unformatted text are removed, also when they only appear after parsing
    /// (<c>{_}{_} x</c>).
    /// </summary>
    public static JsonArray TrimmedInline(string text)
    {
        var inline = Inline(text);
        TrimEdge(inline, atStart: true);
        TrimEdge(inline, atStart: false);
        return inline;
    }

    private static void TrimEdge(JsonArray inline, bool atStart)
    {
        while (inline.Count > 0)
        {
            var index = atStart ? 0 : inline.Count - 1;
            var node = inline[index];
            if (AdfNodes.TypeOf(node) != "text" || AdfNodes.MarksOf(node) is { Count: > 0 })
            {
                return;
            }

            var text = AdfNodes.StringProperty(node, "text") ?? string.Empty;
            var trimmed = atStart ? text.TrimStart() : text.TrimEnd();
            if (trimmed.Length > 0)
            {
                node!["text"] = trimmed;
                return;
            }

            inline.RemoveAt(index);
        }
    }
}
