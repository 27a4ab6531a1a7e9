using System.Text.Json.Nodes;
using JiraGate.Jira.RichText;

namespace JiraGate.Jira.Tests.RichText;

public sealed class AdfConverterTests
{
    private static JsonNode First(string markdown) => AdfConverter.FromMarkdown(markdown)["content"]![0]!;

    private static string Json(JsonNode? node) => node!.ToJsonString();

    [Fact]
    public void FromMarkdown_Paragraph_IsAVersionOneDoc()
    {
        var adf = AdfConverter.FromMarkdown("hello");
        Assert.Equal("""{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"hello"}]}]}""", Json(adf));
    }

    [Theory]
    [InlineData("# a", 1)]
    [InlineData("### a", 3)]
    [InlineData("###### a", 6)]
    public void FromMarkdown_Heading_KeepsTheLevel(string markdown, int level)
    {
        var heading = First(markdown);
        Assert.Equal("heading", heading["type"]!.GetValue<string>());
        Assert.Equal(level, heading["attrs"]!["level"]!.GetValue<int>());
    }

    [Fact]
    public void FromMarkdown_InlineMarks_MapToAdfMarks()
    {
        var content = First("**b** *i* ~~s~~ `c` [l](https://x.example \"t\")")["content"]!.AsArray();
        Assert.Equal("""[{"type":"strong"}]""", Json(content[0]!["marks"]));
        Assert.Equal("""[{"type":"em"}]""", Json(content[2]!["marks"]));
        Assert.Equal("""[{"type":"strike"}]""", Json(content[4]!["marks"]));
        Assert.Equal("""[{"type":"code"}]""", Json(content[6]!["marks"]));
        Assert.Equal("""[{"type":"link","attrs":{"href":"https://x.example","title":"t"}}]""", Json(content[8]!["marks"]));
    }

    [Fact]
    public void FromMarkdown_CodeInsideBold_DropsBoldBecauseTheSchemaForbidsIt()
    {
        var content = First("**a `c`**")["content"]!.AsArray();
        Assert.Equal("""{"type":"text","text":"c","marks":[{"type":"code"}]}""", Json(content[1]));
    }

    [Fact]
    public void FromMarkdown_Mention_BecomesMentionNodeWithIdAndText()
    {
        var content = First("hi @[Alice Smith](accountid:5b10ac8d82e05b22cc7d4ef5)!")["content"]!.AsArray();
        Assert.Equal("""{"type":"text","text":"hi "}""", Json(content[0]));
        Assert.Equal("""{"type":"mention","attrs":{"id":"5b10ac8d82e05b22cc7d4ef5","text":"@Alice Smith"}}""", Json(content[1]));
    }

    [Theory]
    [InlineData("a  \nb")]
    [InlineData("a\\\nb")]
    public void FromMarkdown_HardBreak_BecomesHardBreakNode(string markdown)
    {
        var content = First(markdown)["content"]!.AsArray();
        Assert.Equal("hardBreak", content[1]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void FromMarkdown_ThematicBreak_BecomesRule() => Assert.Equal("""{"type":"rule"}""", Json(First("---")));

    [Fact]
    public void FromMarkdown_OrderedList_KeepsStartAndNesting()
    {
        var list = First("3. a\n   - b");
        Assert.Equal(3, list["attrs"]!["order"]!.GetValue<int>());
        var item = list["content"]![0]!["content"]!.AsArray();
        Assert.Equal("paragraph", item[0]!["type"]!.GetValue<string>());
        Assert.Equal("bulletList", item[1]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void FromMarkdown_FencedCode_KeepsLanguageAndText()
    {
        Assert.Equal("""{"type":"codeBlock","attrs":{"language":"python"},"content":[{"type":"text","text":"print(1)\nx = 2"}]}""",
            Json(First("```python\nprint(1)\nx = 2\n```")));
    }

    [Fact]
    public void FromMarkdown_Table_HasHeaderCellsThenCells()
    {
        var table = First("| h1 | h2 |\n|---|---|\n| a | b |");
        var rows = table["content"]!.AsArray();
        Assert.Equal("tableHeader", rows[0]!["content"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("tableCell", rows[1]!["content"]![1]!["type"]!.GetValue<string>());
        Assert.Equal("b", rows[1]!["content"]![1]!["content"]![0]!["content"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void FromMarkdown_HeadingInQuote_BecomesBoldParagraph()
    {
        var quote = First("> # Title");
        Assert.Equal("""{"type":"blockquote","content":[{"type":"paragraph","content":[{"type":"text","text":"Title","marks":[{"type":"strong"}]}]}]}""", Json(quote));
    }

    [Fact]
    public void FromMarkdown_RawHtml_IsKeptAsLiteralText()
    {
        Assert.Equal("<script>x</script>", First("<script>x</script>")["content"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void ToMarkdown_EveryConstruct_RendersExpectedMarkdown()
    {
        const string markdown = "# Title\n\nSome **bold**, *em*, ~~strike~~, `code` and [a link](https://x.example).\n\n" +
                                "- one\n  - nested\n- two\n\n3. three\n4. four\n\n```js\nlet a;\n```\n\n> quoted\n\n" +
                                "| h |\n| --- |\n| c |\n\n---\n\nHi @[Ann](accountid:abc) line\\\nbreak";
        Assert.Equal(markdown, AdfConverter.ToMarkdown(AdfConverter.FromMarkdown(markdown)));
    }

    [Theory]
    [InlineData("*not em*", "\\*not em\\*")]
    [InlineData("# not heading", "\\# not heading")]
    [InlineData("1. not list", "1\\. not list")]
    [InlineData("a | b", "a \\| b")]
    [InlineData("[x](y)", "\\[x\\](y)")]
    [InlineData("<b>", "\\<b>")]
    [InlineData("&amp;", "\\&amp;")]
    [InlineData("snake_case", "snake_case")]
    public void ToMarkdown_TextWithMarkdownSyntax_IsEscaped(string text, string expected)
    {
        var adf = JsonNode.Parse($$"""{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":{{JsonValue.Create(text).ToJsonString()}}}]}]}""");
        var markdown = AdfConverter.ToMarkdown(adf);
        Assert.Equal(expected, markdown);
        Assert.Equal(text, AdfConverter.FromMarkdown(markdown)["content"]![0]!["content"]![0]!["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("\"plain v2 string *x*\"", "plain v2 string \\*x\\*")]
    [InlineData("{}", "")]
    [InlineData("[]", "")]
    [InlineData("42", "42")]
    [InlineData("""{"type":"doc"}""", "")]
    [InlineData("""{"type":"doc","content":"not an array"}""", "")]
    [InlineData("""{"type":"doc","content":[null, 1, "x", {"no":"type"}]}""", "")]
    [InlineData("""{"type":"doc","content":[{"type":"heading","content":[{"type":"text","text":"h"}]}]}""", "# h")]
    [InlineData("""{"type":"doc","content":[{"type":"heading","attrs":{"level":"9"},"content":[{"type":"text","text":"h"}]}]}""", "###### h")]
    [InlineData("""{"type":"doc","content":[{"type":"orderedList","attrs":{"order":-5},"content":[{"type":"listItem"}]}]}""", "0.")]
    [InlineData("""{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text"},{"type":"text","text":5},{"type":"mention"}]}]}""", "5@[](accountid:)")]
    [InlineData("""{"type":"doc","content":[{"type":"text","text":"inline at block level"}]}""", "inline at block level")]
    [InlineData("""{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"x","marks":[{"type":"underline"},{"type":"textColor","attrs":{"color":"#f00"}},{"type":"link"}]}]}]}""", "[x](<>)")]
    [InlineData("""{"type":"doc","content":[{"type":"codeBlock","attrs":{"language":null},"content":[{"type":"text","text":"a\r\nb"}]}]}""", "```\na\nb\n```")]
    public void ToMarkdown_OddInput_NeverThrows(string? json, string expected)
    {
        var node = json is null ? null : JsonNode.Parse(json);
        Assert.Equal(expected, AdfConverter.ToMarkdown(node));
    }

    [Fact]
    public void ToMarkdown_DeeplyNestedInput_DoesNotOverflowTheStack()
    {
        JsonNode inner = new JsonObject { ["type"] = "paragraph", ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "deep" }) };
        for (var i = 0; i < 5000; i++)
        {
            inner = new JsonObject { ["type"] = "blockquote", ["content"] = new JsonArray(inner) };
        }

        var markdown = AdfConverter.ToMarkdown(new JsonObject { ["type"] = "doc", ["content"] = new JsonArray(inner) });
        Assert.Contains("deep", markdown, StringComparison.Ordinal);
    }
}
