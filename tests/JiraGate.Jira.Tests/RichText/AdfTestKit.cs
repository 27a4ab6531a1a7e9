using System.Text.Json.Nodes;
using JiraGate.Jira.RichText;

namespace JiraGate.Jira.Tests.RichText;

internal static class AdfTestKit
{
    /// <summary>Markdown → ADF → Markdown → ADF; the two ADF documents must be equal.</summary>
    public static void AssertFixpoint(string markdown)
    {
        var first = AdfConverter.FromMarkdown(markdown);
        var rendered = AdfConverter.ToMarkdown(first);
        var second = AdfConverter.FromMarkdown(rendered);
        if (!JsonNode.DeepEquals(first, second))
        {
            Assert.Fail($"Not a fixpoint.\n--- markdown ---\n{Shorten(markdown)}\n--- rendered ---\n{Shorten(rendered)}\n" +
                        $"--- first ---\n{Shorten(first.ToJsonString())}\n--- second ---\n{Shorten(second.ToJsonString())}");
        }
    }

    public static void AssertSchemaValid(string markdown)
    {
        var adf = AdfConverter.FromMarkdown(markdown);
        var problems = AdfSchema.Problems(adf);
        Assert.True(problems is null, $"Schema problems for:\n{Shorten(markdown)}\n{problems}\n{Shorten(adf.ToJsonString())}");
    }

    public static string Shorten(string s) => s.Length <= 3000 ? s : s[..3000] + "…";
}
