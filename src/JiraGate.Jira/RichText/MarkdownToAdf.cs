using System.Text.Json.Nodes;
using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace JiraGate.Jira.RichText;

/// <summary>
/// Markdown (parsed by Markdig: CommonMark + GFM pipe tables + <c>~~strike~~</c>) to ADF. Where Markdown nests
/// something the ADF schema forbids (a heading or table inside a list item or quote, a quote inside a quote),
/// the content is kept in the nearest allowed shape, so every document produced validates against the schema.
/// </summary>
internal sealed partial class MarkdownToAdf
{
    /// <summary>
    /// Containers nested deeper than this become plain paragraphs: each level of list costs four levels of JSON,
    /// and JSON parsers (System.Text.Json's default, Jira's) stop at a depth of 64.
    /// </summary>
    private const int MaxDepth = 12;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .Build();

    private readonly bool _softBreaksAsHard;
    private readonly bool _usernameMentions;

    private MarkdownToAdf(bool softBreaksAsHard, bool usernameMentions)
    {
        _softBreaksAsHard = softBreaksAsHard;
        _usernameMentions = usernameMentions;
    }

    /// <summary>Where a block sits, which decides what the schema allows in it.</summary>
    private enum Place
    {
        Doc,
        ListItem,
        Quote,
    }

    public static JsonObject Convert(string markdown, AdfOptions? options, bool usernameMentions = false)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var converter = new MarkdownToAdf(options?.SoftLineBreaksAsHardBreaks ?? false, usernameMentions);
        var content = new JsonArray();
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses input nested beyond its depth limit (thousands of ">" or "["): such text is
            // not sensible Markdown, so it is sent as what it literally is rather than refused.
            AddLiteral(markdown, content);
            return new JsonObject { ["type"] = "doc", ["version"] = 1, ["content"] = content };
        }

        converter.AddBlocks(document, content, Place.Doc, 0);
        return new JsonObject { ["type"] = "doc", ["version"] = 1, ["content"] = content };
    }

    private void AddBlocks(ContainerBlock container, JsonArray output, Place place, int depth)
    {
        foreach (var block in container)
        {
            AddBlock(block, output, place, depth);
        }
    }

    private void AddBlock(Block block, JsonArray output, Place place, int depth)
    {
        if (depth > MaxDepth)
        {
            output.Append(AdfJson.Paragraph(PlainText(block)));
            return;
        }

        switch (block)
        {
            case ParagraphBlock paragraph:
                output.Append(AdfJson.Paragraph(Inlines(paragraph, MarkSet.None)));
                break;
            case HeadingBlock heading when place == Place.Doc:
                output.Append(AdfJson.Node("heading", ToArray(Inlines(heading, MarkSet.None)),
                    new JsonObject { ["level"] = Math.Clamp(heading.Level, 1, 6) }));
                break;
            case HeadingBlock heading:
                // Lists and quotes take no headings: keep the words, bold (an empty heading shows nothing).
                var words = Inlines(heading, new MarkSet(TextStyle.Strong, null));
                if (words.Count > 0)
                {
                    output.Append(AdfJson.Paragraph(words));
                }

                break;
            case ThematicBreakBlock when place == Place.Doc:
                output.Append(AdfJson.Node("rule"));
                break;
            case ThematicBreakBlock:
                output.Append(AdfJson.Paragraph([AdfJson.Text("---", MarkSet.None)]));
                break;
            case ListBlock list:
                output.Append(List(list, depth));
                break;
            case QuoteBlock quote when place == Place.Doc:
                var inner = new JsonArray();
                AddBlocks(quote, inner, Place.Quote, depth + 1);
                if (inner.Count == 0)
                {
                    inner.Append(AdfJson.Paragraph([]));
                }

                output.Append(AdfJson.Node("blockquote", inner));
                break;
            case QuoteBlock quote:
                // A quote inside a quote or a list item: the schema allows neither, so its blocks join the parent.
                AddBlocks(quote, output, place, depth + 1);
                break;
            case CodeBlock code:
                output.Append(CodeBlockNode(code));
                break;
            case HtmlBlock html:
                output.Append(AdfJson.Paragraph(LinesAsText(html)));
                break;
            case Table table when place == Place.Doc:
                output.Append(TableNode(table));
                break;
            case Table table:
                AddTableAsParagraphs(table, output);
                break;
            case LinkReferenceDefinitionGroup:
            case BlankLineBlock:
                break; // definitions were already applied to the links that use them
            case ContainerBlock other:
                AddBlocks(other, output, place, depth + 1);
                break;
            case LeafBlock leaf:
                output.Append(AdfJson.Paragraph(leaf.Inline is null ? LinesAsText(leaf) : Inlines(leaf, MarkSet.None)));
                break;
            default:
                break;
        }
    }

    private JsonObject List(ListBlock list, int depth)
    {
        var items = new JsonArray();
        foreach (var child in list)
        {
            var content = new JsonArray();
            if (child is ContainerBlock item)
            {
                AddBlocks(item, content, Place.ListItem, depth + 1);
            }

            if (content.Count == 0)
            {
                content.Append(AdfJson.Paragraph([])); // an empty item still needs one block
            }

            items.Append(AdfJson.Node("listItem", content));
        }

        if (!list.IsOrdered)
        {
            return AdfJson.Node("bulletList", items);
        }

        var start = int.TryParse(list.OrderedStart, System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 1;
        return AdfJson.Node("orderedList", items, new JsonObject { ["order"] = start });
    }

    private static JsonObject CodeBlockNode(CodeBlock code)
    {
        var text = code.Lines.ToString();
        var content = text.Length == 0 ? null : new JsonArray((JsonNode)AdfJson.Text(text, MarkSet.None));
        var language = code is FencedCodeBlock fenced && !string.IsNullOrEmpty(fenced.Info) ? fenced.Info : null;
        return AdfJson.Node("codeBlock", content, language is null ? null : new JsonObject { ["language"] = language });
    }

    private JsonObject TableNode(Table table)
    {
        var width = 0;
        foreach (var row in table)
        {
            width = Math.Max(width, (row as TableRow)?.Count ?? 0);
        }

        var rows = new JsonArray();
        foreach (var block in table)
        {
            if (block is not TableRow row)
            {
                continue;
            }

            var cells = new JsonArray();
            for (var i = 0; i < width; i++)
            {
                var cellContent = new JsonArray();
                if (i < row.Count && row[i] is TableCell cell)
                {
                    foreach (var cellBlock in cell)
                    {
                        cellContent.Append(AdfJson.Paragraph(cellBlock is LeafBlock leaf ? Inlines(leaf, MarkSet.None) : PlainText(cellBlock)));
                    }
                }

                if (cellContent.Count == 0)
                {
                    cellContent.Append(AdfJson.Paragraph([])); // rows shorter than the widest are padded, as GFM renders them
                }

                cells.Append(AdfJson.Node(row.IsHeader ? "tableHeader" : "tableCell", cellContent));
            }

            rows.Append(AdfJson.Node("tableRow", cells));
        }

        return AdfJson.Node("table", rows, new JsonObject { ["isNumberColumnEnabled"] = false, ["layout"] = "default" });
    }

    /// <summary>A table where the schema allows none: one paragraph per row, cells separated by " | ".</summary>
    private void AddTableAsParagraphs(Table table, JsonArray output)
    {
        foreach (var block in table)
        {
            if (block is not TableRow row)
            {
                continue;
            }

            var buffer = new InlineBuffer();
            for (var i = 0; i < row.Count; i++)
            {
                if (i > 0)
                {
                    buffer.AddText(" | ", MarkSet.None);
                }

                if (row[i] is TableCell cell)
                {
                    foreach (var cellBlock in cell)
                    {
                        if (cellBlock is LeafBlock leaf)
                        {
                            AddInlines(leaf.Inline, MarkSet.None, buffer);
                        }
                    }
                }
            }

            output.Append(AdfJson.Paragraph(buffer.ToList()));
        }
    }

    /// <summary>Plain text: a paragraph per blank-line-separated block, its lines joined by hard breaks.</summary>
    private static void AddLiteral(string text, JsonArray output)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        foreach (var block in normalized.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var buffer = new InlineBuffer();
            var lines = block.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    buffer.Add(AdfJson.Node("hardBreak"));
                }

                buffer.AddText(lines[i], MarkSet.None);
            }

            output.Append(AdfJson.Paragraph(buffer.ToList()));
        }
    }

    private static List<JsonObject> LinesAsText(LeafBlock block)
    {
        var buffer = new InlineBuffer();
        var lines = block.Lines.ToString().Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                buffer.Add(AdfJson.Node("hardBreak"));
            }

            buffer.AddText(lines[i], MarkSet.None);
        }

        return buffer.ToList();
    }

    private static List<JsonObject> PlainText(Block block)
    {
        var text = new System.Text.StringBuilder();
        foreach (var descendant in block.Descendants())
        {
            if (descendant is Markdig.Syntax.Inlines.LiteralInline literal)
            {
                text.Append(literal.Content.ToString());
            }
        }

        return text.Length == 0 ? [] : [AdfJson.Text(text.ToString(), MarkSet.None)];
    }

    private static JsonArray? ToArray(List<JsonObject> nodes)
    {
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
}
