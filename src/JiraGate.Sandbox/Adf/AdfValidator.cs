using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace JiraGate.Sandbox.Adf;

/// <summary>
/// Validates Atlassian Document Format values against the official ADF JSON Schema embedded in this assembly.
/// The schema is read, upgraded from draft 04 (see <see cref="Draft04SchemaUpgrader"/>) and built once; the
/// instance is immutable afterwards, so <see cref="Instance"/> is safe to share across threads.
/// </summary>
/// <remarks>
/// A valid value costs one fail-fast evaluation. Only an invalid value pays for a detailed evaluation, and that one
/// is narrowed to the first failing top-level block (see <see cref="AdfValidationDiagnostics"/>).
/// </remarks>
internal sealed class AdfValidator
{
    /// <summary>What Jira Cloud answers when a v3 rich-text field receives something that is not a document.</summary>
    public const string NotADocumentMessage =
        "Operation value must be an Atlassian Document (see the Atlassian Document Format)";

    /// <summary>The manifest resource holding the draft-04 ADF schema (see the sandbox csproj).</summary>
    public const string SchemaResourceName = "JiraGate.Sandbox.adf-schema-full.json";

    private static readonly Uri SchemaBaseUri = new("https://jiragate.sandbox/schemas/adf-schema-full.json");
    private static readonly EvaluationOptions FailFast = new() { OutputFormat = OutputFormat.Flag };
    private static readonly EvaluationOptions Detailed = new() { OutputFormat = OutputFormat.List };

    private readonly JsonSchema _schema;

    private AdfValidator(JsonSchema schema)
    {
        _schema = schema;
    }

    /// <summary>The process-wide validator; the schema is built on first use.</summary>
    public static AdfValidator Instance => Holder.Value;

    /// <summary>True when <paramref name="value"/> is a JSON object whose <c>type</c> is <c>doc</c>.</summary>
    public static bool LooksLikeDocument(JsonNode? value) => value is JsonObject && AdfNodes.TypeOf(value) == "doc";

    /// <summary>
    /// Validates one rich-text value. Anything that is not an object with <c>type</c> <c>doc</c> fails with
    /// <see cref="NotADocumentMessage"/>, as Jira does; a document fails with the most specific schema error.
    /// </summary>
    public AdfValidationResult Validate(JsonNode? value)
    {
        if (!LooksLikeDocument(value))
        {
            return AdfValidationResult.Invalid(string.Empty, NotADocumentMessage);
        }

        var document = (JsonObject)value!;
        if (IsValid(document))
        {
            return AdfValidationResult.Valid;
        }

        return AdfValidationDiagnostics.Explain(document, IsValid, DetailedErrors);
    }

    /// <summary>Loads the embedded schema and builds a validator from it; used once by <see cref="Instance"/>.</summary>
    internal static AdfValidator Create()
    {
        using var stream = typeof(AdfValidator).Assembly.GetManifestResourceStream(SchemaResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{SchemaResourceName}' is missing.");
        var root = JsonNode.Parse(stream) as JsonObject
            ?? throw new InvalidOperationException($"The embedded resource '{SchemaResourceName}' is not a JSON object.");
        return Create(root);
    }

    /// <summary>Builds a validator from a draft-04 schema document (which is upgraded in place).</summary>
    internal static AdfValidator Create(JsonObject draft04Schema)
    {
        Draft04SchemaUpgrader.Upgrade(draft04Schema);
        using var schemaDocument = ToDocument(draft04Schema);

        // The built schema keeps the element, so it gets its own copy that outlives schemaDocument. A private
        // registry keeps the ADF schema out of JsonSchema.Net's global registry.
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var schema = JsonSchema.Build(schemaDocument.RootElement.Clone(), options, SchemaBaseUri);
        var validator = new AdfValidator(schema);
        validator.SelfCheck();
        return validator;
    }

    private bool IsValid(JsonObject document)
    {
        using var instance = ToDocument(document);
        return _schema.Evaluate(instance.RootElement, FailFast).IsValid;
    }

    private IReadOnlyList<SchemaError> DetailedErrors(JsonObject document)
    {
        using var instance = ToDocument(document);
        var results = _schema.Evaluate(instance.RootElement, Detailed);
        var errors = new List<SchemaError>();
        Collect(results, errors);
        return errors;
    }

    private static void Collect(EvaluationResults results, List<SchemaError> errors)
    {
        if (results.Errors is { } own)
        {
            foreach (var (keyword, message) in own)
            {
                errors.Add(new SchemaError(
                    results.InstanceLocation.ToString(), results.EvaluationPath.ToString(), keyword, message));
            }
        }

        if (results.Details is { } details)
        {
            foreach (var child in details)
            {
                Collect(child, errors);
            }
        }
    }

    /// <summary>Fails loudly at start-up if the upgraded schema does not accept Jira's minimal document.</summary>
    private void SelfCheck()
    {
        var minimal = AdfNodes.Doc([(JsonNode)AdfNodes.Paragraph([(JsonNode)AdfNodes.Text("ok")])]);
        var withoutVersion = new JsonObject { ["type"] = "doc", ["content"] = new JsonArray() };
        if (!IsValid(minimal) || IsValid(withoutVersion))
        {
            throw new InvalidOperationException(
                "The embedded ADF schema failed its self-check after the draft-04 upgrade.");
        }
    }

    private static JsonDocument ToDocument(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            node.WriteTo(writer);
        }

        return JsonDocument.Parse(buffer.WrittenMemory);
    }

    private static class Holder
    {
        public static readonly AdfValidator Value = Create();
    }
}

/// <summary>One leaf error of a detailed evaluation.</summary>
/// <param name="InstanceLocation">JSON Pointer into the validated value.</param>
/// <param name="EvaluationPath">JSON Pointer through the schema, <c>$ref</c> hops included.</param>
/// <param name="Keyword">The failing keyword; empty for a <c>false</c> schema.</param>
/// <param name="Message">JsonSchema.Net's message.</param>
internal sealed record SchemaError(string InstanceLocation, string EvaluationPath, string Keyword, string Message);
