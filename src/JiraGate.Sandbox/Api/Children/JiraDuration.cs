using System.Globalization;
using System.Text.RegularExpressions;

namespace JiraGate.Sandbox.Api.Children;

/// <summary>
/// Jira's duration text ("1w 2d 3h 30m", "1.5h", "90" = minutes), with Jira's default time tracking:
/// a week is 5 days, a day 8 hours.
/// </summary>
internal static partial class JiraDuration
{
    private const long Minute = 60, Hour = 60 * Minute, Day = 8 * Hour, Week = 5 * Day;

    /// <summary>Seconds for a duration; false when the text is not one (Jira's "Invalid time duration entered.").</summary>
    public static bool TryParse(string? text, out long seconds)
    {
        seconds = 0;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100)
        {
            return false;
        }
        var matches = Part().Matches(text);
        var covered = 0;
        decimal total = 0;
        foreach (Match m in matches)
        {
            covered += m.Length;
            var amount = decimal.Parse(m.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            var unit = m.Groups["u"].Value.ToLowerInvariant() switch
            {
                "w" => Week,
                "d" => Day,
                "h" => Hour,
                _ => Minute, // "m" or no unit: Jira's default unit is minutes
            };
            if (m.Groups["u"].Value.Length == 0 && matches.Count > 1)
            {
                return false;
            }
            total += amount * unit;
        }
        if (matches.Count == 0 || covered != text.Length || total > long.MaxValue / 2)
        {
            return false;
        }
        seconds = (long)decimal.Round(total / Minute, MidpointRounding.AwayFromZero) * Minute;
        return true;
    }

    [GeneratedRegex(@"\G\s*(?<n>\d{1,9}(?:\.\d{1,4})?)\s*(?<u>[wdhmWDHM]?)(?![A-Za-z])\s*")]
    private static partial Regex Part();
}
