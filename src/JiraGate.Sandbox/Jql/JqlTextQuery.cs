using System.Text;

namespace JiraGate.Sandbox.Jql;

/// <summary>
/// The value of a <c>~</c> clause, read the way Jira reads it (a Lucene query with AND as the default operator):
/// every word must appear (case-insensitive, light English plural stemming), <c>"…"</c> asks for an exact phrase,
/// <c>*</c> and <c>?</c> are wildcards, <c>OR</c>/<c>AND</c>/<c>NOT</c>, <c>+</c>/<c>-</c> and parentheses combine
/// terms. Built once per clause; <see cref="Matches"/> then runs per field text.
/// </summary>
internal sealed class JqlTextQuery
{
    private readonly Node _root;
    private readonly string[] _mustContain;

    private JqlTextQuery(Node root)
    {
        _root = root;
        _mustContain = [.. Required(root)];
    }

    /// <summary>Parses <paramref name="value"/>; null (with Jira's message) when Lucene could not parse it.</summary>
    public static JqlTextQuery? TryParse(string value, string field, out string? error)
    {
        error = null;
        try
        {
            var parser = new QueryParser(value);
            return new JqlTextQuery(parser.Parse());
        }
        catch (FormatException)
        {
            error = JqlMessages.UnparsableText(value, field);
            return null;
        }
    }

    public bool Matches(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        // Cheap pre-check: a word every match needs cannot be missing from the raw text.
        foreach (var fragment in _mustContain)
        {
            if (!text.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        return _root.Matches(new Document(text));
    }

    /// <summary>Fragments of the raw text every match must contain (from plain words joined by AND).</summary>
    private static IEnumerable<string> Required(Node node) => node switch
    {
        AllOf all => all.Parts.SelectMany(Required),
        // Only ASCII fragments: the analyzer's lower-casing and OrdinalIgnoreCase agree on those.
        Word { Pattern: null } word => word.Stems.Select(s => s.EndsWith('y') && s.Length > 1 ? s[..^1] : s).Where(s => Ascii.IsValid(s)),
        _ => [],
    };

    /// <summary>Lower-cases and splits text into letter/digit runs: the same analysis for documents and query words.</summary>
    internal static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0)
            {
                tokens.Add(sb.ToString());
                sb.Clear();
            }
        }
        if (sb.Length > 0)
        {
            tokens.Add(sb.ToString());
        }
        return tokens;
    }

    /// <summary>A minimal English plural stemmer (the "S" stemmer family): policies→policy, bugs→bug, classes→classe.</summary>
    internal static string Stem(string word)
    {
        var (keep, y) = StemShape(word);
        return y ? word[..keep] + "y" : keep == word.Length ? word : word[..keep];
    }

    /// <summary>The stem as (characters kept, whether a "y" follows), so spans can be compared without allocating.</summary>
    private static (int Keep, bool Y) StemShape(ReadOnlySpan<char> word)
    {
        var n = word.Length;
        if (n < 3 || word[n - 1] != 's' || word[n - 2] is 'u' or 's')
        {
            return (n, false);
        }
        if (word[n - 2] == 'e')
        {
            if (n > 3 && word[n - 3] == 'i' && word[n - 4] is not ('a' or 'e'))
            {
                return (n - 3, true);
            }
            if (word[n - 3] is 'i' or 'a' or 'o' or 'e')
            {
                return (n, false);
            }
        }
        return (n - 1, false);
    }

    /// <summary>
    /// Whether any word of <paramref name="text"/> stems to <paramref name="stem"/>: the common one-word query,
    /// answered by scanning the text in place instead of building token lists.
    /// </summary>
    private static bool ContainsStem(string text, string stem)
    {
        Span<char> buffer = stackalloc char[128];
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }
            var length = i - start;
            if (length > buffer.Length)
            {
                if (string.Equals(Stem(text.Substring(start, length).ToLowerInvariant()), stem, StringComparison.Ordinal))
                {
                    return true;
                }
                continue;
            }
            var word = buffer[..length];
            for (var k = 0; k < length; k++)
            {
                word[k] = char.ToLowerInvariant(text[start + k]);
            }
            var (keep, y) = StemShape(word);
            if (stem.Length == keep + (y ? 1 : 0) && word[..keep].SequenceEqual(stem.AsSpan(0, keep)) && (!y || stem[keep] == 'y'))
            {
                return true;
            }
        }
        return false;
    }

    private sealed class Document(string text)
    {
        private List<string>? _raw;
        private List<string>? _stems;

        public string Text { get; } = text;

        public List<string> Raw => _raw ??= Tokens(Text);

        public List<string> Stems => _stems ??= Raw.ConvertAll(Stem);
    }

    private abstract class Node
    {
        public abstract bool Matches(Document doc);
    }

    private sealed class AllOf(List<Node> parts) : Node
    {
        public List<Node> Parts { get; } = parts;

        public override bool Matches(Document doc) => Parts.TrueForAll(p => p.Matches(doc));
    }

    private sealed class AnyOf(List<Node> parts) : Node
    {
        public override bool Matches(Document doc) => parts.Exists(p => p.Matches(doc));
    }

    private sealed class None(Node inner) : Node
    {
        public override bool Matches(Document doc) => !inner.Matches(doc);
    }

    /// <summary>A word or phrase: its stems must appear in order, side by side. A wildcard word has a pattern instead.</summary>
    private sealed class Word(List<string> stems, string? pattern) : Node
    {
        public List<string> Stems { get; } = stems;

        public string? Pattern { get; } = pattern;

        public override bool Matches(Document doc)
        {
            if (Pattern is not null)
            {
                return doc.Raw.Exists(t => Wildcard(Pattern, t)) || doc.Stems.Exists(t => Wildcard(Pattern, t));
            }
            if (Stems.Count == 0)
            {
                return false;
            }
            if (Stems.Count == 1)
            {
                return ContainsStem(doc.Text, Stems[0]);
            }
            var tokens = doc.Stems;
            for (var i = 0; i + Stems.Count <= tokens.Count; i++)
            {
                var all = true;
                for (var j = 0; j < Stems.Count && all; j++)
                {
                    all = string.Equals(tokens[i + j], Stems[j], StringComparison.Ordinal);
                }
                if (all)
                {
                    return true;
                }
            }
            return false;
        }

        private static bool Wildcard(string pattern, string token)
        {
            // Classic glob matching with backtracking on the last '*'.
            int p = 0, t = 0, star = -1, mark = 0;
            while (t < token.Length)
            {
                if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == token[t]))
                {
                    p++;
                    t++;
                }
                else if (p < pattern.Length && pattern[p] == '*')
                {
                    star = p++;
                    mark = t;
                }
                else if (star >= 0)
                {
                    p = star + 1;
                    t = ++mark;
                }
                else
                {
                    return false;
                }
            }
            while (p < pattern.Length && pattern[p] == '*')
            {
                p++;
            }
            return p == pattern.Length;
        }
    }

    /// <summary>Lucene query syntax over the value: throws FormatException where Lucene's parser would fail.</summary>
    private sealed class QueryParser(string text)
    {
        private int _at;

        // Positions (in the text Until last returned) of characters that were backslash-escaped.
        private HashSet<int> _escaped = [];

        public Node Parse()
        {
            var node = Or();
            SkipSpace();
            return _at < text.Length ? throw new FormatException() : node;
        }

        private Node Or()
        {
            var parts = new List<Node> { And() };
            while (Keyword("OR") || Keyword("||"))
            {
                parts.Add(And());
            }
            return Combine(parts, p => new AnyOf(p));
        }

        private Node And()
        {
            var parts = new List<Node> { Unary() };
            while (true)
            {
                SkipSpace();
                if (_at >= text.Length || text[_at] == ')' || Peek("OR") || Peek("||"))
                {
                    break;
                }
                _ = Keyword("AND") || Keyword("&&");
                parts.Add(Unary());
            }
            return Combine(parts, p => new AllOf(p));
        }

        /// <summary>Drops words the analyzer reduced to nothing ("." or "-"), as Lucene drops empty clauses.</summary>
        private static Node Combine(List<Node> parts, Func<List<Node>, Node> combine)
        {
            var kept = parts.FindAll(p => p is not Word { Stems.Count: 0, Pattern: null });
            if (kept.Count == 0)
            {
                return parts[0];
            }
            return kept.Count == 1 ? kept[0] : combine(kept);
        }

        private Node Unary()
        {
            SkipSpace();
            if (Keyword("NOT") || Consume('-') || Consume('!'))
            {
                return new None(Unary());
            }
            if (Consume('+'))
            {
                return Unary();
            }
            if (Consume('('))
            {
                var inner = Or();
                SkipSpace();
                return Consume(')') ? inner : throw new FormatException();
            }
            return Term();
        }

        private Node Term()
        {
            SkipSpace();
            if (_at >= text.Length || Peek("AND") || Peek("OR") || Peek("&&") || Peek("||") || text[_at] == ')')
            {
                throw new FormatException();
            }
            if (Consume('"'))
            {
                var phrase = Until('"');
                return Consume('"') ? Phrase(phrase) : throw new FormatException();
            }
            var raw = Until(' ');
            var escaped = _escaped;
            bool Special(int i, char c) => raw[i] == c && !escaped.Contains(i);
            // Lucene's fuzzy (~n) and boost (^n) suffixes do not change which issues match; escaped ones are text.
            var cut = Enumerable.Range(0, raw.Length).FirstOrDefault(i => Special(i, '~') || Special(i, '^'), -1);
            if (cut >= 0)
            {
                raw = raw[..cut];
            }
            // Only unescaped * and ? are wildcards; "wild\*card" searches the words as written.
            if (Enumerable.Range(0, raw.Length).Any(i => Special(i, '*') || Special(i, '?')))
            {
                var pattern = new string([.. raw.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is '*' or '?')]);
                return new Word([], pattern.Length == 0 ? "*" : pattern);
            }
            return Phrase(raw);
        }

        private static Word Phrase(string words) => new(Tokens(words).ConvertAll(Stem), null);

        /// <summary>Reads up to a stop character (or whitespace, or ')' for words), honouring backslash escapes.</summary>
        private string Until(char stop)
        {
            var sb = new StringBuilder();
            _escaped = [];
            while (_at < text.Length)
            {
                var c = text[_at];
                if (c == '\\' && _at + 1 < text.Length)
                {
                    _escaped.Add(sb.Length);
                    sb.Append(text[_at + 1]);
                    _at += 2;
                    continue;
                }
                if (c == stop || (stop == ' ' && (char.IsWhiteSpace(c) || c is ')' or '(' or '"')))
                {
                    break;
                }
                sb.Append(c);
                _at++;
            }
            return sb.ToString();
        }

        private void SkipSpace()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at]))
            {
                _at++;
            }
        }

        private bool Consume(char c)
        {
            SkipSpace();
            if (_at < text.Length && text[_at] == c)
            {
                _at++;
                return true;
            }
            return false;
        }

        /// <summary>An operator word, in capitals as Lucene requires, standing alone.</summary>
        private bool Peek(string word)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, _at, word, 0, word.Length) != 0)
            {
                return false;
            }
            var end = _at + word.Length;
            return end >= text.Length || char.IsWhiteSpace(text[end]) || text[end] is '(' or '"' || !char.IsLetterOrDigit(word[0]);
        }

        private bool Keyword(string word)
        {
            if (!Peek(word))
            {
                return false;
            }
            _at += word.Length;
            return true;
        }
    }
}
