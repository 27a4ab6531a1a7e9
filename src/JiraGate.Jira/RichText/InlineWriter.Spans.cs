namespace JiraGate.Jira.RichText;

/// <summary>Which marks each inline item is written under, and for how long they last.</summary>
internal sealed partial class InlineWriter
{
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

    private static bool SpaceAtEdge(IReadOnlyList<InlineItem> items, int start, int length) =>
        StartsWithSpace(items[start]) || (length > 0 && EndsWithSpace(items[start + length - 1]));

    private static int RunLength(List<HashSet<Mark>> wanted, int from, Mark mark)
    {
        var length = 0;
        while (from + length < wanted.Count && wanted[from + length].Contains(mark))
        {
            length++;
        }

        return length;
    }
}
