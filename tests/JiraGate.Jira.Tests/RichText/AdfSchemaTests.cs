using System.Text.Json.Nodes;
using JiraGate.Jira.RichText;

namespace JiraGate.Jira.Tests.RichText;

/// <summary>The schema check itself: it must accept Jira's minimal document and refuse what the schema forbids.</summary>
public sealed class AdfSchemaTests
{
    [Fact]
    public void Problems_MinimalDocument_IsValid() =>
        Assert.Null(AdfSchema.Problems(JsonNode.Parse("""{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"ok"}]}]}""")!));

    [Theory]
    [InlineData("""{"type":"doc","content":[]}""")]
    [InlineData("""{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":""}]}]}""")]
    [InlineData("""{"type":"doc","version":1,"content":[{"type":"blockquote","content":[{"type":"heading","attrs":{"level":1}}]}]}""")]
    [InlineData("""{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"x","marks":[{"type":"strong"},{"type":"code"}]}]}]}""")]
    [InlineData("""{"type":"doc","version":1,"content":[{"type":"heading","attrs":{"level":7}}]}""")]
    [InlineData("""{"type":"doc","version":1,"content":[{"type":"bulletList","content":[]}]}""")]
    public void Problems_DocumentTheSchemaForbids_IsReported(string json) =>
        Assert.NotNull(AdfSchema.Problems(JsonNode.Parse(json)!));

    [Theory]
    [InlineData(2000)]
    public void FromMarkdown_DeeplyNestedInput_StaysWithinJsonDepthAndValidates(int depth)
    {
        var quotes = new string('>', depth) + " deep";
        var lists = string.Join("\n", Enumerable.Range(0, 60).Select(i => new string(' ', i * 2) + "- level " + i));
        foreach (var markdown in new[] { quotes, lists, new string('[', depth), new string('*', depth) + "x" })
        {
            var adf = AdfConverter.FromMarkdown(markdown);
            _ = JsonNode.Parse(adf.ToJsonString()); // throws beyond the default (and Jira's) JSON depth of 64
            Assert.Null(AdfSchema.Problems(adf));
            Assert.False(string.IsNullOrEmpty(AdfConverter.ToMarkdown(adf)));
        }
    }
}
