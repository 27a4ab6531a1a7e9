using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace JiraGate.Sandbox.Jql;

/// <summary>JQL's character classes and string escaping, shared by the lexer, the messages and callers building JQL.</summary>
internal static class JqlValues
{
    /// <summary>
    /// Words Jira refuses unquoted anywhere in a query (its JqlStringSupport list). Words the grammar uses as
    /// keywords (and, or, not, in, is, empty, null, order, by, asc, desc, cf, was, changed, …) are tokens instead
    /// and fail as misplaced tokens, as in Jira.
    /// </summary>
    public static readonly FrozenSet<string> ReservedWords = new[]
    {
        "abort", "access", "add", "after", "alias", "all", "alter", "and", "any", "as", "asc", "audit", "avg", "before",
        "begin", "between", "boolean", "break", "by", "byte", "catch", "cf", "changed", "char", "character", "check",
        "checkpoint", "collate", "collation", "column", "commit", "connect", "continue", "count", "create", "current",
        "date", "decimal", "declare", "decrement", "default", "defaults", "define", "delete", "delimiter", "desc",
        "difference", "distinct", "divide", "do", "double", "drop", "else", "empty", "encoding", "end", "equals",
        "escape", "exclusive", "exec", "execute", "exists", "explain", "false", "fetch", "file", "field", "first",
        "float", "for", "from", "function", "go", "goto", "grant", "greater", "group", "having", "identified", "if",
        "immediate", "in", "increment", "index", "initial", "inner", "inout", "input", "insert", "int", "integer",
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
    /// Renders <paramref name="value"/> as one double-quoted JQL string literal that the parser reads back as
    /// exactly <paramref name="value"/>: quotes, backslashes, newlines and control characters are escaped, so no
    /// value can end the literal early or smuggle in clauses.
    /// </summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (IsControl(c))
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
        return sb.Append('"').ToString();
    }

    /// <summary>The escape Jira suggests for a character in its error messages (\t, \n, … or \uXXXX).</summary>
    public static string EscapeCharacter(char c) => c switch
    {
        '\t' => "\\t",
        '\n' => "\\n",
        '\r' => "\\r",
        '"' => "\\\"",
        '\'' => "\\'",
        '\\' => "\\\\",
        _ => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
    };

    /// <summary>Characters JQL never accepts raw, even inside quotes (its CONTROLCHARS: C0 and C1 except \n and \r, and non-characters).</summary>
    public static bool IsControl(char c) =>
        c <= '\u0009' || c is '\u000b' or '\u000c' || (c >= '\u000e' && c <= '\u001f') || (c >= '\u007f' && c <= '\u009f')
        || (c >= '\ufdd0' && c <= '\ufdef') || c >= '\ufffe';

    /// <summary>Characters JQL reserves for future use; unquoted they are an error.</summary>
    public static bool IsReservedCharacter(char c) => c is '{' or '}' or '*' or '/' or '%' or '+' or '^' or '$' or '#' or '@' or '?' or ';';

    /// <summary>Characters that end an unquoted word.</summary>
    public static bool EndsWord(char c) =>
        c is ' ' or '\t' or '\n' or '\r' or '"' or '\'' or '=' or '!' or '<' or '>' or '(' or ')' or '~' or ',' or '[' or ']' or '|' or '&'
        || IsReservedCharacter(c) || IsControl(c);
}

