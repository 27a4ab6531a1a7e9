using System.Text;
using System.Text.Json.Nodes;

namespace JiraGate.Jira.RichText;

/// <summary>
/// ADF tables as GFM pipe tables. The first row is the header row (GFM needs one); short rows are padded.
/// A cell's blocks become one line: paragraphs and headings keep their inline formatting, joined by
/// <c>&lt;br&gt;</c>; a code block becomes a code span; anything else its text.
/// </summary>
internal static class AdfTableWriter
{
    public static string? Markdown(JsonObject table)
    {
        var rows = new List<List<string>>();
        foreach (var row in AdfJson.Content(table) ?? [])
        {
            if (row is not JsonObject rowNode)
            {
                continue;
            }

            var cells = new List<string>();
            foreach (var cell in AdfJson.Content(rowNode) ?? [])
            {
                if (cell is JsonObject cellNode)
                {
                    cells.Add(InlineWriter.Write(CellItems(cellNode), InlinePlace.TableCell));
                }
            }

            rows.Add(cells);
        }

        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        if (width == 0)
        {
            return null;
        }

        var sb = new StringBuilder();
        AppendRow(sb, rows[0], width);
        sb.Append('\n').Append('|');
        for (var i = 0; i < width; i++)
        {
            sb.Append(" --- |");
        }

        foreach (var row in rows.Skip(1))
        {
            sb.Append('\n');
            AppendRow(sb, row, width);
        }

        return sb.ToString();
    }

    /// <summary>The inline items of one cell (also used for wiki tables).</summary>
    public static List<InlineItem> CellItems(JsonObject cell)
    {
        var items = new List<InlineItem>();
        var blocks = AdfPlaceholders.IsInline(cell) ? [cell] : (IEnumerable<JsonNode?>)(AdfJson.Content(cell) ?? []);
        foreach (var block in blocks)
        {
            if (block is not JsonObject node)
            {
                continue;
            }

            if (items.Count > 0)
            {
                items.Add(InlineItem.Break);
            }

            switch (AdfJson.TypeOf(node))
            {
                case "paragraph" or "heading":
                    items.AddRange(InlineItem.Read(AdfJson.Content(node)));
                    break;
                case "codeBlock":
                    var code = AdfPlaceholders.PlainText(node);
                    if (code.Length > 0)
                    {
                        items.Add(new InlineItem(InlineKind.Text, code, new MarkSet(TextStyle.Code, null)));
                    }

                    break;
                case var _ when AdfPlaceholders.IsInline(node):
                    InlineItem.Add(items, node);
                    break;
                case "bulletList" or "orderedList" or "blockquote" or "rule" or "table" or "tableRow" or "tableCell" or "tableHeader":
                    InlineItem.AddText(items, AdfPlaceholders.PlainText(node), MarkSet.None);
                    break;
                default:
                    items.Add(new InlineItem(InlineKind.Placeholder, AdfPlaceholders.Label(node, withText: true), MarkSet.None));
                    break;
            }
        }

        return items;
    }

    private static void AppendRow(StringBuilder sb, List<string> cells, int width)
    {
        sb.Append('|');
        for (var i = 0; i < width; i++)
        {
            var cell = i < cells.Count ? cells[i] : string.Empty;
            sb.Append(' ').Append(cell).Append(cell.Length > 0 ? " |" : "|");
        }
    }
}
