using System.Text.Json.Nodes;
using JiraGate.Sandbox.Adf;

namespace JiraGate.Sandbox.Tests.Adf;

public sealed class WikiMarkupFromAdfTests
{
    private const string Link = """{"type":"link","attrs":{"href":"https://x.test"}}""";

    private static string Text(string text, params string[] marks) =>
        marks.Length == 0
            ? $$"""{"type":"text","text":{{JsonValue.Create(text).ToJsonString()}}}"""
            : $$"""{"type":"text","text":{{JsonValue.Create(text).ToJsonString()}},"marks":[{{string.Join(',', marks)}}]}""";

    private static string Mark(string type) => $$"""{"type":"{{type}}"}""";

    [Fact]
    public void FromAdf_Null_IsEmpty()
    {
        Assert.Equal(string.Empty, WikiMarkup.FromAdf(null));
    }

    [Fact]
    public void FromAdf_JsonString_IsEscapedPlainText()
    {
        Assert.Equal(@"\*x\*", WikiMarkup.FromAdf(JsonValue.Create("*x*")));
    }

    [Fact]
    public void FromAdf_Paragraphs_AreSeparatedByABlankLine()
    {
        var doc = AdfAssert.Doc(
            $$"""{"type":"paragraph","content":[{{Text("one")}},{"type":"hardBreak"},{{Text("two")}}]}""",
            $$"""{"type":"paragraph","content":[{{Text("three")}}]}""");

        Assert.Equal("one\\\\two\n\nthree", WikiMarkup.FromAdf(doc));
    }

    [Fact]
    public void FromAdf_Marks_UseWikiMarkers()
    {
        var doc = AdfAssert.Para(
            Text("b", Mark("strong")), Text(" "), Text("i", Mark("em")), Text(" "), Text("s", Mark("strike")), Text(" "),
            Text("u", Mark("underline")), Text(" "), Text("c", Mark("code")));

        Assert.Equal("*b* _i_ -s- +u+ {{c}}", WikiMarkup.FromAdf(doc));
    }

    [Fact]
    public void FromAdf_SharedMarkAcrossNodes_KeepsOneSpan()
    {
        var doc = AdfAssert.Para(Text("bold ", Mark("strong")), Text("and em", Mark("strong"), Mark("em")));

        Assert.Equal("*bold _and em_*", WikiMarkup.FromAdf(doc));
    }

    [Fact]
    public void FromAdf_MarkInsideWord_UsesBracedForm()
    {
        var doc = AdfAssert.Para(Text("un"), Text("believ", Mark("strong")), Text("able"));

        Assert.Equal("un{*}believ{*}able", WikiMarkup.FromAdf(doc));
    }

    [Fact]
    public void FromAdf_MarkedTextWithOuterSpaces_UsesBracedForm()
    {
        var doc = AdfAssert.Para(Text("a"), Text(" b ", Mark("em")), Text("c"));

        Assert.Equal("a{_} b {_}c", WikiMarkup.FromAdf(doc));
    }

    [Fact]
    public void FromAdf_LinkWithOtherText_UsesTextAndUrl()
    {
        Assert.Equal("[docs|https://x.test]", WikiMarkup.FromAdf(AdfAssert.Para(Text("docs", Link))));
    }

    [Fact]
    public void FromAdf_LinkWhoseTextIsTheUrl_UsesBareForm()
    {
        Assert.Equal("[https://x.test]", WikiMarkup.FromAdf(AdfAssert.Para(Text("https://x.test", Link))));
    }

    [Fact]
    public void FromAdf_HrefWithDelimiters_IsPercentEncoded()
    {
        var doc = AdfAssert.Para(Text("t", """{"type":"link","attrs":{"href":"https://x.test/a|b]"}}"""));

        Assert.Equal("[t|https://x.test/a%7Cb%5D]", WikiMarkup.FromAdf(doc));
    }

    [Fact]
    public void FromAdf_Mentions_UseAccountIdOrName()
    {
        var doc = AdfAssert.Para(
            """{"type":"mention","attrs":{"id":"5b10ac8d82e05b22cc7d4ef5","text":"@Ann"}}""",
            Text(" "),
            """{"type":"mention","attrs":{"id":"557058:f58131cb-b67d-43c7-b30d-6b58d40bd077"}}""",
            Text(" "),
            """{"type":"mention","attrs":{"id":"jsmith"}}""");

        Assert.Equal(
            "[~accountid:5b10ac8d82e05b22cc7d4ef5] [~accountid:557058:f58131cb-b67d-43c7-b30d-6b58d40bd077] [~jsmith]",
            WikiMarkup.FromAdf(doc));
    }

    [Fact]
    public void FromAdf_SpecialCharacters_AreEscaped()
    {
        var doc = AdfAssert.Para(Text(@"a*b *c* {x} [y] p|q C:\dir \* &amp; -v"));

        Assert.Equal(@"a*b \*c\* \{x\} \[y\] p\|q C:\dir &#92;\* &amp;amp; \-v", WikiMarkup.FromAdf(doc));
    }

    [Theory]
    [InlineData("* not a list", @"\* not a list")]
    [InlineData("# not numbered", @"\# not numbered")]
    [InlineData("h1. not a heading", "&#104;1. not a heading")]
    [InlineData("bq. not a quote", "&#98;q. not a quote")]
    [InlineData("----", @"\-\-\-\-")]
    [InlineData("| not a table", @"\| not a table")]
    public void FromAdf_ParagraphLookingLikeABlock_IsEscaped(string text, string expected)
    {
        Assert.Equal(expected, WikiMarkup.FromAdf(AdfAssert.Para(Text(text))));
    }

    [Fact]
    public void FromAdf_Heading_UsesLevelPrefix()
    {
        var doc = AdfAssert.Doc($$"""{"type":"heading","attrs":{"level":3},"content":[{{Text("Title")}}]}""");

        Assert.Equal("h3. Title", WikiMarkup.FromAdf(doc));
    }

    [Fact]
    public void FromAdf_NestedLists_UseMarkerPrefixes()
    {
        var doc = AdfAssert.Doc($$"""
            {"type":"bulletList","content":[
              {"type":"listItem","content":[{"type":"paragraph","content":[{{Text("a")}}]},
                {"type":"orderedList","content":[{"type":"listItem","content":[{"type":"paragraph","content":[{{Text("a1")}}]}]}]}]},
              {"type":"listItem","content":[{"type":"paragraph","content":[{{Text("b")}}]}]}]}
            """);

        Assert.Equal("* a\n*# a1\n* b", WikiMarkup.FromAdf(doc));
    }

    [Fact]
    public void FromAdf_CodeBlock_UsesCodeMacro()
    {
        var doc = AdfAssert.Doc($$"""{"type":"codeBlock","attrs":{"language":"csharp"},"content":[{{Text("var x = *y*;\n{z}")}}]}""");

        Assert.Equal("{code:csharp}\nvar x = *y*;\n{z}\n{code}", WikiMarkup.FromAdf(doc));
    }

    [Fact]
    public void FromAdf_CodeContainingCodeTag_UsesNoformat()
    {
        var doc = AdfAssert.Doc($$"""{"type":"codeBlock","content":[{{Text("{code}")}}]}""");

        Assert.Equal("{noformat}\n{code}\n{noformat}", WikiMarkup.FromAdf(doc));
    }

    [Fact]
    public void FromAdf_QuoteWithOneParagraph_UsesBq()
    {
        var doc = AdfAssert.Doc($$"""{"type":"blockquote","content":[{"type":"paragraph","content":[{{Text("q")}}]}]}""");

        Assert.Equal("bq. q", WikiMarkup.FromAdf(doc));
    }

    [Fact]
    public void FromAdf_QuoteWithSeveralBlocks_UsesQuoteMacro()
    {
        var doc = AdfAssert.Doc($$"""
            {"type":"blockquote","content":[{"type":"paragraph","content":[{{Text("q")}}]},
              {"type":"bulletList","content":[{"type":"listItem","content":[{"type":"paragraph","content":[{{Text("i")}}]}]}]}]}
            """);

        Assert.Equal("{quote}\nq\n\n* i\n{quote}", WikiMarkup.FromAdf(doc));
    }

    [Fact]
    public void FromAdf_Table_UsesHeaderAndCellDelimiters()
    {
        var doc = AdfAssert.Doc($$"""
            {"type":"table","attrs":{"layout":"default"},"content":[
              {"type":"tableRow","content":[
                {"type":"tableHeader","content":[{"type":"paragraph","content":[{{Text("K")}}]}]},
                {"type":"tableHeader","content":[{"type":"paragraph","content":[{{Text("V")}}]}]}]},
              {"type":"tableRow","content":[
                {"type":"tableCell","content":[{"type":"paragraph","content":[{{Text("a|b")}}]}]},
                {"type":"tableCell","content":[{"type":"paragraph","content":[]}]}]}]}
            """);

        Assert.Equal("||K||V||\n|a\\|b| |", WikiMarkup.FromAdf(doc));
    }

    [Fact]
    public void FromAdf_Rule_IsFourDashes()
    {
        Assert.Equal("----", WikiMarkup.FromAdf(AdfAssert.Doc("""{"type":"rule"}""")));
    }

    [Fact]
    public void FromAdf_UnknownBlocks_KeepTheirText()
    {
        var doc = AdfAssert.Doc(
            $$"""{"type":"panel","attrs":{"panelType":"info"},"content":[{"type":"paragraph","content":[{{Text("*careful*", Mark("strong"))}}]}]}""",
            """{"type":"taskList","attrs":{"localId":"t"},"content":[{"type":"taskItem","attrs":{"localId":"1","state":"TODO"},"content":[{"type":"text","text":"todo"}]}]}""",
            """{"type":"somethingNew","attrs":{"text":"from the future"}}""");

        Assert.Equal(@"\*careful\*" + "\n\ntodo\n\nfrom the future", WikiMarkup.FromAdf(doc));
    }

    [Fact]
    public void FromAdf_UnknownInlineNodesAndMarks_KeepTheirText()
    {
        var doc = AdfAssert.Para(
            Text("red", """{"type":"textColor","attrs":{"color":"#ff0000"}}"""),
            Text(" "),
            """{"type":"emoji","attrs":{"shortName":":smile:"}}""",
            Text(" "),
            """{"type":"status","attrs":{"text":"DONE","color":"green"}}""",
            Text(" "),
            """{"type":"inlineCard","attrs":{"url":"https://x.test/browse/A-1"}}""");

        Assert.Equal("red :smile: DONE [https://x.test/browse/A-1]", WikiMarkup.FromAdf(doc));
    }

    [Fact]
    public void FromAdf_NewlineInText_BecomesLineBreak()
    {
        Assert.Equal(@"a\\b", WikiMarkup.FromAdf(AdfAssert.Para(Text("a\nb"))));
    }
}
