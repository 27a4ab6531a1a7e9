using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace JiraGate.Jira.Jql;

/// <summary>
/// One operand of a JQL clause. Text, dates and relative dates are always written as a quoted literal
/// (<see cref="JqlText.Quote"/>); whole numbers are written bare; functions are written as a call
/// (<see cref="JqlFunction"/>). There is no way to write raw, unquoted text through this type.
/// </summary>
/// <remarks>
/// Strings, whole numbers, <see cref="DateOnly"/> and <see cref="JqlFunction"/> convert implicitly, so
/// <c>Eq("SEC")</c>, <c>Gt(5)</c> and <c>Eq(JqlFunction.CurrentUser)</c> read naturally.
/// </remarks>
public sealed partial class JqlValue
{
    private readonly string _jql;
    private readonly JqlFunction? _function;

    private JqlValue(string jql, JqlFunction? function = null)
    {
        _jql = jql;
        _function = function;
    }

    /// <summary>The function this value calls, or null for a literal.</summary>
    internal JqlFunction? Function => _function;

    /// <summary>A text value, always quoted: reserved words, operators and quotes inside stay literal.</summary>
    /// <param name="value">Any text.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static JqlValue FromString(string value) => new(JqlText.Quote(value));

    /// <summary>A whole number, written bare (e.g. <c>42</c>, <c>-7</c>).</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    public static JqlValue FromNumber(long value) => new(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A decimal number, written as a quoted invariant-culture literal (e.g. <c>"2.5"</c>); Jira reads it as a number for number fields.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    public static JqlValue FromNumber(decimal value) => new(JqlText.Quote(value.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A calendar date, written <c>"yyyy-MM-dd"</c>.</summary>
    /// <param name="value">The date.</param>
    /// <returns>The value.</returns>
    public static JqlValue FromDate(DateOnly value) =>
        new(JqlText.Quote(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    /// <summary>
    /// A date and time, written <c>"yyyy-MM-dd HH:mm"</c> using the clock time of <paramref name="value"/> as given
    /// (seconds are dropped: JQL has minute precision). Jira reads it in the searching user's time zone, so pass a
    /// value already in that zone, or use <see cref="FromDateTime(DateTimeOffset, TimeZoneInfo)"/>.
    /// </summary>
    /// <param name="value">The moment, in the searching user's time zone.</param>
    /// <returns>The value.</returns>
    public static JqlValue FromDateTime(DateTimeOffset value) =>
        new(JqlText.Quote(value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));

    /// <summary>A moment converted to <paramref name="timeZone"/> (the searching user's Jira time zone), written <c>"yyyy-MM-dd HH:mm"</c>.</summary>
    /// <param name="value">The moment.</param>
    /// <param name="timeZone">The time zone Jira will read the value in (the user's profile zone).</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeZone"/> is null.</exception>
    public static JqlValue FromDateTime(DateTimeOffset value, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        return FromDateTime(TimeZoneInfo.ConvertTime(value, timeZone));
    }

    /// <summary>
    /// A period relative to now, such as <c>"-15m"</c>, <c>"-1d"</c>, <c>"-2w"</c> or <c>"-4w 2d"</c>: an optional
    /// sign, then one or more number-unit groups with units w (weeks), d (days), h (hours) or m (minutes).
    /// </summary>
    /// <param name="period">The period.</param>
    /// <returns>The value, quoted.</returns>
    /// <exception cref="ArgumentException"><paramref name="period"/> is not in that format.</exception>
    public static JqlValue FromRelativeDate(string period)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(period);
        if (!RelativeDatePattern().IsMatch(period))
        {
            throw new ArgumentException(
                "A relative date is an optional sign and number-unit groups with units w, d, h or m, e.g. \"-15m\", \"-1d\" or \"-4w 2d\".",
                nameof(period));
        }
        return new(JqlText.Quote(period));
    }

    /// <summary>A function call as the operand, e.g. <c>currentUser()</c>.</summary>
    /// <param name="function">The function.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    public static JqlValue FromFunction(JqlFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return new(function.ToString(), function);
    }

    /// <summary>Converts text to a quoted value; see <see cref="FromString"/>.</summary>
    /// <param name="value">Any text.</param>
    public static implicit operator JqlValue(string value) => FromString(value);

    /// <summary>Converts a whole number to a bare value; see <see cref="FromNumber(long)"/>.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator JqlValue(long value) => FromNumber(value);

    /// <summary>Converts a decimal number to a value; see <see cref="FromNumber(decimal)"/>.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator JqlValue(decimal value) => FromNumber(value);

    /// <summary>Converts a date to a value; see <see cref="FromDate"/>.</summary>
    /// <param name="value">The date.</param>
    public static implicit operator JqlValue(DateOnly value) => FromDate(value);

    /// <summary>Converts a function call to a value; see <see cref="FromFunction"/>.</summary>
    /// <param name="function">The function.</param>
    public static implicit operator JqlValue(JqlFunction function) => FromFunction(function);

    /// <summary>The value as written in JQL.</summary>
    /// <returns>The JQL text of the value.</returns>
    public override string ToString() => _jql;

    internal void AppendTo(StringBuilder sb) => sb.Append(_jql);

    [GeneratedRegex(@"^[+-]?[0-9]{1,9}[wdhm](?: ?[0-9]{1,9}[wdhm])*\z", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeDatePattern();
}
