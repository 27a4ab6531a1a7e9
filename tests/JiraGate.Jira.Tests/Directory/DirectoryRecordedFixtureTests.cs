using JiraGate.Jira.Serialization;
using JiraGate.Jira.Tests.Infrastructure;

namespace JiraGate.Jira.Tests.SiteDirectory;

/// <summary>
/// Real recorded responses of the directory family (components, versions, fields, priorities, statuses, status
/// categories) parse into the models and write back with nothing lost.
/// </summary>
public sealed class DirectoryRecordedFixtureTests
{
    [Theory]
    [InlineData("go-jira/component-get.json")]
    [InlineData("jira-ruby/dc-v2-component-get.json")]
    public void Component_RoundTrips(string fixture)
    {
        var component = RecordedFixtures.AssertRoundTrips(fixture, JiraJsonContext.Default.ProjectComponent);
        Assert.NotNull(component.Name);
        Assert.NotNull(component.Lead!.DisplayName);
        Assert.NotNull(component.RealAssigneeType);
    }

    [Fact]
    public void Version_RoundTrips()
    {
        var version = RecordedFixtures.AssertRoundTrips("jira-ruby/dc-v2-version-get.json", JiraJsonContext.Default.ProjectVersion);
        Assert.Equal(new DateOnly(2012, 1, 12), version.ReleaseDate);
        Assert.Equal("12/Jan/12", version.UserReleaseDate);
        Assert.False(version.Overdue);
    }

    [Theory]
    [InlineData("jira-ruby/dc-v2-fields-get.json")]
    [InlineData("go-jira/fields-get.json")]
    public void Fields_RoundTripAndResolve(string fixture)
    {
        var fields = RecordedFixtures.AssertRoundTrips(fixture, JiraJsonContext.Default.IReadOnlyListField);
        Assert.Equal(2, fields.Count);
        Assert.Equal(["summary"], new FieldCatalog(fields).Resolve("summary").ClauseNames!);
    }

    [Theory]
    [InlineData("jira-ruby/dc-v2-priorities-get.json")]
    [InlineData("go-jira/dc-v2-priorities-get-apache.json")]
    public void Priorities_RoundTrip(string fixture)
    {
        var priorities = RecordedFixtures.AssertRoundTrips(fixture, JiraJsonContext.Default.IReadOnlyListPriority);
        Assert.Equal("Blocker", priorities[0].Name);
        Assert.Equal("#cc0000", priorities[0].StatusColor);
        Assert.NotNull(priorities[0].IconUrl);
    }

    [Theory]
    [InlineData("jira-ruby/dc-v2-statuses-get.json")]
    [InlineData("go-jira/dc-v2-statuses-get.json")]
    public void Statuses_RoundTrip(string fixture)
    {
        var statuses = RecordedFixtures.AssertRoundTrips(fixture, JiraJsonContext.Default.IReadOnlyListIssueStatus);
        Assert.All(statuses, s => Assert.NotNull(s.StatusCategory!.Key));
    }

    [Fact]
    public void StatusCategories_RoundTrip()
    {
        var categories = RecordedFixtures.AssertRoundTrips("go-jira/statuscategories-get.json", JiraJsonContext.Default.IReadOnlyListStatusCategory);
        Assert.Equal(["undefined", "new", "indeterminate", "done"], categories.Select(c => c.Key));
        Assert.NotNull(categories[0].Self);
    }
}
