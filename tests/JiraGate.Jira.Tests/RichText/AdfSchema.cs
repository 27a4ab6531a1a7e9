using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace JiraGate.Jira.Tests.RichText;

/// <summary>
/// Atlassian's ADF JSON schema (shared/reference/adf-schema-full.json, draft 04) loaded for JsonSchema.Net,
/// which evaluates draft 6 and later: <c>$schema</c> becomes draft 07, <c>id</c> becomes <c>$id</c> and
/// boolean <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> become the numeric form. Draft 07 keeps the
/// draft-04 meaning of every other keyword the schema uses.
/// </summary>
internal static class AdfSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    /// <summary>Null when valid; otherwise the failing locations and messages.</summary>
    public static string? Problems(JsonNode document)
    {
        if (IsValid(document))
        {
            return null;
        }

        // A detailed evaluation of a large invalid document explodes (nested anyOf), so first narrow the
        // problem down to the first invalid top-level block, then explain only that block.
        var blocks = document["content"] as JsonArray ?? [];
        foreach (var block in blocks)
        {
            var single = new JsonObject { ["type"] = "doc", ["version"] = 1, ["content"] = new JsonArray(block!.DeepClone()) };
            if (!IsValid(single))
            {
                return "first invalid block: " + block.ToJsonString() + "\n" + Explain(single);
            }
        }

        return "the document is invalid: " + Explain(document);
    }

    private static bool IsValid(JsonNode document)
    {
        using var instance = JsonDocument.Parse(document.ToJsonString());
        return Schema.Value.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;
    }

    private static string Explain(JsonNode document)
    {
        var json = document.ToJsonString();
        if (json.Length > 4000)
        {
            return "(too large to explain in detail)";
        }

        using var instance = JsonDocument.Parse(json);
        var results = Schema.Value.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var problems = new List<string>();
        Collect(results, problems);
        return string.Join("\n", problems.Distinct().Take(20));
    }

    public static string FindSchemaFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "reference"), Path.Combine(dir.FullName, "..", "shared", "reference") })
            {
                var file = Path.Combine(candidate, "adf-schema-full.json");
                if (File.Exists(file))
                {
                    return file;
                }
            }
        }

        throw new FileNotFoundException(
            "adf-schema-full.json not found in any <dir>/shared/reference or <dir>/../shared/reference above " + AppContext.BaseDirectory);
    }

    private static JsonSchema Load()
    {
        var root = (JsonObject)JsonNode.Parse(File.ReadAllText(FindSchemaFile()))!;
        root["$schema"] = "http://json-schema.org/draft-07/schema#";
        Upgrade(root);
        using var document = JsonDocument.Parse(root.ToJsonString());
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return JsonSchema.Build(document.RootElement.Clone(), options, new Uri("https://jiragate.tests/adf-schema-full.json"));
    }

    /// <summary>Rewrites draft-04 spellings at every schema position (not inside <c>enum</c>/<c>const</c> data).</summary>
    private static void Upgrade(JsonNode? node)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Upgrade(item);
            }

            return;
        }

        if (node is not JsonObject schema)
        {
            return;
        }

        if (schema["id"] is JsonValue id && id.GetValueKind() == JsonValueKind.String && !schema.ContainsKey("$id"))
        {
            schema.Remove("id");
            schema["$id"] = id.GetValue<string>();
        }

        Exclusive(schema, "exclusiveMinimum", "minimum");
        Exclusive(schema, "exclusiveMaximum", "maximum");
        foreach (var (key, value) in schema.ToList())
        {
            if (key is "enum" or "const" or "default" or "examples" or "required")
            {
                continue;
            }

            Upgrade(value);
        }
    }

    private static void Exclusive(JsonObject schema, string keyword, string bound)
    {
        if (schema[keyword] is not JsonValue flag || flag.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return;
        }

        schema.Remove(keyword);
        if (flag.GetValueKind() == JsonValueKind.True && schema[bound] is { } value)
        {
            schema.Remove(bound);
            schema[keyword] = value.DeepClone();
        }
    }

    private static void Collect(EvaluationResults results, List<string> problems)
    {
        if (results.Errors is { } errors)
        {
            foreach (var (keyword, message) in errors)
            {
                problems.Add($"{results.InstanceLocation} ({keyword}): {message}");
            }
        }

        foreach (var detail in results.Details ?? [])
        {
            Collect(detail, problems);
        }
    }
}
