using System.Globalization;
using System.Text;

namespace JiraGate.Sandbox.Jql;

/// <summary>
/// Splits JQL into tokens following Jira's grammar: keywords are whole words (so "index" is a word but "in" the
/// IN keyword), a digit run is a number, anything else up to a stop character is an unquoted word whose escapes
/// are decoded and which must not be a reserved word. The first lexical error ends the scan, as in Jira.
/// </summary>
internal sealed class JqlLexer
{
    private static readonly Dictionary<string, JqlTokenKind> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["in"] = JqlTokenKind.In,
        ["is"] = JqlTokenKind.Is,
        ["and"] = JqlTokenKind.And,
        ["or"] = JqlTokenKind.Or,
        ["not"] = JqlTokenKind.Not,
        ["empty"] = JqlTokenKind.Empty,
        ["null"] = JqlTokenKind.Empty,
        ["was"] = JqlTokenKind.Was,
        ["changed"] = JqlTokenKind.Changed,
        ["before"] = JqlTokenKind.Before,
        ["after"] = JqlTokenKind.After,
        ["from"] = JqlTokenKind.From,
        ["to"] = JqlTokenKind.To,
        ["on"] = JqlTokenKind.On,
        ["during"] = JqlTokenKind.During,
        ["order"] = JqlTokenKind.Order,
        ["by"] = JqlTokenKind.By,
        ["asc"] = JqlTokenKind.Asc,
        ["desc"] = JqlTokenKind.Desc,
        ["cf"] = JqlTokenKind.CustomField,
    };

    private readonly string _text;
    private readonly List<JqlToken> _tokens = [];
    private int _index;
    private int _line = 1;
    private int _lineStart;

    private JqlLexer(string text) => _text = text;

    public static List<JqlToken> Tokenize(string text)
    {
        var lexer = new JqlLexer(text);
        lexer.Run();
        return lexer._tokens;
    }

    private JqlPosition Here => new(_line, _index - _lineStart + 1);

    private void Run()
    {
        while (_index < _text.Length)
        {
            var c = _text[_index];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                Advance();
                continue;
            }
            var at = Here;
            switch (c)
            {
                case '(': Single(JqlTokenKind.LParen, at); break;
                case ')': Single(JqlTokenKind.RParen, at); break;
                case ',': Single(JqlTokenKind.Comma, at); break;
                case '[': Single(JqlTokenKind.LBracket, at); break;
                case ']': Single(JqlTokenKind.RBracket, at); break;
                case '=': Single(JqlTokenKind.Equals, at); break;
                case '~': Single(JqlTokenKind.Like, at); break;
                case '!': Pair('=', JqlTokenKind.NotEquals, '~', JqlTokenKind.NotLike, JqlTokenKind.Bang, at); break;
                case '<': Pair('=', JqlTokenKind.LessThanEquals, null, default, JqlTokenKind.LessThan, at); break;
                case '>': Pair('=', JqlTokenKind.GreaterThanEquals, null, default, JqlTokenKind.GreaterThan, at); break;
                case '&': Pair('&', JqlTokenKind.And, null, default, JqlTokenKind.And, at); break;
                case '|': Pair('|', JqlTokenKind.Or, null, default, JqlTokenKind.Or, at); break;
                case '"' or '\'': QuotedString(c, at); break;
                default:
                    if (JqlValues.IsReservedCharacter(c))
                    {
                        throw new JqlException(JqlMessages.ReservedCharacter(c, at));
                    }
                    if (JqlValues.IsControl(c))
                    {
                        throw new JqlException(JqlMessages.IllegalCharacter(c, at));
                    }
                    Word(at);
                    break;
            }
        }
        _tokens.Add(new JqlToken(JqlTokenKind.Eof, "", Here));
    }

    private void Advance()
    {
        if (_text[_index] == '\n')
        {
            _line++;
            _lineStart = _index + 1;
        }
        _index++;
    }

    private void Single(JqlTokenKind kind, JqlPosition at)
    {
        _tokens.Add(new JqlToken(kind, _text[_index].ToString(), at));
        _index++;
    }

    /// <summary>A one- or two-character operator: "!=", "!~" or "!"; "&lt;=" or "&lt;"; "&amp;&amp;" or "&amp;"; …</summary>
    private void Pair(char second, JqlTokenKind pairKind, char? other, JqlTokenKind otherKind, JqlTokenKind singleKind, JqlPosition at)
    {
        var next = _index + 1 < _text.Length ? _text[_index + 1] : '\0';
        if (_index + 1 < _text.Length && (next == second || next == other))
        {
            _tokens.Add(new JqlToken(next == second ? pairKind : otherKind, _text.Substring(_index, 2), at));
            _index += 2;
            return;
        }
        Single(singleKind, at);
    }

    private void QuotedString(char quote, JqlPosition at)
    {
        var start = _index;
        Advance();
        var sb = new StringBuilder();
        while (true)
        {
            if (_index >= _text.Length)
            {
                throw new JqlException(JqlMessages.UnfinishedString(_text[(start + 1)..], at));
            }
            var c = _text[_index];
            if (c == quote)
            {
                Advance();
                break;
            }
            if (c == '\\')
            {
                sb.Append(Escape());
                continue;
            }
            if (JqlValues.IsControl(c))
            {
                throw new JqlException(JqlMessages.IllegalCharacter(c, Here));
            }
            sb.Append(c);
            Advance();
        }
        _tokens.Add(new JqlToken(JqlTokenKind.QuotedString, sb.ToString(), at));
    }

    private void Word(JqlPosition at)
    {
        var start = _index;
        var sb = new StringBuilder();
        var escaped = false;
        while (_index < _text.Length && !JqlValues.EndsWord(_text[_index]))
        {
            if (_text[_index] == '\\')
            {
                sb.Append(Escape());
                escaped = true;
                continue;
            }
            sb.Append(_text[_index]);
            _index++;
        }
        var raw = _text[start.._index];
        var decoded = sb.ToString();
        // Keywords and numbers are matched on the raw text, exactly as written: an escaped word is always a word.
        if (!escaped && Keywords.TryGetValue(raw, out var keyword))
        {
            _tokens.Add(new JqlToken(keyword, raw, at));
            return;
        }
        if (!escaped && IsDigits(raw, raw.StartsWith('-') ? 1 : 0))
        {
            _tokens.Add(new JqlToken(raw.StartsWith('-') ? JqlTokenKind.NegativeNumber : JqlTokenKind.PositiveNumber, raw, at));
            return;
        }
        if (JqlValues.ReservedWords.Contains(decoded))
        {
            throw new JqlException(JqlMessages.ReservedWord(decoded, at));
        }
        _tokens.Add(new JqlToken(JqlTokenKind.Word, decoded, at));
    }

    private static bool IsDigits(string s, int from)
    {
        if (s.Length <= from)
        {
            return false;
        }
        for (var i = from; i < s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Decodes one escape sequence starting at a backslash: \t \n \r \" \' \\ \(space) \uXXXX.</summary>
    private char Escape()
    {
        var at = Here;
        var start = _index;
        _index++;
        if (_index >= _text.Length)
        {
            throw new JqlException(JqlMessages.IllegalEscape("", at));
        }
        var c = _text[_index];
        _index++;
        switch (c)
        {
            case 't': return '\t';
            case 'n': return '\n';
            case 'r': return '\r';
            case '"' or '\'' or '\\' or ' ': return c;
            case 'u':
                var hexStart = _index;
                while (_index < _text.Length && _index - hexStart < 4 && char.IsAsciiHexDigit(_text[_index]))
                {
                    _index++;
                }
                if (_index - hexStart == 4)
                {
                    return (char)int.Parse(_text.AsSpan(hexStart, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                }
                // Jira echoes the sequence up to and including the character that broke it.
                var end = Math.Min(_index + 1, _text.Length);
                throw new JqlException(JqlMessages.IllegalEscape(_text[start..end], at));
            default:
                throw new JqlException(JqlMessages.IllegalEscape(_text[start.._index], at));
        }
    }
}
