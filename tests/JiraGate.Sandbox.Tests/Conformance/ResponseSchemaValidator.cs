using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiraGate.Sandbox.Tests.Conformance;

/// <summary>
/// Validates a response body against the schema Atlassian's OpenAPI document declares for a path, method and
/// status. Only <see cref="ValidationStatus.Valid"/> is a pass; everything else explains itself in
/// <see cref="ValidationOutcome.ToString"/>.
/// </summary>
internal static class ResponseSchemaValidator
{
    private static readonly string[] PageArrayProperties = ["values", "issues"];

    /// <summary>Validates <paramref name="body"/> (null = JSON <c>null</c>).</summary>
    /// <param name="spec">Which document to use.</param>
    /// <param name="method">HTTP method, any case.</param>
    /// <param name="pathTemplate">The document's template, e.g. <c>/rest/api/3/issue/{issueIdOrKey}</c>; for
    /// <see cref="SpecKind.DataCenter"/> both <c>/rest/api/2/…</c> and <c>/api/2/…</c> are accepted.</param>
    /// <param name="status">HTTP status code of the response.</param>
    /// <param name="body">Parsed response body.</param>
    public static ValidationOutcome Validate(SpecKind spec, string method, string pathTemplate, int status, JsonNode? body) =>
        Validate(spec, method, pathTemplate, status, ToElement(body));

    /// <summary>Validates a body given as a <see cref="JsonElement"/>; see the <see cref="JsonNode"/> overload.</summary>
    public static ValidationOutcome Validate(SpecKind spec, string method, string pathTemplate, int status, JsonElement body)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(pathTemplate);
        var target = $"{method.ToUpperInvariant()} {pathTemplate}";
        var lookup = ResponseLookup.Find(spec, method, pathTemplate, status);
        if (lookup.Failure is { } failure)
        {
            return new ValidationOutcome
            {
                Status = failure.Status,
                Spec = spec,
                Target = target,
                HttpStatus = status,
                ResponseKey = lookup.ResponseKey,
                MediaType = lookup.MediaType,
                Problem = failure.Problem,
                Notes = lookup.Notes,
            };
        }

        return Evaluate(spec, target, status, lookup, body);
    }

    /// <summary>
    /// Validates an instance against a named component schema (<c>#/components/schemas/{componentName}</c>),
    /// e.g. the elements of a Data Center page whose operation references only the item bean.
    /// </summary>
    public static ValidationOutcome ValidateComponent(SpecKind spec, string componentName, JsonNode? instance)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(componentName);
        var location = "#/components/schemas/" + OpenApiSchemaConverter.EscapePointer(componentName);
        var target = "component " + componentName;
        var components = OpenApiSpecs.Root(spec).GetProperty("components").GetProperty("schemas");
        if (!components.TryGetProperty(componentName, out var schema))
        {
            return new ValidationOutcome
            {
                Status = ValidationStatus.NotInSpec,
                Spec = spec,
                Target = target,
                Problem = $"{OpenApiSpecs.FileName(spec)} has no component schema '{componentName}'.",
            };
        }

        var lookup = new ResponseLookup.Found(null, null, location, schema, []);
        return Evaluate(spec, target, 0, lookup, ToElement(instance));
    }

    private static ValidationOutcome Evaluate(SpecKind spec, string target, int status, ResponseLookup.Found lookup, JsonElement body)
    {
        var schema = lookup.Schema ?? throw new InvalidOperationException("A found response must carry its schema.");
        var location = lookup.SchemaLocation ?? throw new InvalidOperationException("A found response must carry its location.");
        var facts = SchemaFacts.Of(spec, schema, location);
        var notes = new List<string>(lookup.Notes);
        var (shape, pageProperty) = ChooseShape(spec, facts, body, notes);
        var compiled = CompiledSchemas.Get(spec, location, schema, shape, pageProperty);
        var checkedFacts = facts.Type == "array" && facts.Items is { } itemFacts ? itemFacts : facts;
        if (checkedFacts.IsOpaque)
        {
            notes.Add($"schema {checkedFacts.Name} declares nothing but its JSON type, so only the type was checked; " +
                      "compare the body with a recorded fixture (FixtureShapes) as well");
        }

        notes.AddRange(compiled.Relaxations.Select(r => "relaxed " + r));

        var errors = new List<SchemaError>(CompiledSchemas.Evaluate(compiled, body));
        errors.AddRange(CheckNotVacuous(facts, body, shape, pageProperty, location));
        return new ValidationOutcome
        {
            Status = errors.Count == 0 ? ValidationStatus.Valid : ValidationStatus.Invalid,
            Spec = spec,
            Target = target,
            HttpStatus = status,
            ResponseKey = lookup.ResponseKey,
            MediaType = lookup.MediaType,
            SchemaLocation = location,
            Errors = errors,
            Notes = notes,
        };
    }

    /// <summary>
    /// Data Center's generated document references the item bean where Jira returns an array of it, or a page
    /// (<c>{startAt, maxResults, total, isLast, values|issues: […]}</c>) of it. Detect those bodies and validate
    /// their elements against the item bean instead of letting them fail (array) or pass vacuously (page).
    /// </summary>
    private static (BodyShape Shape, string? PageProperty) ChooseShape(
        SpecKind spec, SchemaFacts facts, JsonElement body, List<string> notes)
    {
        if (spec != SpecKind.DataCenter || facts.Type == "array")
        {
            return (BodyShape.AsDeclared, null);
        }

        if (body.ValueKind == JsonValueKind.Array)
        {
            notes.Add($"relaxed Data Center defect: the operation declares the item schema {facts.Name} but the body is an array; " +
                      $"each element was validated against {facts.Name}");
            return (BodyShape.ArrayOfDeclared, null);
        }

        if (body.ValueKind == JsonValueKind.Object && facts.CanCheckDeclaredProperties && !HasAnyDeclared(body, facts))
        {
            foreach (var property in PageArrayProperties)
            {
                if (!facts.Properties.Contains(property, StringComparer.Ordinal)
                    && body.TryGetProperty(property, out var items) && items.ValueKind == JsonValueKind.Array)
                {
                    notes.Add($"relaxed Data Center defect: the operation declares the item schema {facts.Name} but the body is a page; " +
                              $"'{property}' elements were validated against {facts.Name} and startAt/maxResults/total/isLast type-checked");
                    return (BodyShape.PageOfDeclared, property);
                }
            }
        }

        return (BodyShape.AsDeclared, null);
    }

    /// <summary>
    /// Harness rule on top of the schema: an object validated against a schema that declares properties must hold at
    /// least one of them. Many schemas (all of Data Center's) declare no <c>required</c>, so without this an empty
    /// or wrongly shaped object would pass.
    /// </summary>
    private static IEnumerable<SchemaError> CheckNotVacuous(
        SchemaFacts facts, JsonElement body, BodyShape shape, string? pageProperty, string location)
    {
        var (elementFacts, targets) = shape switch
        {
            BodyShape.ArrayOfDeclared => (facts, Elements(body, "")),
            BodyShape.PageOfDeclared => (facts, Elements(body.GetProperty(pageProperty!), "/" + pageProperty)),
            _ when facts.Type == "array" && facts.Items is { } items => (items, Elements(body, "")),
            _ => (facts, new[] { ("", body) }),
        };

        if (!elementFacts.CanCheckDeclaredProperties)
        {
            yield break;
        }

        foreach (var (pointer, element) in targets)
        {
            if (element.ValueKind == JsonValueKind.Object && !HasAnyDeclared(element, elementFacts))
            {
                var declared = string.Join(", ", elementFacts.Properties.Take(12)) + (elementFacts.Properties.Count > 12 ? ", …" : "");
                yield return new SchemaError(
                    pointer,
                    "declared-properties",
                    $"none of the properties declared by {elementFacts.Name} ({declared}) is present; refusing a vacuous pass",
                    location);
            }
        }
    }

    private static (string Pointer, JsonElement Element)[] Elements(JsonElement array, string prefix) =>
        array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select((e, i) => (prefix + "/" + i.ToString(CultureInfo.InvariantCulture), e)).ToArray()
            : [];

    private static bool HasAnyDeclared(JsonElement obj, SchemaFacts facts) =>
        facts.Properties.Any(p => obj.TryGetProperty(p, out _));

    private static JsonElement ToElement(JsonNode? node) => JsonElement.Parse(node?.ToJsonString() ?? "null");
}
