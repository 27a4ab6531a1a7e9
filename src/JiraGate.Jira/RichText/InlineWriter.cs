using System.Text;

namespace JiraGate.Jira.RichText;

/// <summary>The two inline syntaxes written: Markdown, and Jira wiki markup for Data Center.</summary>
internal enum InlineSyntax
{
    Markdown,
    Wiki,
}

/// <summary>Where inline text is written: each place renders hard breaks and escapes a little differently.</summary>
internal enum InlinePlace
{
    Paragraph,
    Heading,
    TableCell,
}

/// <summary>
/// Writes inline items as Markdown (or wiki markup) with a stack of open marks (strong, em, strike, link), opening the mark that
/// lasts longest first and moving whitespace outside delimiters so that Markdig's flanking rules accept them.
/// Code spans, mentions and hard breaks keep the emphasis around them open when the text on both sides has it.
/// </summary>
internal sealed partial class InlineWriter
{
    private static readonly TextStyle[] EmphasisOrder = [TextStyle.Strike, TextStyle.Strong, TextStyle.Em];

    private readonly StringBuilder _sb = new();
    private readonly InlinePlace _place;
    private readonly InlineSyntax _syntax;
    private readonly List<Mark> _open = [];
    private readonly List<string> _delimiters = [];
    private int _closersEnd = -1;
    private char _lastCloser;
    private string _pendingWhitespace = string.Empty;

    private InlineWriter(InlinePlace place, InlineSyntax syntax)
    {
        _place = place;
        _syntax = syntax;
    }

    /// <summary>An open mark: one emphasis style, or a link.</summary>
    private readonly record struct Mark(TextStyle Style, LinkTarget? Link);

    public static string Write(IReadOnlyList<InlineItem> items, InlinePlace place, InlineSyntax syntax = InlineSyntax.Markdown)
    {
        var writer = new InlineWriter(place, syntax);
        var wanted = EffectiveMarks(items);
        for (var i = 0; i < items.Count; i++)
        {
            writer.WriteItem(items, wanted, i);
        }

        writer.CloseFrom(0, null);
        writer.FlushWhitespace();
        if (syntax == InlineSyntax.Markdown)
        {
            MarkdownText.ProtectTrailingWhitespace(writer._sb);
        }

        return writer._sb.ToString();
    }

    private void WriteItem(IReadOnlyList<InlineItem> items, List<HashSet<Mark>> wanted, int index)
    {
        var item = items[index];
        var want = wanted[index];

        // The marks this item wants, outermost first: longest-lasting first so it encloses the shorter ones
        // (ties: marks already open keep their place, then link outermost, then the fixed order).
        var desired = want.ToList();
        desired.Sort((x, y) =>
        {
            var byLength = RunLength(wanted, index, y).CompareTo(RunLength(wanted, index, x));
            if (byLength != 0)
            {
                return byLength;
            }

            int openX = _open.IndexOf(x), openY = _open.IndexOf(y);
            if (openX >= 0 || openY >= 0)
            {
                return (openX < 0 ? int.MaxValue : openX).CompareTo(openY < 0 ? int.MaxValue : openY);
            }

            // A link usually goes outside ("[**a**](u)" needs no space or punctuation before it); but when the
            // span has whitespace at an edge, emphasis goes outside so the whitespace can stay inside the link.
            if ((x.Link is null) != (y.Link is null) && SpaceAtEdge(items, index, RunLength(wanted, index, x)))
            {
                return x.Link is null ? -1 : 1;
            }

            return Rank(x).CompareTo(Rank(y));
        });

        // Keep the open marks that already match that order; close the rest (stack-wise) and open what is missing.
        var keep = 0;
        while (keep < _open.Count && keep < desired.Count && _open[keep] == desired[keep])
        {
            keep++;
        }

        if (keep < _open.Count)
        {
            CloseFrom(keep, item);
        }

        FlushWhitespace();
        var text = item.Text;
        var toOpen = desired.Skip(keep).ToList();
        if (toOpen.Count > 0)
        {
            // An emphasis opener may not be followed by whitespace: such whitespace goes before the emphasis
            // openers that come after the last link opener (so it stays inside that link).
            var lastLink = toOpen.FindLastIndex(m => m.Link is not null);
            var movesSpace = item.IsPlainText && toOpen[^1].Link is null;
            for (var i = 0; i < toOpen.Count; i++)
            {
                if (movesSpace && i == lastLink + 1)
                {
                    var lead = text.Length - text.TrimStart().Length;
                    AppendText(text[..lead]);
                    text = text[lead..];
                }

                var mark = toOpen[i];
                var delimiter = mark.Link is not null ? "["
                    : _syntax == InlineSyntax.Wiki ? WikiText.Delimiter(mark.Style, braced: _sb.Length > 0 && char.IsLetterOrDigit(_sb[^1]))
                    : Delimiter(mark.Style, UnderscoreSafe(items, wanted, index, mark));
                _sb.Append(delimiter);
                _open.Add(mark);
                _delimiters.Add(delimiter);
            }
        }

        // Likewise whitespace before a closing emphasis delimiter would stop it closing: it is written after the
        // emphasis closers (CloseFrom flushes it before a link closer, keeping it inside the link).
        if (item.IsPlainText && _open.Count > 0 && _open[^1].Link is null &&
            (index + 1 == items.Count || WillClose(wanted[index + 1])))
        {
            var trimmed = text.TrimEnd();
            _pendingWhitespace = text[trimmed.Length..];
            text = trimmed;
        }

        switch (item.Kind)
        {
            case InlineKind.Text when item.Marks.Has(TextStyle.Code):
                if (_syntax == InlineSyntax.Wiki)
                {
                    WikiText.AppendCode(_sb, text);
                }
                else
                {
                    MarkdownText.AppendCode(_sb, text);
                }

                break;
            case InlineKind.Text:
            case InlineKind.Placeholder:
                AppendText(text);
                break;
            case InlineKind.Mention when _syntax == InlineSyntax.Wiki:
                _sb.Append("[~").Append(item.IsUsername ? string.Empty : "accountid:");
                WikiText.AppendText(_sb, item.Id ?? string.Empty);
                _sb.Append(']');
                break;
            case InlineKind.Mention:
                _sb.Append("@[");
                AppendText(item.Text);
                _sb.Append("](");
                MarkdownText.AppendDestination(_sb, (item.IsUsername ? MarkdownToAdf.UsernameScheme : MarkdownToAdf.AccountIdScheme) + item.Id);
                _sb.Append(')');
                break;
            case InlineKind.HardBreak when _syntax == InlineSyntax.Wiki:
                _sb.Append(@"\\");
                break;
            case InlineKind.HardBreak:
                WriteBreak(items, index);
                break;
        }
    }

    private void AppendText(string text)
    {
        if (_syntax == InlineSyntax.Wiki)
        {
            WikiText.AppendText(_sb, text);
        }
        else
        {
            MarkdownText.AppendText(_sb, text, _place == InlinePlace.Heading);
        }
    }

    /// <summary>
    /// A backslash break inside a paragraph; <c>&lt;br&gt;</c> where a backslash break does not exist
    /// (headings, table cells, the start or end of a paragraph). Markdig reads <c>&lt;br&gt;</c> back as a break.
    /// </summary>
    private void WriteBreak(IReadOnlyList<InlineItem> items, int index)
    {
        var onlyBreaksBefore = true;
        for (var i = 0; i < index && onlyBreaksBefore; i++)
        {
            onlyBreaksBefore = items[i].Kind == InlineKind.HardBreak;
        }

        var onlyBreaksAfter = true;
        for (var i = index + 1; i < items.Count && onlyBreaksAfter; i++)
        {
            onlyBreaksAfter = items[i].Kind == InlineKind.HardBreak;
        }

        // A line may not start with a space (Markdig strips it), so a break before one stays on the line.
        var spaceAfter = index + 1 < items.Count && items[index + 1].IsPlainText && char.IsWhiteSpace(items[index + 1].Text[0]);
        if (_place != InlinePlace.Paragraph || onlyBreaksBefore || onlyBreaksAfter || spaceAfter)
        {
            _sb.Append("<br>");
        }
        else
        {
            _sb.Append("\\\n");
        }
    }

    /// <summary>Closes the open marks from <paramref name="index"/> up; <paramref name="next"/> is the item written next.</summary>
    private void CloseFrom(int index, InlineItem? next)
    {
        for (var i = _open.Count - 1; i >= index; i--)
        {
            var mark = _open[i];
            if (mark.Link is { } link)
            {
                FlushWhitespace();
                if (_syntax == InlineSyntax.Wiki)
                {
                    _sb.Append('|').Append(WikiText.Url(link.Href)).Append(']');
                }
                else
                {
                    _sb.Append("](");
                    MarkdownText.AppendDestination(_sb, link.Href);
                    if (link.Title is not null)
                    {
                        MarkdownText.AppendTitle(_sb, link.Title);
                    }

                    _sb.Append(')');
                }
            }
            else if (_syntax == InlineSyntax.Wiki)
            {
                // A closer right before a letter or digit would not close: use the braced form there.
                var braced = next is { IsPlainText: true } n && n.Text.Length > 0 && char.IsLetterOrDigit(n.Text[0]);
                _sb.Append(WikiText.Delimiter(mark.Style, braced));
            }
            else
            {
                _sb.Append(_delimiters[i]);
            }

            _lastCloser = _sb[^1];
        }

        if (_open.Count > index)
        {
            _closersEnd = _sb.Length;
        }

        _open.RemoveRange(index, _open.Count - index);
        _delimiters.RemoveRange(index, _delimiters.Count - index);
    }

    private void FlushWhitespace()
    {
        if (_pendingWhitespace.Length > 0)
        {
            AppendText(_pendingWhitespace);
            _pendingWhitespace = string.Empty;
        }
    }

    /// <summary>True when the next item's marks force the innermost open mark to close.</summary>
    private bool WillClose(HashSet<Mark> next) => _open.Any(m => !next.Contains(m)) || next.Count < _open.Count;

    private static int Rank(Mark mark) => mark.Link is not null ? 0 : Array.IndexOf(EmphasisOrder, mark.Style) + 1;

    /// <summary>
    /// True when this opener directly follows a <c>*</c> closer (the two would merge into one delimiter run, as in
    /// <c>*a***b**</c>) and an underscore delimiter can close where the span ends (not before a letter or digit).
    /// </summary>
    private bool UnderscoreSafe(IReadOnlyList<InlineItem> items, List<HashSet<Mark>> wanted, int index, Mark mark)
    {
        if (_closersEnd != _sb.Length || _lastCloser != '*')
        {
            return false;
        }

        var after = index + RunLength(wanted, index, mark);
        return after >= items.Count || !items[after].IsPlainText || !char.IsLetterOrDigit(items[after].Text[0]);
    }

    private static string Delimiter(TextStyle style, bool underscore) => style switch
    {
        TextStyle.Strong => underscore ? "__" : "**",
        TextStyle.Em => underscore ? "_" : "*",
        _ => "~~",
    };
}
