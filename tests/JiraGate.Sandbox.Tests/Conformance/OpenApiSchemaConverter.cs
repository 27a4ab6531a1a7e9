using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiraGate.Sandbox.Tests.Conformance;

/// <summary>
/// Translates an OpenAPI 3.0 schema object (and every component schema it reaches) into a self-contained
/// JSON Schema 2020-12 document that JsonSchema.Net can evaluate.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>$ref: #/components/schemas/X</c> becomes <c>$ref: #/$defs/X</c>; only the components reachable from the
/// root are copied into <c>$defs</c>. OpenAPI 3.0 ignores siblings of <c>$ref</c>, so they are dropped.</item>
/// <item><c>nullable: true</c> adds <c>"null"</c> to <c>type</c> (and to <c>enum</c>); without a <c>type</c>
/// the schema is wrapped as <c>anyOf: [{type: null}, …]</c>.</item>
/// <item>Boolean <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> (draft 4 style) become the numeric form.</item>
/// <item>Annotation-only or OpenAPI-only keywords are dropped: <c>title</c>, <c>description</c>,
/// <c>default</c>, <c>example</c>, <c>discriminator</c>, <c>xml</c>, <c>externalDocs</c>, <c>deprecated</c>,
/// <c>readOnly</c>, <c>writeOnly</c>, <c>x-*</c>. Properties marked <c>writeOnly</c> are removed from
/// <c>required</c> (OpenAPI: required applies to requests only); <c>readOnly</c> ones stay required.</item>
/// <item><c>format</c> is kept as an annotation; format assertion is disabled at evaluation time.</item>
/// <item>Java-only regex classes in <c>pattern</c> are translated (<see cref="TranslateJavaRegex"/>).</item>
/// <item>Any other keyword fails the conversion loudly instead of being silently ignored.</item>
/// </list>
/// For <see cref="SpecKind.DataCenter"/>, property values, array items and map values declared as a bare
/// <c>{type: object}</c> (generated from Java <c>Object</c>, e.g. <c>IssueBean.fields</c> values) accept any JSON
/// value; each such relaxation is reported in <see cref="Result.Relaxations"/>.
/// </remarks>
internal static class OpenApiSchemaConverter
{
    private const string ComponentPrefix = "#/components/schemas/";

    private static readonly HashSet<string> CopiedKeywords = new(StringComparer.Ordinal)
    {
        "multipleOf", "maxLength", "minLength", "maxItems", "minItems",
        "uniqueItems", "maxProperties", "minProperties", "format",
    };

    private static readonly HashSet<string> DroppedKeywords = new(StringComparer.Ordinal)
    {
        "title", "description", "default", "example", "discriminator", "xml", "externalDocs", "deprecated",
        "readOnly", "writeOnly",
    };

    private static readonly HashSet<string> HandledKeywords = new(StringComparer.Ordinal)
    {
        "$ref", "type", "nullable", "enum", "required", "properties", "additionalProperties", "items",
        "allOf", "anyOf", "oneOf", "not", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
    };

    /// <summary>
    /// Converts <paramref name="schema"/>, found at <paramref name="location"/> in <paramref name="spec"/>.
    /// </summary>
    /// <param name="spec">Document the schema comes from (its components are resolved there).</param>
    /// <param name="schema">An OpenAPI 3.0 schema object.</param>
    /// <param name="location">Where the schema sits, as a <c>#/…</c> pointer; used in messages only.</param>
    /// <exception cref="NotSupportedException">The schema uses a keyword or reference the converter does not know.</exception>
    public static Result Convert(SpecKind spec, JsonElement schema, string location)
    {
        var context = new Context(spec);
        var root = context.ConvertSchema(schema, location);
        var defs = new JsonObject();
        while (context.Pending.TryDequeue(out var name))
        {
            var componentLocation = ComponentPrefix + name;
            defs[name] = context.ConvertSchema(OpenApiSpecs.ResolveLocalRef(spec, componentLocation), componentLocation);
        }

        if (defs.Count > 0)
        {
            root["$defs"] = defs;
        }

        return new Result(root, context.Seen.Order(StringComparer.Ordinal).ToList(), context.Relaxations);
    }

    /// <summary>Converted schema document plus what went into it.</summary>
    /// <param name="Schema">JSON Schema 2020-12 document (root schema with the reachable components in <c>$defs</c>).</param>
    /// <param name="Components">Names of the component schemas copied into <c>$defs</c>, sorted.</param>
    /// <param name="Relaxations">Human-readable list of places where a spec defect was relaxed.</param>
    internal sealed record Result(JsonObject Schema, IReadOnlyList<string> Components, IReadOnlyList<string> Relaxations);

    private sealed class Context(SpecKind spec)
    {
        public Queue<string> Pending { get; } = new();

        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

        public List<string> Relaxations { get; } = [];

        public JsonObject ConvertSchema(JsonElement schema, string location)
        {
            if (schema.ValueKind != JsonValueKind.Object)
            {
                throw Unsupported(location, $"a schema must be a JSON object, found {schema.ValueKind}");
            }

            if (schema.TryGetProperty("$ref", out var reference))
            {
                return new JsonObject { ["$ref"] = RewriteReference(reference, location) };
            }

            var result = new JsonObject();
            foreach (var keyword in schema.EnumerateObject())
            {
                var name = keyword.Name;
                var at = location + "/" + EscapePointer(name);
                if (CopiedKeywords.Contains(name))
                {
                    result[name] = JsonNode.Parse(keyword.Value.GetRawText());
                }
                else if (HandledKeywords.Contains(name))
                {
                    ConvertHandled(result, schema, keyword, at);
                }
                else if (!DroppedKeywords.Contains(name) && !name.StartsWith("x-", StringComparison.Ordinal))
                {
                    throw Unsupported(at, $"keyword '{name}' is not known to the OpenAPI 3.0 converter");
                }
            }

            return IsNullable(schema) ? MakeNullable(result) : result;
        }

        private void ConvertHandled(JsonObject result, JsonElement schema, JsonProperty keyword, string at)
        {
            var value = keyword.Value;
            switch (keyword.Name)
            {
                case "type":
                    if (value.ValueKind != JsonValueKind.String)
                    {
                        throw Unsupported(at, "OpenAPI 3.0 'type' must be a single string");
                    }

                    result["type"] = value.GetString();
                    break;
                case "nullable":
                    break; // applied once the whole schema is converted
                case "enum":
                    result["enum"] = JsonNode.Parse(value.GetRawText());
                    break;
                case "pattern":
                    result["pattern"] = TranslateJavaRegex(value.GetString() ?? throw Unsupported(at, "'pattern' must be a string"));
                    break;
                case "required":
                    result["required"] = new JsonArray(value.EnumerateArray()
                        .Select(item => item.GetString() ?? throw Unsupported(at, "'required' must list strings"))
                        .Where(property => !IsWriteOnlyProperty(schema, property))
                        .Select(property => (JsonNode?)JsonValue.Create(property))
                        .ToArray());
                    break;
                case "properties":
                    var properties = new JsonObject();
                    foreach (var property in value.EnumerateObject())
                    {
                        properties[property.Name] = ConvertValueSchema(property.Value, at + "/" + EscapePointer(property.Name));
                    }

                    result["properties"] = properties;
                    break;
                case "additionalProperties":
                    result["additionalProperties"] = value.ValueKind is JsonValueKind.True or JsonValueKind.False
                        ? JsonValue.Create(value.GetBoolean())
                        : ConvertValueSchema(value, at);
                    break;
                case "items":
                    result["items"] = ConvertValueSchema(value, at);
                    break;
                case "not":
                    result[keyword.Name] = ConvertSchema(value, at);
                    break;
                case "allOf":
                case "anyOf":
                case "oneOf":
                    result[keyword.Name] = new JsonArray(value.EnumerateArray()
                        .Select((item, index) => (JsonNode?)ConvertSchema(item, at + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                        .ToArray());
                    break;
                case "minimum":
                case "maximum":
                case "exclusiveMinimum":
                case "exclusiveMaximum":
                    ConvertBound(result, schema, keyword, at);
                    break;
                default:
                    throw Unsupported(at, $"handled keyword '{keyword.Name}' has no conversion");
            }
        }

        /// <summary>
        /// Converts the schema of a property value, array item or map value. Data Center's generator writes Java
        /// <c>Object</c> as a bare <c>{"type": "object"}</c> there although Jira returns strings, numbers, arrays
        /// and nulls (e.g. <c>IssueBean.fields</c>, <c>FieldMetaBean.allowedValues</c>), so those accept any value.
        /// </summary>
        private JsonNode ConvertValueSchema(JsonElement value, string at)
        {
            if (spec == SpecKind.DataCenter && IsBareObject(value))
            {
                Relaxations.Add($"{at}: Data Center declares a Java Object value as {{\"type\":\"object\"}}; any JSON value accepted");
                return JsonValue.Create(true);
            }

            return ConvertSchema(value, at);
        }

        /// <summary>
        /// OpenAPI 3.0 (draft 4) writes an exclusive bound as <c>minimum: 5, exclusiveMinimum: true</c>;
        /// JSON Schema 2020-12 writes <c>exclusiveMinimum: 5</c>.
        /// </summary>
        private void ConvertBound(JsonObject result, JsonElement schema, JsonProperty keyword, string at)
        {
            var isExclusiveKeyword = keyword.Name.StartsWith("exclusive", StringComparison.Ordinal);
            var bound = isExclusiveKeyword
                ? (keyword.Name == "exclusiveMinimum" ? "minimum" : "maximum")
                : keyword.Name;
            var exclusive = "exclusive" + char.ToUpperInvariant(bound[0]) + bound[1..];
            if (!isExclusiveKeyword)
            {
                var isExclusive = schema.TryGetProperty(exclusive, out var flag) && flag.ValueKind == JsonValueKind.True;
                result[isExclusive ? exclusive : bound] = JsonNode.Parse(keyword.Value.GetRawText());
                return;
            }

            switch (keyword.Value.ValueKind)
            {
                case JsonValueKind.Number:
                    result[exclusive] = JsonNode.Parse(keyword.Value.GetRawText());
                    break;
                case JsonValueKind.True when !schema.TryGetProperty(bound, out _):
                    throw Unsupported(at, $"'{exclusive}: true' without '{bound}'");
                case JsonValueKind.True:
                case JsonValueKind.False:
                    break; // folded into the numeric bound when that keyword is converted
                default:
                    throw Unsupported(at, $"'{exclusive}' must be a boolean (OpenAPI 3.0) or a number");
            }
        }

        private string RewriteReference(JsonElement reference, string location)
        {
            var target = reference.GetString();
            if (target is null || !target.StartsWith(ComponentPrefix, StringComparison.Ordinal))
            {
                throw Unsupported(location, $"only '{ComponentPrefix}…' references are supported, got '{target}'");
            }

            var name = Uri.UnescapeDataString(target[ComponentPrefix.Length..])
                .Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (Seen.Add(name))
            {
                Pending.Enqueue(name);
            }

            return "#/$defs/" + Uri.EscapeDataString(EscapePointer(name));
        }

        private bool IsWriteOnlyProperty(JsonElement schema, string property) =>
            schema.TryGetProperty("properties", out var properties)
            && properties.TryGetProperty(property, out var propertySchema)
            && propertySchema.ValueKind == JsonValueKind.Object
            && propertySchema.TryGetProperty("writeOnly", out var writeOnly)
            && writeOnly.ValueKind == JsonValueKind.True;

        private static bool IsBareObject(JsonElement schema) =>
            schema.ValueKind == JsonValueKind.Object
            && schema.TryGetProperty("type", out var type) && type.ValueEquals("object")
            && schema.EnumerateObject().All(keyword => keyword.Name == "type" || DroppedKeywords.Contains(keyword.Name)
                || keyword.Name.StartsWith("x-", StringComparison.Ordinal));

        private static bool IsNullable(JsonElement schema) =>
            schema.TryGetProperty("nullable", out var nullable) && nullable.ValueKind == JsonValueKind.True;

        private static JsonObject MakeNullable(JsonObject converted)
        {
            if (converted["enum"] is JsonArray values && !values.Any(v => v is null))
            {
                values.Add(null);
            }

            if (converted["type"] is JsonValue type && type.TryGetValue<string>(out var single))
            {
                converted["type"] = new JsonArray(single, "null");
                return converted;
            }

            return new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, converted) };
        }

        private NotSupportedException Unsupported(string location, string problem) =>
            new($"{OpenApiSpecs.FileName(spec)} {location}: {problem}.");
    }

    /// <summary>
    /// Atlassian writes some patterns in Java regex syntax; .NET (which JsonSchema.Net uses) lacks Java's POSIX
    /// property classes. <c>\p{Digit}</c> becomes <c>\d</c> (which .NET matches on any Unicode digit, a little
    /// broader than Java's ASCII digits). Other unknown classes still fail when the schema is built.
    /// </summary>
    internal static string TranslateJavaRegex(string pattern) =>
        pattern.Replace(@"\p{Digit}", @"\d", StringComparison.Ordinal);

    /// <summary>Escapes one JSON Pointer segment (RFC 6901).</summary>
    internal static string EscapePointer(string segment) =>
        segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
