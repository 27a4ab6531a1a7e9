using System.Text;

namespace JiraGate.Jira.RichText;

/// <summary>
/// Escaping for Markdown output: text must come back from Markdig as the same characters, never as syntax.
/// </summary>
internal static class MarkdownText
{
    /// <summary>True when <paramref name="sb"/> is at the start of a line (where block syntax is recognised).</summary>
    public static bool AtLineStart(StringBuilder sb) => sb.Length == 0 || sb[^1] == '\n';

    /// <summary>Appends literal text. <paramref name="heading"/> also escapes every <c>#</c> (ATX closing sequences).</summary>
    public static void AppendText(StringBuilder sb, string text, bool heading)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (AtLineStart(sb))
            {
                switch (c)
                {
                    case ' ':
                        sb.Append("&#32;"); // Markdig strips indentation; an entity keeps the space
                        continue;
                    case '\t':
                        sb.Append("&#9;");
                        continue;
                    case '#' or '>' or '-' or '+' or '=':
                        sb.Append('\\').Append(c);
                        continue;
                    default:
                        if (char.IsAsciiDigit(c) && OrderedMarkerEnd(text, i) is var end and > 0)
                        {
                            sb.Append(text, i, end - i).Append('\\').Append(text[end]);
                            i = end;
                            continue;
                        }

                        break;
                }
            }

            switch (c)
            {
                case '\\' or '`' or '*' or '[' or ']' or '~' or '|' or '<':
                    sb.Append('\\').Append(c);
                    break;
                case '#' when heading:
                    sb.Append("\\#");
                    break;
                case '_' when !(sb.Length > 0 && char.IsAsciiLetterOrDigit(sb[^1]) &&
                                i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1])):
                    sb.Append("\\_"); // snake_case stays readable; a _ that could open or close emphasis is escaped
                    break;
                case '&' when i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] == '#'):
                    sb.Append("\\&"); // would start an entity reference
                    break;
                case '\n' or '\r':
                    sb.Append(' ');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
    }

    /// <summary>Replaces trailing spaces and tabs of the last line by entities (Markdig trims them at a block's end).</summary>
    public static void ProtectTrailingWhitespace(StringBuilder sb)
    {
        var end = sb.Length;
        var start = end;
        while (start > 0 && sb[start - 1] is ' ' or '\t')
        {
            start--;
        }

        if (start == end)
        {
            return;
        }

        var tail = sb.ToString(start, end - start).Replace(" ", "&#32;", StringComparison.Ordinal)
            .Replace("\t", "&#9;", StringComparison.Ordinal);
        sb.Length = start;
        sb.Append(tail);
    }

    /// <summary>A code span that Markdig reads back as exactly <paramref name="code"/> (newlines become spaces).</summary>
    public static void AppendCode(StringBuilder sb, string code)
    {
        code = code.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
        var fence = new string('`', LongestRun(code, '`') + 1);
        var pad = code[0] == '`' || code[^1] == '`' || (code[0] == ' ' && code[^1] == ' ' && code.Trim(' ').Length > 0);
        sb.Append(fence);
        if (pad)
        {
            sb.Append(' ');
        }

        sb.Append(code);
        if (pad)
        {
            sb.Append(' ');
        }

        sb.Append(fence);
    }

    /// <summary>A link destination: bare when it is simple, in angle brackets otherwise.</summary>
    public static void AppendDestination(StringBuilder sb, string href)
    {
        href = href.Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);
        var angle = href.Length == 0 || href.Any(c => c is ' ' or '<' or '>' || char.IsControl(c));
        if (angle)
        {
            sb.Append('<');
        }

        foreach (var c in href)
        {
            if (c is '\\' or '&' || (angle ? c is '<' or '>' : c is '(' or ')'))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        if (angle)
        {
            sb.Append('>');
        }
    }

    public static void AppendTitle(StringBuilder sb, string title)
    {
        sb.Append(" \"");
        foreach (var c in title)
        {
            if (c is '\\' or '"' or '&')
            {
                sb.Append('\\');
            }

            sb.Append(c is '\n' or '\r' ? ' ' : c);
        }

        sb.Append('"');
    }

    public static int LongestRun(string text, char c)
    {
        int longest = 0, current = 0;
        foreach (var ch in text)
        {
            current = ch == c ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }

        return longest;
    }

    /// <summary>Index of the <c>.</c> or <c>)</c> ending an ordered-list marker that starts at <paramref name="start"/>, or -1.</summary>
    private static int OrderedMarkerEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length && char.IsAsciiDigit(text[i]) && i - start < 10)
        {
            i++;
        }

        return i < text.Length && text[i] is '.' or ')' ? i : -1;
    }
}
