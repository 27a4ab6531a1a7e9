using System.Text.Json;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;
using JiraGate.Jira.Tests.Infrastructure;

namespace JiraGate.Jira.Tests.Models;

/// <summary>
/// Responses recorded from real Jira sites (../shared/reference/fixtures) parse into the client's models and
/// write back with nothing lost: every property, custom or not, survives a read-modify-write.
/// </summary>
public sealed class RecordedFixtureTests
{
    public static TheoryData<string, string> Fixtures => new()
    {
        { "jira-ruby/dc-v2-issue-get.json", nameof(Issue) },
        { "jira-ruby/dc-v2-project-get.json", nameof(Project) },
        { "go-jira/dc-v2-project-get-apache.json", nameof(Project) },
        { "jira-ruby/dc-v2-projects-get.json", "Projects" },
        { "jira-ruby/user-get-by-accountid-localhost.json", nameof(JiraUser) },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void RecordedResponse_ParsesAndWritesBackWithNothingLost(string fixture, string model)
    {
        _ = model switch
        {
            nameof(Issue) => (object)RecordedFixtures.AssertRoundTrips(fixture, JiraJsonContext.Default.Issue),
            nameof(Project) => RecordedFixtures.AssertRoundTrips(fixture, JiraJsonContext.Default.Project),
            "Projects" => RecordedFixtures.AssertRoundTrips(fixture, JiraJsonContext.Default.IReadOnlyListProject),
            nameof(JiraUser) => RecordedFixtures.AssertRoundTrips(fixture, JiraJsonContext.Default.JiraUser),
            _ => throw new ArgumentOutOfRangeException(nameof(model)),
        };
    }

    [Fact]
    public void RecordedIssue_TypedFieldsAreRead()
    {
        var issue = JsonSerializer.Deserialize(RecordedFixtures.Read("jira-ruby/dc-v2-issue-get.json"), JiraJsonContext.Default.Issue)!;
        Assert.False(string.IsNullOrEmpty(issue.Key));
        Assert.False(string.IsNullOrEmpty(issue.Fields.Summary));
        Assert.NotNull(issue.Fields.Created);
    }
}
