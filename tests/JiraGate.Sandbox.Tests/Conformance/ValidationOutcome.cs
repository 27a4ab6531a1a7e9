using System.Globalization;
using System.Text;

namespace JiraGate.Sandbox.Tests.Conformance;

/// <summary>What <see cref="ResponseSchemaValidator"/> concluded.</summary>
internal enum ValidationStatus
{
    /// <summary>The body satisfies the response schema.</summary>
    Valid,

    /// <summary>The body breaks the schema; see <see cref="ValidationOutcome.Errors"/>.</summary>
    Invalid,

    /// <summary>
    /// The operation and status exist but declare no JSON schema (no content, no JSON media type, or a media type
    /// without <c>schema</c>). Not a pass: compare the body with a recorded fixture via <see cref="FixtureShapes"/>.
    /// </summary>
    NoSchema,

    /// <summary>The path, method, status or component is not in the document; see <see cref="ValidationOutcome.Problem"/>.</summary>
    NotInSpec,
}

/// <summary>One schema violation.</summary>
/// <param name="InstanceLocation">JSON Pointer into the body (empty string = the body itself).</param>
/// <param name="Keyword">The failing JSON Schema keyword (<c>type</c>, <c>required</c>, …).</param>
/// <param name="Message">JsonSchema.Net's message.</param>
/// <param name="SchemaLocation">Where the keyword sits in the converted schema, e.g. <c>#/$defs/User/properties/active</c>.</param>
internal sealed record SchemaError(string InstanceLocation, string Keyword, string Message, string SchemaLocation)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{(InstanceLocation.Length == 0 ? "(body)" : InstanceLocation)}: [{Keyword}] {Message} (schema {SchemaLocation})";
}

/// <summary>Result of validating one response body; <see cref="ToString"/> is written for xunit failure messages.</summary>
internal sealed class ValidationOutcome
{
    private const int MaxErrorsInMessage = 100;

    public required ValidationStatus Status { get; init; }

    public required SpecKind Spec { get; init; }

    /// <summary>What was validated, e.g. <c>GET /rest/api/3/myself</c> or <c>component IssueBean</c>.</summary>
    public required string Target { get; init; }

    /// <summary>HTTP status that was looked up (0 when validating a component directly).</summary>
    public int HttpStatus { get; init; }

    /// <summary>Key of the response object used (<c>"200"</c>, <c>"2XX"</c> or <c>"default"</c>), if one was found.</summary>
    public string? ResponseKey { get; init; }

    /// <summary>True when the status was not listed and the <c>default</c> response was used instead.</summary>
    public bool UsedDefaultResponse => ResponseKey == "default";

    /// <summary>Media type whose schema was used.</summary>
    public string? MediaType { get; init; }

    /// <summary>Location of the OpenAPI schema in the document, e.g. <c>#/paths/~1rest~1api~13~1myself/get/responses/200/content/application~1json/schema</c>.</summary>
    public string? SchemaLocation { get; init; }

    /// <summary>Why the outcome is <see cref="ValidationStatus.NotInSpec"/> or <see cref="ValidationStatus.NoSchema"/>.</summary>
    public string? Problem { get; init; }

    public IReadOnlyList<SchemaError> Errors { get; init; } = [];

    /// <summary>Things a reader should know even on success: default-response fallback, spec defects relaxed.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public bool IsValid => Status == ValidationStatus.Valid;

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Status}: {Target}");
        if (HttpStatus != 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" → {HttpStatus}");
        }

        text.Append(CultureInfo.InvariantCulture, $" [{OpenApiSpecs.FileName(Spec)}]");
        if (ResponseKey is not null)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  response: {ResponseKey}{(MediaType is null ? "" : " " + MediaType)}");
        }

        if (SchemaLocation is not null)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  schema: {SchemaLocation}");
        }

        if (Problem is not null)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  problem: {Problem}");
        }

        foreach (var note in Notes)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  note: {note}");
        }

        if (Errors.Count > 0)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  {Errors.Count} error(s):");
            foreach (var error in Errors.Take(MaxErrorsInMessage))
            {
                text.AppendLine().Append("    ").Append(error);
            }

            if (Errors.Count > MaxErrorsInMessage)
            {
                text.AppendLine().Append(CultureInfo.InvariantCulture, $"    … and {Errors.Count - MaxErrorsInMessage} more");
            }
        }

        return text.ToString();
    }
}
