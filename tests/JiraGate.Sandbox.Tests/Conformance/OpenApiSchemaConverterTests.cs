using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiraGate.Sandbox.Tests.Conformance;

public sealed class OpenApiSchemaConverterTests
{
    [Fact]
    public void Convert_NullableTypedSchema_AddsNullToTypeAndEnum()
    {
        var result = Convert("""{"type":"string","enum":["a","b"],"nullable":true}""");

        Assert.Equal("""{"type":["string","null"],"enum":["a","b",null]}""", result.Schema.ToJsonString());
    }

    [Fact]
    public void Convert_NullableUntypedSchema_WrapsInAnyOfWithNull()
    {
        var result = Convert("""{"allOf":[{"minLength":1}],"nullable":true}""");

        Assert.Equal("""{"anyOf":[{"type":"null"},{"allOf":[{"minLength":1}]}]}""", result.Schema.ToJsonString());
    }

    [Fact]
    public void Convert_OpenApiOnlyKeywords_AreDropped()
    {
        var result = Convert("""
            {"type":"object","description":"d","title":"t","example":{"a":1},"xml":{"name":"x"},"deprecated":true,
             "externalDocs":{"url":"u"},"discriminator":{"propertyName":"type"},"x-atlassian-scope":"s","readOnly":true,
             "default":{},"nullable":false}
            """);

        Assert.Equal("""{"type":"object"}""", result.Schema.ToJsonString());
    }

    [Fact]
    public void Convert_PropertiesNamedLikeKeywords_AreKept()
    {
        var result = Convert("""{"properties":{"example":{"type":"string"},"x-id":{"type":"integer","format":"int64"}}}""");

        Assert.Equal(
            """{"properties":{"example":{"type":"string"},"x-id":{"type":"integer","format":"int64"}}}""",
            result.Schema.ToJsonString());
    }

    [Fact]
    public void Convert_WriteOnlyRequiredProperty_IsNoLongerRequiredButReadOnlyIs()
    {
        var result = Convert("""
            {"required":["password","id"],
             "properties":{"password":{"type":"string","writeOnly":true},"id":{"type":"string","readOnly":true}}}
            """);

        Assert.Equal("""["id"]""", result.Schema["required"]!.ToJsonString());
    }

    [Fact]
    public void Convert_BooleanExclusiveBounds_BecomeNumericBounds()
    {
        var result = Convert("""{"type":"integer","exclusiveMinimum":true,"minimum":0,"maximum":10,"exclusiveMaximum":false}""");

        Assert.Equal("""{"type":"integer","exclusiveMinimum":0,"maximum":10}""", result.Schema.ToJsonString());
    }

    [Fact]
    public void Convert_JavaDigitClassInPattern_BecomesDotNetDigitClass()
    {
        var result = Convert("""{"type":"string","pattern":"^\\p{L}[\\p{L}\\p{Digit}_]{1,255}-\\p{Digit}{1,255}$"}""");

        Assert.Equal(@"^\p{L}[\p{L}\d_]{1,255}-\d{1,255}$", result.Schema["pattern"]!.GetValue<string>());
    }

    [Fact]
    public void Convert_UnknownKeyword_ThrowsNamingKeywordAndLocation()
    {
        var error = Assert.Throws<NotSupportedException>(() => Convert("""{"properties":{"a":{"patternProperties":{}}}}"""));

        Assert.Contains("#/test/properties/a/patternProperties", error.Message, StringComparison.Ordinal);
        Assert.Contains("'patternProperties'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_NonComponentReference_Throws()
    {
        var error = Assert.Throws<NotSupportedException>(() => Convert("""{"$ref":"other.json#/X"}"""));

        Assert.Contains("other.json#/X", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_ComponentReference_CopiesOnlyReachableComponents()
    {
        var result = Convert("""{"$ref":"#/components/schemas/CreatedIssues","description":"sibling ignored"}""");

        Assert.Equal("#/$defs/CreatedIssues", result.Schema["$ref"]!.GetValue<string>());
        Assert.Null(result.Schema["description"]);
        Assert.Equal(
            ["BulkOperationErrorResult", "CreatedIssue", "CreatedIssues", "ErrorCollection", "NestedResponse", "WarningCollection"],
            result.Components);
        Assert.Equal(result.Components, result.Schema["$defs"]!.AsObject().Select(d => d.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Convert_CyclicComponents_TerminateWithEachComponentOnce()
    {
        var result = Convert("""{"$ref":"#/components/schemas/CompoundClause"}""");

        Assert.Contains("CompoundClause", result.Components);
        Assert.Contains("JqlQueryClause", result.Components);
        Assert.Equal(result.Components.Count, result.Components.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Convert_IssueBean_CopiesAFractionOfAllComponents()
    {
        var result = Convert("""{"$ref":"#/components/schemas/IssueBean"}""");

        Assert.Contains("IssueBean", result.Components);
        Assert.Contains("Changelog", result.Components);
        Assert.True(result.Components.Count < 100, $"{result.Components.Count} components copied");
    }

    [Fact]
    public void Convert_DataCenterBareObjectValue_IsRelaxedButPlatformIsNot()
    {
        const string Schema = """{"type":"object","properties":{"fields":{"type":"object","additionalProperties":{"type":"object"}}}}""";

        var dataCenter = Convert(Schema, SpecKind.DataCenter);
        var platform = Convert(Schema, SpecKind.Platform);

        Assert.Equal("true", dataCenter.Schema["properties"]!["fields"]!["additionalProperties"]!.ToJsonString());
        Assert.Contains(dataCenter.Relaxations, r => r.StartsWith("#/test/properties/fields/additionalProperties:", StringComparison.Ordinal));
        Assert.Equal("""{"type":"object"}""", platform.Schema["properties"]!["fields"]!["additionalProperties"]!.ToJsonString());
        Assert.Empty(platform.Relaxations);
    }

    [Fact]
    public void Convert_EveryComponentSchemaOfEverySpec_Succeeds()
    {
        var converted = 0;
        foreach (var spec in Enum.GetValues<SpecKind>())
        {
            var components = OpenApiSpecs.Root(spec).GetProperty("components").GetProperty("schemas");
            foreach (var component in components.EnumerateObject())
            {
                var location = "#/components/schemas/" + component.Name;
                var result = OpenApiSchemaConverter.Convert(spec, component.Value, location);
                Assert.IsType<JsonObject>(result.Schema);
                converted++;
            }
        }

        Assert.True(converted > 1300, $"only {converted} component schemas converted");
    }

    [Theory]
    [InlineData(nameof(SpecKind.Platform))]
    [InlineData(nameof(SpecKind.Software))]
    [InlineData(nameof(SpecKind.DataCenter))]
    public void Build_EveryJsonResponseSchema_CompilesForJsonSchemaNet(string specName)
    {
        var spec = Enum.Parse<SpecKind>(specName);
        var built = 0;
        foreach (var path in OpenApiSpecs.PathTemplates(spec))
        {
            Assert.True(OpenApiSpecs.TryGetPathItem(spec, path, out _, out var pathItem));
            foreach (var method in OpenApiSpecs.MethodsOf(pathItem))
            {
                foreach (var response in pathItem.GetProperty(method).GetProperty("responses").EnumerateObject())
                {
                    var status = response.Name == "default" ? 599 : int.Parse(response.Name, System.Globalization.CultureInfo.InvariantCulture);
                    var found = ResponseLookup.Find(spec, method, path, status);
                    if (found is { Failure: null, Schema: { } schema, SchemaLocation: { } location })
                    {
                        Assert.NotNull(CompiledSchemas.Get(spec, location, schema, BodyShape.AsDeclared).Schema);
                        built++;
                    }
                }
            }
        }

        Assert.True(built > 0);
    }

    [Fact]
    public void Get_SameSchemaAndShapeTwice_ReturnsTheCachedBuild()
    {
        var found = ResponseLookup.Find(SpecKind.Platform, "GET", "/rest/api/3/myself", 200);
        var location = found.SchemaLocation!;
        var schema = found.Schema!.Value;

        var first = CompiledSchemas.Get(SpecKind.Platform, location, schema, BodyShape.AsDeclared);
        var second = CompiledSchemas.Get(SpecKind.Platform, location, schema, BodyShape.AsDeclared);
        var wrapped = CompiledSchemas.Get(SpecKind.Platform, location, schema, BodyShape.ArrayOfDeclared);

        Assert.Same(first, second);
        Assert.NotSame(first, wrapped);
        Assert.Equal(first.Components, wrapped.Components);
    }

    private static OpenApiSchemaConverter.Result Convert(string schema, SpecKind spec = SpecKind.Platform) =>
        OpenApiSchemaConverter.Convert(spec, JsonElement.Parse(schema), "#/test");
}
