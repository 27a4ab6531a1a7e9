using System.Text.Json.Nodes;

namespace JiraGate.Sandbox.Tests.Conformance;

/// <summary>xunit assertions over <see cref="ResponseSchemaValidator"/> and <see cref="FixtureShapes"/>.</summary>
internal static class ConformanceAssert
{
    /// <summary>
    /// Fails unless the body is <see cref="ValidationStatus.Valid"/> for the response the spec declares. A
    /// <see cref="ValidationStatus.NoSchema"/> outcome fails too: use <see cref="MatchesFixture"/> for those.
    /// </summary>
    /// <returns>The outcome, so a test can also look at <see cref="ValidationOutcome.Notes"/>.</returns>
    public static ValidationOutcome MatchesSpec(SpecKind spec, string method, string pathTemplate, int status, JsonNode? body)
    {
        var outcome = ResponseSchemaValidator.Validate(spec, method, pathTemplate, status, body);
        if (!outcome.IsValid)
        {
            var hint = outcome.Status == ValidationStatus.NoSchema
                ? Environment.NewLine + "  hint: the spec has no schema here; assert with ConformanceAssert.MatchesFixture instead."
                : "";
            Assert.Fail("Response does not conform to Atlassian's OpenAPI document." + Environment.NewLine + outcome + hint);
        }

        return outcome;
    }

    /// <summary>Fails when the body's shape differs from a recorded fixture (see <see cref="FixtureShapes.Check"/>).</summary>
    public static void MatchesFixture(string fixtureRelativePath, JsonNode? actual, params IEnumerable<string> ignoredPaths)
    {
        var errors = FixtureShapes.Check(fixtureRelativePath, actual, ignoredPaths);
        if (errors.Count > 0)
        {
            Assert.Fail(Describe($"fixture {fixtureRelativePath}", errors));
        }
    }

    /// <summary>
    /// Fails when the body's shape differs from the example Atlassian embeds for that response — useful where the
    /// schema declares no <c>required</c> properties (most Cloud beans) and removing a field would still validate.
    /// </summary>
    public static void MatchesExampleShape(
        SpecKind spec, string method, string pathTemplate, int status, JsonNode? actual, params IEnumerable<string> ignoredPaths)
    {
        var example = OpenApiExamples.Get(spec, method, pathTemplate, status);
        var reference = System.Text.Json.JsonElement.Parse(example?.ToJsonString() ?? "null");
        var source = $"the {OpenApiSpecs.FileName(spec)} example of {method.ToUpperInvariant()} {pathTemplate} {status}";
        var errors = FixtureShapes.Compare(
            reference, System.Text.Json.JsonElement.Parse(actual?.ToJsonString() ?? "null"), ignoredPaths, source);
        if (errors.Count > 0)
        {
            Assert.Fail(Describe(source, errors));
        }
    }

    private static string Describe(string source, IReadOnlyList<string> errors) =>
        $"Body does not have the shape of {source} ({errors.Count} difference(s)):{Environment.NewLine}  " +
        string.Join(Environment.NewLine + "  ", errors);
}
