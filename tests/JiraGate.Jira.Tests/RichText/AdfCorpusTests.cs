using JiraGate.Jira.RichText;

namespace JiraGate.Jira.Tests.RichText;

public sealed class AdfCorpusTests
{
    public static TheoryData<int> Indexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < MarkdownCorpus.Samples.Length; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void FromMarkdown_CorpusSample_IsAFixpointThroughMarkdown(int index) =>
        AdfTestKit.AssertFixpoint(MarkdownCorpus.Samples[index]);

    [Theory]
    [MemberData(nameof(Indexes))]
    public void FromMarkdown_CorpusSample_ValidatesAgainstTheAdfSchema(int index) =>
        AdfTestKit.AssertSchemaValid(MarkdownCorpus.Samples[index]);

    [Fact]
    public void FromMarkdown_SoftBreakOption_ProducesHardBreaksThatValidate()
    {
        var adf = AdfConverter.FromMarkdown("a\nb", new AdfOptions { SoftLineBreaksAsHardBreaks = true });
        Assert.Equal("hardBreak", adf["content"]![0]!["content"]![1]!["type"]!.GetValue<string>());
        Assert.Null(AdfSchema.Problems(adf));
    }
}
