using System.Text.Json.Nodes;
using JiraGate.Sandbox.Adf;

namespace JiraGate.Sandbox.Tests.Adf;

public sealed class Draft04SchemaUpgraderTests
{
    [Fact]
    public void Upgrade_Draft04Root_DeclaresDraft07()
    {
        var schema = new JsonObject { ["$schema"] = "http://json-schema.org/draft-04/schema#" };

        Draft04SchemaUpgrader.Upgrade(schema);

        Assert.Equal(Draft04SchemaUpgrader.Draft07MetaSchema, schema["$schema"]!.GetValue<string>());
    }

    [Fact]
    public void Upgrade_SchemaId_BecomesDollarId()
    {
        var schema = (JsonObject)JsonNode.Parse("""{"id":"urn:x","definitions":{"a":{"id":"#a"}}}""")!;

        Draft04SchemaUpgrader.Upgrade(schema);

        Assert.Equal("urn:x", schema["$id"]!.GetValue<string>());
        Assert.False(schema.ContainsKey("id"));
        Assert.Equal("#a", schema["definitions"]!["a"]!["$id"]!.GetValue<string>());
    }

    [Fact]
    public void Upgrade_PropertyNamedId_IsLeftAlone()
    {
        var schema = (JsonObject)JsonNode.Parse("""{"properties":{"id":{"type":"string"}}}""")!;

        Draft04SchemaUpgrader.Upgrade(schema);

        Assert.Equal("string", schema["properties"]!["id"]!["type"]!.GetValue<string>());
        Assert.False(((JsonObject)schema["properties"]!).ContainsKey("$id"));
    }

    [Fact]
    public void Upgrade_BooleanExclusiveBounds_BecomeNumeric()
    {
        var schema = (JsonObject)JsonNode.Parse("""
            {"anyOf":[{"maximum":5,"exclusiveMaximum":true},{"minimum":1,"exclusiveMinimum":false}],
             "items":[{"minimum":0,"exclusiveMinimum":true}]}
            """)!;

        Draft04SchemaUpgrader.Upgrade(schema);

        var expected = JsonNode.Parse("""
            {"$schema":"http://json-schema.org/draft-07/schema#",
             "anyOf":[{"exclusiveMaximum":5},{"minimum":1}],
             "items":[{"exclusiveMinimum":0}]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, schema), schema.ToJsonString());
    }

    [Fact]
    public void Create_UpgradedSchemaWithExclusiveBound_EnforcesIt()
    {
        // A draft-04 schema with a boolean exclusive bound would be rejected or misread by a draft-07 evaluator
        // without the upgrade; the validator's self-check needs a doc-shaped schema, so this one is ADF-like.
        var schema = (JsonObject)JsonNode.Parse("""
            {"$schema":"http://json-schema.org/draft-04/schema#","$ref":"#/definitions/doc",
             "definitions":{"doc":{"type":"object","required":["version","type","content"],
               "properties":{"type":{"enum":["doc"]},"version":{"type":"number","maximum":2,"exclusiveMaximum":true},
               "content":{"type":"array"}}}}}
            """)!;

        var validator = AdfValidator.Create(schema);

        Assert.True(validator.Validate(JsonNode.Parse("""{"type":"doc","version":1,"content":[]}""")).IsValid);
        Assert.False(validator.Validate(JsonNode.Parse("""{"type":"doc","version":2,"content":[]}""")).IsValid);
    }
}
