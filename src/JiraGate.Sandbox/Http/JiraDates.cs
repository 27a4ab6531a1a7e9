using System.Globalization;

namespace JiraGate.Sandbox.Http;

/// <summary>Jira's date formats: <c>2021-01-17T12:34:00.000+0000</c> for date-times, <c>yyyy-MM-dd</c> for dates.</summary>
internal static class JiraDates
{
    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+0000";

    /// <summary>ISO-8601 with 'Z', as the Agile API writes sprint dates.</summary>
    public static string FormatIso(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Parses what Jira accepts for date-time inputs (e.g. worklog <c>started</c>).</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        string[] formats =
        [
            "yyyy-MM-dd'T'HH:mm:ss.fffzzzz", "yyyy-MM-dd'T'HH:mm:ss.fffzzz", "yyyy-MM-dd'T'HH:mm:ss.fffK",
            "yyyy-MM-dd'T'HH:mm:sszzzz", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
        ];
        // Jira writes offsets as +0000; .NET wants +00:00.
        var normalised = text.Length > 5 && (text[^5] == '+' || text[^5] == '-') && char.IsDigit(text[^1])
            ? text[..^2] + ":" + text[^2..]
            : text;
        return DateTimeOffset.TryParseExact(normalised, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    public static bool TryParseDate(string? text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
}
