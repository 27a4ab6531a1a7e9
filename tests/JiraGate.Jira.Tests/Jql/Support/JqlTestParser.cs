using System.Globalization;
using System.Text;

namespace JiraGate.Jira.Tests.Jql.Support;

/// <summary>
/// An independent reading of Jira's JQL grammar, written for the tests only (it shares no code with the builder
/// or the sandbox). It is stricter than Jira: any raw control character, non-character or unpaired surrogate
/// anywhere in the text is an error, because the builder must always escape those.
/// <see cref="Parse"/> turns JQL into a canonical S-expression in which every literal is shown with
/// <see cref="Show"/>, so a test can compare the whole structure of a built query with what it meant.
/// </summary>
internal static class JqlTestParser
{
    public enum Kind
    {
        LParen,
        RParen,
        Comma,
        LBracket,
        RBracket,
        Op,
        Keyword,
        Number,
        Word,
        String,
        End,
    }

    public readonly record struct Token(Kind Kind, string Text);

    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "not", "in", "is", "empty", "null", "order", "by", "asc", "desc", "cf",
        "was", "changed", "before", "after", "from", "to", "on", "during",
    };

    // A sample of Jira's reserved words that are not keywords: unquoted, they are errors.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "where", "true", "false", "user", "date", "number", "field", "delete", "update", "insert", "drop",
        "union", "like", "limit", "string", "function", "group", "index", "count", "exec", "execute", "view",
    };

    public static List<Token> Tokenize(string jql)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < jql.Length)
        {
            var c = jql[i];
            Forbid(jql, i);
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                i++;
                continue;
            }
            switch (c)
            {
                case '(': tokens.Add(new(Kind.LParen, "(")); i++; continue;
                case ')': tokens.Add(new(Kind.RParen, ")")); i++; continue;
                case ',': tokens.Add(new(Kind.Comma, ",")); i++; continue;
                case '[': tokens.Add(new(Kind.LBracket, "[")); i++; continue;
                case ']': tokens.Add(new(Kind.RBracket, "]")); i++; continue;
                case '"' or '\'':
                    tokens.Add(new(Kind.String, ReadString(jql, ref i)));
                    continue;
                case '=' or '~':
                    tokens.Add(new(Kind.Op, c.ToString()));
                    i++;
                    continue;
                case '!' or '<' or '>':
                    if (i + 1 < jql.Length && (jql[i + 1] == '=' || (c == '!' && jql[i + 1] == '~')))
                    {
                        tokens.Add(new(Kind.Op, jql.Substring(i, 2)));
                        i += 2;
                    }
                    else if (c == '!')
                    {
                        tokens.Add(new(Kind.Keyword, "NOT"));
                        i++;
                    }
                    else
                    {
                        tokens.Add(new(Kind.Op, c.ToString()));
                        i++;
                    }
                    continue;
                case '&' or '|':
                    tokens.Add(new(Kind.Keyword, c == '&' ? "AND" : "OR"));
                    i += i + 1 < jql.Length && jql[i + 1] == c ? 2 : 1;
                    continue;
            }
            if ("{}*/%+^$#@?;".Contains(c, StringComparison.Ordinal))
            {
                throw new FormatException($"reserved character '{c}' outside quotes at {i}");
            }
            tokens.Add(ReadWord(jql, ref i));
        }
        tokens.Add(new(Kind.End, ""));
        return tokens;
    }

    private static void Forbid(string jql, int i)
    {
        var c = jql[i];
        if ((c < ' ' && c is not ('\n' or '\r' or '\t')) || (c >= '\u007f' && c <= '\u009f') || (c >= '\ufdd0' && c <= '\ufdef') || c >= '\ufffe')
        {
            throw new FormatException($"raw control character U+{(int)c:X4} at {i}");
        }
        if (c is '\n' or '\r' or '\t' or '\u2028' or '\u2029')
        {
            // Legal whitespace between tokens in Jira, but the builder never writes it: catch a value that leaked out.
            throw new FormatException($"raw line break or tab at {i}");
        }
        if (char.IsHighSurrogate(c) ? i + 1 >= jql.Length || !char.IsLowSurrogate(jql[i + 1]) : char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(jql[i - 1])))
        {
            throw new FormatException($"unpaired surrogate at {i}");
        }
    }

    private static string ReadString(string jql, ref int i)
    {
        var quote = jql[i++];
        var sb = new StringBuilder();
        while (true)
        {
            if (i >= jql.Length)
            {
                throw new FormatException("unterminated string");
            }
            Forbid(jql, i);
            var c = jql[i];
            if (c == quote)
            {
                i++;
                return sb.ToString();
            }
            if (c != '\\')
            {
                sb.Append(c);
                i++;
                continue;
            }
            if (i + 1 >= jql.Length)
            {
                throw new FormatException("backslash at end");
            }
            var e = jql[i + 1];
            i += 2;
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case '"' or '\'' or '\\' or ' ': sb.Append(e); break;
                case 'u':
                    if (i + 4 > jql.Length || !int.TryParse(jql.AsSpan(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw new FormatException("bad \\u escape");
                    }
                    sb.Append((char)code);
                    i += 4;
                    break;
                default:
                    throw new FormatException($"illegal escape \\{e}");
            }
        }
    }

    private static Token ReadWord(string jql, ref int i)
    {
        var start = i;
        while (i < jql.Length && !" \t\n\r\"'=!<>()~,[]|&{}*/%+^$#@?;".Contains(jql[i], StringComparison.Ordinal))
        {
            Forbid(jql, i);
            if (jql[i] == '\\')
            {
                throw new FormatException("the builder never writes escapes outside quotes");
            }
            i++;
        }
        var word = jql[start..i];
        if (Keywords.Contains(word))
        {
            return new(Kind.Keyword, word.ToUpperInvariant());
        }
        if (Reserved.Contains(word))
        {
            throw new FormatException($"reserved word '{word}' unquoted");
        }
        var digits = word.StartsWith('-') ? word[1..] : word;
        return digits.Length > 0 && digits.All(char.IsAsciiDigit) ? new(Kind.Number, word) : new(Kind.Word, word);
    }

    /// <summary>Parses a whole query into "(and …)", "(or …)", "(not …)", "(op field operand)" and "order …".</summary>
    public static string Parse(string jql)
    {
        var reader = new Reader(Tokenize(jql));
        var sb = new StringBuilder();
        if (!reader.At(Kind.Keyword, "ORDER"))
        {
            sb.Append(reader.Or());
        }
        if (reader.At(Kind.Keyword, "ORDER"))
        {
            reader.Take();
            reader.Expect(Kind.Keyword, "BY");
            sb.Append(sb.Length > 0 ? " " : "").Append("order");
            do
            {
                sb.Append(' ').Append(reader.Field());
                if (reader.At(Kind.Keyword, "ASC") || reader.At(Kind.Keyword, "DESC"))
                {
                    sb.Append(' ').Append(reader.Take().Text);
                }
            }
            while (reader.TakeIf(Kind.Comma));
        }
        reader.Expect(Kind.End, "");
        return sb.ToString();
    }

    /// <summary>A literal shown losslessly: printable ASCII as is, everything else as \uXXXX.</summary>
    public static string Show(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c is '"' or '\\' || c < ' ' || c > '~')
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.Append('"').ToString();
    }

    private sealed class Reader(List<Token> tokens)
    {
        private int _at;

        public bool At(Kind kind, string? text = null) =>
            tokens[_at].Kind == kind && (text is null || string.Equals(tokens[_at].Text, text, StringComparison.Ordinal));

        public Token Take() => tokens[_at++];

        public bool TakeIf(Kind kind, string? text = null)
        {
            if (!At(kind, text))
            {
                return false;
            }
            _at++;
            return true;
        }

        public Token Expect(Kind kind, string? text = null) =>
            At(kind, text) ? Take() : throw new FormatException($"expected {kind} {text} but got {tokens[_at]}");

        public string Or() => Join("OR", And);

        private string And() => Join("AND", Not);

        private string Join(string keyword, Func<string> part)
        {
            var parts = new List<string> { part() };
            while (TakeIf(Kind.Keyword, keyword))
            {
                parts.Add(part());
            }
            return parts.Count == 1 ? parts[0] : $"({keyword.ToLowerInvariant()} {string.Join(" ", parts)})";
        }

        private string Not()
        {
            if (TakeIf(Kind.Keyword, "NOT"))
            {
                return $"(not {Not()})";
            }
            if (TakeIf(Kind.LParen))
            {
                var inner = Or();
                Expect(Kind.RParen);
                return inner;
            }
            var field = Field();
            string op;
            if (TakeIf(Kind.Keyword, "IS"))
            {
                op = TakeIf(Kind.Keyword, "NOT") ? "is-not" : "is";
                Expect(Kind.Keyword, "EMPTY");
                return $"({op} {field} empty)";
            }
            if (TakeIf(Kind.Keyword, "NOT"))
            {
                Expect(Kind.Keyword, "IN");
                op = "not-in";
            }
            else if (TakeIf(Kind.Keyword, "IN"))
            {
                op = "in";
            }
            else
            {
                op = Expect(Kind.Op).Text;
            }
            return $"({op} {field} {Operand()})";
        }

        public string Field()
        {
            if (TakeIf(Kind.Keyword, "CF"))
            {
                Expect(Kind.LBracket);
                var id = Expect(Kind.Number).Text;
                Expect(Kind.RBracket);
                return $"cf[{id}]";
            }
            var token = Take();
            return token.Kind switch
            {
                Kind.Word => token.Text,
                Kind.String => Show(token.Text),
                _ => throw new FormatException($"expected a field but got {token}"),
            };
        }

        private string Operand()
        {
            if (TakeIf(Kind.LParen))
            {
                var items = new List<string> { Operand() };
                while (TakeIf(Kind.Comma))
                {
                    items.Add(Operand());
                }
                Expect(Kind.RParen);
                return $"[{string.Join(" ", items)}]";
            }
            var token = Take();
            if (token.Kind == Kind.Word && TakeIf(Kind.LParen))
            {
                var args = new List<string>();
                if (!TakeIf(Kind.RParen))
                {
                    do
                    {
                        var arg = Take();
                        args.Add(arg.Kind == Kind.String ? Show(arg.Text) : arg.Kind is Kind.Word or Kind.Number ? arg.Text : throw new FormatException($"bad argument {arg}"));
                    }
                    while (TakeIf(Kind.Comma));
                    Expect(Kind.RParen);
                }
                return $"{token.Text}({string.Join(" ", args)})";
            }
            return token.Kind switch
            {
                Kind.String => Show(token.Text),
                Kind.Number => token.Text,
                Kind.Keyword when token.Text is "EMPTY" or "NULL" => "empty",
                _ => throw new FormatException($"expected a value but got {token}"),
            };
        }
    }
}
