using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Jira.Serialization;

/// <summary>
/// Jira's timestamps: <c>2026-01-17T12:34:00.000+0000</c> (offset without a colon, which ISO-8601 readers
/// refuse). Reads that form and standard ISO-8601; writes Jira's form back.
/// </summary>
internal sealed class JiraDateTimeConverter : JsonConverter<DateTimeOffset>
{
    // The longest timestamp with every character escaped (\uXXXX) is well under this; longer goes the slow way.
    private const int MaxEscapedBytes = 256;

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // Every issue carries several timestamps: read the usual shapes straight from the UTF-8 bytes, without
        // building a string (and a second one to insert the offset's colon) for each.
        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence)
        {
            if (!reader.ValueIsEscaped)
            {
                if (TryParseUtf8(reader.ValueSpan, out var fast))
                {
                    return fast;
                }
            }
            else if (reader.ValueSpan.Length <= MaxEscapedBytes)
            {
                // Some writers escape the offset's '+' (\u002B): unescape onto the stack, not into strings.
                Span<byte> unescaped = stackalloc byte[MaxEscapedBytes];
                if (TryParseUtf8(unescaped[..reader.CopyString(unescaped)], out var fast))
                {
                    return fast;
                }
            }
        }
        var text = reader.GetString();
        return TryParse(text, out var value)
            ? value
            : throw new JsonException("Not a Jira date-time: '" + text + "'.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Format(value));
    }

    public static string Format(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture).Remove(26, 1);

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        // "+0000" → "+00:00" so the invariant parser accepts it.
        if (text.Length > 5 && (text[^5] == '+' || text[^5] == '-') && char.IsAsciiDigit(text[^1]) && text[^3] != ':')
        {
            text = string.Concat(text.AsSpan(0, text.Length - 2), ":", text.AsSpan(text.Length - 2));
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value);
    }

    /// <summary>
    /// The shapes Jira and ISO-8601 writers send: <c>yyyy-MM-ddTHH:mm:ss</c>, an optional fraction of 1–7 digits,
    /// then <c>Z</c>, <c>±hhmm</c> or <c>±hh:mm</c>. Anything else (and any out-of-range part) returns false so the
    /// caller falls back to <see cref="TryParse"/>, which decides; this never accepts what that would refuse.
    /// </summary>
    internal static bool TryParseUtf8(ReadOnlySpan<byte> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':'
            || !Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second))
        {
            return false;
        }
        var i = 19;
        long fractionTicks = 0;
        if (s[i] == '.')
        {
            var start = ++i;
            while (i < s.Length && i - start < 7 && char.IsAsciiDigit((char)s[i]))
            {
                fractionTicks = fractionTicks * 10 + (s[i++] - '0');
            }
            var digits = i - start;
            if (digits == 0 || (i < s.Length && char.IsAsciiDigit((char)s[i])))
            {
                return false;
            }
            for (var d = digits; d < 7; d++)
            {
                fractionTicks *= 10;
            }
        }
        if (!TryOffset(s[i..], out var offsetMinutes)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fractionTicks;
        var offset = TimeSpan.FromMinutes(offsetMinutes);
        var utcTicks = ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }
        value = new DateTimeOffset(ticks, offset);
        return true;
    }

    private static bool TryOffset(ReadOnlySpan<byte> s, out int minutes)
    {
        minutes = 0;
        if (s.Length == 1 && s[0] == 'Z')
        {
            return true;
        }
        if ((s.Length != 5 && s.Length != 6) || (s[0] != '+' && s[0] != '-'))
        {
            return false;
        }
        var colon = s.Length == 6;
        if ((colon && s[3] != ':') || !Digits(s, 1, 2, out var hours) || !Digits(s, colon ? 4 : 3, 2, out var mins)
            || mins > 59 || hours * 60 + mins > 14 * 60)
        {
            return false;
        }
        minutes = (s[0] == '-' ? -1 : 1) * (hours * 60 + mins);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = s[i] - '0';
            if ((uint)d > 9)
            {
                return false;
            }
            value = value * 10 + d;
        }
        return true;
    }
}
