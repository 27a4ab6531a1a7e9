using System.Text;
using System.Text.Json.Nodes;

namespace JiraGate.Sandbox.Adf;

/// <summary>
/// Writes a run of ADF inline nodes as one line of Jira wiki markup (no raw newlines).
/// </summary>
/// <remarks>
/// Marks become spans that stay open across neighbouring text nodes sharing them (<c>*a _b_*</c>). A span uses
/// the plain form <c>*text*</c> when Jira would recognise it (content not starting or ending with whitespace, no
/// letter or digit right outside), else the braced form <c>{*}text{*}</c>. Text is escaped conservatively: a
/// formatting character is escaped whenever it could open or close a span; at a node boundary, where the
/// neighbour is not known here, it is always escaped.
/// </remarks>
internal static class WikiInlineWriter
{
    private enum TokenKind
    {
        Open,
        Close,
        Item,
    }

    public static string Write(IEnumerable<JsonNode?> inlines, bool atLineStart)
    {
        var items = Flatten(inlines);
        var tokens = Tokenize(items);
        var text = Render(items, tokens, atLineStart);

        // A paragraph opening with strong text "# x" would read as the list item "*# x*": brace it ("{*}# x{*}").
        if (atLineStart && WikiSyntax.IsBlockStart(text.TrimStart()) && SpanAtLineStart(items, tokens) is { } span)
        {
            span.Braced = true;
            text = Render(items, tokens, atLineStart);
        }

        return text;
    }

    private static string Render(List<Item> items, List<Token> tokens, bool atLineStart)
    {
        var sb = new StringBuilder();
        for (var t = 0; t < tokens.Count; t++)
        {
            var (kind, span, index) = tokens[t];
            switch (kind)
            {
                case TokenKind.Open:
                    sb.Append(span!.ShortLink ? string.Empty : span.Marker is { } m ? Marker(m, span.Braced) : "[");
                    break;
                case TokenKind.Close:
                    sb.Append(span!.ShortLink ? string.Empty
                        : span.Marker is { } c ? Marker(c, span.Braced) : "|" + EncodeHref(span.Href!) + "]");
                    break;
                default:
                    WriteItem(items[index], t == 0 && atLineStart, tokens, t, sb);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>The formatting span that opens the line, after nothing but blanks; null when there is none.</summary>
    private static Span? SpanAtLineStart(List<Item> items, List<Token> tokens)
    {
        foreach (var (kind, span, index) in tokens)
        {
            if (kind == TokenKind.Open && span!.Marker is not null)
            {
                return span;
            }

            if (kind != TokenKind.Item || items[index].Raw is not null || !string.IsNullOrWhiteSpace(items[index].Text))
            {
                return null;
            }
        }

        return null;
    }

    private static string Marker(char marker, bool braced) => braced ? "{" + marker + "}" : marker.ToString();

    private static void WriteItem(Item item, bool atLineStart, List<Token> tokens, int at, StringBuilder sb)
    {
        if (item.Raw is { } raw)
        {
            sb.Append(raw);
        }
        else if (at > 0 && tokens[at - 1] is { Kind: TokenKind.Open, Span.ShortLink: true })
        {
            sb.Append('[').Append(item.Text).Append(']');
        }
        else if (item.Code)
        {
            sb.Append("{{");
            WikiEscaper.AppendCode(item.Text!, sb);
            sb.Append("}}");
        }
        else
        {
            WikiEscaper.AppendText(item.Text!, atLineStart, sb);
        }
    }

    /// <summary>
    /// A link target is written raw, as the reader takes it, except what would end it early: an unescaped
    /// <c>|</c> or <c>]</c> is percent-encoded, and a final unpaired backslash (which would escape the closing
    /// bracket) gets a space after it, which the reader trims.
    /// </summary>
    private static string EncodeHref(string href)
    {
        href = href.Trim();
        var sb = new StringBuilder(href.Length + 4);
        for (var i = 0; i < href.Length; i++)
        {
            var c = href[i];
            if (c == '\\' && i + 1 < href.Length)
            {
                sb.Append(c).Append(href[++i]);
            }
            else if (c == '\\')
            {
                sb.Append("\\ ");
            }
            else
            {
                sb.Append(c switch
                {
                    '|' => "%7C",
                    ']' => "%5D",
                    _ => c.ToString(),
                });
            }
        }

        return sb.ToString();
    }

    /// <summary>Whether <c>[href]</c> reads back as exactly this URL.</summary>
    private static bool CanWriteBare(string href)
    {
        if (!WikiSyntax.LooksLikeUrl(href) || href.StartsWith('~'))
        {
            return false;
        }

        for (var i = 0; i < href.Length; i++)
        {
            if (href[i] == '\\')
            {
                if (i + 1 == href.Length)
                {
                    return false;
                }

                i++;
            }
            else if (href[i] is '|' or ']')
            {
                return false;
            }
        }

        return true;
    }

    private static List<Item> Flatten(IEnumerable<JsonNode?> inlines)
    {
        var items = new List<Item>();
        foreach (var node in inlines)
        {
            if (node is not JsonObject obj)
            {
                continue;
            }

            switch (AdfNodes.TypeOf(obj))
            {
                case "text":
                    AddText(items, AdfNodes.StringProperty(obj, "text"), obj);
                    break;
                case "hardBreak":
                    items.Add(Item.RawWiki(WikiSyntax.LineBreak));
                    break;
                case "mention" when AdfNodes.StringAttr(obj, "id") is { Length: > 0 } id && !id.Contains(']'):
                    items.Add(Item.RawWiki(WikiSyntax.LooksLikeAccountId(id) ? $"[~accountid:{id}]" : $"[~{id}]"));
                    break;
                case "mention":
                    AddText(items, AdfText.MentionText(obj), markSource: null);
                    break;
                case "inlineCard" when AdfNodes.StringAttr(obj, "url") is { Length: > 0 } url:
                    items.Add(new Item(url, [AdfNodes.LinkMark(url)], Code: false, Raw: null));
                    break;
                default:
                    // Unknown and unsupported inline nodes keep their text, never dropped.
                    AddText(items, AdfText.ToPlainText(obj), markSource: null);
                    break;
            }
        }

        return items;
    }

    /// <summary>Adds a text run, splitting it at newlines (which become line breaks).</summary>
    private static void AddText(List<Item> items, string? text, JsonObject? markSource)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var marks = new List<JsonObject>();
        var code = false;
        foreach (var mark in AdfNodes.MarksOf(markSource) ?? [])
        {
            if (mark is not JsonObject markObj)
            {
                continue;
            }

            var type = AdfNodes.TypeOf(markObj);
            if (type == "code")
            {
                code = true;
            }
            else if (WikiSyntax.MarkerOf(markObj) is not null ||
                     (type == "link" && !string.IsNullOrWhiteSpace(AdfNodes.StringAttr(markObj, "href"))))
            {
                // Other marks (colours, annotations, alignment…) have no wiki form; their text stays.
                marks.Add(markObj);
            }
        }

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                items.Add(Item.RawWiki(WikiSyntax.LineBreak));
            }

            if (lines[i].Length > 0)
            {
                items.Add(new Item(lines[i], marks, code, Raw: null));
            }
        }
    }

    /// <summary>Turns items into open/close/item tokens, keeping spans open across items that share a mark.</summary>
    private static List<Token> Tokenize(List<Item> items)
    {
        var tokens = new List<Token>();
        var open = new List<Span>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var keep = 0;
            if (item.Raw is null)
            {
                while (keep < open.Count && item.Marks.Exists(m => JsonNode.DeepEquals(m, open[keep].Mark)))
                {
                    keep++;
                }
            }

            CloseDownTo(keep, open, tokens, i - 1);
            if (item.Raw is null)
            {
                foreach (var mark in item.Marks)
                {
                    if (!open.Exists(s => JsonNode.DeepEquals(s.Mark, mark)))
                    {
                        var span = new Span(mark, WikiSyntax.MarkerOf(mark), AdfNodes.StringAttr(mark, "href"), i);
                        open.Add(span);
                        tokens.Add(new Token(TokenKind.Open, span, -1));
                    }
                }
            }

            tokens.Add(new Token(TokenKind.Item, null, i));
        }

        CloseDownTo(0, open, tokens, items.Count - 1);
        for (var t = 0; t < tokens.Count; t++)
        {
            if (tokens[t] is { Kind: TokenKind.Open, Span: { } span })
            {
                Decide(span, items, tokens, t);
            }
        }

        return tokens;
    }

    private static void CloseDownTo(int keep, List<Span> open, List<Token> tokens, int lastItem)
    {
        for (var s = open.Count - 1; s >= keep; s--)
        {
            open[s].LastItem = lastItem;
            tokens.Add(new Token(TokenKind.Close, open[s], -1));
            open.RemoveAt(s);
        }
    }

    /// <summary>Chooses between <c>*x*</c> and <c>{*}x{*}</c>, and between <c>[url]</c> and <c>[text|url]</c>.</summary>
    private static void Decide(Span span, List<Item> items, List<Token> tokens, int openAt)
    {
        var first = items[span.FirstItem];
        var last = items[span.LastItem];
        if (span.Marker is null)
        {
            span.ShortLink = span.FirstItem == span.LastItem && !first.Code && first.Text == span.Href &&
                tokens[openAt + 1].Kind == TokenKind.Item && CanWriteBare(span.Href!);
            return;
        }

        var before = span.FirstItem > 0 ? items[span.FirstItem - 1].Text?[^1] : null;
        var after = span.LastItem + 1 < items.Count ? items[span.LastItem + 1].Text?[0] : null;

        // "[~" right after a link's bracket would read as a mention.
        var afterLinkBracket = span.Marker == '~' && openAt > 0 &&
            tokens[openAt - 1] is { Kind: TokenKind.Open, Span: { Marker: null, ShortLink: false } };
        span.Braced = afterLinkBracket || char.IsWhiteSpace(first.Text![0]) || char.IsWhiteSpace(last.Text![^1]) ||
            (before is { } b && WikiSyntax.IsWordChar(b)) || (after is { } a && WikiSyntax.IsWordChar(a));
    }

    /// <summary>A text run (with its wiki-expressible marks) or a piece of ready wiki markup.</summary>
    private sealed record Item(string? Text, List<JsonObject> Marks, bool Code, string? Raw)
    {
        public static Item RawWiki(string wiki) => new(null, [], Code: false, wiki);
    }

    private sealed class Span(JsonObject mark, char? marker, string? href, int firstItem)
    {
        public JsonObject Mark { get; } = mark;

        /// <summary>The formatting character; null for a link.</summary>
        public char? Marker { get; } = marker;

        public string? Href { get; } = href;

        public int FirstItem { get; } = firstItem;

        public int LastItem { get; set; } = firstItem;

        public bool Braced { get; set; }

        public bool ShortLink { get; set; }
    }

    private readonly record struct Token(TokenKind Kind, Span? Span, int Index);
}
