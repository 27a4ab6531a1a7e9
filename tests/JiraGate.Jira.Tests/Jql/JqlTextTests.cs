using JiraGate.Jira.Jql;

namespace JiraGate.Jira.Tests.Jql;

public sealed class JqlTextTests
{
    [Theory]
    [InlineData("SEC", "\"SEC\"")]
    [InlineData("", "\"\"")]
    [InlineData("In Progress", "\"In Progress\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData(@"C:\temp\", "\"C:\\\\temp\\\\\"")]
    [InlineData("\\\"", "\"\\\\\\\"\"")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("a\nb\rc\td", "\"a\\nb\\rc\\td\"")]
    [InlineData("\u0000\u0007\u001b\u007f\u0085\ufffe\uffff\ufdd0", "\"\\u0000\\u0007\\u001b\\u007f\\u0085\\ufffe\\uffff\\ufdd0\"")]
    [InlineData("\u2028\u2029", "\"\\u2028\\u2029\"")]
    [InlineData("and", "\"and\"")]
    [InlineData("EMPTY", "\"EMPTY\"")]
    [InlineData("order by", "\"order by\"")]
    [InlineData("+.,;?|*/%^$#@[]{}()!=<>~&-", "\"+.,;?|*/%^$#@[]{}()!=<>~&-\"")]
    [InlineData("\" OR project = HR OR summary ~ \"", "\"\\\" OR project = HR OR summary ~ \\\"\"")]
    [InlineData("\\\" or 1=1", "\"\\\\\\\" or 1=1\"")]
    [InlineData("日本語 é 😀", "\"日本語 é 😀\"")]
    public void Quote_Value_WritesJirasEscapes(string value, string expected) =>
        Assert.Equal(expected, JqlText.Quote(value));

    [Fact]
    public void Quote_UnpairedSurrogates_AreEscapedAndPairsKept()
    {
        Assert.Equal("\"\\ud800x\\udc00\"", JqlText.Quote("\ud800x\udc00"));
        Assert.Equal("\"\ud83d\ude00\"", JqlText.Quote("\ud83d\ude00"));
        Assert.Equal("\"\\udc00\ud83d\ude00\\ud83d\"", JqlText.Quote("\udc00\ud83d\ude00\ud83d"));
    }

    [Fact]
    public void Quote_Null_Throws() => Assert.Throws<ArgumentNullException>(() => JqlText.Quote(null!));

    [Theory]
    [InlineData("login", "login")]
    [InlineData("a+b", "a\\+b")]
    [InlineData("C++", "C\\+\\+")]
    [InlineData("+ - & | ! ( ) { } [ ] ^ ~ * ? \\ : \" /", "\\+ \\- \\& \\| \\! \\( \\) \\{ \\} \\[ \\] \\^ \\~ \\* \\? \\\\ \\: \\\" \\/")]
    [InlineData("cats AND dogs", "cats \\AND dogs")]
    [InlineData("OR", "\\OR")]
    [InlineData("NOT this", "\\NOT this")]
    [InlineData("(OR)", "\\(\\OR\\)")]
    [InlineData("and or not", "and or not")]
    [InlineData("ANDROID ORACLE NOTE OR", "ANDROID ORACLE NOTE \\OR")]
    public void EscapeTextSearch_Text_EscapesLuceneSyntax(string text, string expected) =>
        Assert.Equal(expected, JqlText.EscapeTextSearch(text));

    [Fact]
    public void EscapeTextSearch_ThenQuote_DoublesEachBackslash()
    {
        // Jira's documented form: a literal "[example]" search is written summary ~ "\\[example\\]".
        Assert.Equal("\"\\\\[example\\\\]\"", JqlText.Quote(JqlText.EscapeTextSearch("[example]")));
    }
}
