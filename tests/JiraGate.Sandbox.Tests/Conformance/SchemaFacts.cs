using System.Text.Json;

namespace JiraGate.Sandbox.Tests.Conformance;

/// <summary>
/// Top-level facts about an OpenAPI schema (after following <c>$ref</c> and <c>allOf</c>), used to pick the
/// Data Center relaxations and to refuse vacuous passes.
/// </summary>
/// <param name="Name">Component name when the schema is (or resolves through) a <c>$ref</c>, else the location.</param>
/// <param name="Type">Declared <c>type</c>, or null when none is declared.</param>
/// <param name="Properties">Property names declared at the top level (including those of <c>allOf</c> parts).</param>
/// <param name="HasAlternatives">True when <c>anyOf</c>/<c>oneOf</c> make the property set conditional.</param>
/// <param name="Items">Facts of <c>items</c> for array schemas.</param>
/// <param name="IsOpaque">True when the schema constrains nothing but its JSON type (e.g. Data Center's bare
/// <c>ServerInfoBean</c>): a body then passes on its type alone.</param>
internal sealed record SchemaFacts(
    string Name,
    string? Type,
    IReadOnlyList<string> Properties,
    bool HasAlternatives,
    SchemaFacts? Items,
    bool IsOpaque)
{
    private static readonly HashSet<string> AnnotationKeywords = new(StringComparer.Ordinal)
    {
        "type", "title", "description", "example", "xml", "externalDocs", "deprecated", "readOnly", "writeOnly", "nullable",
    };

    private const int MaxDepth = 32;

    /// <summary>Whether an object instance can be checked for "at least one declared property present".</summary>
    public bool CanCheckDeclaredProperties => Properties.Count > 0 && !HasAlternatives;

    /// <summary>Reads the facts of <paramref name="schema"/> found at <paramref name="location"/>.</summary>
    public static SchemaFacts Of(SpecKind spec, JsonElement schema, string location) => Of(spec, schema, location, 0);

    private static SchemaFacts Of(SpecKind spec, JsonElement schema, string name, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"{OpenApiSpecs.FileName(spec)}: '$ref'/'allOf' nesting deeper than {MaxDepth} at {name}.");
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            return new SchemaFacts(name, null, [], HasAlternatives: true, Items: null, IsOpaque: false);
        }

        if (schema.TryGetProperty("$ref", out var reference) && reference.GetString() is { } target)
        {
            return Of(spec, OpenApiSpecs.ResolveLocalRef(spec, target), target[(target.LastIndexOf('/') + 1)..], depth + 1);
        }

        var properties = new List<string>();
        if (schema.TryGetProperty("properties", out var declared) && declared.ValueKind == JsonValueKind.Object)
        {
            properties.AddRange(declared.EnumerateObject().Select(p => p.Name));
        }

        var alternatives = schema.TryGetProperty("anyOf", out _) || schema.TryGetProperty("oneOf", out _);
        string? type = schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (schema.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array)
        {
            foreach (var part in allOf.EnumerateArray().Select(p => Of(spec, p, name, depth + 1)))
            {
                properties.AddRange(part.Properties);
                alternatives |= part.HasAlternatives;
                type ??= part.Type;
            }
        }

        var items = type == "array" && schema.TryGetProperty("items", out var itemSchema)
            ? Of(spec, itemSchema, name + "[]", depth + 1)
            : null;
        var opaque = schema.EnumerateObject().All(k => AnnotationKeywords.Contains(k.Name) || k.Name.StartsWith("x-", StringComparison.Ordinal));
        return new SchemaFacts(name, type, properties.Distinct(StringComparer.Ordinal).ToList(), alternatives, items, opaque);
    }
}
