using System.Globalization;
using System.Text.Json;

namespace JiraGate.Sandbox.Tests.Conformance;

/// <summary>Finds the response schema for (spec, method, path template, status), or says precisely why not.</summary>
internal static class ResponseLookup
{
    /// <summary>Why no schema could be used.</summary>
    internal sealed record Failed(ValidationStatus Status, string Problem);

    /// <summary>What the look-up found; <see cref="Failure"/> is set when there is nothing to validate against.</summary>
    internal sealed record Found(
        string? ResponseKey,
        string? MediaType,
        string? SchemaLocation,
        JsonElement? Schema,
        IReadOnlyList<string> Notes,
        Failed? Failure = null);

    /// <summary>Looks up the response schema; never throws for unknown paths, methods or statuses.</summary>
    public static Found Find(SpecKind spec, string method, string pathTemplate, int status)
    {
        var file = OpenApiSpecs.FileName(spec);
        if (!OpenApiSpecs.TryGetPathItem(spec, pathTemplate, out var specPath, out var pathItem))
        {
            return NotInSpec($"path '{pathTemplate}'{(specPath == pathTemplate ? "" : $" (looked up as '{specPath}')")} " +
                             $"is not in {file}.{Hints(spec, pathTemplate)}");
        }

        var methodKey = method.ToLowerInvariant();
        if (!pathItem.TryGetProperty(methodKey, out var operation) || operation.ValueKind != JsonValueKind.Object)
        {
            var declared = string.Join(", ", OpenApiSpecs.MethodsOf(pathItem).Select(m => m.ToUpperInvariant()));
            return NotInSpec($"{file} declares no {method.ToUpperInvariant()} for '{specPath}' (it declares: {declared}).");
        }

        if (!operation.TryGetProperty("responses", out var responses) || responses.ValueKind != JsonValueKind.Object)
        {
            return NotInSpec($"{file} declares no responses for {method.ToUpperInvariant()} '{specPath}'.");
        }

        var notes = new List<string>();
        var key = FindResponseKey(responses, status);
        if (key is null)
        {
            var listed = string.Join(", ", responses.EnumerateObject().Select(r => r.Name));
            return NotInSpec($"{file} lists no {status} (and no default) response for {method.ToUpperInvariant()} '{specPath}'; it lists: {listed}.");
        }

        if (key == "default")
        {
            notes.Add($"status {status} is not listed; the 'default' response was used");
        }
        else if (key != status.ToString(CultureInfo.InvariantCulture))
        {
            notes.Add($"status {status} is not listed; the '{key}' range response was used");
        }

        var responseLocation = $"#/paths/{OpenApiSchemaConverter.EscapePointer(specPath)}/{methodKey}/responses/{OpenApiSchemaConverter.EscapePointer(key)}";
        var response = responses.GetProperty(key);
        if (response.TryGetProperty("$ref", out var responseRef) && responseRef.GetString() is { } target)
        {
            response = OpenApiSpecs.ResolveLocalRef(spec, target);
            responseLocation = target;
        }

        return FindMediaSchema(response, responseLocation, key, notes);
    }

    private static Found FindMediaSchema(JsonElement response, string responseLocation, string key, List<string> notes)
    {
        if (!response.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object
            || !content.EnumerateObject().Any())
        {
            return new Found(key, null, null, null, notes,
                new Failed(ValidationStatus.NoSchema, $"response '{key}' declares no content (an empty body is expected)."));
        }

        var candidates = content.EnumerateObject()
            .Select(media => (media.Name, Rank: RankMediaType(media.Name), media.Value))
            .Where(media => media.Rank >= 0)
            .OrderBy(media => media.Rank)
            .ToList();
        foreach (var (name, _, media) in candidates)
        {
            if (media.TryGetProperty("schema", out var schema))
            {
                var location = $"{responseLocation}/content/{OpenApiSchemaConverter.EscapePointer(name)}/schema";
                return new Found(key, name, location, schema, notes);
            }
        }

        var types = string.Join(", ", content.EnumerateObject().Select(media => media.Name));
        var problem = candidates.Count == 0
            ? $"response '{key}' declares no JSON media type (only: {types})."
            : $"response '{key}' declares {types} without a schema; compare the body with a recorded fixture (FixtureShapes).";
        return new Found(key, candidates.FirstOrDefault().Name, null, null, notes, new Failed(ValidationStatus.NoSchema, problem));
    }

    /// <summary>Exact status, then an OpenAPI range such as <c>2XX</c>, then <c>default</c>.</summary>
    private static string? FindResponseKey(JsonElement responses, int status)
    {
        var exact = status.ToString(CultureInfo.InvariantCulture);
        var range = (status / 100).ToString(CultureInfo.InvariantCulture) + "XX";
        var keys = responses.EnumerateObject().Select(r => r.Name).ToList();
        return keys.FirstOrDefault(k => k == exact)
            ?? keys.FirstOrDefault(k => string.Equals(k, range, StringComparison.OrdinalIgnoreCase))
            ?? keys.FirstOrDefault(k => k == "default");
    }

    /// <summary>Lower is better; -1 = not JSON.</summary>
    private static int RankMediaType(string mediaType)
    {
        var essence = mediaType.Split(';', 2)[0].Trim();
        if (essence.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return mediaType.Contains(';', StringComparison.Ordinal) ? 1 : 0;
        }

        if (essence.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        {
            return 2;
        }

        return essence == "*/*" ? 3 : -1;
    }

    private static string Hints(SpecKind spec, string pathTemplate)
    {
        var similar = OpenApiSpecs.SimilarTemplates(spec, pathTemplate);
        var hints = similar.Count > 0 ? $" Similar templates: {string.Join(", ", similar.Take(5))}." : "";
        foreach (var other in Enum.GetValues<SpecKind>().Where(other => other != spec))
        {
            if (OpenApiSpecs.TryGetPathItem(other, pathTemplate, out _, out _))
            {
                hints += $" It is declared in SpecKind.{other} ({OpenApiSpecs.FileName(other)}).";
            }
        }

        return hints;
    }

    private static Found NotInSpec(string problem) =>
        new(null, null, null, null, [], new Failed(ValidationStatus.NotInSpec, problem));
}
