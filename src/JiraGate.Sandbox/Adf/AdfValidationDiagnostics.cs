using System.Globalization;
using System.Text.Json.Nodes;
using Json.Pointer;

namespace JiraGate.Sandbox.Adf;

/// <summary>
/// Turns a failed ADF validation into one short, specific message.
/// </summary>
/// <remarks>
/// <para>
/// The schema describes every node position as an <c>anyOf</c> over dozens of node schemas, so a single bad node
/// yields hundreds of errors and the literal first one usually belongs to an unrelated alternative ("required
/// property attrs" from the <c>blockCard</c> branch when the node is a paragraph). The error reported here is the
/// first, deepest error among the alternatives whose <c>type</c> matched the node; when no alternative matched,
/// it is the deepest <c>type</c> mismatch ("is not a valid type here").
/// </para>
/// <para>
/// A detailed evaluation of a large document is slow (every alternative is evaluated in full), so it is narrowed
/// first: document-level problems are looked for on the document without its content, then on the first failing
/// top-level block alone. Blocks are independent in the schema, so the verdict is the same.
/// </para>
/// </remarks>
internal static class AdfValidationDiagnostics
{
    private const string TypeEnumSuffix = "/properties/type";
    private const string AnyOfSegment = "/anyOf/";

    public static AdfValidationResult Explain(
        JsonObject document,
        Func<JsonObject, bool> isValid,
        Func<JsonObject, IReadOnlyList<SchemaError>> detailedErrors)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(isValid);
        ArgumentNullException.ThrowIfNull(detailedErrors);

        var (probe, blockIndex) = Narrow(document, isValid);
        var errors = detailedErrors(probe);
        if (errors.Count == 0)
        {
            return AdfValidationResult.Invalid(string.Empty, "The document does not match the ADF schema.");
        }

        var chosen = Choose(errors);
        var location = blockIndex is { } index ? Relocate(chosen.InstanceLocation, index) : chosen.InstanceLocation;
        var detail = Describe(chosen, probe);
        return AdfValidationResult.Invalid(location, location.Length == 0 ? detail : $"{location}: {detail}");
    }

    /// <summary>Picks the smallest document that still fails; the index says which block it kept, if any.</summary>
    private static (JsonObject Probe, int? BlockIndex) Narrow(JsonObject document, Func<JsonObject, bool> isValid)
    {
        if (document["content"] is not JsonArray blocks)
        {
            return (document, null);
        }

        var shell = WithContent(document, []);
        if (!isValid(shell))
        {
            return (shell, null);
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            var single = WithContent(document, [blocks[i]?.DeepClone()]);
            if (!isValid(single))
            {
                return (single, i);
            }
        }

        return (document, null);
    }

    private static JsonObject WithContent(JsonObject document, JsonArray content)
    {
        var copy = new JsonObject();
        foreach (var (name, value) in document)
        {
            copy[name] = name == "content" ? content : value?.DeepClone();
        }

        return copy;
    }

    /// <summary>A probe holds the failing block at <c>/content/0</c>; report it where it is in the real document.</summary>
    private static string Relocate(string location, int blockIndex)
    {
        const string Probe = "/content/0";
        if (!location.StartsWith(Probe, StringComparison.Ordinal) ||
            (location.Length > Probe.Length && location[Probe.Length] != '/'))
        {
            return location;
        }

        return "/content/" + blockIndex.ToString(CultureInfo.InvariantCulture) + location[Probe.Length..];
    }

    internal static SchemaError Choose(IReadOnlyList<SchemaError> errors)
    {
        // An alternative whose "type" enum failed is the wrong schema for that node: its other errors are noise.
        var rejectedBranches = new List<string>();
        foreach (var error in errors)
        {
            if (IsTypeMismatch(error) && BranchOf(error.EvaluationPath) is { } branch)
            {
                rejectedBranches.Add(branch);
            }
        }

        var relevant = errors.Where(e => !rejectedBranches.Exists(b => IsWithin(e.EvaluationPath, b))).ToList();
        if (relevant.Count == 0)
        {
            relevant = errors.Where(IsTypeMismatch).ToList();
        }

        if (relevant.Count == 0)
        {
            relevant = [.. errors];
        }

        // MaxBy keeps the first of equally deep errors, i.e. the first in evaluation order.
        return relevant.MaxBy(e => Depth(e.InstanceLocation))!;
    }

    private static bool IsTypeMismatch(SchemaError error) =>
        error.Keyword == "enum" && error.EvaluationPath.EndsWith(TypeEnumSuffix, StringComparison.Ordinal);

    /// <summary>The evaluation path up to and including the innermost <c>anyOf/N</c>, or null when there is none.</summary>
    private static string? BranchOf(string evaluationPath)
    {
        var at = evaluationPath.LastIndexOf(AnyOfSegment, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var end = evaluationPath.IndexOf('/', at + AnyOfSegment.Length);
        return end < 0 ? evaluationPath : evaluationPath[..end];
    }

    private static bool IsWithin(string path, string prefix) =>
        path.StartsWith(prefix, StringComparison.Ordinal) &&
        (path.Length == prefix.Length || path[prefix.Length] == '/');

    private static int Depth(string pointer) => pointer.Count(c => c == '/');

    private static string Describe(SchemaError error, JsonObject probe)
    {
        if (IsTypeMismatch(error))
        {
            return $"{ValueAt(probe, error.InstanceLocation)} is not a valid type here";
        }

        if (error.Keyword == "enum")
        {
            return $"{error.Message} (got {ValueAt(probe, error.InstanceLocation)})";
        }

        if (error.EvaluationPath.EndsWith("/additionalProperties", StringComparison.Ordinal) &&
            error.InstanceLocation.LastIndexOf('/') is var slash and >= 0)
        {
            // RFC 6901: "~1" encodes "/" and "~0" encodes "~" (in that order when decoding).
            var name = error.InstanceLocation[(slash + 1)..].Replace("~1", "/", StringComparison.Ordinal)
                .Replace("~0", "~", StringComparison.Ordinal);
            return $"property \"{name}\" is not allowed here";
        }

        return error.Message;
    }

    private static string ValueAt(JsonObject probe, string location) =>
        JsonPointer.TryParse(location, out var pointer) && pointer.TryEvaluate(probe, out var value)
            ? value?.ToJsonString() ?? "null"
            : "the value";
}
