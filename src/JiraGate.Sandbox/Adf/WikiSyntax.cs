using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace JiraGate.Sandbox.Adf;

/// <summary>
/// The Jira wiki-markup rules shared by <see cref="WikiMarkup"/>'s reader and writer, so that what the writer
/// escapes is exactly what the reader would otherwise interpret.
/// </summary>
internal static partial class WikiSyntax
{
    /// <summary>A hard line break inside a paragraph, list item or table cell.</summary>
    public const string LineBreak = @"\\";

    public const string QuoteTag = "{quote}";

    /// <summary>The prefix of a Cloud mention: <c>[~accountid:5b10ac8d82e05b22cc7d4ef5]</c>.</summary>
    public const string AccountIdPrefix = "accountid:";

    /// <summary>Longer bracket contents are never read as a bare URL (keeps hostile input linear).</summary>
    private const int MaxBareUrlLength = 2048;

    /// <summary>
    /// Characters a backslash turns into literals. A backslash is not among them: <c>\\</c> is a line break, and
    /// a literal backslash that could be misread is written as the entity <c>&amp;#92;</c>.
    /// </summary>
    private const string EscapableChars = "*_-+^~{}[]|#!";

    /// <summary>Characters that open and close a formatting span: <c>*strong*</c>, <c>_em_</c>, and so on.</summary>
    private const string MarkerChars = "*_-+^~";

    public static bool IsEscapable(char c) => EscapableChars.Contains(c, StringComparison.Ordinal);

    public static bool IsMarker(char c) => MarkerChars.Contains(c, StringComparison.Ordinal);

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    /// <summary>The ADF mark a formatting marker stands for (a new object on every call).</summary>
    public static JsonObject MarkFor(char marker) => marker switch
    {
        '*' => AdfNodes.Mark("strong"),
        '_' => AdfNodes.Mark("em"),
        '-' => AdfNodes.Mark("strike"),
        '+' => AdfNodes.Mark("underline"),
        '^' => AdfNodes.SubSupMark("sup"),
        '~' => AdfNodes.SubSupMark("sub"),
        _ => throw new ArgumentOutOfRangeException(nameof(marker), marker, "Not a formatting marker."),
    };

    /// <summary>The formatting marker for an ADF mark, or null when the mark has none (link, code, colours…).</summary>
    public static char? MarkerOf(JsonNode mark) => AdfNodes.TypeOf(mark) switch
    {
        "strong" => '*',
        "em" => '_',
        "strike" => '-',
        "underline" => '+',
        "subsup" => AdfNodes.StringAttr(mark, "type") switch
        {
            "sup" => '^',
            "sub" => '~',
            _ => null,
        },
        _ => null,
    };

    /// <summary>
    /// The canonical order of marks on a text node read from wiki markup; the writer accepts any order.
    /// </summary>
    public static int MarkRank(JsonNode mark) => AdfNodes.TypeOf(mark) switch
    {
        "link" => 0,
        "strong" => 1,
        "em" => 2,
        "strike" => 3,
        "underline" => 4,
        "subsup" => 5,
        "code" => 6,
        _ => 7,
    };

    /// <summary>Cloud account ids: 24 hex digits, <c>NNNNNN:uuid</c>, or a <c>qm:</c> customer id.</summary>
    public static bool LooksLikeAccountId(string id) => AccountIdPattern().IsMatch(id);

    /// <summary>What a bare <c>[target]</c> link needs to be a link rather than literal brackets.</summary>
    public static bool LooksLikeUrl(ReadOnlySpan<char> text) =>
        text.Length <= MaxBareUrlLength && UrlPattern().IsMatch(text);

    public static bool IsRule(string trimmedLine) => trimmedLine.TrimEnd() == "----";

    /// <summary>
    /// True when a line (with leading whitespace removed) starts a block other than a paragraph; the writer
    /// escapes the first character of any paragraph that would otherwise match.
    /// </summary>
    public static bool IsBlockStart(string trimmedLine) =>
        trimmedLine.Length > 0 &&
        (trimmedLine[0] == '|' ||
         trimmedLine.StartsWith(QuoteTag, StringComparison.Ordinal) ||
         CodeStart().IsMatch(trimmedLine) ||
         HeadingStart().IsMatch(trimmedLine) ||
         QuoteLineStart().IsMatch(trimmedLine) ||
         ListItemStart().IsMatch(trimmedLine) ||
         IsRule(trimmedLine));

    [GeneratedRegex(@"^h([1-6])\.(?:\s|$)", RegexOptions.CultureInvariant)]
    public static partial Regex HeadingStart();

    [GeneratedRegex(@"^bq\.(?:\s|$)", RegexOptions.CultureInvariant)]
    public static partial Regex QuoteLineStart();

    /// <summary>List markers (<c>*</c>, <c>#</c>, nested <c>**</c>, <c>*#</c>; a single <c>-</c> is a bullet too).</summary>
    [GeneratedRegex(@"^([*#]+|-)(?:\s+|$)", RegexOptions.CultureInvariant)]
    public static partial Regex ListItemStart();

    /// <summary><c>{code}</c>, <c>{code:java}</c>, <c>{code:title=A.java|language=java}</c>, <c>{noformat}</c>.</summary>
    [GeneratedRegex(@"^\{(code|noformat)(?::([^}\n]*))?\}", RegexOptions.CultureInvariant)]
    public static partial Regex CodeStart();

    [GeneratedRegex(@"^(?:[A-Za-z][A-Za-z0-9+.\-]*://|mailto:)\S+$", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(
        @"^(?:[0-9a-fA-F]{24}|\d{1,10}:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|qm:[0-9a-fA-F:\-]+)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex AccountIdPattern();
}
