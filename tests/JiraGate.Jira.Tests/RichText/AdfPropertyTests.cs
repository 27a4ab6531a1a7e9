namespace JiraGate.Jira.Tests.RichText;

public sealed class AdfPropertyTests
{
    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 400; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void FromMarkdown_GeneratedDocument_IsAFixpointThroughMarkdown(int seed) =>
        AdfTestKit.AssertFixpoint(new MarkdownGenerator(seed).Document());

    [Theory]
    [MemberData(nameof(Seeds))]
    public void FromMarkdown_GeneratedDocument_ValidatesAgainstTheAdfSchema(int seed) =>
        AdfTestKit.AssertSchemaValid(new MarkdownGenerator(seed).Document());
}
