using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace JiraGate.Sandbox.Tests.Conformance;

/// <summary>How the body relates to the schema the document declares.</summary>
internal enum BodyShape
{
    /// <summary>Validate the body against the declared schema.</summary>
    AsDeclared,

    /// <summary>The body is an array of the declared (item) schema — Data Center spec defect.</summary>
    ArrayOfDeclared,

    /// <summary>The body is a page whose array property holds the declared (item) schema — Data Center spec defect.</summary>
    PageOfDeclared,
}

/// <summary>
/// Converts, builds and caches JsonSchema.Net schemas per (spec, OpenAPI schema location, body shape), and
/// evaluates bodies against them. Thread-safe; each schema is built once per test process.
/// </summary>
internal static class CompiledSchemas
{
    private static readonly ConcurrentDictionary<Key, Lazy<Compiled>> Cache = new();

    private static readonly EvaluationOptions Options = CreateOptions();

    /// <summary>A built schema plus what the conversion relaxed.</summary>
    internal sealed record Compiled(JsonSchema Schema, IReadOnlyList<string> Relaxations, IReadOnlyList<string> Components);

    private readonly record struct Key(SpecKind Spec, string Location, BodyShape Shape, string? PageProperty);

    /// <summary>Gets (building on first use) the schema for the OpenAPI schema at <paramref name="location"/>.</summary>
    /// <param name="spec">Document holding the schema.</param>
    /// <param name="location"><c>#/…</c> pointer of <paramref name="schema"/>; the cache key.</param>
    /// <param name="schema">The OpenAPI schema object at that location.</param>
    /// <param name="shape">How the body wraps the declared schema.</param>
    /// <param name="pageProperty">For <see cref="BodyShape.PageOfDeclared"/>: the page's array property.</param>
    public static Compiled Get(SpecKind spec, string location, JsonElement schema, BodyShape shape, string? pageProperty = null)
    {
        var key = new Key(spec, location, shape, pageProperty);
        return Cache.GetOrAdd(
                key,
                static (k, s) => new Lazy<Compiled>(() => Build(k, s), LazyThreadSafetyMode.ExecutionAndPublication),
                schema)
            .Value;
    }

    /// <summary>Evaluates <paramref name="instance"/> and returns every error (List output), in output order.</summary>
    public static IReadOnlyList<SchemaError> Evaluate(Compiled compiled, JsonElement instance)
    {
        var results = compiled.Schema.Evaluate(instance, Options);
        var errors = new List<SchemaError>();
        if (!results.IsValid)
        {
            Collect(results, errors);
            if (errors.Count == 0)
            {
                errors.Add(new SchemaError("", "(none)", "JsonSchema.Net reported the body invalid without an error message", "#"));
            }
        }

        return errors;
    }

    private static void Collect(EvaluationResults node, List<SchemaError> errors)
    {
        if (node.Errors is { Count: > 0 } keywordErrors)
        {
            var schemaLocation = DisplayLocation(node.SchemaLocation);
            var instance = node.InstanceLocation.ToString();
            foreach (var (keyword, message) in keywordErrors)
            {
                errors.Add(keyword.Length > 0
                    ? new SchemaError(instance, keyword, message, schemaLocation)
                    : FalseSchemaError(node, instance, message, schemaLocation));
            }
        }

        foreach (var child in node.Details ?? [])
        {
            Collect(child, errors);
        }
    }

    /// <summary>
    /// A <c>false</c> subschema reports no keyword; name the applicator that held it (almost always
    /// <c>additionalProperties: false</c>, i.e. an undeclared property).
    /// </summary>
    private static SchemaError FalseSchemaError(EvaluationResults node, string instance, string message, string schemaLocation)
    {
        var applicator = Segments(node.EvaluationPath.ToString()).LastOrDefault() ?? "";
        if (applicator == "additionalProperties")
        {
            var property = Segments(instance).LastOrDefault() ?? "";
            return new SchemaError(instance, applicator, $"property '{property}' is not declared by the schema and additionalProperties is false", schemaLocation);
        }

        return new SchemaError(instance, applicator.Length > 0 ? applicator : "false", message, schemaLocation);
    }

    /// <summary>
    /// The schema location as a readable <c>#/…</c> pointer. JsonSchema.Net 8.0.5 appends the name of the enclosing
    /// property/definition after single-subschema applicators (<c>#/$defs/Version/additionalProperties/Version</c>);
    /// that extra segment is removed.
    /// </summary>
    private static string DisplayLocation(Uri schemaLocation)
    {
        var segments = Segments(Uri.UnescapeDataString(schemaLocation.Fragment.TrimStart('#'))).ToList();
        string? enclosingName = null;
        for (var i = 0; i < segments.Count; i++)
        {
            var isName = i > 0 && segments[i - 1] is "properties" or "$defs" && !IsItselfAName(segments, i - 1);
            if (isName)
            {
                enclosingName = segments[i];
            }
            else if (segments[i] is "items" or "additionalProperties" or "not" && i + 1 < segments.Count
                     && enclosingName is not null && segments[i + 1] == enclosingName)
            {
                segments.RemoveAt(i + 1);
            }
        }

        return "#" + string.Concat(segments.Select(segment => "/" + OpenApiSchemaConverter.EscapePointer(segment)));
    }

    private static bool IsItselfAName(List<string> segments, int index) =>
        index > 0 && segments[index - 1] is "properties" or "$defs";

    private static IEnumerable<string> Segments(string pointer) =>
        pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));

    private static Compiled Build(Key key, JsonElement schema)
    {
        var converted = OpenApiSchemaConverter.Convert(key.Spec, schema, key.Location);
        var root = key.Shape == BodyShape.AsDeclared ? converted.Schema : Wrap(converted.Schema, key);
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 };
        var baseUri = new Uri(
            $"https://conformance.jiragate.invalid/{key.Spec}/{key.Shape}/{key.PageProperty}/{Uri.EscapeDataString(key.Location)}");
        var built = JsonSchema.Build(JsonElement.Parse(root.ToJsonString()), options, baseUri);
        return new Compiled(built, converted.Relaxations, converted.Components);
    }

    private static JsonObject Wrap(JsonObject declared, Key key)
    {
        var defs = declared["$defs"];
        declared.Remove("$defs");
        var items = new JsonObject { ["type"] = "array", ["items"] = declared };
        var wrapped = key.Shape switch
        {
            BodyShape.ArrayOfDeclared => items,
            BodyShape.PageOfDeclared => new JsonObject
            {
                ["type"] = "object",
                ["required"] = new JsonArray(key.PageProperty),
                ["properties"] = new JsonObject
                {
                    [key.PageProperty ?? throw new InvalidOperationException("A page shape needs its array property.")] = items,
                    ["startAt"] = new JsonObject { ["type"] = "integer" },
                    ["maxResults"] = new JsonObject { ["type"] = "integer" },
                    ["total"] = new JsonObject { ["type"] = "integer" },
                    ["isLast"] = new JsonObject { ["type"] = "boolean" },
                },
            },
            _ => throw new ArgumentOutOfRangeException(nameof(key), key.Shape, "Not a wrapping shape."),
        };
        if (defs is not null)
        {
            wrapped["$defs"] = defs;
        }

        return wrapped;
    }

    private static EvaluationOptions CreateOptions()
    {
        // Format assertion stays off: Jira's "2021-01-17T12:34:00.000+0000" is not RFC 3339, and OpenAPI formats
        // such as int64/int32/double are not JSON Schema formats. Annotations are not needed for validation.
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = false };
        options.IgnoreAllAnnotations();
        return options;
    }
}
