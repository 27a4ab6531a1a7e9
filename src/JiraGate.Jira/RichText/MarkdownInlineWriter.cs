using System.Text;

namespace JiraGate.Jira.RichText;

/// <summary>Where inline Markdown is written: each place renders hard breaks and escapes a little differently.</summary>
internal enum InlinePlace
{
    Paragraph,
    Heading,
    TableCell,
}

/// <summary>
/// Writes inline items as Markdown with a stack of open marks (strong, em, strike, link), opening the mark that
/// lasts longest first and moving whitespace outside delimiters so that Markdig's flanking rules accept them.
/// Code spans, mentions and hard breaks keep the emphasis around them open when the text on both sides has it.
/// </summary>
internal sealed class MarkdownInlineWriter
{
    private static readonly TextStyle[] EmphasisOrder = [TextStyle.Strike, TextStyle.Strong, TextStyle.Em];

    private readonly StringBuilder _sb = new();
    private readonly InlinePlace _place;
    private readonly List<Mark> _open = [];
    private string _pendingWhitespace = string.Empty;

    private MarkdownInlineWriter(InlinePlace place)
    {
        _place = place;
    }

    /// <summary>An open mark: one emphasis style, or a link.</summary>
    private readonly record struct Mark(TextStyle Style, LinkTarget? Link);

    public static string Write(IReadOnlyList<InlineItem> items, InlinePlace place)
    {
        var writer = new MarkdownInlineWriter(place);
        var wanted = EffectiveMarks(items);
        for (var i = 0; i < items.Count; i++)
        {
            writer.WriteItem(items, wanted, i);
        }

        writer.CloseFrom(0);
        writer.FlushWhitespace();
        MarkdownText.ProtectTrailingWhitespace(writer._sb);
        return writer._sb.ToString();
    }

    /// <summary>The marks each item is written under: its link, plus the emphasis spans that cover it.</summary>
    private static List<HashSet<Mark>> EffectiveMarks(IReadOnlyList<InlineItem> items)
    {
        var result = new List<HashSet<Mark>>(items.Count);
        foreach (var item in items)
        {
            var set = new HashSet<Mark>();
            if (item.Kind == InlineKind.Text && item.Marks.Link is { } link)
            {
                set.Add(new Mark(TextStyle.None, link));
            }

            result.Add(set);
        }

        foreach (var style in EmphasisOrder)
        {
            foreach (var (start, end) in EmphasisSpans(items, style))
            {
                for (var i = start; i <= end; i++)
                {
                    result[i].Add(new Mark(style, null));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Where one emphasis style is written. Code spans and mentions cannot carry emphasis in ADF, so Markdown
    /// such as <c>**a `b` c**</c> reads back as strong text around unmarked code; writing it back, a span runs
    /// across such neutral items between styled text, and over neutral items at its ends only when the styled
    /// text there ends in whitespace (<c>**a `b`**</c>) — otherwise the delimiter stays next to the text
    /// (<c>**a**`b`c</c>), where the flanking rules accept it.
    /// </summary>
    private static IEnumerable<(int Start, int End)> EmphasisSpans(IReadOnlyList<InlineItem> items, TextStyle style)
    {
        var i = 0;
        while (i < items.Count)
        {
            if (!Carries(items[i], style))
            {
                i++;
                continue;
            }

            int first = i, last = i, j = i;
            while (j < items.Count && (Carries(items[j], style) || IsNeutral(items[j]) || items[j].Kind == InlineKind.HardBreak))
            {
                if (Carries(items[j], style))
                {
                    last = j;
                }

                j++;
            }

            var start = first;
            if (StartsWithSpace(items[first]))
            {
                while (start > 0 && IsNeutral(items[start - 1]))
                {
                    start--;
                }
            }

            var end = last;
            if (EndsWithSpace(items[last]))
            {
                while (end + 1 < items.Count && IsNeutral(items[end + 1]))
                {
                    end++;
                }
            }

            yield return (start, end);
            i = Math.Max(j, end + 1);
        }
    }

    private static bool Carries(InlineItem item, TextStyle style) => item.Kind == InlineKind.Text && item.Marks.Has(style);

    private static bool IsNeutral(InlineItem item) =>
        item.Kind is InlineKind.Mention or InlineKind.Placeholder || (item.Kind == InlineKind.Text && item.Marks.Has(TextStyle.Code));

    private static bool StartsWithSpace(InlineItem item) => item.IsPlainText && char.IsWhiteSpace(item.Text[0]);

    private static bool EndsWithSpace(InlineItem item) => item.IsPlainText && char.IsWhiteSpace(item.Text[^1]);

    private void WriteItem(IReadOnlyList<InlineItem> items, List<HashSet<Mark>> wanted, int index)
    {
        var item = items[index];
        var want = wanted[index];

        // Close every open mark this item does not want (and, stack-wise, everything opened after it).
        var firstUnwanted = _open.FindIndex(m => !want.Contains(m));
        if (firstUnwanted >= 0)
        {
            CloseFrom(firstUnwanted);
        }

        FlushWhitespace();
        var text = item.Text;
        var toOpen = want.Where(m => !_open.Contains(m)).ToList();
        if (toOpen.Count > 0)
        {
            // Longest-lasting first, so it encloses the shorter ones; ties: link outermost, then the fixed order.
            toOpen.Sort((a, b) =>
            {
                var byLength = RunLength(wanted, index, b).CompareTo(RunLength(wanted, index, a));
                return byLength != 0 ? byLength : Rank(a).CompareTo(Rank(b));
            });
            if (item.IsPlainText && toOpen.Any(m => m.Link is null))
            {
                var lead = text.Length - text.TrimStart().Length;
                MarkdownText.AppendText(_sb, text[..lead], _place == InlinePlace.Heading);
                text = text[lead..];
            }

            foreach (var mark in toOpen)
            {
                _sb.Append(mark.Link is null ? Delimiter(mark.Style) : "[");
                _open.Add(mark);
            }
        }

        // Whitespace before a closing delimiter would stop it closing: write it after the delimiter instead.
        if (item.IsPlainText &&
            _open.Any(m => m.Link is null && (index + 1 == items.Count || !wanted[index + 1].Contains(m))))
        {
            var trimmed = text.TrimEnd();
            _pendingWhitespace = text[trimmed.Length..];
            text = trimmed;
        }

        switch (item.Kind)
        {
            case InlineKind.Text when item.Marks.Has(TextStyle.Code):
                MarkdownText.AppendCode(_sb, text);
                break;
            case InlineKind.Text:
            case InlineKind.Placeholder:
                MarkdownText.AppendText(_sb, text, _place == InlinePlace.Heading);
                break;
            case InlineKind.Mention:
                _sb.Append("@[");
                MarkdownText.AppendText(_sb, item.Text, _place == InlinePlace.Heading);
                _sb.Append("](");
                MarkdownText.AppendDestination(_sb, (item.IsUsername ? MarkdownToAdf.UsernameScheme : MarkdownToAdf.AccountIdScheme) + item.Id);
                _sb.Append(')');
                break;
            case InlineKind.HardBreak:
                WriteBreak(items, index);
                break;
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

        if (_place != InlinePlace.Paragraph || onlyBreaksBefore || onlyBreaksAfter)
        {
            _sb.Append("<br>");
        }
        else
        {
            _sb.Append("\\\n");
        }
    }

    private void CloseFrom(int index)
    {
        for (var i = _open.Count - 1; i >= index; i--)
        {
            var mark = _open[i];
            if (mark.Link is { } link)
            {
                _sb.Append("](");
                MarkdownText.AppendDestination(_sb, link.Href);
                if (link.Title is not null)
                {
                    MarkdownText.AppendTitle(_sb, link.Title);
                }

                _sb.Append(')');
            }
            else
            {
                _sb.Append(Delimiter(mark.Style));
            }
        }

        _open.RemoveRange(index, _open.Count - index);
    }

    private void FlushWhitespace()
    {
        if (_pendingWhitespace.Length > 0)
        {
            MarkdownText.AppendText(_sb, _pendingWhitespace, _place == InlinePlace.Heading);
            _pendingWhitespace = string.Empty;
        }
    }

    private static int RunLength(List<HashSet<Mark>> wanted, int from, Mark mark)
    {
        var length = 0;
        while (from + length < wanted.Count && wanted[from + length].Contains(mark))
        {
            length++;
        }

        return length;
    }

    private static int Rank(Mark mark) => mark.Link is not null ? 0 : Array.IndexOf(EmphasisOrder, mark.Style) + 1;

    private static string Delimiter(TextStyle style) => style switch
    {
        TextStyle.Strong => "**",
        TextStyle.Em => "*",
        _ => "~~",
    };
}
