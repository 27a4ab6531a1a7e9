using System.Globalization;
using System.Text;

namespace JiraGate.Sandbox.Adf;

/// <summary>Escapes literal text for Jira wiki markup so that <see cref="WikiInlineReader"/> reads it back verbatim.</summary>
internal static class WikiEscaper
{
    /// <summary>Characters escaped wherever they appear in text: macros, links and table cells start with them.</summary>
    private const string AlwaysEscaped = "{}[]|";

    /// <summary>Characters that start a block when they are the first non-blank character of a paragraph line.</summary>
    private const string LineStartChars = "*#|-";

    /// <summary>Appends text outside code spans.</summary>
    /// <param name="text">The literal text (no newlines).</param>
    /// <param name="atLineStart">The text starts a paragraph line, where <c>* # | -</c>, <c>h1.</c> and <c>bq.</c> start blocks.</param>
    /// <param name="sb">The output.</param>
    public static void AppendText(string text, bool atLineStart, StringBuilder sb)
    {
        var forceEscapeAt = -1;
        var entityAt = -1;
        if (atLineStart)
        {
            var k = 0;
            while (k < text.Length && char.IsWhiteSpace(text[k]))
            {
                k++;
            }

            if (k < text.Length && LineStartChars.Contains(text[k], StringComparison.Ordinal))
            {
                forceEscapeAt = k;
            }
            else if (k < text.Length && WikiSyntax.IsBlockStart(text[k..]))
            {
                // "h1. " and "bq. ": letters cannot be backslash-escaped, a character reference can.
                entityAt = k;
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            char? prev = i > 0 ? text[i - 1] : null;
            char? next = i + 1 < text.Length ? text[i + 1] : null;
            if (i == entityAt)
            {
                AppendEntity(c, sb);
            }
            else if (c == '\\' || c == '&')
            {
                AppendBackslashOrAmpersand(text, i, sb);
            }
            else if (i == forceEscapeAt || AlwaysEscaped.Contains(c, StringComparison.Ordinal) ||
                     (WikiSyntax.IsMarker(c) && (CanOpen(prev, next) || CanClose(prev, next))))
            {
                sb.Append('\\').Append(c);
            }
            else
            {
                sb.Append(c);
            }
        }
    }

    /// <summary>Appends the content of a <c>{{code}}</c> span: no formatting applies there, only delimiters matter.</summary>
    public static void AppendCode(string text, StringBuilder sb)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' || c == '&')
            {
                AppendBackslashOrAmpersand(text, i, sb);
            }
            else if (AlwaysEscaped.Contains(c, StringComparison.Ordinal))
            {
                sb.Append('\\').Append(c);
            }
            else
            {
                sb.Append(c);
            }
        }
    }

    /// <summary>
    /// A backslash is literal unless a line-break backslash or an escapable character follows (or may follow, at the
    /// end of the text); then it is written as <c>&amp;#92;</c>. An ampersand that would read as a character
    /// reference is written as <c>&amp;amp;</c>.
    /// </summary>
    private static void AppendBackslashOrAmpersand(string text, int i, StringBuilder sb)
    {
        var atEnd = i + 1 >= text.Length;
        if (text[i] == '\\')
        {
            var next = atEnd ? '\\' : text[i + 1];
            if (next == '\\' || WikiSyntax.IsEscapable(next))
            {
                AppendEntity('\\', sb);
            }
            else
            {
                sb.Append('\\');
            }
        }
        else
        {
            sb.Append(atEnd || WikiEntities.StartsEntity(text, i) ? "&amp;" : "&");
        }
    }

    private static void AppendEntity(char c, StringBuilder sb) =>
        sb.Append("&#").Append(((int)c).ToString(CultureInfo.InvariantCulture)).Append(';');

    /// <summary>Whether a marker here could open a span (null neighbour: unknown, so assume it could).</summary>
    private static bool CanOpen(char? prev, char? next) =>
        (prev is not { } p || !WikiSyntax.IsWordChar(p)) && (next is not { } n || !char.IsWhiteSpace(n));

    /// <summary>Whether a marker here could close a span (null neighbour: unknown, so assume it could).</summary>
    private static bool CanClose(char? prev, char? next) =>
        (prev is not { } p || !char.IsWhiteSpace(p)) && (next is not { } n || !WikiSyntax.IsWordChar(n));
}
