using System.Text.Json;
using System.Text.Json.Nodes;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira.Tests.Models;

public sealed class ModelSerializationTests
{
    private const string IssueJson = """
        {"expand":"names","id":"10001","key":"SEC-1","self":"https://acme.atlassian.net/rest/api/3/issue/10001",
         "fields":{"summary":"S","customfield_10016":5,"customfield_10020":[{"id":1,"name":"Sprint 1"}],
                   "description":{"type":"doc","version":1,"content":[]},
                   "created":"2026-01-17T12:34:00.000+0000","duedate":"2026-02-01",
                   "status":{"id":"1","name":"Open","statusCategory":{"id":2,"key":"new","brandNew":true}}},
         "names":{"summary":"Summary"},"renderedFields":{"summary":"S"}}
        """;

    [Fact]
    public void Issue_CustomAndUnknownProperties_SurviveAReadWriteRoundTrip()
    {
        var issue = JsonSerializer.Deserialize(IssueJson, JiraJsonContext.Default.Issue)!;
        Assert.Equal(5, issue.Fields.AdditionalFields["customfield_10016"].GetInt32());
        Assert.True(issue.Fields.Status!.StatusCategory!.AdditionalProperties["brandNew"].GetBoolean());
        Assert.Equal(new DateTimeOffset(2026, 1, 17, 12, 34, 0, TimeSpan.Zero), issue.Fields.Created);
        Assert.Equal(new DateOnly(2026, 2, 1), issue.Fields.DueDate);

        var written = JsonSerializer.Serialize(issue, JiraJsonContext.Default.Issue);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(IssueJson), JsonNode.Parse(written)), written);
    }

    [Theory]
    [InlineData("2026-01-17T12:34:00.000+0000", 0)]
    [InlineData("2026-01-17T14:34:00.000+0200", 2)]
    [InlineData("2026-01-17T12:34:00Z", 0)]
    [InlineData("2026-01-17T07:34:00.000-05:00", -5)]
    public void JiraDateTime_ReadsJiraAndIsoForms(string text, int offsetHours)
    {
        Assert.True(JiraDateTimeConverter.TryParse(text, out var value));
        Assert.Equal(new DateTimeOffset(2026, 1, 17, 12, 34, 0, TimeSpan.Zero), value.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(offsetHours), value.Offset);
    }

    [Fact]
    public void JiraDateTime_WritesJiraForm() =>
        Assert.Equal("2026-01-17T12:34:00.000+0000", JiraDateTimeConverter.Format(new DateTimeOffset(2026, 1, 17, 12, 34, 0, TimeSpan.Zero)));

    [Fact]
    public void EveryPublicModel_IsSealedAndInTheJsonContext()
    {
        var models = typeof(Issue).Assembly.GetExportedTypes().Where(t => t.Namespace == typeof(Issue).Namespace).ToList();
        Assert.NotEmpty(models);
        Assert.All(models, t =>
        {
            Assert.True(t.IsSealed, t.Name + " must be sealed");
            Assert.NotNull(JiraJsonContext.Default.GetTypeInfo(t));
        });
    }
}
