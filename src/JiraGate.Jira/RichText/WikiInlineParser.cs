using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace JiraGate.Jira.RichText;

/// <summary>
/// Inline wiki markup: <c>*strong*</c>, <c>_em_</c>, <c>-strike-</c> (also the braced <c>{*}</c> forms),
/// <c>{{monospace}}</c>, <c>[text|url]</c>, <c>[url]</c>, <c>[~accountid:…]</c>/<c>[~username]</c> mentions,
/// <c>\\</c> breaks, backslash escapes and character entities. <c>+underline+</c>, <c>^sup^</c> and
/// <c>~sub~</c> keep their text (ADF Markdown has no such marks here).
/// </summary>
internal static partial class WikiInlineParser
{
    private const int MaxDepth = 16;

    public static List<JsonObject> Parse(string text)
    {
        var buffer = new InlineBuffer();
        Parse(text, MarkSet.None, buffer, 0);
        return buffer.ToList();
    }

    private static void Parse(string s, MarkSet marks, InlineBuffer output, int depth)
    {
        var literal = new StringBuilder();
        void Flush()
        {
            output.AddText(literal.ToString(), marks);
            literal.Clear();
        }

        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '\\' && i + 1 < s.Length)
            {
                if (s[i + 1] == '\\')
                {
                    Flush();
                    output.Add(AdfJson.Node("hardBreak"));
                    i += 2;
                    continue;
                }

                if (!char.IsLetterOrDigit(s[i + 1]) && !char.IsWhiteSpace(s[i + 1]))
                {
                    literal.Append(s[i + 1]);
                    i += 2;
                    continue;
                }
            }

            if (c == '&' && Entity(s, i) is var (decoded, length) && length > 0)
            {
                literal.Append(decoded);
                i += length;
                continue;
            }

            if (depth < MaxDepth && s.AsSpan(i).StartsWith("{{") && FindCodeEnd(s, i + 2) is var codeEnd and >= 0)
            {
                Flush();
                output.AddText(Unescape(s[(i + 2)..codeEnd]), marks.With(TextStyle.Code));
                i = codeEnd + 2;
                continue;
            }

            if (c == '[' && depth < MaxDepth && FindClose(s, i + 1, ']') is var close and >= 0)
            {
                Flush();
                Link(s[(i + 1)..close], marks, output, depth);
                i = close + 1;
                continue;
            }

            if (depth < MaxDepth && Effect(s, i) is var (style, openLength) && openLength > 0 &&
                FindEffectEnd(s, i + openLength, s[s[i] == '{' ? i + 1 : i]) is var (end, closeLength) && end > i + openLength)
            {
                Flush();
                Parse(s[(i + openLength)..end], style == TextStyle.None ? marks : marks.With(style), output, depth + 1);
                i = end + closeLength;
                continue;
            }

            literal.Append(c);
            i++;
        }

        Flush();
    }

    private static void Link(string inner, MarkSet marks, InlineBuffer output, int depth)
    {
        if (inner.StartsWith('~'))
        {
            var user = Unescape(inner[1..]);
            var isAccount = user.StartsWith("accountid:", StringComparison.OrdinalIgnoreCase);
            var id = isAccount ? user["accountid:".Length..] : user;
            var attrs = new JsonObject { ["id"] = id, ["text"] = "@" + id };
            if (!isAccount)
            {
                attrs[AdfJson.UsernameAttr] = true;
            }

            output.Add(AdfJson.Node("mention", attrs: attrs));
            return;
        }

        var bar = FindLastBar(inner);
        var label = bar >= 0 ? inner[..bar] : inner;
        var url = (bar >= 0 ? inner[(bar + 1)..] : Unescape(inner)).Trim();
        var linked = marks.WithLink(new LinkTarget(url, null));
        if (bar >= 0 && label.Length > 0)
        {
            Parse(label, linked, output, depth + 1);
        }
        else
        {
            output.AddText(url.Length > 0 ? url : " ", linked);
        }
    }

    /// <summary>An effect opener at <paramref name="i"/>: a braced <c>{*}</c> anywhere, or a bare one at a word start.</summary>
    private static (TextStyle Style, int Length) Effect(string s, int i)
    {
        if (s[i] == '{' && i + 2 < s.Length && s[i + 2] == '}' && WikiText.EffectChars.Contains(s[i + 1], StringComparison.Ordinal))
        {
            return (StyleOf(s[i + 1]), 3);
        }

        var opens = WikiText.EffectChars.Contains(s[i], StringComparison.Ordinal) &&
                    (i == 0 || !char.IsLetterOrDigit(s[i - 1])) && i + 1 < s.Length && !char.IsWhiteSpace(s[i + 1]);
        return opens ? (StyleOf(s[i]), 1) : (TextStyle.None, 0);
    }

    private static TextStyle StyleOf(char c) => c switch
    {
        '*' => TextStyle.Strong,
        '_' => TextStyle.Em,
        '-' => TextStyle.Strike,
        _ => TextStyle.None,
    };

    /// <summary>The matching closer (bare after a non-space and before a non-word character, or braced).</summary>
    private static (int Index, int Length) FindEffectEnd(string s, int from, char effect)
    {
        for (var j = from; j < s.Length; j++)
        {
            switch (s[j])
            {
                case '\\':
                    j++;
                    continue;
                case '[' when FindClose(s, j + 1, ']') is var close and >= 0:
                    j = close;
                    continue;
                case '{' when s.AsSpan(j).StartsWith("{{") && FindCodeEnd(s, j + 2) is var codeEnd and >= 0:
                    j = codeEnd + 1;
                    continue;
                case '{' when j + 2 < s.Length && s[j + 1] == effect && s[j + 2] == '}':
                    return (j, 3);
                default:
                    if (s[j] == effect && j > from && !char.IsWhiteSpace(s[j - 1]) &&
                        (j + 1 == s.Length || !char.IsLetterOrDigit(s[j + 1])))
                    {
                        return (j, 1);
                    }

                    break;
            }
        }

        return (-1, 0);
    }

    private static int FindCodeEnd(string s, int from)
    {
        for (var j = from; j + 1 < s.Length; j++)
        {
            if (s[j] == '\\')
            {
                j++;
            }
            else if (s[j] == '}' && s[j + 1] == '}')
            {
                return j;
            }
        }

        return -1;
    }

    private static int FindClose(string s, int from, char close)
    {
        for (var j = from; j < s.Length; j++)
        {
            if (s[j] == '\\')
            {
                j++;
            }
            else if (s[j] == close)
            {
                return j;
            }
            else if (s[j] == '{' && s.AsSpan(j).StartsWith("{{") && FindCodeEnd(s, j + 2) is var end and >= 0)
            {
                j = end + 1;
            }
        }

        return -1;
    }

    private static int FindLastBar(string s)
    {
        var last = -1;
        for (var j = 0; j < s.Length; j++)
        {
            if (s[j] == '\\')
            {
                j++;
            }
            else if (s[j] == '|')
            {
                last = j;
            }
        }

        return last;
    }

    /// <summary>Splits a table row into cells: <c>||</c> starts a header cell, <c>|</c> a cell.</summary>
    public static List<(bool Header, string Text)> SplitCells(string line)
    {
        var cells = new List<(bool, string)>();
        var i = 0;
        while (i < line.Length && line[i] == '|')
        {
            var header = i + 1 < line.Length && line[i + 1] == '|';
            var start = i + (header ? 2 : 1);
            var j = start;
            while (j < line.Length && line[j] != '|')
            {
                if (line[j] == '\\')
                {
                    j++;
                }
                else if (line[j] == '[' && FindClose(line, j + 1, ']') is var close and >= 0)
                {
                    j = close;
                }
                else if (line[j] == '{' && line.AsSpan(j).StartsWith("{{") && FindCodeEnd(line, j + 2) is var end and >= 0)
                {
                    j = end + 1;
                }

                j++;
            }

            if (j >= line.Length && line[start..].Trim().Length == 0)
            {
                break; // the closing bar(s) of the row
            }

            cells.Add((header, line[start..Math.Min(j, line.Length)]));
            i = j;
        }

        return cells;
    }

    private static string Unescape(string s)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length && !char.IsLetterOrDigit(s[i + 1]) && !char.IsWhiteSpace(s[i + 1]))
            {
                sb.Append(s[++i]);
            }
            else if (s[i] == '&' && Entity(s, i) is var (decoded, length) && length > 0)
            {
                sb.Append(decoded);
                i += length - 1;
            }
            else
            {
                sb.Append(s[i]);
            }
        }

        return sb.ToString();
    }

    /// <summary>A character entity (<c>&amp;#92;</c>, <c>&amp;amp;</c>, …) at <paramref name="i"/>; length 0 when there is none.</summary>
    private static (string Text, int Length) Entity(string s, int i)
    {
        var semicolon = s.IndexOf(';', i);
        if (semicolon < 0 || semicolon - i > 12)
        {
            return (string.Empty, 0);
        }

        var candidate = s[i..(semicolon + 1)];
        if (!EntityPattern().IsMatch(candidate))
        {
            return (string.Empty, 0);
        }

        var decoded = WebUtility.HtmlDecode(candidate);
        return decoded != candidate ? (decoded, candidate.Length) : (string.Empty, 0);
    }

    [GeneratedRegex("^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,10});$")]
    private static partial Regex EntityPattern();
}
