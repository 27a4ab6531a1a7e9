using System.Collections.Frozen;
using System.Text.Json;

namespace JiraGate.Sandbox.Tests.Conformance;

/// <summary>
/// Lazily loads the three OpenAPI documents once per test process and answers path/operation look-ups.
/// </summary>
/// <remarks>
/// Documents are exposed as <see cref="JsonDocument"/>/<see cref="JsonElement"/> rather than <c>JsonNode</c>
/// on purpose: a parsed <see cref="JsonDocument"/> is immutable and safe to read from many threads (xunit runs
/// test classes in parallel), whereas <c>JsonNode</c> materialises children lazily and is not thread-safe.
/// The documents live for the whole test process and are never disposed.
/// </remarks>
internal static class OpenApiSpecs
{
    /// <summary>HTTP methods an OpenAPI 3.0 path item can hold, in the order they are reported.</summary>
    public static readonly IReadOnlyList<string> HttpMethods =
        ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private static readonly FrozenDictionary<SpecKind, Lazy<LoadedSpec>> Specs =
        Enum.GetValues<SpecKind>().ToFrozenDictionary(
            kind => kind,
            kind => new Lazy<LoadedSpec>(() => Load(kind), LazyThreadSafetyMode.ExecutionAndPublication));

    /// <summary>File name of the document under <c>shared/reference/openapi</c>.</summary>
    public static string FileName(SpecKind spec) => spec switch
    {
        SpecKind.Platform => "jira-platform-v3.json",
        SpecKind.Software => "jira-software.json",
        SpecKind.DataCenter => "jira-software-dc-10.3-openapi.json",
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec, "Unknown spec kind."),
    };

    /// <summary>The parsed document (loaded on first use, then shared).</summary>
    public static JsonDocument Document(SpecKind spec) => Get(spec).Document;

    /// <summary>The document's root object.</summary>
    public static JsonElement Root(SpecKind spec) => Get(spec).Document.RootElement;

    /// <summary>Every path template the document declares, exactly as written in it, in document order.</summary>
    public static IReadOnlyList<string> PathTemplates(SpecKind spec) => Get(spec).PathTemplates;

    /// <summary>
    /// Maps a caller's path template to the document's spelling. For <see cref="SpecKind.DataCenter"/> a leading
    /// <c>/rest</c> is removed (<c>/rest/api/2/issue/{issueIdOrKey}</c> → <c>/api/2/issue/{issueIdOrKey}</c>);
    /// the other documents are returned unchanged.
    /// </summary>
    public static string ToSpecPath(SpecKind spec, string pathTemplate)
    {
        ArgumentNullException.ThrowIfNull(pathTemplate);
        const string RestPrefix = "/rest/";
        return spec == SpecKind.DataCenter && pathTemplate.StartsWith(RestPrefix, StringComparison.Ordinal)
            ? pathTemplate[(RestPrefix.Length - 1)..]
            : pathTemplate;
    }

    /// <summary>Finds the path item for a template (after <see cref="ToSpecPath"/>), matched exactly.</summary>
    public static bool TryGetPathItem(SpecKind spec, string pathTemplate, out string specPath, out JsonElement pathItem)
    {
        specPath = ToSpecPath(spec, pathTemplate);
        return Get(spec).Paths.TryGetValue(specPath, out pathItem);
    }

    /// <summary>Finds the operation object for a method (case-insensitive) and path template.</summary>
    public static bool TryGetOperation(SpecKind spec, string method, string pathTemplate, out JsonElement operation)
    {
        ArgumentNullException.ThrowIfNull(method);
        operation = default;
        return TryGetPathItem(spec, pathTemplate, out _, out var pathItem)
            && pathItem.TryGetProperty(method.ToLowerInvariant(), out operation)
            && operation.ValueKind == JsonValueKind.Object;
    }

    /// <summary>The HTTP methods (lower case) that a path item declares operations for.</summary>
    public static IReadOnlyList<string> MethodsOf(JsonElement pathItem) =>
        HttpMethods.Where(m => pathItem.TryGetProperty(m, out var op) && op.ValueKind == JsonValueKind.Object).ToList();

    /// <summary>
    /// Templates of <paramref name="spec"/> that a concrete path or a mistyped template could have meant: a template
    /// matches when it has the same number of segments and every literal segment is equal, or when the requested
    /// segment is itself a <c>{placeholder}</c>. Used to make "unknown path" failures actionable.
    /// </summary>
    public static IReadOnlyList<string> SimilarTemplates(SpecKind spec, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var wanted = Segments(ToSpecPath(spec, path.Split('?', 2)[0]));
        return PathTemplates(spec)
            .Where(template =>
            {
                var candidate = Segments(template);
                return candidate.Length == wanted.Length && candidate.Zip(wanted).All(pair =>
                    IsPlaceholder(pair.First) || IsPlaceholder(pair.Second)
                    || string.Equals(pair.First, pair.Second, StringComparison.Ordinal));
            })
            .ToList();
    }

    /// <summary>Resolves a local reference such as <c>#/components/schemas/IssueBean</c> inside a document.</summary>
    /// <exception cref="InvalidOperationException">The reference is not local or does not resolve.</exception>
    public static JsonElement ResolveLocalRef(SpecKind spec, string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{FileName(spec)}: only local references are supported, got '{reference}'.");
        }

        var current = Root(spec);
        foreach (var raw in reference[2..].Split('/'))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal)
                .Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                throw new InvalidOperationException($"{FileName(spec)}: reference '{reference}' does not resolve.");
            }
        }

        return current;
    }

    private static string[] Segments(string path) => path.Trim('/').Split('/');

    private static bool IsPlaceholder(string segment) =>
        segment.Length > 2 && segment[0] == '{' && segment[^1] == '}';

    private static LoadedSpec Get(SpecKind spec) =>
        Specs.TryGetValue(spec, out var lazy)
            ? lazy.Value
            : throw new ArgumentOutOfRangeException(nameof(spec), spec, "Unknown spec kind.");

    private static LoadedSpec Load(SpecKind spec)
    {
        var file = SharedReference.File("openapi/" + FileName(spec));
        JsonDocument document;
        using (var stream = File.OpenRead(file))
        {
            document = JsonDocument.Parse(stream);
        }

        var root = document.RootElement;
        if (!root.TryGetProperty("openapi", out var version) || version.GetString()?.StartsWith("3.0", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException($"{file} is not an OpenAPI 3.0.x document; the schema converter only speaks 3.0.");
        }

        if (!root.TryGetProperty("paths", out var paths) || paths.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"{file} has no 'paths' object.");
        }

        var byTemplate = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var templates = new List<string>();
        foreach (var path in paths.EnumerateObject())
        {
            byTemplate.Add(path.Name, path.Value);
            templates.Add(path.Name);
        }

        return new LoadedSpec(document, byTemplate.ToFrozenDictionary(StringComparer.Ordinal), templates);
    }

    private sealed record LoadedSpec(
        JsonDocument Document,
        FrozenDictionary<string, JsonElement> Paths,
        IReadOnlyList<string> PathTemplates);
}
