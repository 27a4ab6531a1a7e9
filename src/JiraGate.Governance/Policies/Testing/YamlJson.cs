using System.Buffers;
using System.Globalization;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace JiraGate.Governance.Policies.Testing;

/// <summary>Turns a YAML node into JSON (core schema: plain null/true/false/numbers are typed; quoted scalars are strings).</summary>
internal static class YamlJson
{
    public static JsonElement ToJson(YamlNode node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node);
        }

        using var doc = JsonDocument.Parse(buffer.WrittenMemory);
        return doc.RootElement.Clone();
    }

    private static void Write(Utf8JsonWriter w, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                w.WriteStartObject();
                foreach (var (k, v) in map.Children)
                {
                    w.WritePropertyName(k is YamlScalarNode key ? key.Value ?? "" : k.ToString());
                    Write(w, v);
                }

                w.WriteEndObject();
                break;
            case YamlSequenceNode seq:
                w.WriteStartArray();
                foreach (var item in seq.Children)
                {
                    Write(w, item);
                }

                w.WriteEndArray();
                break;
            case YamlScalarNode s when s.Style != ScalarStyle.Plain:
                w.WriteStringValue(s.Value);
                break;
            case YamlScalarNode s:
                WritePlain(w, s.Value ?? "");
                break;
        }
    }

    private static void WritePlain(Utf8JsonWriter w, string v)
    {
        switch (v)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                w.WriteNullValue();
                return;
            case "true" or "True" or "TRUE":
                w.WriteBooleanValue(true);
                return;
            case "false" or "False" or "FALSE":
                w.WriteBooleanValue(false);
                return;
        }

        if (long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            w.WriteNumberValue(l);
        }
        else if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) && v.Any(char.IsAsciiDigit))
        {
            w.WriteNumberValue(d);
        }
        else
        {
            w.WriteStringValue(v);
        }
    }
}
