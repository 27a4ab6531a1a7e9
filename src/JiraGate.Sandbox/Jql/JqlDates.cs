using System.Globalization;
using System.Text.RegularExpressions;

namespace JiraGate.Sandbox.Jql;

/// <summary>
/// Jira's JQL date values, evaluated in UTC (the sandbox's only time zone): absolute dates
/// (yyyy-MM-dd, yyyy/MM/dd, optionally with HH:mm), periods relative to now ("-15m", "-1d", "4w 2d"; units
/// w, d, h, m as in Jira, no months or years) and the startOf…/endOf… functions with their "(+/-)n(yMwdhm)" offsets.
/// </summary>
internal static partial class JqlDates
{
    private static readonly string[] Formats = ["yyyy-M-d HH:mm", "yyyy/M/d HH:mm", "yyyy-M-d", "yyyy/M/d", "yyyy-M-d H:mm", "yyyy/M/d H:mm"];

    /// <summary>Parses a JQL date value (absolute or relative to <paramref name="now"/>).</summary>
    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset value)
    {
        var trimmed = text.Trim();
        if (DateTime.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var absolute))
        {
            value = new DateTimeOffset(absolute, TimeSpan.Zero);
            return true;
        }
        if (TryParsePeriod(trimmed, out var period))
        {
            value = now + period;
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>An epoch-milliseconds number literal, which Jira also accepts for dates.</summary>
    public static bool TryFromEpochMilliseconds(long milliseconds, out DateTimeOffset value)
    {
        if (milliseconds < -62135596800000 || milliseconds > 253402300799999)
        {
            value = default;
            return false;
        }
        value = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        return true;
    }

    /// <summary>"-5d", "4w 2d", "1h30m", "+15m": an optional sign then number-unit groups (w, d, h, m).</summary>
    public static bool TryParsePeriod(string text, out TimeSpan period)
    {
        period = TimeSpan.Zero;
        var match = PeriodPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }
        long minutes = 0;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unit = part.Value.TrimEnd()[^1];
            if (!long.TryParse(part.Value.AsSpan(0, part.Value.TrimEnd().Length - 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                || n > 100_000_000)
            {
                return false;
            }
            minutes += unit switch
            {
                'w' => n * 7 * 24 * 60,
                'd' => n * 24 * 60,
                'h' => n * 60,
                _ => n,
            };
        }
        if (minutes > 5_000_000_000)
        {
            return false;
        }
        period = TimeSpan.FromMinutes(match.Groups["sign"].Value == "-" ? -minutes : minutes);
        return true;
    }

    [GeneratedRegex(@"^(?<sign>[+-])?\s*(?<part>\d+\s*[wdhm]\s*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodPattern();

    [GeneratedRegex(@"^(?<sign>[+-])?(?<n>\d{1,9})(?<unit>[yMwdhm])?$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetPattern();

    /// <summary>The calendar period a startOf…/endOf… function works on.</summary>
    public enum Period
    {
        Day,
        Week,
        Month,
        Year,
    }

    /// <summary>
    /// startOfDay/Week/Month/Year (<paramref name="end"/> false) or endOf… (true), shifted by an optional offset
    /// such as "-1", "+1M" or "2d"; a bare number counts in the function's own period. Weeks start on Sunday
    /// (Jira's en_US default). Returns false when the offset is not in Jira's format.
    /// </summary>
    public static bool TryBoundary(Period period, bool end, string? offset, DateTimeOffset now, out DateTimeOffset value)
    {
        value = default;
        var amount = 0;
        var natural = NaturalUnit(period);
        var unit = natural;
        if (offset is not null)
        {
            var match = OffsetPattern().Match(offset.Trim());
            if (!match.Success)
            {
                return false;
            }
            amount = int.Parse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            if (match.Groups["sign"].Value == "-")
            {
                amount = -amount;
            }
            if (match.Groups["unit"].Success)
            {
                unit = match.Groups["unit"].Value[0];
            }
        }
        var utc = now.ToUniversalTime();
        var start = period switch
        {
            Period.Day => new DateTimeOffset(utc.Date, TimeSpan.Zero),
            Period.Week => new DateTimeOffset(utc.Date.AddDays(-(int)utc.DayOfWeek), TimeSpan.Zero),
            Period.Month => new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero),
            _ => new DateTimeOffset(utc.Year, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };
        try
        {
            value = end
                ? unit == natural
                    // endOfMonth(-1) is the end of last month: the end of the shifted period.
                    ? Add(Add(start, unit, amount), natural, 1).AddTicks(-1)
                    : Add(Add(start, natural, 1).AddTicks(-1), unit, amount)
                : Add(start, unit, amount);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            // An offset that leaves the calendar (year 10000) is as invalid as a malformed one.
            return false;
        }
    }

    private static char NaturalUnit(Period period) => period switch
    {
        Period.Day => 'd',
        Period.Week => 'w',
        Period.Month => 'M',
        _ => 'y',
    };

    private static DateTimeOffset Add(DateTimeOffset value, char unit, int amount) => unit switch
    {
        'y' => value.AddYears(amount),
        'M' => value.AddMonths(amount),
        'w' => value.AddDays(7.0 * amount),
        'd' => value.AddDays(amount),
        'h' => value.AddHours(amount),
        _ => value.AddMinutes(amount),
    };
}
