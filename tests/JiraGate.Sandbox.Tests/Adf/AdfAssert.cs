using System.Text.Json.Nodes;
using JiraGate.Sandbox.Adf;

namespace JiraGate.Sandbox.Tests.Adf;

/// <summary>Assertions and builders shared by the ADF tests.</summary>
internal static class AdfAssert
{
    public static JsonObject Doc(params string[] blocksJson) =>
        (JsonObject)JsonNode.Parse($$"""{"type":"doc","version":1,"content":[{{string.Join(',', blocksJson)}}]}""")!;

    /// <summary>A document with one paragraph holding the given inline nodes (JSON).</summary>
    public static JsonObject Para(params string[] inlineJson) =>
        Doc($$"""{"type":"paragraph","content":[{{string.Join(',', inlineJson)}}]}""");

    public static void Valid(JsonNode? adf)
    {
        var result = AdfValidator.Instance.Validate(adf);
        Assert.True(result.IsValid, $"{result.Message}\n{adf?.ToJsonString()}");
    }

    public static void JsonEqual(JsonNode expected, JsonNode? actual) =>
        Assert.True(
            JsonNode.DeepEquals(expected, actual),
            $"expected: {expected.ToJsonString()}\nactual:   {actual?.ToJsonString()}");

    /// <summary>ADF → wiki → ADF must give the document back, and the wiki must be <paramref name="expectedWiki"/>.</summary>
    public static void RoundTrips(JsonObject adf, string? expectedWiki = null)
    {
        Valid(adf);
        var wiki = WikiMarkup.FromAdf(adf);
        if (expectedWiki is not null)
        {
            Assert.Equal(expectedWiki, wiki);
        }

        var back = WikiMarkup.ToAdf(wiki);
        Valid(back);
        Assert.True(
            JsonNode.DeepEquals(adf, back),
            $"wiki: {wiki}\nexpected: {adf.ToJsonString()}\nactual:   {back.ToJsonString()}");
    }
}
