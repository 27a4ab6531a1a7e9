using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiraGate.Sandbox.Adf;

/// <summary>
/// Rewrites a draft-04 JSON Schema in place so that a draft-07 evaluator gives the same verdicts.
/// JsonSchema.Net supports draft 6 and later; draft 7 keeps the draft-04 meaning of every keyword the ADF
/// schema uses (<c>definitions</c>, array-form <c>items</c>, <c>$ref</c>), so only the draft-04-only spellings change:
/// <list type="bullet">
/// <item><c>$schema</c> becomes the draft-07 meta-schema URI;</item>
/// <item><c>id</c> becomes <c>$id</c>;</item>
/// <item>boolean <c>exclusiveMaximum</c>/<c>exclusiveMinimum</c> become the numeric form (or are dropped when false).</item>
/// </list>
/// Only schema positions are visited, so a property that happens to be named <c>id</c> is left alone.
/// </summary>
internal static class Draft04SchemaUpgrader
{
    public const string Draft07MetaSchema = "http://json-schema.org/draft-07/schema#";

    /// <summary>Keywords whose value is a map from names to subschemas.</summary>
    private static readonly string[] SchemaMapKeywords = ["properties", "patternProperties", "definitions", "dependencies"];

    /// <summary>Keywords whose value is an array of subschemas.</summary>
    private static readonly string[] SchemaArrayKeywords = ["allOf", "anyOf", "oneOf"];

    /// <summary>Keywords whose value is one subschema (<c>items</c> may also be an array, handled too).</summary>
    private static readonly string[] SingleSchemaKeywords = ["items", "additionalItems", "additionalProperties", "not"];

    public static void Upgrade(JsonObject root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root["$schema"] = Draft07MetaSchema;
        UpgradeSchema(root);
    }

    private static void UpgradeSchema(JsonNode? node)
    {
        // Boolean schemas and anything malformed have nothing to rewrite.
        if (node is not JsonObject schema)
        {
            return;
        }

        if (schema.TryGetPropertyValue("id", out var id) && id is JsonValue idValue &&
            idValue.GetValueKind() == JsonValueKind.String && !schema.ContainsKey("$id"))
        {
            schema.Remove("id");
            schema["$id"] = idValue;
        }

        ConvertExclusiveBound(schema, "exclusiveMaximum", "maximum");
        ConvertExclusiveBound(schema, "exclusiveMinimum", "minimum");

        foreach (var keyword in SchemaMapKeywords)
        {
            if (schema[keyword] is JsonObject map)
            {
                foreach (var entry in map)
                {
                    UpgradeSchema(entry.Value);
                }
            }
        }

        foreach (var keyword in SchemaArrayKeywords)
        {
            UpgradeAll(schema[keyword] as JsonArray);
        }

        foreach (var keyword in SingleSchemaKeywords)
        {
            var value = schema[keyword];
            if (value is JsonArray tuple)
            {
                UpgradeAll(tuple);
            }
            else
            {
                UpgradeSchema(value);
            }
        }
    }

    private static void UpgradeAll(JsonArray? schemas)
    {
        if (schemas is null)
        {
            return;
        }

        foreach (var item in schemas)
        {
            UpgradeSchema(item);
        }
    }

    /// <summary>Draft 4: <c>{"maximum": 5, "exclusiveMaximum": true}</c>; draft 6+: <c>{"exclusiveMaximum": 5}</c>.</summary>
    private static void ConvertExclusiveBound(JsonObject schema, string exclusiveKeyword, string boundKeyword)
    {
        if (!schema.TryGetPropertyValue(exclusiveKeyword, out var flag) || flag is not JsonValue flagValue)
        {
            return;
        }

        var kind = flagValue.GetValueKind();
        if (kind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return;
        }

        schema.Remove(exclusiveKeyword);
        if (kind == JsonValueKind.True && schema.TryGetPropertyValue(boundKeyword, out var bound))
        {
            schema.Remove(boundKeyword);
            schema[exclusiveKeyword] = bound;
        }
    }
}
