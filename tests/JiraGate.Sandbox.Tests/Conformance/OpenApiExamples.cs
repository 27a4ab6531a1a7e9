using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiraGate.Sandbox.Tests.Conformance;

/// <summary>
/// The <c>example</c> bodies Atlassian embeds in a response's media type. Atlassian usually stores them as a JSON
/// <em>string</em> holding the JSON text; both that and an inline JSON value are handled.
/// </summary>
/// <remarks>
/// Examples are not guaranteed to match their own schemas (dozens in the platform document do not, e.g. epoch-number
/// timestamps where the schema says string); use them as reference shapes with <see cref="FixtureShapes.Compare"/>
/// or as seeds for tests, after checking they validate.
/// </remarks>
internal static class OpenApiExamples
{
    /// <summary>A fresh, mutable copy of the example, or an exception that says why there is none.</summary>
    /// <exception cref="InvalidOperationException">The operation, response or example does not exist, or it is not JSON.</exception>
    public static JsonNode? Get(SpecKind spec, string method, string pathTemplate, int status, string mediaType = "application/json") =>
        TryGet(spec, method, pathTemplate, status, out var example, out var problem, mediaType)
            ? example
            : throw new InvalidOperationException(problem);

    /// <summary>Looks up the example; <paramref name="problem"/> explains a miss.</summary>
    public static bool TryGet(
        SpecKind spec,
        string method,
        string pathTemplate,
        int status,
        out JsonNode? example,
        out string problem,
        string mediaType = "application/json")
    {
        example = null;
        var where = $"{method.ToUpperInvariant()} {pathTemplate} {status} {mediaType} in {OpenApiSpecs.FileName(spec)}";
        if (!OpenApiSpecs.TryGetOperation(spec, method, pathTemplate, out var operation)
            || !operation.TryGetProperty("responses", out var responses)
            || !responses.TryGetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response)
            || !response.TryGetProperty("content", out var content)
            || !content.TryGetProperty(mediaType, out var media))
        {
            problem = $"{where}: no such operation, response or media type.";
            return false;
        }

        JsonElement value;
        if (media.TryGetProperty("example", out var inline))
        {
            value = inline;
        }
        else if (media.TryGetProperty("examples", out var named) && named.ValueKind == JsonValueKind.Object
                 && named.EnumerateObject().FirstOrDefault().Value is { ValueKind: JsonValueKind.Object } first
                 && first.TryGetProperty("value", out var namedValue))
        {
            value = namedValue;
        }
        else
        {
            problem = $"{where}: the response declares no example.";
            return false;
        }

        try
        {
            example = value.ValueKind == JsonValueKind.String
                ? JsonNode.Parse(value.GetString() ?? "null")
                : JsonNode.Parse(value.GetRawText());
        }
        catch (JsonException exception)
        {
            problem = $"{where}: the example is a string that is not JSON ({exception.Message}).";
            return false;
        }

        problem = "";
        return true;
    }
}
