using System.Text.Json;
using System.Text.Json.Nodes;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;
using JiraGate.Jira.Tests.Infrastructure;

namespace JiraGate.Jira.Tests.Agile;

/// <summary>Responses recorded from real Jira sites parse into the Agile models and write back with nothing lost.</summary>
public sealed class AgileRecordedFixtureTests
{
    [Fact]
    public void BoardList_GoJira_RoundTripsWithLocation()
    {
        var page = RecordedFixtures.AssertRoundTrips("go-jira/agile-boards-get.json", JiraJsonContext.Default.PageBeanResponseBoard);
        Assert.Equal(6, page.Total);
        Assert.True(page.IsLast);
        Assert.Equal(6, page.Values!.Count);
        var located = page.Values.Single(b => b.Location is not null);
        Assert.Equal("AP", located.Location!.ProjectKey);
        Assert.Equal(10000, located.Location.ProjectId);
    }

    [Theory]
    [InlineData("go-jira/agile-board-sprints-get.json", 6)]
    [InlineData("jira-ruby/agile-board-sprints-get.json", 3)]
    public void BoardSprints_Recorded_RoundTripWithoutTotal(string fixture, int count)
    {
        var page = RecordedFixtures.AssertRoundTrips(fixture, JiraJsonContext.Default.PageBeanResponseSprint);
        Assert.Null(page.Total);
        Assert.True(page.IsLast);
        Assert.Equal(count, page.Values!.Count);
        Assert.Contains(page.Values, s => s.KnownState == SprintState.Closed && s.CompleteDate is not null);
        Assert.Contains(page.Values, s => s.KnownState == SprintState.Future && s.StartDate is null);
    }

    [Fact]
    public void Sprint_JiraRuby_RoundTripsKeepingRapidViewId()
    {
        var sprint = RecordedFixtures.AssertRoundTrips("jira-ruby/agile-sprint-get.json", JiraJsonContext.Default.Sprint);
        Assert.Equal(1, sprint.Id);
        Assert.Equal(new DateTimeOffset(2024, 1, 16, 3, 48, 0, TimeSpan.Zero), sprint.CompleteDate);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), sprint.CreatedDate);
        Assert.Equal(string.Empty, sprint.Goal);
        Assert.Equal(1, sprint.AdditionalProperties["rapidview_id"].GetInt32());
    }

    [Theory]
    [InlineData("go-jira/cloud-agile-sprint-issues-get.json")]
    [InlineData("jira-ruby/agile-board-issues-get.json")]
    public void AgileIssueLists_Recorded_RoundTripIntoIssues(string fixture)
    {
        var page = RecordedFixtures.AssertRoundTrips(fixture, JiraJsonContext.Default.AgileIssuePage);
        Assert.NotNull(page.Total);
        Assert.NotEmpty(page.Issues!);
        Assert.All(page.Issues!, i => Assert.False(string.IsNullOrEmpty(i.Key)));
    }

    [Fact]
    public void SprintIssues_GoJiraCloud_TypedFieldsAndCustomFieldsKept()
    {
        var page = RecordedFixtures.AssertRoundTrips("go-jira/cloud-agile-sprint-issues-get.json", JiraJsonContext.Default.AgileIssuePage);
        var issue = page.Issues!.Single();
        Assert.NotNull(issue.Fields.Status);
        Assert.NotNull(issue.Fields.Created);
        Assert.Contains(issue.Fields.AdditionalFields.Keys, k => k.StartsWith("customfield_", StringComparison.Ordinal));
        // The Agile issue lists add the agile fields (epic, sprint …) beside the platform ones.
        Assert.True(issue.Fields.AdditionalFields.ContainsKey("epic"));
    }

    /// <summary>
    /// jira-ruby's sprint-issues recording is the Agile docs' example, whose <c>fields.updated</c> is the
    /// placeholder number 1: IssueFields.Updated (a Jira timestamp) refuses it loudly rather than guessing.
    /// With that one value made a real timestamp, everything else round-trips.
    /// </summary>
    [Fact]
    public void SprintIssues_JiraRubyDocExample_OnlyThePlaceholderUpdatedIsRefused()
    {
        var original = RecordedFixtures.Read("jira-ruby/agile-sprint-issues-get.json");
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(original, JiraJsonContext.Default.AgileIssuePage));
        Assert.Equal("$.issues[0].fields.updated", ex.Path);

        var node = JsonNode.Parse(original)!;
        node["issues"]![0]!["fields"]!["updated"] = "2016-06-22T11:49:57.804+0200";
        var patched = Path.Combine(Path.GetTempPath(), "jiragate-agile-sprint-issues-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(patched, node.ToJsonString());
        try
        {
            var page = RecordedFixtures.AssertRoundTrips(patched, JiraJsonContext.Default.AgileIssuePage);
            var fields = page.Issues!.Single().Fields;
            Assert.True(fields.AdditionalFields["flagged"].GetBoolean());
            Assert.Equal("future", fields.AdditionalFields["sprint"].GetProperty("state").GetString());
        }
        finally
        {
            File.Delete(patched);
        }
    }
}
