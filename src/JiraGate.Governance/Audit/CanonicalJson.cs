using System.Globalization;
using System.Text;
using System.Text.Json;

namespace JiraGate.Governance.Audit;

/// <summary>
/// The canonical JSON that audit hashes and checkpoint signatures are computed over. Any implementation in any
/// language that follows these rules reproduces the same bytes:
/// <list type="number">
/// <item>UTF-8, no byte-order mark, no whitespace outside strings.</item>
/// <item>Object members sorted by key, comparing keys as sequences of UTF-16 code units (ordinal); duplicate keys are an error.</item>
/// <item>Strings: <c>"</c> and <c>\</c> escaped with a backslash; U+0008, U+0009, U+000A, U+000C, U+000D as
/// <c>\b \t \n \f \r</c>; every other code point below U+0020 as <c>\u00xx</c> (lower-case hex); everything
/// else, including non-ASCII and <c>/</c>, written literally (lone surrogates become U+FFFD).</item>
/// <item>Numbers exactly as written in the input (the JSON token's text; no reformatting); the record's own
/// integers in plain decimal.</item>
/// <item><c>true</c>, <c>false</c>, <c>null</c> literally; arrays keep their order.</item>
/// </list>
/// These are RFC 8785's rules except for numbers, which are kept as written instead of re-serialised.
/// </summary>
public static class CanonicalJson
{
    /// <summary>The canonical form of a JSON value.</summary>
    /// <exception cref="FormatException">An object has a duplicate key.</exception>
    public static string Canonicalize(JsonElement element)
    {
        var builder = new StringBuilder();
        Write(builder, element);
        return builder.ToString();
    }

    /// <summary>The canonical form of a JSON text.</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    /// <exception cref="FormatException">An object has a duplicate key.</exception>
    public static string Canonicalize(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Canonicalize(doc.RootElement);
    }

    /// <param name="builder">Where the canonical text goes.</param>
    /// <param name="element">The value.</param>
    /// <param name="substitution">What a caller writes instead of some member values and strings (the audit redactor).</param>
    internal static void Write(StringBuilder builder, JsonElement element, ICanonicalSubstitution? substitution = null)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = element.EnumerateObject().ToList();
                members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                builder.Append('{');
                for (var i = 0; i < members.Count; i++)
                {
                    var name = members[i].Name;
                    if (i > 0)
                    {
                        if (string.Equals(name, members[i - 1].Name, StringComparison.Ordinal))
                        {
                            throw new FormatException(substitution?.DuplicateKeyMessage(name) ?? $"Duplicate JSON key '{name}' cannot be canonicalised.");
                        }
                        builder.Append(',');
                    }
                    WriteString(builder, name);
                    builder.Append(':');
                    if (substitution is null || !substitution.TryWriteMember(builder, name, members[i].Value))
                    {
                        Write(builder, members[i].Value, substitution);
                    }
                }
                builder.Append('}');
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }
                    first = false;
                    Write(builder, item, substitution);
                }
                builder.Append(']');
                break;
            case JsonValueKind.String when substitution is not null:
                substitution.WriteString(builder, element.GetString()!);
                break;
            case JsonValueKind.String:
                WriteString(builder, element.GetString()!);
                break;
            case JsonValueKind.Number:
                builder.Append(element.GetRawText());
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    internal static void WriteString(StringBuilder builder, string? value)
    {
        if (value is null)
        {
            builder.Append("null");
            return;
        }
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\t': builder.Append("\\t"); break;
                case '\n': builder.Append("\\n"); break;
                case '\f': builder.Append("\\f"); break;
                case '\r': builder.Append("\\r"); break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        builder.Append(c).Append(value[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        builder.Append('\uFFFD');
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        builder.Append('"');
    }

    internal static void WriteNumber(StringBuilder builder, long? value)
    {
        if (value is null)
        {
            builder.Append("null");
        }
        else
        {
            builder.Append(value.Value.ToString(CultureInfo.InvariantCulture));
        }
    }
}

/// <summary>What a caller writes in place of parts of the canonical walk (the audit redactor hides and digests values).</summary>
internal interface ICanonicalSubstitution
{
    /// <summary>The message of the error for a key an object repeats.</summary>
    string DuplicateKeyMessage(string name);

    /// <summary>Writes a replacement for the member's value and returns true; false lets the walk write the value.</summary>
    bool TryWriteMember(StringBuilder builder, string name, JsonElement value);

    /// <summary>Writes a string value (canonically, or a replacement).</summary>
    void WriteString(StringBuilder builder, string text);
}
