using System.Text;

namespace JiraGate.Jira.Tests.Jql.Support;

/// <summary>
/// Hostile values for the JQL builder: quotes, backslashes, escapes written out, reserved words in any case,
/// operators, reserved characters, injection payloads, Unicode (pairs, lone surrogates, bidi, non-characters),
/// control characters and line breaks, glued together at random from a fixed seed so every run is the same.
/// </summary>
internal static class HostileStrings
{
    public const int Seed = 20_260_311;

    /// <summary>Payloads that must never become JQL; also used as-is by the end-to-end tests.</summary>
    public static readonly string[] Payloads =
    [
        "\" OR project = HR OR summary ~ \"",
        "\\\" or 1=1",
        "\") OR (project = HR",
        "\" ORDER BY key --",
        "' OR '1'='1",
        "x\" OR project in (HR) OR labels = \"x",
        "\\\\\" OR project = HR OR \"",
        "\\u0022 OR project = HR",
        "EMPTY",
        "null",
        "currentUser()",
        "membersOf(\"jira-admins\")",
        "cf[10016]",
        "a\\",
        "\\",
        "\"",
        "",
        " ",
        "project = HR",
        "AND OR NOT",
        "C++ && Java || C# !important",
        "*",
        "?",
        "-",
        "(",
        "]",
    ];

    private static readonly string[] Fragments =
    [
        "\"", "'", "\\", "\\\"", "\\\\", "\\'", "\"\"", "\\u0022", "\\n", "\\t", "\\ ", "\\x",
        "and", "AND", "And", "or", "OR", "not", "NOT", "empty", "EMPTY", "null", "order", "by", "ORDER BY", "asc",
        "desc", "in", "is", "cf", "was", "changed", "select", "true", "user", "date", "during", "to",
        "=", "!=", "~", "!~", "<", ">", "<=", ">=", "IN", "NOT IN", "IS EMPTY", "IS NOT EMPTY", "&&", "||", "&", "|",
        "!", "(", ")", "[", "]", "{", "}", ",", ";", "+", ".", "?", "*", "/", "%", "^", "$", "#", "@", "-", ":",
        "currentUser()", "now()", "startOfDay(\"-1d\")", "membersOf(\"x\")", "cf[10016]", "project = HR", "key = HR-1",
        "é", "日本語", "😀", "\U0001F4A9", "\u200B", "\u202E", "\uFEFF", "\u00A0", "\u3000", "\uD800", "\uDC00", "\uDBFF",
        "\u2028", "\u2029", "\u0000", "\u0007", "\u001B", "\u007F", "\u0085", "\u009F", "\uFFFE", "\uFFFF", "\uFDD0",
        "\t", "\r", "\n", "\r\n", " ", "  ", "x", "SEC", "HR", "42", "-1", "1=1", "--", "/*", "*/",
    ];

    public static IEnumerable<string> Generate(int count)
    {
        var random = new Random(Seed);
        foreach (var payload in Payloads)
        {
            yield return payload;
        }
        for (var n = Payloads.Length; n < count; n++)
        {
            yield return Next(random);
        }
    }

    private static string Next(Random random)
    {
        var sb = new StringBuilder();
        var parts = random.Next(2, 10);
        for (var i = 0; i < parts; i++)
        {
            switch (random.Next(10))
            {
                case 0:
                    // Any UTF-16 code unit at all, lone surrogates included.
                    sb.Append((char)random.Next(0, 0x10000));
                    break;
                case 1:
                    sb.Append((char)random.Next(0x20, 0x7f));
                    break;
                case 2:
                    sb.Append(Payloads[random.Next(Payloads.Length)]);
                    break;
                default:
                    sb.Append(Fragments[random.Next(Fragments.Length)]);
                    break;
            }
        }
        return sb.ToString();
    }
}
