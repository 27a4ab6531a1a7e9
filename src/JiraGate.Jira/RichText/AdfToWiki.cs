using System.Text;
using System.Text.Json.Nodes;

namespace JiraGate.Jira.RichText;

/// <summary>
/// ADF to Jira wiki markup (Data Center REST v2). Wiki lists are line-based, so a list item keeps its first
/// paragraph and nested lists; its other blocks are joined to that line with <c>\\</c> breaks. Wiki cannot state
/// an ordered list's start number or a mention's display name. Unknown nodes become the same visible placeholders
/// as in Markdown.
/// </summary>
internal static class AdfToWiki
{
    private const int MaxDepth = 64;

    public static string Convert(JsonNode? adf) => adf switch
    {
        null => string.Empty,
        _ when AdfJson.TypeOf(adf) == "doc" => Blocks(AdfJson.Content(adf), 0),
        JsonArray array => Blocks(array, 0),
        _ => Blocks([adf], 0),
    };

    private static string Blocks(IEnumerable<JsonNode?>? nodes, int depth)
    {
        var parts = new List<string>();
        var inlineRun = new List<InlineItem>();
        foreach (var node in nodes ?? [])
        {
            if (node is not JsonObject block)
            {
                continue;
            }

            if (AdfPlaceholders.IsInline(block))
            {
                InlineItem.Add(inlineRun, block);
                continue;
            }

            Add(parts, Inline(inlineRun));
            inlineRun.Clear();
            Add(parts, Block(block, depth));
        }

        Add(parts, Inline(inlineRun));
        return string.Join("\n\n", parts);
    }

    private static void Add(List<string> parts, string? part)
    {
        if (!string.IsNullOrEmpty(part))
        {
            parts.Add(part);
        }
    }

    private static string? Inline(List<InlineItem> items, InlinePlace place = InlinePlace.Paragraph) =>
        items.Count == 0 ? null : InlineWriter.Write(items, place, InlineSyntax.Wiki);

    private static string? Block(JsonObject node, int depth)
    {
        if (depth > MaxDepth)
        {
            return Inline([new InlineItem(InlineKind.Placeholder, AdfPlaceholders.PlainText(node), MarkSet.None)]);
        }

        var content = AdfJson.Content(node);
        switch (AdfJson.TypeOf(node))
        {
            case "paragraph":
                return Inline(InlineItem.Read(content));
            case "heading":
                var level = (int)Math.Clamp(AdfJson.Number(AdfJson.Attrs(node), "level") ?? 1, 1, 6);
                return $"h{level}. " + Inline(InlineItem.Read(content), InlinePlace.Heading);
            case "bulletList" or "orderedList":
                var lines = new StringBuilder();
                List(node, string.Empty, lines, depth);
                return lines.ToString();
            case "blockquote":
                return "{quote}\n" + Blocks(content, depth + 1) + "\n{quote}";
            case "codeBlock":
                return CodeBlock(node);
            case "rule":
                return "----";
            case "table":
                return Table(node);
            case null or "listItem" or "tableRow" or "tableCell" or "tableHeader":
                return Blocks(content, depth + 1);
            default:
                // Same placeholders as the Markdown writer: "[panel: info]" … "[/panel]" around the content.
                var markdownStyle = new List<InlineItem> { new(InlineKind.Placeholder, AdfPlaceholders.Label(node, withText: content is null), MarkSet.None) };
                if (content is null || content.Count == 0)
                {
                    return Inline(markdownStyle);
                }

                if (content.All(c => AdfPlaceholders.IsInline(c)))
                {
                    markdownStyle.Add(new InlineItem(InlineKind.Text, " ", MarkSet.None));
                    markdownStyle.AddRange(InlineItem.Read(content));
                    return Inline(markdownStyle);
                }

                var closing = Inline([new InlineItem(InlineKind.Placeholder, AdfPlaceholders.Closing(node), MarkSet.None)]);
                return Inline(markdownStyle) + "\n\n" + Blocks(content, depth + 1) + "\n\n" + closing;
        }
    }

    private static void List(JsonObject list, string prefix, StringBuilder lines, int depth)
    {
        var marker = prefix + (AdfJson.TypeOf(list) == "orderedList" ? '#' : '*');
        foreach (var item in AdfJson.Content(list) ?? [])
        {
            if (item is not JsonObject itemNode)
            {
                continue;
            }

            var line = new List<InlineItem>();
            var nested = new List<JsonObject>();
            var blocks = AdfJson.TypeOf(itemNode) == "listItem" ? AdfJson.Content(itemNode) ?? [] : new JsonArray(itemNode.DeepClone());
            foreach (var block in blocks.OfType<JsonObject>())
            {
                switch (AdfJson.TypeOf(block))
                {
                    case "bulletList" or "orderedList":
                        nested.Add(block);
                        break;
                    case "paragraph":
                        AddLine(line, InlineItem.Read(AdfJson.Content(block)));
                        break;
                    case "codeBlock":
                        var code = AdfPlaceholders.PlainText(block);
                        AddLine(line, code.Length == 0 ? [] : [new InlineItem(InlineKind.Text, code, new MarkSet(TextStyle.Code, null))]);
                        break;
                    default:
                        AddLine(line, [new InlineItem(InlineKind.Placeholder, AdfPlaceholders.PlainText(block), MarkSet.None)]);
                        break;
                }
            }

            if (lines.Length > 0)
            {
                lines.Append('\n');
            }

            lines.Append(marker).Append(' ').Append(Inline(line));
            foreach (var child in nested)
            {
                if (depth < MaxDepth)
                {
                    List(child, marker, lines, depth + 1);
                }
            }
        }
    }

    private static void AddLine(List<InlineItem> line, List<InlineItem> items)
    {
        if (line.Count > 0)
        {
            line.Add(InlineItem.Break);
        }

        line.AddRange(items);
    }

    private static string CodeBlock(JsonObject node)
    {
        var text = new StringBuilder();
        foreach (var child in AdfJson.Content(node) ?? [])
        {
            text.Append(AdfJson.TypeOf(child) == "hardBreak" ? "\n" : child is JsonObject o ? AdfJson.String(o, "text") : null);
        }

        var code = text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        var language = new string((AdfJson.String(AdfJson.Attrs(node), "language") ?? string.Empty)
            .Where(c => c is not ('}' or '|' or ':' or '{' or '\n' or '\r')).ToArray());
        var macro = code.Contains("{code", StringComparison.Ordinal) ? "noformat" : "code";
        var open = macro == "code" && language.Length > 0 ? $"{{code:{language}}}" : $"{{{macro}}}";
        return code.Length == 0 ? $"{open}\n{{{macro}}}" : $"{open}\n{code}\n{{{macro}}}";
    }

    private static string? Table(JsonObject table)
    {
        var rows = new List<string>();
        foreach (var row in (AdfJson.Content(table) ?? []).OfType<JsonObject>())
        {
            var sb = new StringBuilder();
            foreach (var cell in (AdfJson.Content(row) ?? []).OfType<JsonObject>())
            {
                var separator = AdfJson.TypeOf(cell) == "tableHeader" ? "||" : "|";
                var text = InlineWriter.Write(AdfTableWriter.CellItems(cell), InlinePlace.TableCell, InlineSyntax.Wiki);
                sb.Append(separator).Append(text.Length == 0 ? " " : text);
                if (cell == (AdfJson.Content(row) ?? []).OfType<JsonObject>().Last())
                {
                    sb.Append(separator);
                }
            }

            if (sb.Length > 0)
            {
                rows.Add(sb.ToString());
            }
        }

        return rows.Count == 0 ? null : string.Join('\n', rows);
    }
}
