namespace JiraGate.Sandbox.Adf;

/// <summary>
/// Where the delimiters of one line of wiki markup are, computed once in linear time so that looking for the end
/// of a link, a mention or a code span costs O(1) and the reader stays linear on hostile input.
/// </summary>
/// <remarks>
/// A backslash escapes the character after it (a pair of backslashes is a line break, which also consumes both),
/// scanning from the start of the line; every search here starts on such a token boundary.
/// </remarks>
internal sealed class WikiLineIndex
{
    private readonly string _s;
    private readonly int[] _nextBracketClose;
    private readonly int[] _nextPipe;
    private readonly int[] _nextCodeClose;
    private readonly int[] _nextNonBlank;

    public WikiLineIndex(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        _s = line;
        var n = line.Length;
        var escaped = new bool[n];
        for (var i = 0; i + 1 < n; i++)
        {
            if (line[i] == '\\')
            {
                escaped[++i] = true;
            }
        }

        _nextBracketClose = new int[n + 1];
        _nextPipe = new int[n + 1];
        _nextCodeClose = new int[n + 1];
        _nextNonBlank = new int[n + 1];
        _nextBracketClose[n] = _nextPipe[n] = _nextCodeClose[n] = _nextNonBlank[n] = -1;
        for (var j = n - 1; j >= 0; j--)
        {
            var c = line[j];
            var live = !escaped[j];
            _nextBracketClose[j] = live && c == ']' ? j : _nextBracketClose[j + 1];
            _nextPipe[j] = live && c == '|' ? j : _nextPipe[j + 1];
            _nextCodeClose[j] = live && c == '}' && j + 1 < n && line[j + 1] == '}' ? j : _nextCodeClose[j + 1];
            _nextNonBlank[j] = !char.IsWhiteSpace(c) ? j : _nextNonBlank[j + 1];
        }
    }

    /// <summary>The first unescaped <c>]</c> in <c>[from, end)</c>, or -1.</summary>
    public int BracketClose(int from, int end) => Within(_nextBracketClose, from, end);

    /// <summary>The first unescaped <c>|</c> in <c>[from, end)</c>, or -1.</summary>
    public int Pipe(int from, int end) => Within(_nextPipe, from, end);

    /// <summary>The start of the first unescaped <c>}}</c> lying within <c>[from, end)</c>, or -1.</summary>
    public int CodeClose(int from, int end)
    {
        var close = Within(_nextCodeClose, from, end);
        return close >= 0 && close + 2 <= end ? close : -1;
    }

    /// <summary>
    /// Whether <c>[at..close]</c> is a mention (<c>[~id]</c>, <c>[~accountid:id]</c>) or a link (<c>[text|url]</c>
    /// with a non-blank url, or <c>[url]</c>) rather than literal brackets.
    /// </summary>
    public bool IsLinkOrMention(int at, int close)
    {
        if (close <= at + 1)
        {
            return false;
        }

        if (_s[at + 1] == '~')
        {
            var idStart = at + 2;
            if (string.Compare(_s, idStart, WikiSyntax.AccountIdPrefix, 0, WikiSyntax.AccountIdPrefix.Length,
                    StringComparison.OrdinalIgnoreCase) == 0)
            {
                idStart += WikiSyntax.AccountIdPrefix.Length;
            }

            return close > idStart;
        }

        var separator = Pipe(at + 1, close);
        if (separator < 0)
        {
            return WikiSyntax.LooksLikeUrl(_s.AsSpan(at + 1, close - at - 1));
        }

        // "[text|url|tooltip]": the url runs to the next pipe and must not be blank.
        var urlEnd = Pipe(separator + 1, close) is var tooltip and >= 0 ? tooltip : close;
        return Within(_nextNonBlank, separator + 1, urlEnd) >= 0;
    }

    /// <summary>
    /// The first unescaped <paramref name="target"/> in <c>[from, end)</c>, stepping over escapes, code spans and
    /// links/mentions whole (a delimiter inside them belongs to them); -1 when there is none.
    /// </summary>
    public int FindUnescaped(char target, int from, int end)
    {
        var j = from;
        while (j < end)
        {
            var c = _s[j];
            if (c == '\\' && j + 1 < end)
            {
                j += 2;
            }
            else if (c == '{' && j + 1 < end && _s[j + 1] == '{' && CodeClose(j + 2, end) is var code and >= 0)
            {
                j = code + 2;
            }
            else if (c == '[' && BracketClose(j + 1, end) is var close and >= 0 && IsLinkOrMention(j, close))
            {
                j = close + 1;
            }
            else if (c == target)
            {
                return j;
            }
            else
            {
                j++;
            }
        }

        return -1;
    }

    private static int Within(int[] next, int from, int end)
    {
        if (from >= end || from >= next.Length)
        {
            return -1;
        }

        var found = next[from];
        return found >= 0 && found < end ? found : -1;
    }
}
