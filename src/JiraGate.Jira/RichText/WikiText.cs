using System.Text;

namespace JiraGate.Jira.RichText;

/// <summary>
/// Escaping for Jira wiki markup output, matched by <see cref="WikiInlineParser"/>: text comes back as the same
/// characters. A backslash escapes a special character; <c>\\</c> is a line break, so a literal backslash is
/// written as the entity <c>&amp;#92;</c>.
/// </summary>
internal static class WikiText
{
    /// <summary>Characters that open or close an effect when next to a word boundary.</summary>
    public const string EffectChars = "*_-+^~";

    public static string Delimiter(TextStyle style, bool braced)
    {
        var c = style switch
        {
            TextStyle.Strong => '*',
            TextStyle.Em => '_',
            _ => '-',
        };
        return braced ? "{" + c + "}" : c.ToString();
    }

    public static void AppendText(StringBuilder sb, string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var lineStart = AtLineStart(sb);
            var previous = i > 0 ? text[i - 1] : sb.Length > 0 ? sb[^1] : ' ';
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            if (lineStart && LineStartSyntax(text, i))
            {
                sb.Append("&#").Append((int)c).Append(';'); // "h1." or "bq." would start a block
                continue;
            }

            switch (c)
            {
                case '\\':
                    sb.Append("&#92;");
                    break;
                case '&' when char.IsAsciiLetter(next) || next == '#':
                    sb.Append("&amp;");
                    break;
                case '{' or '}' or '[' or ']' or '|':
                case '#' when lineStart:
                case '!' when !char.IsWhiteSpace(next):
                case '?' when previous == '?' || next == '?':
                    sb.Append('\\').Append(c);
                    break;
                case var effect when EffectChars.Contains(effect, StringComparison.Ordinal) &&
                                     !(char.IsLetterOrDigit(previous) && char.IsLetterOrDigit(next) && !lineStart):
                    sb.Append('\\').Append(c); // intra-word (a-b, snake_case) stays as is; anything else could be markup
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

    /// <summary>True at a line's start, or after nothing but effect delimiters there ("*# x*" would be a list).</summary>
    private static bool AtLineStart(StringBuilder sb)
    {
        for (var i = sb.Length - 1; i >= 0 && sb[i] != '\n'; i--)
        {
            if (!EffectChars.Contains(sb[i], StringComparison.Ordinal) && sb[i] is not ('{' or '}'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>{{monospace}}</c>; the content is escaped the same way, so <c>}}</c> cannot end it early.</summary>
    public static void AppendCode(StringBuilder sb, string code)
    {
        sb.Append("{{");
        AppendText(sb, code.Replace('\n', ' ').Replace('\r', ' '));
        sb.Append("}}");
    }

    /// <summary>A link target; the characters that would end <c>[text|url]</c> are percent-encoded.</summary>
    public static string Url(string href) =>
        href.Replace("]", "%5D", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("[", "%5B", StringComparison.Ordinal);

    private static bool LineStartSyntax(string text, int i)
    {
        var rest = text.AsSpan(i);
        return (rest.Length >= 3 && rest[0] == 'h' && rest[1] is >= '1' and <= '6' && rest[2] == '.') ||
               rest.StartsWith("bq.", StringComparison.Ordinal);
    }
}
