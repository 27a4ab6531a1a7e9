using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira.Tests.HotPath;

/// <summary>
/// The issue's compact storage is invisible: id and key stay required, <c>self</c> in any form reads and writes back
/// exactly, and the rarely asked fields kept apart read, write, clear and stay null like the others.
/// </summary>
public sealed class IssueLayoutTests
{
    [Theory]
    [InlineData("""{"key":"SEC-1"}""", "'id'")]
    [InlineData("""{"id":"1"}""", "'key'")]
    [InlineData("""{"id":null,"key":"SEC-1"}""", "'id'")]
    public void Read_IdOrKeyMissing_ThrowsJsonExceptionNamingIt(string json, string missing)
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, JiraJsonContext.Default.Issue));
        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://x.example/rest/api/3/issue/10001")]
    [InlineData("https://x.example/rest/api/3/issue/10001/")]
    [InlineData("https://x.example/rest/api/3/issue/SEC-1")]
    [InlineData("https://x.example/rest/api/3/issue/99999")]
    [InlineData("/rest/api/2/issue/10001")]
    [InlineData("10001")]
    [InlineData("https://x.example/caf\u00e9/issue/10001")]
    [InlineData("")]
    public void Read_AnySelfInOrOutOfAScope_WritesBackExactlyAndMakesTheSameUri(string self)
    {
        var json = "{\"id\":\"10001\",\"self\":" + JsonSerializer.Serialize(self, JiraJsonContext.Default.String) + ",\"key\":\"SEC-1\"}";
        var body = Encoding.UTF8.GetBytes(json);
        Issue scoped;
        using (RepeatedValues.Enter(body))
        {
            scoped = JsonSerializer.Deserialize(body, JiraJsonContext.Default.Issue)!;
        }
        var plain = JsonSerializer.Deserialize(body, JiraJsonContext.Default.Issue)!;

        foreach (var issue in new[] { scoped, plain })
        {
            var written = JsonNode.Parse(JsonSerializer.Serialize(issue, JiraJsonContext.Default.Issue))!;
            Assert.Equal(self, written["self"]!.GetValue<string>());
            Assert.Equal(Uri.TryCreate(self, UriKind.RelativeOrAbsolute, out var uri) ? uri : null, issue.Self);
        }
    }

    [Fact]
    public void Read_SelfEscapedOrNull_ReadAsSent()
    {
        var escaped = JsonSerializer.Deserialize("""{"id":"1","key":"K-1","self":"https:\/\/x.example\/issue\/1"}""", JiraJsonContext.Default.Issue)!;
        Assert.Equal("https://x.example/issue/1", escaped.Self!.OriginalString);

        var none = JsonSerializer.Deserialize("""{"id":"1","key":"K-1","self":null}""", JiraJsonContext.Default.Issue)!;
        Assert.Null(none.Self);
        Assert.DoesNotContain("self", JsonSerializer.Serialize(none, JiraJsonContext.Default.Issue), StringComparison.Ordinal);
    }

    [Fact]
    public void RareFields_ReadSetClearedAndExplicitNulls_BehaveAsPlainProperties()
    {
        const string Json = """
            {"summary":"S","description":null,"resolution":null,"labels":["a","b"],"created":"2026-01-17T12:34:00.000+0000",
             "duedate":"2026-02-01","reporter":{"accountId":"r1"},"environment":"env"}
            """;
        var fields = JsonSerializer.Deserialize(Json, JiraJsonContext.Default.IssueFields)!;

        Assert.Null(fields.Description);
        Assert.Null(fields.Resolution);
        Assert.Equal(["a", "b"], fields.Labels!);
        Assert.Equal(new DateTimeOffset(2026, 1, 17, 12, 34, 0, TimeSpan.Zero), fields.Created);
        Assert.Equal(new DateOnly(2026, 2, 1), fields.DueDate);
        Assert.Equal("r1", fields.Reporter!.AccountId);
        Assert.Equal("env", fields.Environment!.Value.GetString());
        Assert.Null(fields.Parent);

        fields.Labels = null;
        fields.DueDate = null;
        Assert.Null(fields.Labels);
        var written = JsonNode.Parse(JsonSerializer.Serialize(fields, JiraJsonContext.Default.IssueFields))!.AsObject();
        Assert.False(written.ContainsKey("labels"));
        Assert.False(written.ContainsKey("duedate"));
        Assert.Equal("r1", written["reporter"]!["accountId"]!.GetValue<string>());

        var empty = new IssueFields { Parent = null, Created = null };
        Assert.Null(empty.Parent);
        Assert.Null(empty.Created);
        Assert.Equal("{}", JsonSerializer.Serialize(empty, JiraJsonContext.Default.IssueFields));
        empty.Subtasks = [new IssueLink { Key = "K-2" }];
        Assert.Equal("K-2", empty.Subtasks[0].Key);
    }
}
