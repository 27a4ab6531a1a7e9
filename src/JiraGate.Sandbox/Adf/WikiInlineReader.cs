using System.Text;
using System.Text.Json.Nodes;

namespace JiraGate.Sandbox.Adf;

/// <summary>
/// Reads one line of Jira wiki markup into ADF inline nodes: text with marks, <c>hardBreak</c> and <c>mention</c>.
/// </summary>
/// <remarks>
/// <para>
/// Recognised: <c>\\</c> (line break), backslash escapes, <c>&amp;amp;</c> and <c>&amp;#NNN;</c>,
/// <c>*strong*</c> <c>_em_</c> <c>-strike-</c> <c>+underline+</c> <c>^sup^</c> <c>~sub~</c> and their braced
/// forms (<c>{*}x{*}</c>, usable inside words), <c>{{monospace}}</c>, <c>[text|url]</c>, <c>[url]</c>,
/// <c>[~accountid:ID]</c> and <c>[~username]</c>. Anything else is literal text.
/// </para>
/// <para>
/// The output always validates: text nodes are never empty, adjacent text with equal marks is merged, marks are
/// in <see cref="WikiSyntax.MarkRank"/> order, and a code mark is combined with nothing but a link.
/// </para>
/// </remarks>
internal sealed class WikiInlineReader
{
    private readonly string _s;
    private readonly WikiLineIndex _index;
    private readonly List<JsonObject> _nodes = [];
    private readonly StringBuilder _pending = new();
    private List<JsonObject> _pendingMarks = [];

    /// <summary>
    /// For each kind of span (simple or braced, per marker) and range end: the earliest content start from which
    /// no closing marker was found. Whether a marker closes a span does not depend on where the span opened, so
    /// any later opener fails too; this keeps lines full of unmatched markers linear.
    /// </summary>
    private readonly Dictionary<(bool Braced, char Marker, int End), int> _noCloserFrom = [];

    private WikiInlineReader(string s)
    {
        _s = s;
        _index = new WikiLineIndex(s);
    }

    public static List<JsonObject> Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var reader = new WikiInlineReader(line);
        reader.ParseRange(0, line.Length, []);
        reader.Flush();
        return reader._nodes;
    }

    private void ParseRange(int start, int end, List<JsonObject> marks)
    {
        var i = start;
        while (i < end)
        {
            var c = _s[i];
            var next = c switch
            {
                '\\' => ReadBackslash(i, end, marks),
                '&' when WikiEntities.TryDecode(_s, i, end, out var decoded, out var length) =>
                    AppendText(decoded, marks, i + length),
                '[' => ReadBracket(i, end, marks),
                '{' when i + 1 < end && _s[i + 1] == '{' => ReadCodeSpan(i, end, marks),
                '{' when i + 2 < end && _s[i + 2] == '}' && WikiSyntax.IsMarker(_s[i + 1]) => ReadBracedSpan(i, end, marks),
                _ when WikiSyntax.IsMarker(c) => ReadSimpleSpan(i, end, marks),
                _ => -1,
            };

            if (next < 0)
            {
                // Not markup after all: the character is literal.
                AppendText(c.ToString(), marks, 0);
                next = i + 1;
            }

            i = next;
        }
    }

    private int ReadBackslash(int i, int end, List<JsonObject> marks)
    {
        if (i + 1 < end && _s[i + 1] == '\\')
        {
            AddNode(AdfNodes.HardBreak());
            return i + 2;
        }

        return i + 1 < end && WikiSyntax.IsEscapable(_s[i + 1]) ? AppendText(_s[i + 1].ToString(), marks, i + 2) : -1;
    }

    /// <summary><c>[~accountid:ID]</c>, <c>[~name]</c>, <c>[text|url]</c> or <c>[url]</c>; -1 when none of them.</summary>
    private int ReadBracket(int i, int end, List<JsonObject> marks)
    {
        var close = _index.BracketClose(i + 1, end);
        if (close < 0 || !_index.IsLinkOrMention(i, close))
        {
            return -1;
        }

        if (_s[i + 1] == '~')
        {
            var id = _s[(i + 2)..close];
            if (id.StartsWith(WikiSyntax.AccountIdPrefix, StringComparison.OrdinalIgnoreCase))
            {
                id = id[WikiSyntax.AccountIdPrefix.Length..];
            }

            AddNode(AdfNodes.Mention(id));
            return close + 1;
        }

        var separator = _index.Pipe(i + 1, close);
        if (separator < 0)
        {
            var target = _s[(i + 1)..close];
            return AppendText(target, With(marks, AdfNodes.LinkMark(target)), close + 1);
        }

        // [text|url|tooltip]: the tooltip has no ADF equivalent.
        var urlEnd = _index.Pipe(separator + 1, close) is var tooltip and >= 0 ? tooltip : close;
        var href = _s[(separator + 1)..urlEnd].Trim();
        var linked = With(marks, AdfNodes.LinkMark(href));
        if (separator == i + 1)
        {
            AppendText(href, linked, 0);
        }
        else
        {
            ParseRange(i + 1, separator, linked);
        }

        return close + 1;
    }

    private int ReadCodeSpan(int i, int end, List<JsonObject> marks)
    {
        var close = _index.CodeClose(i + 2, end);
        if (close < 0)
        {
            return -1;
        }

        var codeMarks = marks.Where(m => AdfNodes.TypeOf(m) is "link" or "annotation").ToList();
        codeMarks.Add(AdfNodes.Mark("code"));
        return AppendText(Unescape(i + 2, close), Sorted(codeMarks), close + 2);
    }

    /// <summary><c>{*}text{*}</c>: a span Jira applies even inside a word.</summary>
    private int ReadBracedSpan(int i, int end, List<JsonObject> marks)
    {
        var marker = _s[i + 1];
        var start = i + 3;
        var key = (true, marker, end);
        if (_noCloserFrom.TryGetValue(key, out var failedFrom) && start >= failedFrom)
        {
            return -1;
        }

        var from = start;
        while (_index.FindUnescaped('{', from, end) is var candidate and >= 0)
        {
            if (candidate + 3 <= end && _s[candidate + 1] == marker && _s[candidate + 2] == '}')
            {
                ParseRange(start, candidate, With(marks, WikiSyntax.MarkFor(marker)));
                return candidate + 3;
            }

            from = candidate + 1;
        }

        RememberNoCloser(key, start);
        return -1;
    }

    /// <summary>
    /// <c>*text*</c>: opens after a non-word character and before a non-blank one; closes at the first unescaped
    /// marker after a non-blank character and before a non-word character.
    /// </summary>
    private int ReadSimpleSpan(int i, int end, List<JsonObject> marks)
    {
        var marker = _s[i];
        if ((i > 0 && WikiSyntax.IsWordChar(_s[i - 1])) || i + 1 >= end || char.IsWhiteSpace(_s[i + 1]) ||
            _s[i + 1] == marker)
        {
            return -1;
        }

        var start = i + 1;
        var key = (false, marker, end);
        if (_noCloserFrom.TryGetValue(key, out var failedFrom) && start >= failedFrom)
        {
            return -1;
        }

        // The search starts at the content (a token boundary), never inside an escape like "\*".
        var from = start;
        while (_index.FindUnescaped(marker, from, end) is var candidate and >= 0)
        {
            if (candidate > start && !char.IsWhiteSpace(_s[candidate - 1]) &&
                (candidate + 1 >= end || !WikiSyntax.IsWordChar(_s[candidate + 1])))
            {
                ParseRange(start, candidate, With(marks, WikiSyntax.MarkFor(marker)));
                return candidate + 1;
            }

            from = candidate + 1;
        }

        RememberNoCloser(key, start);
        return -1;
    }

    private void RememberNoCloser((bool, char, int) key, int start)
    {
        if (!_noCloserFrom.TryGetValue(key, out var known) || start < known)
        {
            _noCloserFrom[key] = start;
        }
    }

    /// <summary>Decodes escapes and character references only (the content of a code span).</summary>
    private string Unescape(int start, int end)
    {
        var sb = new StringBuilder(end - start);
        var i = start;
        while (i < end)
        {
            var c = _s[i];
            if (c == '\\' && i + 1 < end && WikiSyntax.IsEscapable(_s[i + 1]))
            {
                sb.Append(_s[i + 1]);
                i += 2;
            }
            else if (c == '&' && WikiEntities.TryDecode(_s, i, end, out var decoded, out var length))
            {
                sb.Append(decoded);
                i += length;
            }
            else
            {
                sb.Append(c);
                i++;
            }
        }

        return sb.ToString();
    }

    private static List<JsonObject> With(List<JsonObject> marks, JsonObject mark)
    {
        if (marks.Exists(m => AdfNodes.TypeOf(m) == AdfNodes.TypeOf(mark)))
        {
            // No mark type twice on one node: an inner link or a repeated marker does not stack.
            return marks;
        }

        return Sorted([.. marks, mark]);
    }

    private static List<JsonObject> Sorted(List<JsonObject> marks) =>
        [.. marks.OrderBy(WikiSyntax.MarkRank)];

    /// <summary>Appends literal text with the given marks and returns <paramref name="next"/>.</summary>
    private int AppendText(string text, List<JsonObject> marks, int next)
    {
        if (text.Length > 0)
        {
            if (_pending.Length > 0 && !SameMarks(_pendingMarks, marks))
            {
                Flush();
            }

            _pendingMarks = marks;
            _pending.Append(text);
        }

        return next;
    }

    private static bool SameMarks(List<JsonObject> a, List<JsonObject> b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!JsonNode.DeepEquals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    private void AddNode(JsonObject node)
    {
        Flush();
        _nodes.Add(node);
    }

    private void Flush()
    {
        if (_pending.Length > 0)
        {
            _nodes.Add(AdfNodes.Text(_pending.ToString(), _pendingMarks));
            _pending.Clear();
        }
    }
}
