using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace JiraGate.Jira.RichText;

/// <summary>
/// Jira wiki markup to ADF (the internal step of wiki → Markdown): headings <c>h1.</c>–<c>h6.</c>,
/// <c>*</c>/<c>#</c> lists (nested, mixed), <c>{code:lang}</c>/<c>{noformat}</c>, <c>{quote}</c> and
/// <c>bq.</c>, <c>||h||</c>/<c>|c|</c> tables, <c>----</c>, and paragraphs whose lines are joined by breaks.
/// Other macros stay visible as text.
/// </summary>
internal static partial class WikiToAdf
{
    private const int MaxDepth = 32;

    public static JsonObject Convert(string wiki)
    {
        var lines = wiki.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var content = new JsonArray();
        Blocks(lines, content, 0);
        return new JsonObject { ["type"] = "doc", ["version"] = 1, ["content"] = content };
    }

    private static void Blocks(string[] lines, JsonArray output, int depth)
    {
        var paragraph = new List<string>();
        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                Flush(paragraph, output);
                i++;
                continue;
            }

            if (HeadingLine().Match(line) is { Success: true } heading)
            {
                Flush(paragraph, output);
                output.Append(AdfJson.Node("heading", InlineArray(heading.Groups[2].Value),
                    new JsonObject { ["level"] = heading.Groups[1].Value[0] - '0' }));
                i++;
            }
            else if (trimmed == "----")
            {
                Flush(paragraph, output);
                output.Append(AdfJson.Node("rule"));
                i++;
            }
            else if (CodeOpen().Match(line) is { Success: true } code)
            {
                Flush(paragraph, output);
                i = CodeBlock(lines, i, code, output);
            }
            else if (trimmed.StartsWith("{quote}", StringComparison.Ordinal))
            {
                Flush(paragraph, output);
                i = Quote(lines, i, output, depth);
            }
            else if (line.StartsWith("bq. ", StringComparison.Ordinal))
            {
                Flush(paragraph, output);
                output.Append(AdfJson.Node("blockquote", new JsonArray(AdfJson.Paragraph(WikiInlineParser.Parse(line[4..])))));
                i++;
            }
            else if (line.StartsWith('|'))
            {
                Flush(paragraph, output);
                var rows = new JsonArray();
                while (i < lines.Length && lines[i].StartsWith('|'))
                {
                    rows.Append(TableRow(lines[i]));
                    i++;
                }

                output.Append(AdfJson.Node("table", rows, new JsonObject { ["isNumberColumnEnabled"] = false, ["layout"] = "default" }));
            }
            else if (ListLine().IsMatch(line))
            {
                Flush(paragraph, output);
                var start = i;
                while (i < lines.Length && ListLine().IsMatch(lines[i]))
                {
                    i++;
                }

                WikiLists.Build(lines[start..i], output);
            }
            else
            {
                paragraph.Add(line);
                i++;
            }
        }

        Flush(paragraph, output);
    }

    /// <summary>Consecutive lines form one paragraph; Jira renders each newline as a line break.</summary>
    private static void Flush(List<string> paragraph, JsonArray output)
    {
        if (paragraph.Count > 0)
        {
            output.Append(AdfJson.Paragraph(WikiInlineParser.Parse(string.Join(@"\\", paragraph))));
            paragraph.Clear();
        }
    }

    public static JsonArray? InlineArray(string text)
    {
        var nodes = WikiInlineParser.Parse(text);
        if (nodes.Count == 0)
        {
            return null;
        }

        var array = new JsonArray();
        foreach (var node in nodes)
        {
            array.Append(node);
        }

        return array;
    }

    private static int CodeBlock(string[] lines, int i, Match open, JsonArray output)
    {
        var macro = open.Groups[1].Value;
        var language = Language(open.Groups[2].Value);
        var closing = "{" + macro + "}";
        var first = lines[i][open.Length..];
        var body = new List<string>();
        var end = i;
        var closedOnFirst = first.IndexOf(closing, StringComparison.Ordinal);
        if (closedOnFirst >= 0)
        {
            body.Add(first[..closedOnFirst]);
        }
        else
        {
            if (first.Length > 0)
            {
                body.Add(first);
            }

            for (end = i + 1; end < lines.Length; end++)
            {
                var at = lines[end].IndexOf(closing, StringComparison.Ordinal);
                if (at >= 0)
                {
                    if (at > 0)
                    {
                        body.Add(lines[end][..at]);
                    }

                    break;
                }

                body.Add(lines[end]);
            }
        }

        var text = string.Join('\n', body);
        output.Append(AdfJson.Node("codeBlock",
            text.Length == 0 ? null : new JsonArray((JsonNode)AdfJson.Text(text, MarkSet.None)),
            language is null ? null : new JsonObject { ["language"] = language }));
        return end + 1;
    }

    /// <summary><c>{code:java}</c>, <c>{code:language=java|title=x}</c> or <c>{code:title=x}</c> (no language).</summary>
    private static string? Language(string parameters)
    {
        foreach (var part in parameters.Split('|'))
        {
            if (!part.Contains('=', StringComparison.Ordinal))
            {
                return part.Length > 0 ? part : null;
            }

            if (part.StartsWith("language=", StringComparison.Ordinal))
            {
                return part["language=".Length..];
            }
        }

        return null;
    }

    private static int Quote(string[] lines, int i, JsonArray output, int depth)
    {
        var first = lines[i].Trim()["{quote}".Length..];
        var inner = new List<string>();
        var end = i;
        var closedOnFirst = first.IndexOf("{quote}", StringComparison.Ordinal);
        if (closedOnFirst >= 0)
        {
            inner.Add(first[..closedOnFirst]);
        }
        else
        {
            inner.Add(first);
            for (end = i + 1; end < lines.Length; end++)
            {
                var at = lines[end].IndexOf("{quote}", StringComparison.Ordinal);
                if (at >= 0)
                {
                    inner.Add(lines[end][..at]);
                    break;
                }

                inner.Add(lines[end]);
            }
        }

        var content = new JsonArray();
        if (depth < MaxDepth)
        {
            Blocks([.. inner], content, depth + 1);
        }

        if (content.Count == 0)
        {
            content.Append(AdfJson.Paragraph([]));
        }

        output.Append(AdfJson.Node("blockquote", content));
        return end + 1;
    }

    private static JsonObject TableRow(string line)
    {
        var cells = new JsonArray();
        foreach (var (header, text) in WikiInlineParser.SplitCells(line))
        {
            var paragraph = AdfJson.Paragraph(WikiInlineParser.Parse(text.Trim()));
            cells.Append(AdfJson.Node(header ? "tableHeader" : "tableCell", new JsonArray(paragraph)));
        }

        return AdfJson.Node("tableRow", cells);
    }

    [GeneratedRegex(@"^h([1-6])\.(?: (.*)|\s*)$")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"^\{(code|noformat)(?::([^}]*))?\}")]
    private static partial Regex CodeOpen();

    [GeneratedRegex(@"^(?:[*#]+|-) ")]
    public static partial Regex ListLine();
}
