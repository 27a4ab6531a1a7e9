using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace JiraGate.Sandbox.Model;

/// <summary>
/// An immutable ADF document kept as its JSON text. Issues carry many of these; keeping text instead
/// of a node tree keeps a 100,000-issue site small and lets responses copy it out without re-serialising.
/// </summary>
[JsonConverter(typeof(RichTextJsonConverter))]
public sealed class RichText
{
    private string? _plainText;

    public RichText(string adfJson)
    {
        ArgumentException.ThrowIfNullOrEmpty(adfJson);
        Json = adfJson;
    }

    /// <summary>The ADF document as compact JSON.</summary>
    public string Json { get; }

    /// <summary>Plain text of the document (for text search and wiki rendering), computed once.</summary>
    public string PlainText => _plainText ??= Adf.AdfText.ToPlainText(JsonNode.Parse(Json));

    public JsonNode ToNode() => JsonNode.Parse(Json)!;

    public static RichText FromNode(JsonNode adf) => new(adf.ToJsonString());

    public static RichText FromPlainText(string text) => FromNode(Adf.AdfText.FromPlainText(text));

    public override string ToString() => PlainText;
}

internal sealed class RichTextJsonConverter : JsonConverter<RichText>
{
    public override RichText? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        return doc.RootElement.ValueKind == JsonValueKind.Null ? null : new RichText(doc.RootElement.GetRawText());
    }

    public override void Write(Utf8JsonWriter writer, RichText value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Json, skipInputValidation: true);
}
