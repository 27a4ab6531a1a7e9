using System.Text.Json;
using System.Text.Json.Nodes;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira.Tests.HotPath;

/// <summary>Extension dictionaries and Issue.Fields are created on first use, yet behave as before: never null, kept, written back.</summary>
public sealed class LazyModelMembersTests
{
    [Fact]
    public void Issue_NoUnknownMembers_DictionariesEmptyNotNull()
    {
        var issue = JsonSerializer.Deserialize("""{"id":"1","key":"SEC-1","fields":{"summary":"S","status":{"id":"1","name":"Open","statusCategory":{"id":2,"key":"new"}}}}""",
            JiraJsonContext.Default.Issue)!;
        Assert.Empty(issue.AdditionalProperties);
        Assert.Empty(issue.Fields.AdditionalFields);
        Assert.Empty(issue.Fields.Status!.AdditionalProperties);
        Assert.Empty(issue.Fields.Status.StatusCategory!.AdditionalProperties);
    }

    [Fact]
    public void Issue_FieldsOmitted_FieldsIsEmptyNotNull()
    {
        var issue = JsonSerializer.Deserialize("""{"id":"1","key":"SEC-1"}""", JiraJsonContext.Default.Issue)!;
        Assert.NotNull(issue.Fields);
        Assert.Null(issue.Fields.Summary);
        Assert.NotNull(new Issue { Id = "1", Key = "SEC-1" }.Fields);
    }

    [Fact]
    public void AdditionalProperties_AddedByCaller_StaysAndIsWritten()
    {
        var issue = new Issue { Id = "1", Key = "SEC-1", Fields = new IssueFields { Summary = "S" } };
        issue.Fields.AdditionalFields["customfield_10016"] = JsonDocument.Parse("5").RootElement;
        issue.AdditionalProperties["names"] = JsonDocument.Parse("""{"summary":"Summary"}""").RootElement;

        Assert.Same(issue.AdditionalProperties, issue.AdditionalProperties);
        var written = JsonNode.Parse(JsonSerializer.Serialize(issue, JiraJsonContext.Default.Issue))!;
        Assert.Equal(5, written["fields"]!["customfield_10016"]!.GetValue<int>());
        Assert.Equal("Summary", written["names"]!["summary"]!.GetValue<string>());
    }

    [Fact]
    public void Issue_UnknownMembersAtEveryLevel_SurviveARoundTrip()
    {
        const string json = """
            {"id":"1","key":"SEC-1","extra":1,
             "fields":{"summary":"S","customfield_1":"x",
                       "status":{"id":"1","zzUntranslated":"Open","statusCategory":{"id":2,"brandNew":true}},
                       "issuetype":{"id":"10001","zzAvatar":3},"priority":{"id":"3","zzUnknown":"u"},
                       "parent":{"id":"9","key":"SEC-9","hint":true},
                       "components":[{"id":"1","zzUnknown":null}],"fixVersions":[{"id":"2","zzUnknown":10000}]}}
            """;
        var issue = JsonSerializer.Deserialize(json, JiraJsonContext.Default.Issue)!;
        Assert.Equal("Open", issue.Fields.Status!.AdditionalProperties["zzUntranslated"].GetString());
        Assert.Equal(3, issue.Fields.IssueType!.AdditionalProperties["zzAvatar"].GetInt32());
        Assert.True(issue.Fields.Parent!.AdditionalProperties["hint"].GetBoolean());
        Assert.Equal(JsonValueKind.Null, issue.Fields.Components![0].AdditionalProperties["zzUnknown"].ValueKind);

        var written = JsonSerializer.Serialize(issue, JiraJsonContext.Default.Issue);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), written);
    }
}
