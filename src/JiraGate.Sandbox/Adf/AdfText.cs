using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace JiraGate.Sandbox.Adf;

/// <summary>Plain text to and from Atlassian Document Format.</summary>
internal static class AdfText
{
    /// <summary>Node types that flow within a line; every other node type is a block.</summary>
    internal static readonly FrozenSet<string> InlineTypes = FrozenSet.ToFrozenSet(
    [
        "text", "hardBreak", "mention", "emoji", "date", "status", "inlineCard", "placeholder", "mediaInline",
        "inlineExtension",
    ], StringComparer.Ordinal);

    private enum Piece
    {
        Inline,
        Paragraph,
        OtherBlock,
    }

    /// <summary>
    /// The text of a document, for text search (JQL <c>~</c>) and plain rendering: every text node, mentions as
    /// their text (or <c>@id</c>), emoji as their text or short name, cards as their URL, dates as
    /// <c>yyyy-MM-dd</c> (UTC), <c>hardBreak</c> as a newline. Sibling blocks with text are separated by a newline,
    /// two paragraphs in a row by a blank line (so <see cref="FromPlainText"/> gives the paragraphs back); table cells
    /// are separated by a tab and rows by a newline. Unknown nodes contribute the text of their content, or their
    /// <c>text</c>/<c>url</c> attribute. A JSON string is returned as is; null and other values give <c>""</c>.
    /// </summary>
    public static string ToPlainText(JsonNode? adf)
    {
        switch (adf)
        {
            case JsonValue value:
                return value.TryGetValue(out string? text) ? text : string.Empty;
            case JsonArray array:
            {
                var sb = new StringBuilder();
                AppendContainer(array, sb);
                return sb.ToString();
            }

            case JsonObject node:
            {
                var sb = new StringBuilder();
                AppendNode(node, sb);
                return sb.ToString();
            }

            default:
                return string.Empty;
        }
    }

    /// <summary>
    /// A valid ADF document for <paramref name="text"/>: one paragraph per run of non-blank lines (paragraphs
    /// are separated by blank or whitespace-only lines), a <c>hardBreak</c> between the lines of a paragraph.
    /// Line text is kept verbatim. Empty text gives a document with empty content.
    /// </summary>
    public static JsonObject FromPlainText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var content = new JsonArray();
        JsonArray? paragraph = null;
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                if (paragraph is not null)
                {
                    content.Add((JsonNode)AdfNodes.Paragraph(paragraph));
                    paragraph = null;
                }

                continue;
            }

            if (paragraph is null)
            {
                paragraph = [];
            }
            else
            {
                paragraph.Add((JsonNode)AdfNodes.HardBreak());
            }

            paragraph.Add((JsonNode)AdfNodes.Text(line));
        }

        if (paragraph is not null)
        {
            content.Add((JsonNode)AdfNodes.Paragraph(paragraph));
        }

        return AdfNodes.Doc(content);
    }

    /// <summary>The text a mention shows: its <c>text</c> attribute, else <c>@</c> and its id.</summary>
    internal static string MentionText(JsonNode node)
    {
        var text = AdfNodes.StringAttr(node, "text");
        return string.IsNullOrEmpty(text) ? "@" + AdfNodes.StringAttr(node, "id") : text;
    }

    private static void AppendContainer(JsonArray content, StringBuilder sb)
    {
        Piece? previous = null;
        foreach (var child in content)
        {
            if (child is not JsonObject node)
            {
                continue;
            }

            var piece = Classify(node);
            var mark = sb.Length;
            if (previous is { } before && (piece != Piece.Inline || before != Piece.Inline))
            {
                sb.Append(before == Piece.Paragraph && piece == Piece.Paragraph ? "\n\n" : "\n");
            }

            var textStart = sb.Length;
            AppendNode(node, sb);
            if (sb.Length == textStart)
            {
                // A node without text (rule, empty paragraph, media without alt) adds no separator either.
                sb.Length = mark;
                continue;
            }

            previous = piece;
        }
    }

    private static Piece Classify(JsonObject node)
    {
        var type = AdfNodes.TypeOf(node);
        if (type == "paragraph")
        {
            return Piece.Paragraph;
        }

        return type is not null && InlineTypes.Contains(type) ? Piece.Inline : Piece.OtherBlock;
    }

    private static void AppendNode(JsonObject node, StringBuilder sb)
    {
        switch (AdfNodes.TypeOf(node))
        {
            case "text":
                sb.Append(AdfNodes.StringProperty(node, "text"));
                return;
            case "hardBreak":
                sb.Append('\n');
                return;
            case "mention":
                sb.Append(MentionText(node));
                return;
            case "emoji":
                sb.Append(AdfNodes.StringAttr(node, "text") ?? AdfNodes.StringAttr(node, "shortName"));
                return;
            case "date":
                sb.Append(FormatDate(AdfNodes.StringAttr(node, "timestamp")));
                return;
            case "media" or "mediaInline":
                sb.Append(AdfNodes.StringAttr(node, "alt"));
                return;
            case "table":
                AppendTable(node, sb);
                return;
            default:
                if (AdfNodes.ContentOf(node) is { } content)
                {
                    AppendContainer(content, sb);
                }
                else
                {
                    // status, placeholder, cards, extensions and unknown leaves.
                    sb.Append(AdfNodes.StringAttr(node, "text") ?? AdfNodes.StringAttr(node, "url"));
                }

                return;
        }
    }

    private static void AppendTable(JsonObject table, StringBuilder sb)
    {
        var firstRow = true;
        foreach (var row in AdfNodes.ContentOf(table) ?? [])
        {
            if (!firstRow)
            {
                sb.Append('\n');
            }

            firstRow = false;
            var firstCell = true;
            foreach (var cell in AdfNodes.ContentOf(row) ?? [])
            {
                if (!firstCell)
                {
                    sb.Append('\t');
                }

                firstCell = false;
                if (cell is JsonObject cellNode)
                {
                    AppendNode(cellNode, sb);
                }
            }
        }
    }

    /// <summary>ADF dates are Unix epoch milliseconds in a string; anything unparsable is shown as given.</summary>
    private static string? FormatDate(string? timestamp)
    {
        const long MinMilliseconds = -62_135_596_800_000; // 0001-01-01
        const long MaxMilliseconds = 253_402_300_799_999; // 9999-12-31
        if (long.TryParse(timestamp, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms) &&
            ms is >= MinMilliseconds and <= MaxMilliseconds)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return timestamp;
    }
}
