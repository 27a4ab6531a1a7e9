using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace JiraGate.Sandbox.Adf;

/// <summary>
/// Reads Jira wiki markup (newlines already normalised to <c>\n</c>) into ADF blocks that validate where they are
/// placed: paragraphs (lines joined by <c>hardBreak</c>), <c>h1.</c>–<c>h6.</c>, lists, <c>{code}</c> and
/// <c>{noformat}</c>, <c>{quote}</c> and <c>bq.</c>, tables and <c>----</c>.
/// </summary>
internal sealed class WikiBlockReader
{
    private readonly string _text;
    private int _pos;

    private WikiBlockReader(string text)
    {
        _text = text;
    }

    public static List<JsonObject> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new WikiBlockReader(text).ReadAll();
    }

    private List<JsonObject> ReadAll()
    {
        var blocks = new List<JsonObject>();
        while (_pos < _text.Length)
        {
            var lineEnd = LineEnd();
            var line = _text[_pos..lineEnd];
            var trimmed = line.TrimStart();
            var tagStart = _pos + (line.Length - trimmed.Length);
            if (trimmed.Length == 0)
            {
                Advance(lineEnd);
            }
            else if (WikiSyntax.CodeStart().Match(trimmed) is { Success: true } code)
            {
                blocks.Add(ReadCode(code, tagStart));
            }
            else if (trimmed.StartsWith(WikiSyntax.QuoteTag, StringComparison.Ordinal))
            {
                blocks.Add(ReadQuote(tagStart));
            }
            else if (WikiSyntax.HeadingStart().Match(trimmed) is { Success: true } heading)
            {
                var level = heading.Groups[1].ValueSpan[0] - '0';
                blocks.Add(AdfNodes.Heading(level, WikiAdfShaping.TrimmedInline(trimmed[3..])));
                Advance(lineEnd);
            }
            else if (WikiSyntax.IsRule(trimmed))
            {
                blocks.Add(AdfNodes.Rule());
                Advance(lineEnd);
            }
            else if (WikiSyntax.QuoteLineStart().IsMatch(trimmed))
            {
                var quoted = AdfNodes.Paragraph([.. WikiInlineReader.Parse(trimmed[3..].TrimStart()).Cast<JsonNode>()]);
                blocks.Add(WikiAdfShaping.Blockquote([quoted]));
                Advance(lineEnd);
            }
            else if (WikiSyntax.ListItemStart().IsMatch(trimmed))
            {
                blocks.AddRange(ReadList());
            }
            else if (trimmed[0] == '|')
            {
                blocks.Add(ReadTable());
            }
            else if (ReadParagraph() is { } paragraph)
            {
                blocks.Add(paragraph);
            }
        }

        return blocks;
    }

    private int LineEnd()
    {
        var newline = _text.IndexOf('\n', _pos);
        return newline < 0 ? _text.Length : newline;
    }

    private void Advance(int lineEnd) => _pos = Math.Min(lineEnd + 1, _text.Length);

    /// <summary>After a closing tag: the rest of its line, if not blank, is read as a line of its own.</summary>
    private void ContinueAfter(int position)
    {
        _pos = position;
        var lineEnd = LineEnd();
        if (string.IsNullOrWhiteSpace(_text[_pos..lineEnd]))
        {
            Advance(lineEnd);
        }
    }

    /// <summary>The body between the tags, without the newline after the opening and before the closing tag.</summary>
    private string ReadTagBody(int bodyStart, string closingTag)
    {
        var close = _text.IndexOf(closingTag, bodyStart, StringComparison.Ordinal);
        var bodyEnd = close < 0 ? _text.Length : close;
        var body = _text[bodyStart..bodyEnd];
        if (body.StartsWith('\n'))
        {
            body = body[1..];
        }

        if (body.EndsWith('\n'))
        {
            body = body[..^1];
        }

        ContinueAfter(close < 0 ? _text.Length : close + closingTag.Length);
        return body;
    }

    private JsonObject ReadCode(Match tag, int tagStart)
    {
        var kind = tag.Groups[1].Value;
        var language = kind == "code" ? LanguageOf(tag.Groups[2].Value) : null;
        var body = ReadTagBody(tagStart + tag.Length, "{" + kind + "}");
        var node = new JsonObject { ["type"] = "codeBlock" };
        if (!string.IsNullOrEmpty(language))
        {
            node["attrs"] = new JsonObject { ["language"] = language };
        }

        node["content"] = body.Length == 0 ? new JsonArray() : new JsonArray(AdfNodes.Text(body));
        return node;
    }

    /// <summary><c>{code:java}</c>, <c>{code:language=java|title=A.java}</c>; other parameters are ignored.</summary>
    private static string? LanguageOf(string parameters)
    {
        foreach (var raw in parameters.Split('|'))
        {
            var parameter = raw.Trim();
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 && parameter.Length > 0)
            {
                return parameter;
            }

            if (equals > 0 && parameter[..equals].Trim() == "language")
            {
                return parameter[(equals + 1)..].Trim();
            }
        }

        return null;
    }

    private JsonObject ReadQuote(int tagStart)
    {
        var body = ReadTagBody(tagStart + WikiSyntax.QuoteTag.Length, WikiSyntax.QuoteTag);
        return WikiAdfShaping.Blockquote(Read(body));
    }

    private List<JsonObject> ReadList()
    {
        var builder = new WikiListBuilder();
        while (_pos < _text.Length)
        {
            var lineEnd = LineEnd();
            var trimmed = _text[_pos..lineEnd].TrimStart();
            var marker = WikiSyntax.ListItemStart().Match(trimmed);
            if (!marker.Success)
            {
                break;
            }

            builder.Add(marker.Groups[1].Value, WikiAdfShaping.TrimmedInline(trimmed[marker.Length..]));
            Advance(lineEnd);
        }

        return builder.Finish();
    }

    private JsonObject ReadTable()
    {
        var rows = new JsonArray();
        while (_pos < _text.Length)
        {
            var lineEnd = LineEnd();
            var trimmed = _text[_pos..lineEnd].Trim();
            if (trimmed.Length == 0 || trimmed[0] != '|')
            {
                break;
            }

            var cells = new JsonArray();
            foreach (var (isHeader, text) in SplitCells(trimmed))
            {
                cells.Add((JsonNode)new JsonObject
                {
                    ["type"] = isHeader ? "tableHeader" : "tableCell",
                    ["content"] = new JsonArray(AdfNodes.Paragraph(WikiAdfShaping.TrimmedInline(text))),
                });
            }

            if (cells.Count == 0)
            {
                // A lone "|" has no cell; a row must have at least one.
                cells.Add((JsonNode)new JsonObject
                {
                    ["type"] = "tableCell",
                    ["content"] = new JsonArray(AdfNodes.Paragraph([])),
                });
            }

            rows.Add((JsonNode)new JsonObject { ["type"] = "tableRow", ["content"] = cells });
            Advance(lineEnd);
        }

        return new JsonObject { ["type"] = "table", ["content"] = rows };
    }

    /// <summary>
    /// <c>||h||h||</c> and <c>|c|c|</c>: the delimiter before a cell says whether it is a header. Delimiters inside
    /// links, code spans and escapes do not count; the delimiter at the end of the row closes the last cell.
    /// </summary>
    private static List<(bool IsHeader, string Text)> SplitCells(string row)
    {
        var cells = new List<(bool, string)>();
        var index = new WikiLineIndex(row);
        var i = 0;
        while (i < row.Length)
        {
            var isHeader = i + 1 < row.Length && row[i + 1] == '|';
            var start = i + (isHeader ? 2 : 1);
            var end = index.FindUnescaped('|', start, row.Length);
            if (end < 0)
            {
                end = row.Length;
            }

            var text = row[start..end].Trim();
            if (end < row.Length || text.Length > 0)
            {
                cells.Add((isHeader, text));
            }

            i = end;
        }

        return cells;
    }

    /// <summary>
    /// A run of non-blank lines up to the next block; its lines are joined by hard breaks. Null when the lines hold
    /// nothing (<c>{{}}</c>): wiki markup has no empty paragraph to give back.
    /// </summary>
    private JsonObject? ReadParagraph()
    {
        var content = new JsonArray();
        var first = true;
        while (_pos < _text.Length)
        {
            var lineEnd = LineEnd();
            var line = _text[_pos..lineEnd];
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || (!first && WikiSyntax.IsBlockStart(trimmed)))
            {
                break;
            }

            if (!first)
            {
                content.Add((JsonNode)AdfNodes.HardBreak());
            }

            foreach (var node in WikiInlineReader.Parse(line))
            {
                content.Add((JsonNode)node);
            }

            first = false;
            Advance(lineEnd);
        }

        return WikiAdfShaping.IsBlank(content) ? null : AdfNodes.Paragraph(content);
    }
}
