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
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
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
}
