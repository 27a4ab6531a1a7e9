using System.Text;

namespace JiraGate.Jira.Tests.Errors;

public sealed class JiraErrorBodyTests
{
    private static (IReadOnlyList<string> Messages, IReadOnlyDictionary<string, string> Errors) Parse(string body) =>
        JiraErrorBody.Parse(Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Parse_ErrorCollection_ReadsMessagesAndFieldErrors()
    {
        var (messages, errors) = Parse("""{"errorMessages":["Issue does not exist"],"errors":{"summary":"Field required","n":5},"status":400}""");
        Assert.Equal(["Issue does not exist"], messages);
        Assert.Equal("Field required", errors["summary"]);
        Assert.Equal("5", errors["n"]);
    }

    [Fact]
    public void Parse_AgileMessageShape_ReadsMessage() =>
        Assert.Equal(["Board does not exist"], Parse("""{"message":"Board does not exist","status-code":404}""").Messages);

    [Fact]
    public void Parse_OAuthError_ReadsDescription() =>
        Assert.Equal(["Unknown or invalid refresh token."], Parse("""{"error":"invalid_grant","error_description":"Unknown or invalid refresh token."}""").Messages);

    [Fact]
    public void Parse_Empty_GivesNothing()
    {
        var (messages, errors) = Parse("  ");
        Assert.Empty(messages);
        Assert.Empty(errors);
    }

    [Fact]
    public void Parse_HtmlPage_GivesItsTitle() =>
        Assert.Equal(["502 Bad Gateway & more"], Parse("<html><head><title> 502 Bad Gateway &amp; more </title></head><body><h1>x</h1></body></html>").Messages);

    [Fact]
    public void Parse_HtmlWithoutTitle_GivesItsText() =>
        Assert.Equal(["Rate limit exceeded Try later"], Parse("<html><body><h1>Rate limit exceeded</h1><p>Try later</p></body></html>").Messages);

    [Fact]
    public void Parse_BrokenJson_FallsBackToBoundedText()
    {
        var (messages, _) = Parse("{\"errorMessages\": [" + new string('x', 1000));
        Assert.Single(messages);
        Assert.True(messages[0].Length <= 301);
    }
}
