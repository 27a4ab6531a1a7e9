using System.Text;

namespace JiraGate.Jira.Tests.RichText;

/// <summary>
/// Seeded random Markdown built from the supported constructs (and hostile text), for property-style tests.
/// The same seed always gives the same document, so a failure names a reproducible input.
/// </summary>
public sealed class MarkdownGenerator(int seed, bool wikiSafe = false)
{
    private static readonly string[] Words =
    [
        "alpha", "beta", "gamma", "delta", "x", "42", "naïve", "日本", "😀", "snake_case", "end.", "(paren)", "don't",
        "\"quoted\"", "a-b", "C#", "1.5", "100%",
    ];

    private static readonly string[] Hostile =
    [
        "*", "_", "\\", "\\\\", "`", "<", ">", "&", "&amp;", "#", "|", "[", "]", "~", "!", "<b>", "-", "+", "=", "{", "}",
        "^", "?", "1.", "@", ":)", "%", "\t",
    ];

    private static readonly string[] Languages = ["", "js", "csharp", "python", "c++", "sh"];

    private readonly Random _random = new(seed);

    public string Document()
    {
        var blocks = new List<string>();
        var count = _random.Next(1, 6);
        for (var i = 0; i < count; i++)
        {
            blocks.Add(Block(0));
        }

        return string.Join("\n\n", blocks);
    }

    private string Block(int depth)
    {
        var choice = _random.Next(depth > 1 ? 3 : 10);
        return choice switch
        {
            0 or 1 => Inline(0),
            2 => CodeBlock(),
            3 => new string('#', _random.Next(1, 7)) + " " + Inline(1, breaks: false),
            4 => List(depth, ordered: false),
            5 => List(depth, ordered: true),
            6 => wikiSafe && depth > 0 ? Inline(0) : Quote(depth),
            7 => Table(),
            8 => _random.Next(3) switch { 0 => "---", 1 => "***", _ => "___" },
            _ => Inline(0),
        };
    }

    private string List(int depth, bool ordered)
    {
        var sb = new StringBuilder();
        var start = ordered ? (wikiSafe ? 1 : _random.Next(0, 12)) : 0;
        var bullet = "-*+"[_random.Next(3)];
        var items = _random.Next(1, 4);
        for (var i = 0; i < items; i++)
        {
            var marker = ordered ? (start + i) + "." : bullet.ToString();
            var indent = new string(' ', marker.Length + 1);
            if (i > 0)
            {
                sb.Append('\n');
            }

            // Wiki list items are single lines: an item starting with "-" or "```" would open a block inside it.
            sb.Append(marker).Append(' ').Append(wikiSafe ? Word() + " " : string.Empty).Append(Inline(1, breaks: false));
            if (depth < 3 && _random.Next(3) == 0)
            {
                var nested = _random.Next(4) switch
                {
                    0 when !wikiSafe => CodeBlock(),
                    1 when !wikiSafe => Inline(1),
                    _ => List(depth + 1, _random.Next(2) == 0),
                };
                sb.Append("\n\n").Append(Indent(nested, indent));
                if (i + 1 < items)
                {
                    sb.Append('\n');
                }
            }
        }

        return sb.ToString();
    }

    private string Quote(int depth)
    {
        var inner = new List<string>();
        var count = _random.Next(1, 3);
        for (var i = 0; i < count; i++)
        {
            inner.Add(_random.Next(4) == 0 ? List(depth + 1, _random.Next(2) == 0) : _random.Next(5) == 0 ? CodeBlock() : Inline(0));
        }

        return string.Join("\n", string.Join("\n\n", inner).Split('\n').Select(l => l.Length == 0 ? ">" : "> " + l));
    }

    private string CodeBlock()
    {
        var lines = new List<string>();
        var count = _random.Next(0, 4);
        for (var i = 0; i < count; i++)
        {
            lines.Add(string.Join(" ", Enumerable.Range(0, _random.Next(1, 5)).Select(_ => Token())));
        }

        var language = Languages[_random.Next(Languages.Length)];
        return "```" + language + "\n" + string.Join("\n", lines) + (lines.Count > 0 ? "\n" : string.Empty) + "```";
    }

    private string Table()
    {
        var columns = _random.Next(1, 4);
        var rows = _random.Next(1, 4);
        var sb = new StringBuilder();
        sb.Append('|').Append(string.Concat(Enumerable.Range(0, columns).Select(_ => " " + Cell() + " |")));
        sb.Append("\n|").Append(string.Concat(Enumerable.Repeat(" --- |", columns)));
        for (var r = 0; r < rows; r++)
        {
            sb.Append("\n|").Append(string.Concat(Enumerable.Range(0, columns).Select(_ => " " + Cell() + " |")));
        }

        return sb.ToString();
    }

    private string Cell() => Inline(2, breaks: false).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Emphasis already open around the text being generated; the same style is not nested inside itself.</summary>
    private string _open = string.Empty;

    private string Inline(int depth, bool breaks = true)
    {
        var sb = new StringBuilder();
        var count = _random.Next(1, 6);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                sb.Append(" ");
            }

            sb.Append(InlinePiece(depth, breaks));
        }

        return sb.ToString().Trim();
    }

    private string InlinePiece(int depth, bool breaks)
    {
        var choice = _random.Next(depth > 2 ? 2 : 13);
        return choice switch
        {
            0 or 1 => Token(),
            2 when !_open.Contains('S', StringComparison.Ordinal) => Styled('S', "**", depth),
            3 when !_open.Contains('E', StringComparison.Ordinal) => Styled('E', "*", depth),
            4 when !_open.Contains('K', StringComparison.Ordinal) => Styled('K', "~~", depth),
            5 => "`" + Word().Replace("`", string.Empty, StringComparison.Ordinal) + "`",
            6 => "[" + Inline(depth + 1, breaks: false).Replace("[", string.Empty, StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal) +
                 "](https://example.com/" + Word().Replace(" ", "-", StringComparison.Ordinal) + ")",
            // Wiki markup has no display name for a mention, so the wiki-safe form labels it with its id.
            7 when wikiSafe => _random.Next(100) is var n ? $"@[ID{n}](accountid:ID{n})" : string.Empty,
            7 => "@[" + Word() + "](accountid:5b10ac8d82e05b22cc7d4ef5" + _random.Next(100) + ")",
            8 when breaks => _random.Next(2) == 0 ? "\\\n" + Token() : "  \n" + Token(),
            9 when !_open.Contains('E', StringComparison.Ordinal) => "_" + Word() + "_",
            10 when !_open.Contains('S', StringComparison.Ordinal) => "__" + Word() + "__",
            _ => Token(),
        };
    }

    private string Styled(char style, string delimiter, int depth)
    {
        var saved = _open;
        _open += style;
        var inner = Inline(depth + 1, breaks: false);
        _open = saved;
        return delimiter + inner + delimiter;
    }

    private string Token() => _random.Next(4) == 0 ? Hostile[_random.Next(Hostile.Length)] : Word();

    private string Word() => Words[_random.Next(Words.Length)];

    private static string Indent(string text, string indent) =>
        string.Join("\n", text.Split('\n').Select(l => l.Length == 0 ? string.Empty : indent + l));
}
