using System.Text.Json;
using System.Text.Json.Nodes;
using JiraGate.Jira.Models;
using JiraGate.Jira.Tickets;

namespace JiraGate.Jira.Tests.Tickets;

/// <summary>The rules that pick one user, transition, issue type or field value — or refuse with the choices.</summary>
public sealed class TicketMatchingTests
{
    private static JiraUser Cloud(string id, string name, string? email) => new() { AccountId = id, DisplayName = name, EmailAddress = email };

    private static Transition T(string id, string name, string to) => new() { Id = id, Name = name, To = new IssueStatus { Name = to } };

    [Fact]
    public void PickUserByEmail_ExactAddressAmongPrefixMatches_ThatUser()
    {
        var found = new[] { Cloud("1", "Alice Analyst", "alice@example.com"), Cloud("2", "Alice Other", "alice@example.com.au") };
        Assert.Equal("1", TicketMatching.PickUserByEmail(" ALICE@example.com ", found, cloud: true).AccountId);
    }

    [Fact]
    public void PickUserByEmail_TwoUsersWithTheAddress_AmbiguousListingBoth()
    {
        var found = new[] { Cloud("1", "Sam One", "sam@example.com"), Cloud("2", "Sam Two", "SAM@example.com") };
        var ex = Assert.Throws<JiraTicketException>(() => TicketMatching.PickUserByEmail("sam@example.com", found, cloud: true));
        Assert.Equal(JiraTicketError.AmbiguousUser, ex.Error);
        Assert.Equal(["Sam One (accountId 1, sam@example.com)", "Sam Two (accountId 2, SAM@example.com)"], ex.Candidates);
        Assert.Contains("Pass the accountId", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PickUserByEmail_OneUserWithHiddenAddress_JirasOwnMatchIsTaken() =>
        Assert.Equal("9", TicketMatching.PickUserByEmail("hidden@example.com", [Cloud("9", "Hidden", null)], cloud: true).AccountId);

    [Fact]
    public void PickUserByEmail_SeveralHiddenAddresses_AmbiguousNeverGuessed()
    {
        var ex = Assert.Throws<JiraTicketException>(() => TicketMatching.PickUserByEmail("x@example.com",
            [Cloud("1", "X One", null), Cloud("2", "X Two", null)], cloud: true));
        Assert.Equal(JiraTicketError.AmbiguousUser, ex.Error);
        Assert.Equal(2, ex.Candidates.Count);
        Assert.Contains("hidden", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PickUserByEmail_OnlyOtherAddresses_UnknownWithSuggestions()
    {
        var ex = Assert.Throws<JiraTicketException>(() => TicketMatching.PickUserByEmail("ali@example.com",
            [Cloud("1", "Alice", "alice@example.com")], cloud: true));
        Assert.Equal(JiraTicketError.UnknownUser, ex.Error);
        Assert.StartsWith("No Jira user has the email ali@example.com.", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["Alice (accountId 1, alice@example.com)"], ex.Candidates);
        Assert.Equal(JiraTicketError.UnknownUser, Assert.Throws<JiraTicketException>(() => TicketMatching.PickUserByEmail("a@b.c", [], cloud: true)).Error);
    }

    [Fact]
    public void PickUserByEmail_DataCenterUsernameIsTheAddress_ThatUser()
    {
        var user = new JiraUser { Name = "jo@example.com", Key = "JIRAUSER1", DisplayName = "Jo", EmailAddress = "jo.private@example.org" };
        Assert.Same(user, TicketMatching.PickUserByEmail("jo@example.com", [user], cloud: false));
    }

    [Fact]
    public void PickTransition_IdThenNameThenStatus()
    {
        var transitions = new[] { T("11", "Close", "Done"), T("21", "Done", "Closed"), T("31", "Start", "In Progress") };
        Assert.Equal("31", TicketMatching.PickTransition("K-1", "31", transitions).Id);
        Assert.Equal("21", TicketMatching.PickTransition("K-1", " done ", transitions).Id); // a transition name beats a status name
        Assert.Equal("31", TicketMatching.PickTransition("K-1", "in progress", transitions).Id);
    }

    [Fact]
    public void PickTransition_TwoIntoTheSameStatus_AmbiguousListingBoth()
    {
        var ex = Assert.Throws<JiraTicketException>(() => TicketMatching.PickTransition("K-1", "Resolved",
            [T("51", "Resolve Issue", "Resolved"), T("52", "Quick Fix", "Resolved"), T("61", "Close", "Closed")]));
        Assert.Equal(JiraTicketError.AmbiguousTransition, ex.Error);
        Assert.Equal(["Resolve Issue → Resolved (id 51)", "Quick Fix → Resolved (id 52)"], ex.Candidates);
        Assert.Contains("Pass the transition id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PickTransition_NoneAvailable_SaysSo()
    {
        var ex = Assert.Throws<JiraTicketException>(() => TicketMatching.PickTransition("K-1", "Done", []));
        Assert.Equal(JiraTicketError.UnknownTransition, ex.Error);
        Assert.Contains("no transition available", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PickIssueType_ByIdOrNameIgnoringCase_NothingSubstituted()
    {
        IssueType[] offered = [new() { Id = "1", Name = "Bug" }, new() { Id = "2", Name = "Task" }];
        Assert.Equal("2", TicketMatching.PickIssueType("P", "TASK", offered).Id);
        Assert.Equal("1", TicketMatching.PickIssueType("P", "1", offered).Id);
        var ex = Assert.Throws<JiraTicketException>(() => TicketMatching.PickIssueType("P", "Tasks", offered));
        Assert.Equal(["Bug", "Task"], ex.Candidates);
    }

    [Fact]
    public void MissingRequired_SkipsGivenAndDefaulted()
    {
        FieldMetadata[] screen =
        [
            new() { FieldId = "summary", Name = "Summary", Required = true },
            new() { FieldId = "reporter", Name = "Reporter", Required = true, HasDefaultValue = true },
            new() { FieldId = "customfield_1", Name = "Team", Required = true, AllowedValues = [JsonDocument.Parse("""{"value":"Red"}""").RootElement] },
            new() { FieldId = "labels", Name = "Labels", Required = false },
        ];
        var missing = TicketMatching.MissingRequired(screen, new HashSet<string> { "summary" });
        Assert.Equal("customfield_1", Assert.Single(missing).FieldId);
        var ex = TicketMatching.MissingFields("Creating a Bug in P", missing, "Pass it.");
        Assert.Equal(["Team (customfield_1), one of: Red"], ex.Candidates);
        Assert.StartsWith("Creating a Bug in P requires Team (customfield_1), one of: Red, which was not given. Pass it.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("option", null, "\"Sev2\"", """{"value":"Sev2"}""")]
    [InlineData("number", null, "\"5\"", "5")]
    [InlineData("number", null, "5", "5")]
    [InlineData("priority", null, "\"High\"", """{"name":"High"}""")]
    [InlineData("version", null, "\"10010\"", """{"id":"10010"}""")]
    [InlineData("array", "option", "[\"A\",\"B\"]", """[{"value":"A"},{"value":"B"}]""")]
    [InlineData("array", "component", "\"API\"", """[{"name":"API"}]""")]
    [InlineData("array", "string", "\"one\"", """["one"]""")]
    [InlineData("option", null, """{"id":"10100"}""", """{"id":"10100"}""")]
    [InlineData("string", null, "\"text\"", "\"text\"")]
    public void Shape_PlainValue_JirasShapeForTheType(string type, string? items, string given, string expected)
    {
        var field = new Field { Id = "customfield_1", Schema = new FieldSchema { Type = type, Items = items } };
        Assert.Equal(expected, FieldValues.Shape(field, JsonNode.Parse(given))!.ToJsonString());
        Assert.Null(FieldValues.Shape(field, null));
    }

    [Fact]
    public void Kinds_FromTheSchema()
    {
        Assert.True(FieldValues.IsRichText(new Field { Id = "description", Schema = new FieldSchema { Type = "string", System = "description" } }));
        Assert.True(FieldValues.IsRichText(new Field { Id = "c", Schema = new FieldSchema { Type = "string", Custom = "com.atlassian.jira.plugin.system.customfieldtypes:textarea" } }));
        Assert.False(FieldValues.IsRichText(new Field { Id = "c", Schema = new FieldSchema { Type = "string", Custom = "com.atlassian.jira.plugin.system.customfieldtypes:textfield" } }));
        Assert.True(FieldValues.IsUser(new Field { Id = "assignee", Schema = new FieldSchema { Type = "user" } }));
        Assert.True(FieldValues.IsUserList(new Field { Id = "c", Schema = new FieldSchema { Type = "array", Items = "user" } }));
    }
}
