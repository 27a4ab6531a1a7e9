using JiraGate.Jira.RichText;

namespace JiraGate.Jira.Tests.RichText;

public sealed class WikiMarkupConverterTests
{
    [Theory]
    [InlineData("# Title", "h1. Title")]
    [InlineData("###### Six", "h6. Six")]
    [InlineData("**bold** *italic* ~~strike~~ `code`", "*bold* _italic_ -strike- {{code}}")]
    [InlineData("[text](https://x.example/a)", "[text|https://x.example/a]")]
    [InlineData("- a\n  - b\n- c", "* a\n** b\n* c")]
    [InlineData("1. a\n   1. b\n   2. c", "# a\n## b\n## c")]
    [InlineData("- a\n  1. b", "* a\n*# b")]
    [InlineData("```java\nint x;\n```", "{code:java}\nint x;\n{code}")]
    [InlineData("```\nplain\n```", "{code}\nplain\n{code}")]
    [InlineData("> quoted\n>\n> - item", "{quote}\nquoted\n\n* item\n{quote}")]
    [InlineData("| h1 | h2 |\n| --- | --- |\n| a | b |", "||h1||h2||\n|a|b|")]
    [InlineData("@[5b10ac8d82e05b22cc7d4ef5](accountid:5b10ac8d82e05b22cc7d4ef5)", "[~accountid:5b10ac8d82e05b22cc7d4ef5]")]
    [InlineData("@[alice](user:alice)", "[~alice]")]
    [InlineData("a\\\nb", "a\\\\b")]
    [InlineData("---", "----")]
    [InlineData("a **b**c", "a *b{*}c")]
    public void FromMarkdown_Construct_ProducesWikiMarkup(string markdown, string wiki) =>
        Assert.Equal(wiki, WikiMarkupConverter.FromMarkdown(markdown));

    [Theory]
    [InlineData("h2. Title", "## Title")]
    [InlineData("*bold* _italic_ -strike- {{code}}", "**bold** *italic* ~~strike~~ `code`")]
    [InlineData("{*}in{*}word and mid{_}dle{_}", "**in**word and mid*dle*")]
    [InlineData("[https://x.example]", "[https://x.example](https://x.example)")]
    [InlineData("- dash bullet\n- two", "- dash bullet\n- two")]
    [InlineData("# one\n#* bullet in ordered", "1. one\n   - bullet in ordered")]
    [InlineData("{noformat}\nraw *text*\n{noformat}", "```\nraw *text*\n```")]
    [InlineData("{code:title=Foo.java|language=java}\nclass Foo {}\n{code}", "```java\nclass Foo {}\n```")]
    [InlineData("bq. a quote", "> a quote")]
    [InlineData("line one\nline two", "line one\\\nline two")]
    [InlineData("||h||\n|c|", "| h |\n| --- |\n| c |")]
    [InlineData("[~accountid:abc] and [~bob]", "@[abc](accountid:abc) and @[bob](user:bob)")]
    [InlineData("+under+ ^sup^ ~sub~", "under sup sub")]
    [InlineData("{panel:title=Note}inside{panel}", "{panel:title=Note}inside{panel}")]
    [InlineData("AT&amp;T &lt;b&gt; &#92;", "AT\\&T \\<b> \\\\")]
    [InlineData("", "")]
    public void ToMarkdown_WikiConstruct_ProducesMarkdown(string wiki, string markdown) =>
        Assert.Equal(markdown, WikiMarkupConverter.ToMarkdown(wiki));

    [Theory]
    [InlineData("*")]
    [InlineData("_a_ *b* -c- +d+ ^e^ ~f~ ??g??")]
    [InlineData("{braces} [brackets] |pipes| !bang!")]
    [InlineData("back\\slash and \\\\ two")]
    [InlineData("h1. not a heading")]
    [InlineData("bq. not a quote")]
    [InlineData("# not a list")]
    [InlineData("---- not a rule")]
    [InlineData("a-b snake_case well-known")]
    [InlineData("&amp; &#92; &copy;")]
    [InlineData("😀 日本 ✓")]
    public void FromMarkdown_HostileText_ComesBackAsTheSameText(string text)
    {
        var markdown = AdfConverter.ToMarkdown(System.Text.Json.Nodes.JsonNode.Parse(
            $$"""{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":{{System.Text.Json.Nodes.JsonValue.Create(text).ToJsonString()}}}]}]}"""));
        var back = WikiMarkupConverter.ToMarkdown(WikiMarkupConverter.FromMarkdown(markdown));
        Assert.Equal(markdown, back);
    }

    [Theory]
    [InlineData("[")]
    [InlineData("{{")]
    [InlineData("{{}}")]
    [InlineData("{code}")]
    [InlineData("{quote}")]
    [InlineData("|")]
    [InlineData("||")]
    [InlineData("| |")]
    [InlineData("[~]")]
    [InlineData("[|]")]
    [InlineData("{*}")]
    [InlineData("*_-+^~")]
    [InlineData("&#99999999; &#x110000; &bogus;")]
    [InlineData("\\")]
    [InlineData("h7. x")]
    [InlineData("#* x\n*# y\n### z")]
    public void ToMarkdown_MalformedWiki_NeverThrowsAndKeepsText(string wiki)
    {
        wiki = wiki.Replace("\\n", "\n", StringComparison.Ordinal);
        var markdown = WikiMarkupConverter.ToMarkdown(wiki);
        Assert.NotNull(markdown);
        Assert.Null(AdfSchema.Problems(AdfConverter.FromMarkdown(markdown + "\n\nend")));
    }

    [Fact]
    public void ToMarkdown_DeeplyNestedWikiList_KeepsTheText()
    {
        var markdown = WikiMarkupConverter.ToMarkdown(new string('*', 3000) + " deep item");
        Assert.Contains("deep item", markdown, StringComparison.Ordinal);
    }

    public static TheoryData<string> Canonical() =>
    [
        "# Title\n\nSome **bold**, *em*, ~~strike~~, `code` and [a link](https://x.example).",
        "- one\n  - nested\n    1. deep\n- two\n\n1. three\n2. four",
        "```js\nlet a = {x};\n```\n\n```\n```",
        "> quoted\n>\n> - in quote\n> - second\n>\n> ```sh\n> ls\n> ```",
        "| h | i |\n| --- | --- |\n| **c** | `d` |\n| [e](https://e.example) | @[id1](accountid:id1) |",
        "---\n\nHi @[abc](accountid:abc) and @[bob](user:bob) line\\\nbreak",
        "## Heading with *em* and `code`",
        "a **b**c *d*e ~~f~~g and **a `x` b**",
        "- a\n- b\n\n* c",
    ];

    [Theory]
    [MemberData(nameof(Canonical))]
    public void ToMarkdown_OfFromMarkdown_IsLosslessForSupportedConstructs(string markdown)
    {
        var wiki = WikiMarkupConverter.FromMarkdown(markdown);
        Assert.Equal(markdown, WikiMarkupConverter.ToMarkdown(wiki));
    }

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 300; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ToMarkdown_OfFromMarkdown_GeneratedDocumentRoundTrips(int seed)
    {
        // The generator's wiki-safe mode keeps to what wiki markup can carry: ordered lists start at 1,
        // mentions are labelled with their id, list items are single lines.
        var markdown = AdfConverter.ToMarkdown(AdfConverter.FromMarkdown(new MarkdownGenerator(seed, wikiSafe: true).Document()));
        var wiki = WikiMarkupConverter.FromMarkdown(markdown);
        var back = WikiMarkupConverter.ToMarkdown(wiki);
        Assert.True(markdown == back, $"--- markdown ---\n{markdown}\n--- wiki ---\n{wiki}\n--- back ---\n{back}");
    }
}
