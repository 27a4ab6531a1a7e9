using System.Text.Json.Nodes;
using JiraGate.Sandbox.Adf;

namespace JiraGate.Sandbox.Tests.Adf;

public sealed class AdfTextTests
{
    [Fact]
    public void ToPlainText_Null_IsEmpty()
    {
        Assert.Equal(string.Empty, AdfText.ToPlainText(null));
    }

    [Fact]
    public void ToPlainText_JsonString_ReturnsTheString()
    {
        Assert.Equal("as is", AdfText.ToPlainText(JsonValue.Create("as is")));
    }

    [Fact]
    public void ToPlainText_ParagraphWithMarks_ConcatenatesText()
    {
        var doc = AdfAssert.Para(
            """{"type":"text","text":"Hello "}""",
            """{"type":"text","text":"bold","marks":[{"type":"strong"}]}""",
            """{"type":"text","text":" world"}""");

        Assert.Equal("Hello bold world", AdfText.ToPlainText(doc));
    }

    [Fact]
    public void ToPlainText_HardBreak_IsNewline()
    {
        var doc = AdfAssert.Para("""{"type":"text","text":"a"}""", """{"type":"hardBreak"}""", """{"type":"text","text":"b"}""");

        Assert.Equal("a\nb", AdfText.ToPlainText(doc));
    }

    [Fact]
    public void ToPlainText_Mentions_UseTextOrAtId()
    {
        var doc = AdfAssert.Para(
            """{"type":"mention","attrs":{"id":"5b10ac8d82e05b22cc7d4ef5","text":"@Ann Lee"}}""",
            """{"type":"text","text":" and "}""",
            """{"type":"mention","attrs":{"id":"jsmith"}}""");

        Assert.Equal("@Ann Lee and @jsmith", AdfText.ToPlainText(doc));
    }

    [Fact]
    public void ToPlainText_Paragraphs_AreSeparatedByABlankLine()
    {
        var doc = AdfAssert.Doc(
            """{"type":"paragraph","content":[{"type":"text","text":"one"}]}""",
            """{"type":"paragraph","content":[{"type":"text","text":"two"}]}""");

        Assert.Equal("one\n\ntwo", AdfText.ToPlainText(doc));
    }

    [Fact]
    public void ToPlainText_MixedBlocks_AreSeparatedByNewlines()
    {
        var doc = AdfAssert.Doc(
            """{"type":"heading","attrs":{"level":1},"content":[{"type":"text","text":"Title"}]}""",
            """
            {"type":"bulletList","content":[
              {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"a"}]},
                {"type":"orderedList","content":[{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"a1"}]}]}]}]},
              {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"b"}]}]}]}
            """,
            """{"type":"codeBlock","content":[{"type":"text","text":"x = 1\ny = 2"}]}""",
            """{"type":"blockquote","content":[{"type":"paragraph","content":[{"type":"text","text":"q"}]}]}""",
            """{"type":"rule"}""",
            """{"type":"paragraph","content":[{"type":"text","text":"end"}]}""");

        Assert.Equal("Title\na\na1\nb\nx = 1\ny = 2\nq\nend", AdfText.ToPlainText(doc));
    }

    [Fact]
    public void ToPlainText_Table_UsesTabsAndNewlines()
    {
        var doc = AdfAssert.Doc("""
            {"type":"table","content":[
              {"type":"tableRow","content":[
                {"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"Key"}]}]},
                {"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"Value"}]}]}]},
              {"type":"tableRow","content":[
                {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"a"}]}]},
                {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"1"}]}]}]}]}
            """);

        Assert.Equal("Key\tValue\na\t1", AdfText.ToPlainText(doc));
    }

    [Fact]
    public void ToPlainText_InlineExtras_UseTheirText()
    {
        var doc = AdfAssert.Para(
            """{"type":"emoji","attrs":{"shortName":":smile:","text":"😄"}}""",
            """{"type":"emoji","attrs":{"shortName":":custom:"}}""",
            """{"type":"text","text":" "}""",
            """{"type":"status","attrs":{"text":"DONE","color":"green"}}""",
            """{"type":"text","text":" "}""",
            """{"type":"date","attrs":{"timestamp":"1700000000000"}}""",
            """{"type":"text","text":" "}""",
            """{"type":"inlineCard","attrs":{"url":"https://x.test/browse/A-1"}}""");

        Assert.Equal("😄:custom: DONE 2023-11-14 https://x.test/browse/A-1", AdfText.ToPlainText(doc));
    }

    [Fact]
    public void ToPlainText_UnknownNodes_KeepTheirText()
    {
        var doc = AdfAssert.Doc(
            """{"type":"panel","attrs":{"panelType":"info"},"content":[{"type":"paragraph","content":[{"type":"text","text":"inside"}]}]}""",
            """{"type":"futureBlock","content":[{"type":"futureInline","attrs":{"text":"leaf"}}]}""");

        Assert.Equal("inside\nleaf", AdfText.ToPlainText(doc));
    }

    [Fact]
    public void ToPlainText_MalformedContent_IsTolerated()
    {
        var doc = JsonNode.Parse("""{"type":"doc","content":[1,null,"x",{"content":"nope"},{"type":"text","text":"ok"}]}""");

        Assert.Equal("ok", AdfText.ToPlainText(doc));
    }

    [Fact]
    public void FromPlainText_Empty_IsValidEmptyDocument()
    {
        var doc = AdfText.FromPlainText(string.Empty);

        AdfAssert.JsonEqual(JsonNode.Parse("""{"type":"doc","version":1,"content":[]}""")!, doc);
        AdfAssert.Valid(doc);
    }

    [Fact]
    public void FromPlainText_BlankLines_SplitParagraphs()
    {
        var doc = AdfText.FromPlainText("first line\nsecond line\n\n\nnext paragraph\r\n");

        AdfAssert.JsonEqual(
            AdfAssert.Doc(
                """{"type":"paragraph","content":[{"type":"text","text":"first line"},{"type":"hardBreak"},{"type":"text","text":"second line"}]}""",
                """{"type":"paragraph","content":[{"type":"text","text":"next paragraph"}]}"""),
            doc);
        AdfAssert.Valid(doc);
    }

    [Fact]
    public void FromPlainText_WhitespaceOnlyText_IsEmptyDocument()
    {
        var doc = AdfText.FromPlainText("  \n\t\n");

        Assert.Empty(doc["content"]!.AsArray());
        AdfAssert.Valid(doc);
    }

    [Fact]
    public void FromPlainText_WikiLookingText_StaysLiteral()
    {
        var doc = AdfText.FromPlainText("*not bold* {code}");

        AdfAssert.JsonEqual(AdfAssert.Para("""{"type":"text","text":"*not bold* {code}"}"""), doc);
    }

    [Theory]
    [InlineData("one")]
    [InlineData("line 1\nline 2")]
    [InlineData("para 1\n\npara 2\nline 2\n\npara 3")]
    [InlineData("  indented stays\n\ttab")]
    public void FromPlainText_ThenToPlainText_GivesTheTextBack(string text)
    {
        Assert.Equal(text, AdfText.ToPlainText(AdfText.FromPlainText(text)));
    }
}
