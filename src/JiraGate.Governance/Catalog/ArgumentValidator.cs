using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Json.Schema;

namespace JiraGate.Governance.Catalog;

/// <summary>One problem with one argument of a call.</summary>
public sealed class ArgumentError
{
    /// <summary>The argument, as a path: <c>issue_key</c>, <c>labels[2]</c>, <c>issues[0].summary</c>; empty for the whole object.</summary>
    public required string Argument { get; init; }

    /// <summary>The JSON Schema keyword that failed (<c>required</c>, <c>pattern</c>, <c>maxItems</c>, ...).</summary>
    public required string Keyword { get; init; }

    /// <summary>What is wrong, in words an agent can act on.</summary>
    public required string Message { get; init; }

    /// <inheritdoc />
    public override string ToString() => Argument.Length == 0 ? Message : $"{Argument}: {Message}";
}

/// <summary>The outcome of checking a call's arguments against its operation's schema.</summary>
public sealed class ArgumentValidationResult
{
    /// <summary>A result with no errors.</summary>
    public static ArgumentValidationResult Valid { get; } = new() { Errors = [] };

    /// <summary>The problems found; empty when the arguments are valid.</summary>
    public required IReadOnlyList<ArgumentError> Errors { get; init; }

    /// <summary>Whether the arguments conform to the schema.</summary>
    public bool IsValid => Errors.Count == 0;
}

/// <summary>Checks call arguments against the catalog's JSON Schemas (JsonSchema.Net) and names each bad argument.</summary>
public static class ArgumentValidator
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Compiled = new(StringComparer.Ordinal);

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    /// <summary>Validates <paramref name="arguments"/> (a JSON object; an undefined element counts as <c>{}</c>).</summary>
    public static ArgumentValidationResult Validate(OperationDescriptor operation, JsonElement arguments)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (arguments.ValueKind == JsonValueKind.Undefined)
        {
            using var empty = JsonDocument.Parse("{}");
            return Validate(operation, empty.RootElement.Clone());
        }

        if (arguments.ValueKind != JsonValueKind.Object)
        {
            return new ArgumentValidationResult
            {
                Errors = [new ArgumentError { Argument = "", Keyword = "type", Message = $"arguments must be a JSON object, not {Describe(arguments.ValueKind)}" }],
            };
        }

        var errors = new List<ArgumentError>();
        CheckShape(operation.ParametersSchema, arguments, "", errors);
        var schema = Compiled.GetOrAdd(operation.Name, static (_, op) => JsonSchema.Build(op.ParametersSchema), operation);
        var results = schema.Evaluate(arguments, Options);
        if (!results.IsValid)
        {
            Collect(results, errors);
            if (errors.Count == 0)
            {
                // Never call an invalid call valid, even where our wording has no rule for the failure.
                errors.Add(new ArgumentError { Argument = "", Keyword = "schema", Message = "arguments do not match the operation's schema" });
            }
        }

        return errors.Count == 0 ? ArgumentValidationResult.Valid : new ArgumentValidationResult { Errors = Dedupe(errors) };
    }

    // Missing and unknown arguments are reported by us, one error per name: the library reports them per object
    // in wording an agent cannot map back to one argument.
    private static void CheckShape(JsonElement schema, JsonElement instance, string path, List<ArgumentError> errors)
    {
        if (instance.ValueKind != JsonValueKind.Object || schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var hasProperties = schema.TryGetProperty("properties", out var properties);
        if (OneOfRequired(schema) is { } alternatives && alternatives.Count(a => instance.TryGetProperty(a, out _)) != 1)
        {
            errors.Add(new ArgumentError { Argument = path, Keyword = "oneOf", Message = $"give exactly one of {string.Join(", ", alternatives)}" });
        }

        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray())
            {
                var n = name.GetString()!;
                if (!instance.TryGetProperty(n, out _))
                {
                    errors.Add(new ArgumentError { Argument = Join(path, n), Keyword = "required", Message = "is required" });
                }
            }
        }

        foreach (var property in instance.EnumerateObject())
        {
            if (hasProperties && properties.TryGetProperty(property.Name, out var sub))
            {
                CheckShape(sub, property.Value, Join(path, property.Name), errors);
                if (sub.TryGetProperty("items", out var items) && property.Value.ValueKind == JsonValueKind.Array)
                {
                    var i = 0;
                    foreach (var item in property.Value.EnumerateArray())
                    {
                        CheckShape(items, item, $"{Join(path, property.Name)}[{i.ToString(CultureInfo.InvariantCulture)}]", errors);
                        i++;
                    }
                }
            }
            else if (schema.TryGetProperty("additionalProperties", out var ap) && ap.ValueKind == JsonValueKind.False)
            {
                var known = hasProperties ? string.Join(", ", properties.EnumerateObject().Select(p => p.Name)) : "";
                errors.Add(new ArgumentError
                {
                    Argument = Join(path, property.Name),
                    Keyword = "additionalProperties",
                    Message = known.Length == 0 ? "unknown argument (this operation takes none)" : $"unknown argument (known: {known})",
                });
            }
        }
    }

    private static void Collect(EvaluationResults results, List<ArgumentError> errors)
    {
        foreach (var detail in results.Details is { Count: > 0 } ? results.Details : [results])
        {
            if (detail.IsValid || detail.Errors is null)
            {
                continue;
            }

            var location = ToArgumentPath(detail.InstanceLocation.ToString());
            foreach (var (keyword, message) in detail.Errors)
            {
                if (keyword is "required" or "additionalProperties" or "oneOf" or "" or "false"
                    || detail.EvaluationPath.ToString().Contains("/oneOf/", StringComparison.Ordinal))
                {
                    continue;
                }

                errors.Add(new ArgumentError { Argument = location, Keyword = keyword, Message = message });
            }
        }
    }

    // {"oneOf": [{"required": ["a"]}, {"required": ["b"]}]} → ["a", "b"]: "give exactly one of a, b".
    private static string[]? OneOfRequired(JsonElement schema)
    {
        if (!schema.TryGetProperty("oneOf", out var oneOf))
        {
            return null;
        }

        var names = new List<string>();
        foreach (var branch in oneOf.EnumerateArray())
        {
            if (!branch.TryGetProperty("required", out var r) || r.GetArrayLength() != 1)
            {
                return null;
            }

            names.Add(r[0].GetString()!);
        }

        return [.. names];
    }


    private static List<ArgumentError> Dedupe(List<ArgumentError> errors) =>
        errors.DistinctBy(e => (e.Argument, e.Keyword, e.Message)).ToList();

    private static string ToArgumentPath(string pointer)
    {
        if (pointer.Length == 0 || pointer == "/")
        {
            return "";
        }

        var sb = new StringBuilder();
        foreach (var raw in pointer.TrimStart('/').Split('/'))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (segment.Length > 0 && segment.All(char.IsAsciiDigit))
            {
                sb.Append('[').Append(segment).Append(']');
            }
            else
            {
                if (sb.Length > 0)
                {
                    sb.Append('.');
                }

                sb.Append(segment);
            }
        }

        return sb.ToString();
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };
}
