using System.Text;
using System.Text.Json.Nodes;

namespace JiraGate.Sandbox.Adf;

/// <summary>Writes ADF blocks as Jira wiki markup; blocks are separated by a blank line.</summary>
internal static class WikiBlockWriter
{
    private const string BlockSeparator = "\n\n";

    public static string Write(JsonNode? adf)
    {
        var blocks = new List<string>();
        switch (adf)
        {
            case null:
                break;
            case JsonObject doc when AdfNodes.TypeOf(doc) == "doc":
                WriteBlocks(AdfNodes.ContentOf(doc) ?? [], blocks);
                break;
            case JsonObject node:
                WriteBlocks([node], blocks);
                break;
            default:
                WritePlain(AdfText.ToPlainText(adf), blocks);
                break;
        }

        return string.Join(BlockSeparator, blocks);
    }

    private static void WriteBlocks(IEnumerable<JsonNode?> nodes, List<string> output)
    {
        // Inline nodes found where blocks belong (malformed input) are written as one paragraph per run.
        var inlineRun = new List<JsonNode>();
        foreach (var node in nodes)
        {
            if (node is not JsonObject obj)
            {
                continue;
            }

            if (AdfNodes.TypeOf(obj) is { } type && AdfText.InlineTypes.Contains(type))
            {
                inlineRun.Add(obj);
                continue;
            }

            FlushInlineRun(inlineRun, output);
            var text = WriteBlock(obj);
            if (text.Length > 0)
            {
                output.Add(text);
            }
        }

        FlushInlineRun(inlineRun, output);
    }

    private static void FlushInlineRun(List<JsonNode> inlineRun, List<string> output)
    {
        if (inlineRun.Count > 0)
        {
            var text = WikiInlineWriter.Write(inlineRun, atLineStart: true);
            if (text.Length > 0)
            {
                output.Add(text);
            }

            inlineRun.Clear();
        }
    }

    private static string WriteBlock(JsonObject node) => AdfNodes.TypeOf(node) switch
    {
        "paragraph" => Inline(node, atLineStart: true),
        "heading" => Heading(node),
        "bulletList" or "orderedList" => List(node),
        "codeBlock" => CodeBlock(node),
        "blockquote" => Quote(node),
        "rule" => "----",
        "table" => Table(node),
        "blockCard" or "embedCard" when AdfNodes.StringAttr(node, "url") is { Length: > 0 } url =>
            WikiInlineWriter.Write([AdfNodes.Text(url, [AdfNodes.LinkMark(url)])], atLineStart: true),
        _ => Plain(node),
    };

    private static string Inline(JsonObject node, bool atLineStart) =>
        WikiInlineWriter.Write(AdfNodes.ContentOf(node) ?? [], atLineStart);

    /// <summary>Text alone, escaped, on one line: what a block becomes where wiki markup has no room for it.</summary>
    private static string InlinePlain(JsonNode node)
    {
        var text = AdfText.ToPlainText(node);
        return text.Length == 0 ? string.Empty : WikiInlineWriter.Write([AdfNodes.Text(text)], atLineStart: false);
    }

    private static string Heading(JsonObject node)
    {
        var level = Math.Clamp(AdfNodes.IntAttr(node, "level") ?? 1, 1, 6);
        var text = Inline(node, atLineStart: false);
        return text.Length == 0 ? $"h{level}." : $"h{level}. {text}";
    }

    private static string List(JsonObject list)
    {
        var lines = new List<string>();
        WriteList(list, string.Empty, lines);
        return string.Join('\n', lines);
    }

    /// <summary>
    /// One line per item: its paragraphs (joined by line breaks) after the marker, then its nested lists with a
    /// longer marker. Other blocks in an item (code, media…) contribute their text to the item's line.
    /// </summary>
    private static void WriteList(JsonObject list, string prefix, List<string> lines)
    {
        var marker = prefix + (AdfNodes.TypeOf(list) == "orderedList" ? '#' : '*');
        foreach (var child in AdfNodes.ContentOf(list) ?? [])
        {
            if (child is not JsonObject item)
            {
                continue;
            }

            IEnumerable<JsonNode?> content = AdfNodes.TypeOf(item) == "listItem" ? AdfNodes.ContentOf(item) ?? [] : [(JsonNode)item];
            var parts = new List<string>();
            var nested = new List<JsonObject>();
            foreach (var block in content)
            {
                if (block is not JsonObject blockObj)
                {
                    continue;
                }

                var type = AdfNodes.TypeOf(blockObj);
                if (type is "bulletList" or "orderedList")
                {
                    nested.Add(blockObj);
                    continue;
                }

                var text = type == "paragraph" ? Inline(blockObj, atLineStart: false) : InlinePlain(blockObj);
                if (text.Length > 0)
                {
                    parts.Add(text);
                }
            }

            lines.Add(parts.Count == 0 ? marker : marker + " " + string.Join(WikiSyntax.LineBreak, parts));
            foreach (var sublist in nested)
            {
                WriteList(sublist, marker, lines);
            }
        }
    }

    private static string CodeBlock(JsonObject node)
    {
        var text = AdfText.ToPlainText(node);
        var language = AdfNodes.StringAttr(node, "language");

        // Wiki code has no escapes: text containing "{code}" can only be carried by {noformat} (without language).
        if (text.Contains("{code}", StringComparison.Ordinal) && !text.Contains("{noformat}", StringComparison.Ordinal))
        {
            return "{noformat}\n" + text + "\n{noformat}";
        }

        var open = IsPlainLanguage(language) ? "{code:" + language + "}" : "{code}";
        return open + "\n" + text + "\n{code}";
    }

    private static bool IsPlainLanguage(string? language) =>
        !string.IsNullOrEmpty(language) &&
        language.All(c => char.IsAsciiLetterOrDigit(c) || c is '#' or '+' or '-' or '_' or '.');

    private static string Quote(JsonObject node)
    {
        var children = AdfNodes.ContentOf(node) ?? [];
        // "bq. " drops the blanks that follow it, so a paragraph starting with one needs {quote}.
        if (children is [JsonObject only] && AdfNodes.TypeOf(only) == "paragraph" &&
            Inline(only, atLineStart: false) is { Length: > 0 } single && !char.IsWhiteSpace(single[0]))
        {
            return "bq. " + single;
        }

        var inner = new List<string>();
        WriteBlocks(children, inner);
        return WikiSyntax.QuoteTag + "\n" + string.Join(BlockSeparator, inner) + "\n" + WikiSyntax.QuoteTag;
    }

    /// <summary>
    /// <c>||heading||heading||</c> and <c>|cell|cell|</c> rows (mixed rows allowed). A cell's paragraphs are
    /// joined by line breaks; other blocks in a cell contribute their text. An empty cell is written as a space.
    /// </summary>
    private static string Table(JsonObject table)
    {
        var rows = new List<string>();
        foreach (var row in AdfNodes.ContentOf(table) ?? [])
        {
            var sb = new StringBuilder();
            string? lastDelimiter = null;
            foreach (var cell in AdfNodes.ContentOf(row) ?? [])
            {
                if (cell is not JsonObject cellObj)
                {
                    continue;
                }

                lastDelimiter = AdfNodes.TypeOf(cellObj) == "tableHeader" ? "||" : "|";
                sb.Append(lastDelimiter).Append(CellText(cellObj));
            }

            if (lastDelimiter is not null)
            {
                rows.Add(sb.Append(lastDelimiter).ToString());
            }
        }

        return string.Join('\n', rows);
    }

    private static string CellText(JsonObject cell)
    {
        var parts = new List<string>();
        foreach (var block in AdfNodes.ContentOf(cell) ?? [])
        {
            if (block is JsonObject blockObj)
            {
                var text = AdfNodes.TypeOf(blockObj) == "paragraph" ? Inline(blockObj, atLineStart: false) : InlinePlain(blockObj);
                if (text.Length > 0)
                {
                    parts.Add(text);
                }
            }
        }

        return parts.Count == 0 ? " " : string.Join(WikiSyntax.LineBreak, parts);
    }

    /// <summary>A node with no wiki form (panel, expand, media, task list, unknown…) becomes its text.</summary>
    private static string Plain(JsonObject node)
    {
        var blocks = new List<string>();
        WritePlain(AdfText.ToPlainText(node), blocks);
        return string.Join(BlockSeparator, blocks);
    }

    private static void WritePlain(string text, List<string> output)
    {
        if (text.Length > 0)
        {
            WriteBlocks(AdfNodes.ContentOf(AdfText.FromPlainText(text)) ?? [], output);
        }
    }
}
