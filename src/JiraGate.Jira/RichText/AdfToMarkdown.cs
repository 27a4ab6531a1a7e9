using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace JiraGate.Jira.RichText;

/// <summary>
/// ADF to Markdown. Tolerant by design: every node type is rendered (unknown ones as placeholders), missing
/// attributes take defaults, and nesting beyond <see cref="MaxDepth"/> is rendered as plain text.
/// </summary>
internal static class AdfToMarkdown
{
    private const int MaxDepth = 64;

    public static string Convert(JsonNode? adf) => adf switch
    {
        null => string.Empty,
        JsonValue value => AdfJson.ValueString(value) is { } text ? Paragraph(Items(text)) ?? string.Empty : string.Empty,
        JsonArray array => Blocks(array, 0),
        _ when AdfJson.TypeOf(adf) == "doc" => Blocks(AdfJson.Content(adf), 0),
        _ => Blocks([adf], 0),
    };

    private static List<InlineItem> Items(string text)
    {
        var items = new List<InlineItem>();
        InlineItem.AddText(items, text, MarkSet.None);
        return items;
    }

    private static string Blocks(IEnumerable<JsonNode?>? nodes, int depth, bool inListItem = false)
    {
        var parts = new List<string>();
        var tightBefore = new HashSet<int>();
        var inlineRun = new List<InlineItem>();
        string? previousList = null;
        string? previousType = null;
        var alternate = false;
        foreach (var node in nodes ?? [])
        {
            if (node is not JsonObject block)
            {
                continue;
            }

            if (AdfPlaceholders.IsInline(block))
            {
                InlineItem.Add(inlineRun, block); // inline nodes where blocks belong: gather them into a paragraph
                continue;
            }

            if (inlineRun.Count > 0)
            {
                Add(parts, Paragraph(inlineRun));
                inlineRun.Clear();
                previousType = "paragraph";
            }

            var type = AdfJson.TypeOf(block);
            if (type is "bulletList" or "orderedList")
            {
                // Two lists in a row would merge into one; a different marker keeps them apart.
                alternate = previousList == type && !alternate;
                previousList = type;
            }
            else
            {
                previousList = null;
                alternate = false;
            }

            var wasParagraph = parts.Count > 0 && previousType == "paragraph";
            previousType = type;
            var count = parts.Count;
            Add(parts, Block(block, depth, alternate));
            if (inListItem && wasParagraph && parts.Count > count && CanInterruptParagraph(parts[^1]))
            {
                tightBefore.Add(parts.Count - 1); // "- item\n  - nested" reads better than a blank line between
            }
        }

        Add(parts, Paragraph(inlineRun));
        var sb = new StringBuilder();
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(tightBefore.Contains(i) ? "\n" : "\n\n");
            }

            sb.Append(parts[i]);
        }

        return sb.ToString();
    }

    /// <summary>A list may follow a paragraph line directly only if it is a bullet list or starts at 1, with content.</summary>
    private static bool CanInterruptParagraph(string list) =>
        list.Length > 2 && ((list[0] is '-' or '*' && list[1] == ' ') ||
                            (list.StartsWith("1. ", StringComparison.Ordinal) || list.StartsWith("1) ", StringComparison.Ordinal))) &&
        !char.IsWhiteSpace(list[list.IndexOf(' ', StringComparison.Ordinal) + 1]);

    private static void Add(List<string> parts, string? part)
    {
        if (!string.IsNullOrEmpty(part))
        {
            parts.Add(part);
        }
    }

    private static string? Block(JsonObject node, int depth, bool alternate)
    {
        if (depth > MaxDepth)
        {
            return Paragraph([new InlineItem(InlineKind.Placeholder, AdfPlaceholders.PlainText(node), MarkSet.None)]);
        }

        var content = AdfJson.Content(node);
        switch (AdfJson.TypeOf(node))
        {
            case "paragraph":
                return Paragraph(InlineItem.Read(content));
            case "heading":
                var level = (int)Math.Clamp(AdfJson.Number(AdfJson.Attrs(node), "level") ?? 1, 1, 6);
                var text = InlineWriter.Write(InlineItem.Read(content), InlinePlace.Heading);
                return new string('#', level) + (text.Length > 0 ? " " + text : string.Empty);
            case "bulletList":
            case "orderedList":
                return List(node, depth, alternate);
            case "blockquote":
                var inner = Blocks(content, depth + 1);
                return inner.Length == 0 ? ">" : Prefix(inner, "> ", ">");
            case "codeBlock":
                return CodeBlock(node);
            case "rule":
                return "---";
            case "table":
                return AdfTableWriter.Markdown(node);
            case null:
            case "listItem" or "tableRow" or "tableCell" or "tableHeader":
                return Blocks(content, depth + 1); // a part of a structure on its own: keep what it holds
            default:
                return Unknown(node, depth);
        }
    }

    public static string? Paragraph(List<InlineItem> items)
    {
        if (items.TrueForAll(i => i.Kind == InlineKind.HardBreak))
        {
            return null; // an empty paragraph (or one of only line breaks) shows nothing
        }

        return InlineWriter.Write(items, InlinePlace.Paragraph);
    }

    private static string List(JsonObject list, int depth, bool alternate)
    {
        var ordered = AdfJson.TypeOf(list) == "orderedList";
        var number = (long)Math.Clamp(AdfJson.Number(AdfJson.Attrs(list), "order") ?? 1, 0, 999_999_999);
        var lines = new StringBuilder();
        foreach (var item in AdfJson.Content(list) ?? [])
        {
            if (item is not JsonObject itemNode)
            {
                continue;
            }

            var blocks = AdfJson.TypeOf(itemNode) == "listItem" ? (IEnumerable<JsonNode?>)(AdfJson.Content(itemNode) ?? []) : [itemNode];
            var inner = Blocks(blocks, depth + 1, inListItem: true);
            var marker = ordered
                ? Math.Min(number++, 999_999_999).ToString(CultureInfo.InvariantCulture) + (alternate ? ")" : ".")
                : alternate ? "*" : "-";
            if (lines.Length > 0)
            {
                lines.Append('\n');
            }

            var indent = new string(' ', marker.Length + 1);
            var itemLines = inner.Split('\n');
            if (inner.Length == 0)
            {
                lines.Append(marker);
            }
            else if (LooksLikeThematicBreak(itemLines[0]))
            {
                // "- ---" would be read as a rule; start the content on the next line instead.
                lines.Append(marker).Append('\n').Append(Prefix(inner, indent, string.Empty));
            }
            else
            {
                lines.Append(marker).Append(' ').Append(itemLines[0]);
                if (itemLines.Length > 1)
                {
                    lines.Append('\n').Append(Prefix(string.Join('\n', itemLines[1..]), indent, string.Empty));
                }
            }
        }

        return lines.ToString();
    }

    private static bool LooksLikeThematicBreak(string line)
    {
        var chars = line.Where(c => c is not (' ' or '\t')).ToArray();
        return chars.Length >= 3 && chars.All(c => c == chars[0]) && chars[0] is '-' or '*' or '_';
    }

    /// <summary>Prefixes every line; empty lines get <paramref name="emptyPrefix"/> so nothing trails.</summary>
    public static string Prefix(string text, string prefix, string emptyPrefix)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].Length == 0 ? emptyPrefix : prefix + lines[i];
        }

        return string.Join('\n', lines);
    }

    private static string CodeBlock(JsonObject node)
    {
        var code = new StringBuilder();
        foreach (var child in AdfJson.Content(node) ?? [])
        {
            code.Append(AdfJson.TypeOf(child) == "hardBreak" ? "\n" : child is JsonObject o ? AdfJson.String(o, "text") : null);
        }

        var text = code.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var language = AdfJson.String(AdfJson.Attrs(node), "language") ?? string.Empty;
        var fenceChar = language.Contains('`', StringComparison.Ordinal) ? '~' : '`';
        var fence = new string(fenceChar, Math.Max(3, MarkdownText.LongestRun(text, fenceChar) + 1));
        var info = new StringBuilder();
        foreach (var c in language)
        {
            if (c is '\\' or '&')
            {
                info.Append('\\');
            }

            info.Append(c is '\n' or '\r' ? ' ' : c);
        }

        return text.Length == 0 ? $"{fence}{info}\n{fence}" : $"{fence}{info}\n{text}\n{fence}";
    }

    /// <summary>A node Markdown cannot express, as a visible placeholder that keeps everything it contains.</summary>
    private static string? Unknown(JsonObject node, int depth)
    {
        var label = new InlineItem(InlineKind.Placeholder, AdfPlaceholders.Label(node, withText: false), MarkSet.None);
        var children = (AdfJson.Content(node) ?? []).OfType<JsonObject>().ToList();
        if (children.Count == 0)
        {
            var leaf = new InlineItem(InlineKind.Placeholder, AdfPlaceholders.Label(node, withText: true), MarkSet.None);
            return Paragraph([leaf]);
        }

        if (children.TrueForAll(c => AdfPlaceholders.IsInline(c) || AdfJson.Content(c) is null))
        {
            // Inline content (a task or decision item) or leaves (media in a mediaSingle): one line.
            var items = new List<InlineItem> { label };
            var space = new InlineItem(InlineKind.Text, " ", MarkSet.None);
            for (var i = 0; i < children.Count; i++)
            {
                if (AdfPlaceholders.IsInline(children[i]))
                {
                    if (i == 0)
                    {
                        items.Add(space);
                    }

                    InlineItem.Add(items, children[i]);
                }
                else
                {
                    items.Add(space);
                    items.Add(new InlineItem(InlineKind.Placeholder, AdfPlaceholders.Label(children[i], withText: true), MarkSet.None));
                }
            }

            return Paragraph(items);
        }

        var closing = new InlineItem(InlineKind.Placeholder, AdfPlaceholders.Closing(node), MarkSet.None);
        var inner = Blocks(children, depth + 1);
        return Paragraph([label]) + "\n\n" + (inner.Length > 0 ? inner + "\n\n" : string.Empty) + Paragraph([closing]);
    }
}
