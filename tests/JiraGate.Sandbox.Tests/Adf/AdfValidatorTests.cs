using System.Text.Json.Nodes;
using JiraGate.Sandbox.Adf;

namespace JiraGate.Sandbox.Tests.Adf;

public sealed class AdfValidatorTests
{
    private static readonly AdfValidator Validator = AdfValidator.Instance;

    private static JsonNode Json(string json) => JsonNode.Parse(json)!;

    [Fact]
    public void Validate_MinimalJiraDocument_IsValid()
    {
        var result = Validator.Validate(Json(
            """{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Hello"}]}]}"""));

        Assert.True(result.IsValid, result.Message);
        Assert.Null(result.Message);
    }

    [Fact]
    public void Validate_EmptyContent_IsValid()
    {
        Assert.True(Validator.Validate(Json("""{"type":"doc","version":1,"content":[]}""")).IsValid);
    }

    [Fact]
    public void Validate_RichDocument_IsValid()
    {
        var result = Validator.Validate(Json("""
            {"type":"doc","version":1,"content":[
              {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Title"}]},
              {"type":"paragraph","content":[
                {"type":"text","text":"bold link","marks":[{"type":"strong"},{"type":"link","attrs":{"href":"https://x.test"}}]},
                {"type":"hardBreak"},
                {"type":"mention","attrs":{"id":"5b10ac8d82e05b22cc7d4ef5","text":"@Ann"}},
                {"type":"text","text":"code","marks":[{"type":"code"}]}]},
              {"type":"bulletList","content":[{"type":"listItem","content":[
                {"type":"paragraph","content":[{"type":"text","text":"one"}]},
                {"type":"orderedList","content":[{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"1.1"}]}]}]}]}]},
              {"type":"codeBlock","attrs":{"language":"csharp"},"content":[{"type":"text","text":"var x = 1;"}]},
              {"type":"blockquote","content":[{"type":"paragraph","content":[{"type":"text","text":"quoted"}]}]},
              {"type":"rule"},
              {"type":"table","content":[{"type":"tableRow","content":[
                {"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"h"}]}]},
                {"type":"tableCell","content":[{"type":"paragraph","content":[]}]}]}]}]}
            """));

        Assert.True(result.IsValid, result.Message);
    }

    [Fact]
    public void Validate_PlainString_FailsWithJiraMessage()
    {
        var result = Validator.Validate(JsonValue.Create("just text"));

        Assert.False(result.IsValid);
        Assert.Equal(AdfValidator.NotADocumentMessage, result.Message);
        Assert.Equal(string.Empty, result.InstanceLocation);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("[]")]
    [InlineData("""{"type":"paragraph","content":[]}""")]
    [InlineData("""{"version":1,"content":[]}""")]
    public void Validate_NotADocument_FailsWithJiraMessage(string json)
    {
        var result = Validator.Validate(JsonNode.Parse(json));

        Assert.False(result.IsValid);
        Assert.Equal(AdfValidator.NotADocumentMessage, result.Message);
    }

    [Fact]
    public void Validate_Null_FailsWithJiraMessage()
    {
        Assert.Equal(AdfValidator.NotADocumentMessage, Validator.Validate(null).Message);
    }

    [Fact]
    public void Validate_MissingVersion_FailsAtRoot()
    {
        var result = Validator.Validate(Json("""{"type":"doc","content":[]}"""));

        Assert.False(result.IsValid);
        Assert.Equal(string.Empty, result.InstanceLocation);
        Assert.Contains("version", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WrongVersion_Fails()
    {
        var result = Validator.Validate(Json("""{"type":"doc","version":2,"content":[]}"""));

        Assert.False(result.IsValid);
        Assert.Equal("/version", result.InstanceLocation);
    }

    [Fact]
    public void Validate_UnknownNodeType_NamesTheNodeAndType()
    {
        var result = Validator.Validate(Json("""
            {"type":"doc","version":1,"content":[
              {"type":"paragraph","content":[{"type":"text","text":"fine"}]},
              {"type":"sparkle","content":[]}]}
            """));

        Assert.False(result.IsValid);
        Assert.Equal("/content/1/type", result.InstanceLocation);
        Assert.Equal("/content/1/type: \"sparkle\" is not a valid type here", result.Message);
    }

    [Fact]
    public void Validate_UnknownMark_NamesTheMark()
    {
        var result = Validator.Validate(Json("""
            {"type":"doc","version":1,"content":[{"type":"paragraph","content":[
              {"type":"text","text":"hi","marks":[{"type":"blink"}]}]}]}
            """));

        Assert.False(result.IsValid);
        Assert.Equal("/content/0/content/0/marks/0/type", result.InstanceLocation);
        Assert.Contains("\"blink\"", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MarkMissingRequiredAttrs_Fails()
    {
        var result = Validator.Validate(Json("""
            {"type":"doc","version":1,"content":[{"type":"paragraph","content":[
              {"type":"text","text":"hi","marks":[{"type":"link"}]}]}]}
            """));

        Assert.False(result.IsValid);
        Assert.StartsWith("/content/0/content/0/marks/0", result.InstanceLocation, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CodeMarkCombinedWithStrong_Fails()
    {
        var result = Validator.Validate(Json("""
            {"type":"doc","version":1,"content":[{"type":"paragraph","content":[
              {"type":"text","text":"hi","marks":[{"type":"code"},{"type":"strong"}]}]}]}
            """));

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Validate_HeadingLevelOutOfRange_ReportsTheAttribute()
    {
        var result = Validator.Validate(Json("""
            {"type":"doc","version":1,"content":[{"type":"heading","attrs":{"level":7},"content":[]}]}
            """));

        Assert.False(result.IsValid);
        Assert.Equal("/content/0/attrs/level", result.InstanceLocation);
    }

    [Fact]
    public void Validate_UnknownProperty_ReportsTheProperty()
    {
        var result = Validator.Validate(Json("""
            {"type":"doc","version":1,"content":[{"type":"paragraph","colour":"red","content":[]}]}
            """));

        Assert.False(result.IsValid);
        Assert.Equal("/content/0/colour: property \"colour\" is not allowed here", result.Message);
    }

    [Fact]
    public void Validate_EmptyTextNode_Fails()
    {
        var result = Validator.Validate(Json("""
            {"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":""}]}]}
            """));

        Assert.False(result.IsValid);
        Assert.Equal("/content/0/content/0/text", result.InstanceLocation);
    }

    [Fact]
    public void Validate_ListWithoutItems_Fails()
    {
        Assert.False(Validator.Validate(Json(
            """{"type":"doc","version":1,"content":[{"type":"bulletList","content":[]}]}""")).IsValid);
    }

    [Fact]
    public void Validate_TupleItemsInOrder_IsValid()
    {
        // mediaSingle uses draft-04 array-form "items": [media, caption]. Draft 2020-12 would reject the schema.
        var result = Validator.Validate(Json("""
            {"type":"doc","version":1,"content":[{"type":"mediaSingle","attrs":{"layout":"center"},"content":[
              {"type":"media","attrs":{"type":"file","id":"abc","collection":"c"}},
              {"type":"caption","content":[{"type":"text","text":"cap"}]}]}]}
            """));

        Assert.True(result.IsValid, result.Message);
    }

    [Fact]
    public void Validate_TupleItemsSwapped_Fails()
    {
        var result = Validator.Validate(Json("""
            {"type":"doc","version":1,"content":[{"type":"mediaSingle","attrs":{"layout":"center"},"content":[
              {"type":"caption","content":[{"type":"text","text":"cap"}]},
              {"type":"media","attrs":{"type":"file","id":"abc","collection":"c"}}]}]}
            """));

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Validate_ConcurrentCalls_GiveStableVerdicts()
    {
        var valid = Json("""{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"a"}]}]}""");
        var invalid = Json("""{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":""}]}]}""");
        var expected = Validator.Validate(invalid).Message;

        var failures = 0;
        Parallel.For(0, 200, i =>
        {
            var ok = i % 2 == 0
                ? Validator.Validate(valid).IsValid
                : Validator.Validate(invalid).Message == expected;
            if (!ok)
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
    }

    [Fact]
    public void Validate_LargeDocumentWithOneBadBlock_PointsAtThatBlock()
    {
        var content = new JsonArray();
        for (var i = 0; i < 300; i++)
        {
            content.Add(Json($$$"""
                {"type":"bulletList","content":[{"type":"listItem","content":[{"type":"paragraph","content":[
                  {"type":"text","text":"item {{{i}}}","marks":[{"type":"strong"},{"type":"link","attrs":{"href":"https://x.test"}}]}]}]}]}
                """));
        }

        content.Add(Json("""{"type":"paragraph","content":[{"type":"text","text":"x","marks":[{"type":"blink"}]}]}"""));
        var doc = new JsonObject { ["type"] = "doc", ["version"] = 1, ["content"] = content };

        var result = Validator.Validate(doc);

        Assert.Equal("/content/300/content/0/marks/0/type", result.InstanceLocation);
    }

    [Fact]
    public void Validate_DoesNotModifyTheInput()
    {
        const string Text = """{"type":"doc","version":1,"content":[{"type":"paragraph","x":1}]}""";
        var value = Json(Text);

        Validator.Validate(value);

        Assert.True(JsonNode.DeepEquals(Json(Text), value));
    }

    [Fact]
    public void LooksLikeDocument_DocObject_IsTrue()
    {
        Assert.True(AdfValidator.LooksLikeDocument(Json("""{"type":"doc"}""")));
    }

    [Theory]
    [InlineData("\"doc\"")]
    [InlineData("""{"type":"Doc"}""")]
    [InlineData("""{"type":1}""")]
    [InlineData("{}")]
    public void LooksLikeDocument_OtherValues_IsFalse(string json)
    {
        Assert.False(AdfValidator.LooksLikeDocument(JsonNode.Parse(json)));
    }

    [Fact]
    public void Instance_CalledTwice_ReturnsTheSameValidator()
    {
        Assert.Same(AdfValidator.Instance, AdfValidator.Instance);
    }
}
