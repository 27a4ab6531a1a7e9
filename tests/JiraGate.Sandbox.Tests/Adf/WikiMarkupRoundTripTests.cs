using System.Text;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Adf;

namespace JiraGate.Sandbox.Tests.Adf;

public sealed class WikiMarkupRoundTripTests
{
    private static string P(string inlines) => $$"""{"type":"paragraph","content":[{{inlines}}]}""";

    private static string T(string text, string marks = "") =>
        marks.Length == 0
            ? $$"""{"type":"text","text":{{JsonValue.Create(text).ToJsonString()}}}"""
            : $$"""{"type":"text","text":{{JsonValue.Create(text).ToJsonString()}},"marks":[{{marks}}]}""";

    private static string Li(string blocks) => $$"""{"type":"listItem","content":[{{blocks}}]}""";

    private static string Cell(string type, string inlines) => $$"""{"type":"{{type}}","content":[{{P(inlines)}}]}""";

    [Theory]
    [InlineData("""{"type":"strong"}""", "*x*")]
    [InlineData("""{"type":"em"}""", "_x_")]
    [InlineData("""{"type":"strike"}""", "-x-")]
    [InlineData("""{"type":"underline"}""", "+x+")]
    [InlineData("""{"type":"subsup","attrs":{"type":"sup"}}""", "^x^")]
    [InlineData("""{"type":"subsup","attrs":{"type":"sub"}}""", "~x~")]
    [InlineData("""{"type":"code"}""", "{{x}}")]
    [InlineData("""{"type":"link","attrs":{"href":"https://x.test"}}""", "[x|https://x.test]")]
    public void RoundTrip_SingleMark_IsLossless(string mark, string wiki)
    {
        AdfAssert.RoundTrips(AdfAssert.Doc(P(T("x", mark))), wiki);
    }

    [Fact]
    public void RoundTrip_Paragraphs_AreLossless()
    {
        AdfAssert.RoundTrips(AdfAssert.Doc(
            P(T("  leading spaces and trailing  ")),
            P(T("a") + """,{"type":"hardBreak"},""" + T("b")),
            P("""{"type":"hardBreak"}""")));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(6)]
    public void RoundTrip_Heading_IsLossless(int level)
    {
        AdfAssert.RoundTrips(
            AdfAssert.Doc($$"""{"type":"heading","attrs":{"level":{{level}}},"content":[{{T("Title ")}},{{T("x", """{"type":"em"}""")}}]}"""),
            $"h{level}. Title _x_");
    }

    [Fact]
    public void RoundTrip_EmptyHeading_IsLossless()
    {
        AdfAssert.RoundTrips(AdfAssert.Doc("""{"type":"heading","attrs":{"level":2},"content":[]}"""), "h2.");
    }

    [Fact]
    public void RoundTrip_OverlappingMarks_AreLossless()
    {
        AdfAssert.RoundTrips(AdfAssert.Para(
            T("bold ", """{"type":"strong"}"""),
            T("both", """{"type":"strong"},{"type":"em"}"""),
            T(" em", """{"type":"em"}"""),
            T("in"),
            T("word", """{"type":"strike"}"""),
            T(" "),
            T("link ", """{"type":"link","attrs":{"href":"https://x.test"}}"""),
            T("bold link", """{"type":"link","attrs":{"href":"https://x.test"}},{"type":"strong"}"""),
            T(" "),
            T("code link", """{"type":"link","attrs":{"href":"https://y.test"}},{"type":"code"}""")));
    }

    [Fact]
    public void RoundTrip_BareUrlLink_IsLossless()
    {
        AdfAssert.RoundTrips(
            AdfAssert.Para(T("https://x.test/a_b*c*", """{"type":"link","attrs":{"href":"https://x.test/a_b*c*"}}""")),
            "[https://x.test/a_b*c*]");
    }

    [Fact]
    public void RoundTrip_Mentions_AreLossless()
    {
        AdfAssert.RoundTrips(AdfAssert.Para(
            """{"type":"mention","attrs":{"id":"5b10ac8d82e05b22cc7d4ef5"}}""",
            T(" and "),
            """{"type":"mention","attrs":{"id":"jsmith"}}""",
            T("!", """{"type":"strong"}""")));
    }

    [Fact]
    public void RoundTrip_TextFullOfSyntax_IsLossless()
    {
        AdfAssert.RoundTrips(AdfAssert.Doc(
            P(T(@"*a* _b_ -c- +d+ ^e^ ~f~ {{g}} [h|i] [~j] \\ \* &amp; &#92; {code} {quote} | x-y a*b 1-2 - + ~")),
            P(T("* list")),
            P(T("# list")),
            P(T("- dash")),
            P(T("h1. heading")),
            P(T("bq. quote")),
            P(T("----")),
            P(T("||h||")),
            P(T(@"ends with \")),
            P(T("&")),
            P(T("{code:java}", """{"type":"code"}"""))));
    }

    [Fact]
    public void RoundTrip_Lists_AreLossless()
    {
        const string Strong = """{"type":"strong"}""";
        var nestedA = List("bulletList", Li(P(T("a1", Strong))), Li(P(T("a2"))));
        var nestedB = List("orderedList", Li(P(T("b1"))));
        var nestedC = List("bulletList", Li(P(T("no parent text"))));
        var bullets = List("bulletList", Li(P(T("a")) + "," + nestedA), Li(P(T("b")) + "," + nestedB), Li(nestedC));
        var numbers = List("orderedList", Li(P(T("one"))), Li(P(T("two") + ",{\"type\":\"hardBreak\"}," + T("cont"))));

        AdfAssert.RoundTrips(
            AdfAssert.Doc(bullets, numbers),
            "* a\n** *a1*\n** a2\n* b\n*# b1\n*\n** no parent text\n\n# one\n# two\\\\cont");
    }

    private static string List(string type, params string[] items) =>
        $$"""{"type":"{{type}}","content":[{{string.Join(',', items)}}]}""";

    [Fact]
    public void RoundTrip_CodeBlocks_AreLossless()
    {
        AdfAssert.RoundTrips(AdfAssert.Doc(
            $$"""{"type":"codeBlock","attrs":{"language":"java"},"content":[{{T("class A {\n  // *x* _y_ \\\\ [z]\n}\n")}}]}""",
            $$"""{"type":"codeBlock","content":[{{T("\nplain")}}]}""",
            """{"type":"codeBlock","content":[]}"""));
    }

    [Fact]
    public void RoundTrip_Quotes_AreLossless()
    {
        AdfAssert.RoundTrips(AdfAssert.Doc(
            $$"""{"type":"blockquote","content":[{{P(T("short"))}}]}""",
            $$"""{"type":"blockquote","content":[{{P(T("long"))}},{{P(T("second"))}},{"type":"codeBlock","content":[{{T("c")}}]}]}""",
            $$"""{"type":"blockquote","content":[{{P(string.Empty)}}]}"""),
            "bq. short\n\n{quote}\nlong\n\nsecond\n\n{code}\nc\n{code}\n{quote}\n\n{quote}\n\n{quote}");
    }

    [Fact]
    public void RoundTrip_Table_IsLossless()
    {
        AdfAssert.RoundTrips(AdfAssert.Doc($$"""
            {"type":"table","content":[
              {"type":"tableRow","content":[{{Cell("tableHeader", T("Key"))}},{{Cell("tableHeader", T("Value", """{"type":"em"}"""))}}]},
              {"type":"tableRow","content":[{{Cell("tableCell", T("a|b"))}},{{Cell("tableCell", T("x", """{"type":"link","attrs":{"href":"https://x.test"}}"""))}}]},
              {"type":"tableRow","content":[{{Cell("tableHeader", T("row head"))}},{{Cell("tableCell", string.Empty)}}]}]}
            """),
            "||Key||_Value_||\n|a\\|b|[x|https://x.test]|\n||row head| |");
    }

    [Fact]
    public void RoundTrip_EveryConstructTogether_IsLossless()
    {
        AdfAssert.RoundTrips(AdfAssert.Doc(
            """{"type":"heading","attrs":{"level":1},"content":[{"type":"text","text":"Release notes"}]}""",
            P(T("Ask ") + ",{\"type\":\"mention\",\"attrs\":{\"id\":\"5b10ac8d82e05b22cc7d4ef5\"}}," + T(" about ") + "," +
              T("JG-12", """{"type":"link","attrs":{"href":"https://jira.test/browse/JG-12"}}""")),
            $$"""{"type":"bulletList","content":[{{Li(P(T("fixed", """{"type":"strong"}""")))}}]}""",
            """{"type":"rule"}""",
            $$"""{"type":"codeBlock","attrs":{"language":"bash"},"content":[{{T("jiragate doctor")}}]}""",
            $$"""{"type":"blockquote","content":[{{P(T("Done."))}}]}""",
            $$"""{"type":"table","content":[{"type":"tableRow","content":[{{Cell("tableHeader", T("a"))}},{{Cell("tableCell", T("b"))}}]}]}"""));
    }

    [Fact]
    public void RoundTrip_RandomParagraphs_AreLossless()
    {
        var random = new Random(20_260_101);
        for (var i = 0; i < 500; i++)
        {
            var doc = RandomAdf.Document(random);
            AdfAssert.RoundTrips(doc);
        }
    }

    [Fact]
    public void ToAdf_RandomWiki_IsValidAndStableThroughFromAdf()
    {
        var random = new Random(7);
        for (var i = 0; i < 1_000; i++)
        {
            var wiki = RandomWiki(random);
            var adf = WikiMarkup.ToAdf(wiki);
            var result = AdfValidator.Instance.Validate(adf);
            var quoted = JsonValue.Create(wiki).ToJsonString();
            Assert.True(result.IsValid, $"{result.Message}\nwiki: {quoted}\nadf: {adf.ToJsonString()}");

            // What ToAdf produces is canonical, so it must survive ADF -> wiki -> ADF unchanged.
            var again = WikiMarkup.ToAdf(WikiMarkup.FromAdf(adf));
            Assert.True(JsonNode.DeepEquals(adf, again),
                $"wiki: {quoted}\nrewritten: {JsonValue.Create(WikiMarkup.FromAdf(adf)).ToJsonString()}\nfirst: {adf.ToJsonString()}\nagain: {again.ToJsonString()}");
        }
    }

    [Fact]
    public void ToAdf_LongLineOfUnmatchedMarkers_GivesValidAdf()
    {
        // A hostile line (a backtracking parser would stall on it); correctness only, speed is not asserted.
        var wiki = string.Concat(Enumerable.Repeat("*a [b {*}c {{d _e ", 4_000));

        var adf = WikiMarkup.ToAdf(wiki);

        AdfAssert.Valid(adf);
    }

    private static readonly string[] WikiTokens =
    [
        "a", "b", "word", " ", " ", "*", "_", "-", "+", "^", "~", "{", "}", "[", "]", "|", "\\", "&", "#", "!",
        "h1. ", "h7. ", "bq. ", "{{", "}}", "{*}", "{_}", "[~jsmith]", "[~accountid:5b10ac8d82e05b22cc7d4ef5]",
        "[x|http://y.test]", "[http://z.test]", "[|http://e.test]", "\n", "\n", "\n\n", "{code}", "{code:java}",
        "{noformat}", "{quote}", "||", "* ", "** ", "# ", "*# ", "- ", "----", "&#92;", "&amp;", "\\\\", "é", "1",
        "\t", "\\*", "\\|", "\n|", "|a|b|", "\n||h||", "[~]", "[~accountid:]", "{{a|b}}", "{color:red}", "#* ",
        "\n{code}\nx\n{code}\n", "&#104;", "h2.", "\nbq.", "[a|]", "[a|b|c]", "mailto:x@y.test", "{_}", "{-}", "  ",
    ];

    private static string RandomWiki(Random random)
    {
        var sb = new StringBuilder();
        var length = random.Next(1, 30);
        for (var i = 0; i < length; i++)
        {
            sb.Append(WikiTokens[random.Next(WikiTokens.Length)]);
        }

        return sb.ToString();
    }
}
