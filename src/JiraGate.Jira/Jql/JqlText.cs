using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace JiraGate.Jira.Jql;

/// <summary>
/// JQL string literals and text-search escaping. Every value JiraGate writes into JQL goes through
/// <see cref="Quote"/>, so a value can never end its literal early and add clauses of its own.
/// </summary>
/// <remarks>
/// Escaping follows Jira's JQL grammar (its <c>JqlStringSupport</c>): inside double quotes only <c>"</c> and
/// <c>\</c> need a backslash, and control characters must be written as escapes. See
/// https://support.atlassian.com/jira-software-cloud/docs/jql-fields/ and
/// https://support.atlassian.com/jira-software-cloud/docs/search-for-work-items-using-the-text-field/.
/// </remarks>
public static class JqlText
{
    /// <summary>
    /// Words Jira refuses unquoted anywhere in a query (its reserved-word list), plus the grammar's keywords.
    /// Values are always quoted, so this only decides whether a field name may stay unquoted.
    /// </summary>
    internal static readonly FrozenSet<string> ReservedWords = new[]
    {
        "abort", "access", "add", "after", "alias", "all", "alter", "and", "any", "as", "asc", "audit", "avg", "before",
        "begin", "between", "boolean", "break", "by", "byte", "catch", "cf", "changed", "char", "character", "check",
        "checkpoint", "collate", "collation", "column", "commit", "connect", "continue", "count", "create", "current",
        "date", "decimal", "declare", "decrement", "default", "defaults", "define", "delete", "delimiter", "desc",
        "difference", "distinct", "divide", "do", "double", "drop", "during", "else", "empty", "encoding", "end",
        "equals", "escape", "exclusive", "exec", "execute", "exists", "explain", "false", "fetch", "file", "field",
        "first", "float", "for", "from", "function", "go", "goto", "grant", "greater", "group", "having", "identified",
        "if", "immediate", "in", "increment", "index", "initial", "inner", "inout", "input", "insert", "int", "integer",
        "intersect", "intersection", "into", "is", "isempty", "isnull", "join", "last", "left", "less", "like", "limit",
        "lock", "long", "max", "min", "minus", "mode", "modify", "modulo", "more", "multiply", "next", "noaudit", "not",
        "notin", "nowait", "null", "number", "object", "of", "on", "option", "or", "order", "outer", "output", "power",
        "previous", "prior", "privileges", "public", "raise", "raw", "remainder", "rename", "resource", "return",
        "returns", "revoke", "right", "row", "rowid", "rownum", "rows", "select", "session", "set", "share", "size",
        "sqrt", "start", "strict", "string", "subtract", "sum", "synonym", "table", "then", "to", "trans",
        "transaction", "trigger", "true", "uid", "union", "unique", "update", "user", "validate", "values", "view",
        "was", "when", "whenever", "where", "while", "with",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Renders <paramref name="value"/> as one double-quoted JQL string literal that Jira reads back as exactly
    /// <paramref name="value"/>.
    /// </summary>
    /// <param name="value">Any text, including quotes, backslashes, reserved words, operators and control characters.</param>
    /// <returns>
    /// The literal: <c>"</c> and <c>\</c> are backslash-escaped; newline, carriage return and tab become
    /// <c>\n</c>, <c>\r</c>, <c>\t</c>; other control characters, Unicode non-characters, line/paragraph separators
    /// and unpaired surrogates become <c>\uXXXX</c>. Everything else, including reserved words (<c>and</c>,
    /// <c>or</c>, <c>empty</c>, <c>order</c> …) and reserved characters (<c>+ , ; ? | * / % ^ $ # @ [ ] { } ( ) ! = &lt; &gt; ~ &amp; -</c>),
    /// is literal inside the quotes.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length + 2);
        AppendQuoted(sb, value);
        return sb.ToString();
    }

    /// <summary>
    /// Escapes <paramref name="text"/> for a literal text search (the value of <c>~</c> / <c>!~</c>): Jira reads
    /// that value as a Lucene query, so its special characters and operator words are backslash-escaped here.
    /// The result is not yet a JQL literal; pass it to <see cref="Quote"/> (which doubles each backslash).
    /// </summary>
    /// <param name="text">The words to look for, taken literally.</param>
    /// <returns>
    /// <paramref name="text"/> with a backslash before each of <c>+ - &amp; | ! ( ) { } [ ] ^ ~ * ? \ : " /</c> and
    /// before each standalone <c>AND</c>, <c>OR</c> and <c>NOT</c>, so wildcards, fuzzy/boost suffixes, grouping,
    /// phrases, ranges and boolean operators all lose their meaning.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string EscapeTextSearch(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsLuceneSpecial(c))
            {
                sb.Append('\\').Append(c);
            }
            else if (IsOperatorWordAt(text, i))
            {
                // "\OR" is the term "OR", not the operator.
                sb.Append('\\').Append(c);
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    internal static void AppendQuoted(StringBuilder sb, string value)
    {
        sb.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        // A well-formed pair (emoji, CJK extension …) is ordinary text.
                        sb.Append(c).Append(value[i + 1]);
                        i++;
                    }
                    else if (NeedsUnicodeEscape(c))
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        sb.Append('"');
    }

    /// <summary>
    /// JQL's CONTROLCHARS (C0, DEL, C1, the non-characters U+FDD0–U+FDEF and U+FFFE/U+FFFF) are illegal raw even
    /// inside quotes; unpaired surrogates and U+2028/U+2029 are escaped too so the query text stays well-formed
    /// UTF-16 and on one line.
    /// </summary>
    private static bool NeedsUnicodeEscape(char c) =>
        IsJqlControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029';

    /// <summary>Characters a field name may not contain at all (they are never part of a real Jira field name).</summary>
    internal static bool IsJqlControl(char c) =>
        char.IsControl(c) || (c >= '\ufdd0' && c <= '\ufdef') || c >= '\ufffe';

    private static bool IsLuceneSpecial(char c) =>
        c is '+' or '-' or '&' or '|' or '!' or '(' or ')' or '{' or '}' or '[' or ']' or '^' or '~' or '*' or '?'
            or '\\' or ':' or '"' or '/';

    /// <summary>Whether an upper-case AND, OR or NOT starts at <paramref name="i"/> as a word of its own.</summary>
    private static bool IsOperatorWordAt(string text, int i)
    {
        if (i > 0 && !IsWordBoundary(text[i - 1]))
        {
            return false;
        }
        foreach (var word in (ReadOnlySpan<string>)["AND", "OR", "NOT"])
        {
            if (string.CompareOrdinal(text, i, word, 0, word.Length) == 0
                && (i + word.Length == text.Length || IsWordBoundary(text[i + word.Length])))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Lucene's query parser ends a term at whitespace and its syntax characters.</summary>
    private static bool IsWordBoundary(char c) => char.IsWhiteSpace(c) || IsLuceneSpecial(c);
}
