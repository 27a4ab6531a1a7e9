using System.Globalization;

namespace JiraGate.Sandbox.Adf;

/// <summary>
/// The character references the wiki reader decodes: <c>&amp;amp;</c> and decimal <c>&amp;#NNN;</c>. Jira
/// renders both, and the writer needs them for a literal backslash and for <c>h1.</c>/<c>bq.</c> at a line start.
/// </summary>
internal static class WikiEntities
{
    private const int MaxDigits = 7;

    /// <summary>True when <c>s[at]</c> is an ampersand that starts a reference the reader would decode.</summary>
    public static bool StartsEntity(string s, int at) => TryDecode(s, at, s.Length, out _, out _);

    /// <summary>Decodes the reference starting at <c>s[at]</c> (an ampersand) within <c>s[..end)</c>.</summary>
    public static bool TryDecode(string s, int at, int end, out string value, out int length)
    {
        value = string.Empty;
        length = 0;
        if (string.CompareOrdinal(s, at, "&amp;", 0, 5) == 0 && at + 5 <= end)
        {
            value = "&";
            length = 5;
            return true;
        }

        if (at + 3 >= end || s[at + 1] != '#')
        {
            return false;
        }

        var digitsEnd = at + 2;
        while (digitsEnd < end && digitsEnd - (at + 2) < MaxDigits && char.IsAsciiDigit(s[digitsEnd]))
        {
            digitsEnd++;
        }

        if (digitsEnd == at + 2 || digitsEnd >= end || s[digitsEnd] != ';' ||
            !int.TryParse(s.AsSpan(at + 2, digitsEnd - at - 2), NumberStyles.None, CultureInfo.InvariantCulture,
                out var codePoint) ||
            codePoint > 0x10FFFF || codePoint is >= 0xD800 and <= 0xDFFF)
        {
            return false;
        }

        value = char.ConvertFromUtf32(codePoint);
        length = digitsEnd + 1 - at;
        return true;
    }
}
