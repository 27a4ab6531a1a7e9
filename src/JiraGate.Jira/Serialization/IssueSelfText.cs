using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Jira.Serialization;

/// <summary>
/// An issue's <c>self</c> exactly as Jira sent it, in two parts whose concatenation is the text. Jira's form is
/// <c>{site}/rest/api/{n}/issue/{id}</c>: within one response the prefix is the same for every issue and the tail
/// is the id already read, so both parts are shared (<see cref="RepeatedValues"/>) and a page of issues stores no
/// URL text of its own. Anything else is kept whole in <see cref="Prefix"/>.
/// </summary>
internal readonly record struct IssueSelfText(string? Prefix, string? Tail)
{
    public static IssueSelfText Whole(string? text) => new(text, null);

    public bool IsEmpty => Prefix is null;

    public override string? ToString() => Tail is null ? Prefix : string.Concat(Prefix, Tail);
}

/// <summary>Reads and writes <see cref="IssueSelfText"/> as the JSON string it stands for.</summary>
internal sealed class IssueSelfTextConverter : JsonConverter<IssueSelfText>
{
    // Longer prefixes are not worth a table slot (and the string table only takes ≤ 128 bytes anyway).
    private const int MaxPrefixBytes = 128;

    public override bool HandleNull => true;

    public override IssueSelfText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return default;
        }
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var raw = reader.ValueSpan;
            var cut = raw.LastIndexOf((byte)'/') + 1;
            if (cut > 0 && cut < raw.Length && cut <= MaxPrefixBytes && !raw[cut..].ContainsAnyExceptInRange((byte)'0', (byte)'9')
                && Ascii.IsValid(raw[..cut])
                && RepeatedValues.ShareAscii(raw[..cut]) is { } prefix && RepeatedValues.ShareAscii(raw[cut..]) is { } tail)
            {
                return new(prefix, tail);
            }
        }
        return IssueSelfText.Whole(reader.GetString());
    }

    public override void Write(Utf8JsonWriter writer, IssueSelfText value, JsonSerializerOptions options)
    {
        if (value.ToString() is { } text)
        {
            writer.WriteStringValue(text);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
