using JiraGate.Sandbox.Adf;

namespace JiraGate.Sandbox.Tests.Adf;

public sealed class WikiMarkupToAdfTests
{
    private static void Converts(string wiki, string expectedDocJson)
    {
        var adf = WikiMarkup.ToAdf(wiki);
        AdfAssert.Valid(adf);
        AdfAssert.JsonEqual(System.Text.Json.Nodes.JsonNode.Parse(expectedDocJson)!, adf);
    }

    private static string Doc(string blocks) => $$"""{"type":"doc","version":1,"content":[{{blocks}}]}""";

    private static string Para(string inlines) => Doc($$"""{"type":"paragraph","content":[{{inlines}}]}""");

    [Fact]
    public void ToAdf_EmptyString_IsEmptyDocument()
    {
        Converts(string.Empty, Doc(string.Empty));
    }

    [Fact]
    public void ToAdf_Paragraphs_SplitOnBlankLinesAndBreakOnNewlines()
    {
        Converts("one\ntwo\r\n\r\nthree", Doc("""
            {"type":"paragraph","content":[{"type":"text","text":"one"},{"type":"hardBreak"},{"type":"text","text":"two"}]},
            {"type":"paragraph","content":[{"type":"text","text":"three"}]}
            """));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    public void ToAdf_Heading_HasLevel(int level)
    {
        Converts($"h{level}. Title *x*", Doc($$"""
            {"type":"heading","attrs":{"level":{{level}}},"content":[{"type":"text","text":"Title "},
              {"type":"text","text":"x","marks":[{"type":"strong"}]}]}
            """));
    }

    [Fact]
    public void ToAdf_H7_IsAParagraph()
    {
        Converts("h7. no", Para("""{"type":"text","text":"h7. no"}"""));
    }

    [Theory]
    [InlineData("*b*", "strong")]
    [InlineData("_i_", "em")]
    [InlineData("-s-", "strike")]
    [InlineData("+u+", "underline")]
    public void ToAdf_SimpleMarker_AppliesMark(string wiki, string mark)
    {
        Converts(wiki, Para($$"""{"type":"text","text":"{{wiki[1..^1]}}","marks":[{"type":"{{mark}}"}]}"""));
    }

    [Fact]
    public void ToAdf_SupAndSub_UseSubsup()
    {
        Converts("a ^up^ H{~}2{~}O", Para("""
            {"type":"text","text":"a "},{"type":"text","text":"up","marks":[{"type":"subsup","attrs":{"type":"sup"}}]},
            {"type":"text","text":" H"},{"type":"text","text":"2","marks":[{"type":"subsup","attrs":{"type":"sub"}}]},
            {"type":"text","text":"O"}
            """));
    }

    [Fact]
    public void ToAdf_NestedMarkers_CombineMarksInCanonicalOrder()
    {
        Converts("_*both*_ *bold _and em_*", Para("""
            {"type":"text","text":"both","marks":[{"type":"strong"},{"type":"em"}]},
            {"type":"text","text":" "},
            {"type":"text","text":"bold ","marks":[{"type":"strong"}]},
            {"type":"text","text":"and em","marks":[{"type":"strong"},{"type":"em"}]}
            """));
    }

    [Theory]
    [InlineData("a*b*c")]
    [InlineData("2 * 3 * 4")]
    [InlineData("*not closed")]
    [InlineData("well-known and -- dashes")]
    [InlineData("snake_case_name")]
    public void ToAdf_MarkerNotAtWordBoundary_IsLiteral(string wiki)
    {
        Converts(wiki, Para($$"""{"type":"text","text":"{{wiki}}"}"""));
    }

    [Fact]
    public void ToAdf_BracedMarker_WorksInsideWords()
    {
        Converts("un{*}believ{*}able", Para("""
            {"type":"text","text":"un"},{"type":"text","text":"believ","marks":[{"type":"strong"}]},{"type":"text","text":"able"}
            """));
    }

    [Fact]
    public void ToAdf_Monospace_IsCodeMarkWithoutFormatting()
    {
        Converts("run {{dotnet *test*}} now", Para("""
            {"type":"text","text":"run "},{"type":"text","text":"dotnet *test*","marks":[{"type":"code"}]},{"type":"text","text":" now"}
            """));
    }

    [Fact]
    public void ToAdf_MonospaceInsideBold_KeepsOnlyCode()
    {
        Converts("*{{x}}*", Para("""{"type":"text","text":"x","marks":[{"type":"code"}]}"""));
    }

    [Fact]
    public void ToAdf_LinkWithText_IsLinkMark()
    {
        Converts("see [the docs|https://x.test/a?b=1] now", Para("""
            {"type":"text","text":"see "},
            {"type":"text","text":"the docs","marks":[{"type":"link","attrs":{"href":"https://x.test/a?b=1"}}]},
            {"type":"text","text":" now"}
            """));
    }

    [Fact]
    public void ToAdf_BareLink_UsesUrlAsText()
    {
        Converts("[https://x.test/a_b_c]", Para("""
            {"type":"text","text":"https://x.test/a_b_c","marks":[{"type":"link","attrs":{"href":"https://x.test/a_b_c"}}]}
            """));
    }

    [Fact]
    public void ToAdf_LinkTextWithFormatting_CombinesMarks()
    {
        Converts("[*bold* link|https://x.test]", Para("""
            {"type":"text","text":"bold","marks":[{"type":"link","attrs":{"href":"https://x.test"}},{"type":"strong"}]},
            {"type":"text","text":" link","marks":[{"type":"link","attrs":{"href":"https://x.test"}}]}
            """));
    }

    [Fact]
    public void ToAdf_BracketsAroundNonUrl_AreLiteral()
    {
        Converts("[not a link] and [ ]", Para("""{"type":"text","text":"[not a link] and [ ]"}"""));
    }

    [Fact]
    public void ToAdf_AccountIdMention_IsMentionWithId()
    {
        Converts("hi [~accountid:5b10ac8d82e05b22cc7d4ef5]!", Para("""
            {"type":"text","text":"hi "},{"type":"mention","attrs":{"id":"5b10ac8d82e05b22cc7d4ef5"}},{"type":"text","text":"!"}
            """));
    }

    [Fact]
    public void ToAdf_UsernameMention_IsMentionWithName()
    {
        Converts("[~jsmith]", Para("""{"type":"mention","attrs":{"id":"jsmith"}}"""));
    }

    [Fact]
    public void ToAdf_DoubleBackslash_IsHardBreak()
    {
        Converts(@"a\\b", Para("""{"type":"text","text":"a"},{"type":"hardBreak"},{"type":"text","text":"b"}"""));
    }

    [Fact]
    public void ToAdf_EscapesAndEntities_AreLiteral()
    {
        Converts(@"\*a\* \[b\] \{c\} C:\path &#92;\* &amp;amp; & x",
            Para("""{"type":"text","text":"*a* [b] {c} C:\\path \\* &amp; & x"}"""));
    }

    [Fact]
    public void ToAdf_BulletList_NestsByMarkerLength()
    {
        Converts("* a\n** a1\n** a2\n* b", Doc("""
            {"type":"bulletList","content":[
              {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"a"}]},
                {"type":"bulletList","content":[
                  {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"a1"}]}]},
                  {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"a2"}]}]}]}]},
              {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"b"}]}]}]}
            """));
    }

    [Fact]
    public void ToAdf_NumberedListWithBulletSublist_MixesTypes()
    {
        Converts("# one\n#* dot\n# two", Doc("""
            {"type":"orderedList","content":[
              {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"one"}]},
                {"type":"bulletList","content":[
                  {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"dot"}]}]}]}]},
              {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"two"}]}]}]}
            """));
    }

    [Fact]
    public void ToAdf_ListStartingDeep_GetsEmptyParentItem()
    {
        Converts("## deep", Doc("""
            {"type":"orderedList","content":[{"type":"listItem","content":[
              {"type":"orderedList","content":[
                {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"deep"}]}]}]}]}]}
            """));
    }

    [Fact]
    public void ToAdf_TopLevelListTypeChange_StartsANewList()
    {
        var adf = WikiMarkup.ToAdf("* a\n# b");

        AdfAssert.Valid(adf);
        Assert.Equal(["bulletList", "orderedList"], adf["content"]!.AsArray().Select(b => b!["type"]!.GetValue<string>()));
    }

    [Fact]
    public void ToAdf_CodeWithLanguage_IsCodeBlock()
    {
        Converts("{code:java}\nint x = *1*;\n\n{code}", Doc("""
            {"type":"codeBlock","attrs":{"language":"java"},"content":[{"type":"text","text":"int x = *1*;\n"}]}
            """));
    }

    [Fact]
    public void ToAdf_CodeWithParameters_FindsLanguage()
    {
        Converts("{code:title=A.sql|language=sql}select 1{code}", Doc("""
            {"type":"codeBlock","attrs":{"language":"sql"},"content":[{"type":"text","text":"select 1"}]}
            """));
    }

    [Fact]
    public void ToAdf_CodeWithoutLanguage_HasNoAttrs()
    {
        Converts("{code}\nx\n{code}\nafter", Doc("""
            {"type":"codeBlock","content":[{"type":"text","text":"x"}]},
            {"type":"paragraph","content":[{"type":"text","text":"after"}]}
            """));
    }

    [Fact]
    public void ToAdf_EmptyCode_HasEmptyContent()
    {
        Converts("{code}{code}", Doc("""{"type":"codeBlock","content":[]}"""));
    }

    [Fact]
    public void ToAdf_Noformat_IsCodeBlock()
    {
        Converts("{noformat}\n{code}\n{noformat}", Doc("""{"type":"codeBlock","content":[{"type":"text","text":"{code}"}]}"""));
    }

    [Fact]
    public void ToAdf_QuoteMacro_HoldsBlocks()
    {
        Converts("{quote}\nfirst\n\n* item\n{quote}", Doc("""
            {"type":"blockquote","content":[
              {"type":"paragraph","content":[{"type":"text","text":"first"}]},
              {"type":"bulletList","content":[{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"item"}]}]}]}]}
            """));
    }

    [Fact]
    public void ToAdf_QuoteWithHeadingAndRule_StaysValid()
    {
        Converts("{quote}h1. Title\n----\n|a|{quote}", Doc("""
            {"type":"blockquote","content":[
              {"type":"paragraph","content":[{"type":"text","text":"Title"}]},
              {"type":"paragraph","content":[{"type":"text","text":"a"}]}]}
            """));
    }

    [Fact]
    public void ToAdf_BqLine_IsSingleParagraphQuote()
    {
        Converts("bq. quoted _text_", Doc("""
            {"type":"blockquote","content":[{"type":"paragraph","content":[
              {"type":"text","text":"quoted "},{"type":"text","text":"text","marks":[{"type":"em"}]}]}]}
            """));
    }

    [Fact]
    public void ToAdf_Table_HasHeaderAndDataRows()
    {
        Converts("||Key||Value||\n|a|[x|https://x.test]|\n| |{{p|q}}|", Doc("""
            {"type":"table","content":[
              {"type":"tableRow","content":[
                {"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"Key"}]}]},
                {"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"Value"}]}]}]},
              {"type":"tableRow","content":[
                {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"a"}]}]},
                {"type":"tableCell","content":[{"type":"paragraph","content":[
                  {"type":"text","text":"x","marks":[{"type":"link","attrs":{"href":"https://x.test"}}]}]}]}]},
              {"type":"tableRow","content":[
                {"type":"tableCell","content":[{"type":"paragraph","content":[]}]},
                {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"p|q","marks":[{"type":"code"}]}]}]}]}]}
            """));
    }

    [Fact]
    public void ToAdf_MixedTableRow_KeepsCellKinds()
    {
        Converts("||h|c|", Doc("""
            {"type":"table","content":[{"type":"tableRow","content":[
              {"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"h"}]}]},
              {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"c"}]}]}]}]}
            """));
    }

    [Fact]
    public void ToAdf_Rule_IsRuleNode()
    {
        Converts("above\n----\nbelow", Doc("""
            {"type":"paragraph","content":[{"type":"text","text":"above"}]},
            {"type":"rule"},
            {"type":"paragraph","content":[{"type":"text","text":"below"}]}
            """));
    }
}
