using System.Text.Json;
using System.Text.Json.Nodes;
using JiraGate.Jira.Tests.Infrastructure;
using JiraGate.Jira.Tickets;
using JiraGate.Sandbox.Data;

namespace JiraGate.Jira.Tests.Tickets;

/// <summary>Create and list tickets through <see cref="JiraTickets"/> against the sandbox, in both flavours.</summary>
public abstract class TicketSandboxTests(SandboxFixture sandbox) : TicketTestBase(sandbox)
{
    [Fact]
    public void Tickets_IsOnePerClient() => Assert.Same(Jira.Tickets(), Jira.Tickets());

    [Fact]
    public async Task CreateTicketAsync_EmailAssigneeAndFieldsByDisplayName_CreatedAndReadBack()
    {
        var summary = Unique("ticket");
        var created = await Tickets.CreateTicketAsync("SEC", "task", summary, new CreateTicketOptions
        {
            Description = "Seen on **prod**",
            Assignee = "Bob@Example.com",
            Priority = "High",
            Labels = ["agent"],
            Fields = new Dictionary<string, JsonNode?> { ["Story Points"] = 5, ["Root Cause"] = "A **stale** token" },
        }, Ct);

        var issue = await ReadAsync(created.Key);
        Assert.Equal(summary, issue.Fields.Summary);
        Assert.Equal("Task", issue.Fields.IssueType!.Name);
        Assert.Contains("**prod**", Markdown(issue.Fields.Description), StringComparison.Ordinal);
        Assert.Equal("Bob Responder", issue.Fields.Assignee!.DisplayName);
        Assert.Equal("High", issue.Fields.Priority!.Name);
        Assert.Equal(["agent"], issue.Fields.Labels!);
        Assert.Equal(5, issue.Fields.AdditionalFields[StoryPoints].GetDouble());
        Assert.Contains("**stale**", Markdown(issue.Fields.AdditionalFields[RootCause]), StringComparison.Ordinal);
        var sent = Wire.LastBody("POST", Api + "/issue")["fields"]!;
        Assert.Equal("10001", sent["issuetype"]!["id"]!.GetValue<string>()); // the type createmeta named, by id
        Assert.Equal(IsCloud ? JsonValueKind.Object : JsonValueKind.String, sent[RootCause]!.GetValueKind());
    }

    [Fact]
    public async Task CreateTicketAsync_TypeNotInProject_ListsTheProjectsTypesAndCreatesNothing()
    {
        var ex = await Assert.ThrowsAsync<JiraTicketException>(() => Tickets.CreateTicketAsync("SEC", "Story", Unique("story"), cancellationToken: Ct));
        Assert.Equal(JiraTicketError.UnknownIssueType, ex.Error);
        Assert.Equal(["Epic", "Task", "Bug", "Incident", "Sub-task"], ex.Candidates);
        Assert.Contains("'Story' is not available in project SEC", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Epic, Task, Bug, Incident, Sub-task", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, Wire.Count("POST", Api + "/issue"));
    }

    [Fact]
    public async Task CreateTicketAsync_RequiredFieldMissing_FailsBeforeCreateThenSucceedsWithIt()
    {
        var ex = await Assert.ThrowsAsync<JiraTicketException>(() => Tickets.CreateTicketAsync("SEC", "Incident", Unique("incident"), cancellationToken: Ct));
        Assert.Equal(JiraTicketError.MissingRequiredFields, ex.Error);
        Assert.StartsWith("Severity (" + Severity + "), one of: Sev1, Sev2", Assert.Single(ex.Candidates), StringComparison.Ordinal);
        Assert.Equal(0, Wire.Count("POST", Api + "/issue"));

        var created = await Tickets.CreateTicketAsync("SEC", "Incident", Unique("incident"),
            new CreateTicketOptions { Fields = new Dictionary<string, JsonNode?> { ["severity"] = "Sev2" } }, Ct);
        var issue = await ReadAsync(created.Key);
        Assert.Equal("Sev2", issue.Fields.AdditionalFields[Severity].GetProperty("value").GetString());
    }

    [Fact]
    public async Task CreateTicketAsync_UnknownProject_ClearError()
    {
        var ex = await Assert.ThrowsAsync<JiraTicketException>(() => Tickets.CreateTicketAsync("NOPE", "Task", "x", cancellationToken: Ct));
        Assert.Equal(JiraTicketError.UnknownProject, ex.Error);
        Assert.IsAssignableFrom<JiraException>(ex.InnerException);
    }

    [Fact]
    public async Task CreateTicketAsync_UnknownFieldName_FailsBeforeCreate()
    {
        var ex = await Assert.ThrowsAsync<JiraTicketException>(() => Tickets.CreateTicketAsync("SEC", "Task", Unique("field"),
            new CreateTicketOptions { Fields = new Dictionary<string, JsonNode?> { ["Story Pointz"] = 3 } }, Ct));
        Assert.Equal(JiraTicketError.UnknownField, ex.Error);
        Assert.Contains("Story Pointz", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, Wire.Count("POST", Api + "/issue"));
    }

    [Fact]
    public async Task GetTicketsByProjectAsync_Bounded_NewestFirstAndQuoted()
    {
        var issues = await Tickets.GetTicketsByProjectAsync("SEC", new TicketListOptions { MaxResults = 7 }, Ct);
        Assert.Equal(7, issues.Count);
        Assert.All(issues, i => Assert.StartsWith("SEC-", i.Key, StringComparison.Ordinal));
        Assert.Equal(issues.Select(i => i.Fields.Updated).OrderDescending(), issues.Select(i => i.Fields.Updated));
        Assert.All(issues, i => Assert.NotNull(i.Fields.Status));
        var search = Wire.Requests.Last(r => r.Path.StartsWith(Api + "/search", StringComparison.Ordinal));
        Assert.Contains(Uri.EscapeDataString("project = \"SEC\" ORDER BY updated DESC"), search.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTicketsByProjectAsync_FieldsByDisplayName_Resolved()
    {
        var issues = await Tickets.GetTicketsByProjectAsync("ENG", new TicketListOptions { MaxResults = 3, Fields = ["Summary", "Story Points"] }, Ct);
        Assert.Equal(3, issues.Count);
        Assert.All(issues, i => Assert.NotNull(i.Fields.Summary));
        var search = Wire.Requests.Last(r => r.Path.StartsWith(Api + "/search", StringComparison.Ordinal));
        Assert.Contains(StoryPoints, Uri.UnescapeDataString(search.Query), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTicketsByProjectAsync_HostileKey_StaysOneLiteral()
    {
        await Assert.ThrowsAsync<JiraValidationException>(() =>
            Tickets.GetTicketsByProjectAsync("SEC\" OR project = \"HR", cancellationToken: Ct));
        var search = Uri.UnescapeDataString(Wire.Requests.Last(r => r.Path.StartsWith(Api + "/search", StringComparison.Ordinal)).Query);
        Assert.Contains("project = \"SEC\\\" OR project = \\\"HR\"", search, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTicketsByProjectAsync_MaxResultsOutOfRange_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Tickets.GetTicketsByProjectAsync("SEC", new TicketListOptions { MaxResults = 0 }, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Tickets.GetTicketsByProjectAsync("SEC", new TicketListOptions { MaxResults = 1001 }, Ct));
    }

    [Fact]
    public async Task GetTicketsByUserAsync_Email_OnlyTheirIssuesNewestFirst()
    {
        var mine = await Tickets.CreateTicketAsync("SEC", "Task", Unique("mine"), new CreateTicketOptions { Assignee = DemoCredentials.Alice.Email }, Ct);
        var issues = await Tickets.GetTicketsByUserAsync(" ALICE@example.com ", new TicketListOptions { MaxResults = 10 }, Ct);
        Assert.InRange(issues.Count, 1, 10);
        Assert.Equal(mine.Key, issues[0].Key);
        var me = await MeAsync();
        Assert.All(issues, i => Assert.Equal(me, IdOf(i.Fields.Assignee, IsCloud)));
        // The id itself (no '@') is taken as given.
        Assert.Equal(issues.Select(i => i.Key), (await Tickets.GetTicketsByUserAsync(me, new TicketListOptions { MaxResults = 10 }, Ct)).Select(i => i.Key));
    }

    [Fact]
    public async Task GetTicketsByUserAsync_UnknownEmail_SaysNoUserHasIt()
    {
        var ex = await Assert.ThrowsAsync<JiraTicketException>(() => Tickets.GetTicketsByUserAsync("nobody@example.com", cancellationToken: Ct));
        Assert.Equal(JiraTicketError.UnknownUser, ex.Error);
        Assert.Contains("No Jira user has the email nobody@example.com", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Wire.Requests, r => r.Path.StartsWith(Api + "/search", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResolveUserAsync_PartialEmail_UnknownButSuggestsTheWholeAddress()
    {
        var ex = await Assert.ThrowsAsync<JiraTicketException>(() => Tickets.ResolveUserAsync("alice@example", Ct));
        Assert.Equal(JiraTicketError.UnknownUser, ex.Error);
        Assert.Contains(ex.Candidates, c => c.Contains("alice@example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResolveUserAsync_Email_TheOneUser()
    {
        var user = await Tickets.ResolveUserAsync("carol@EXAMPLE.com", Ct);
        Assert.Equal("Carol Engineer", user.DisplayName);
        Assert.NotNull(IdOf(user, IsCloud));
    }
}

public sealed class CloudTicketSandboxTests(CloudSandboxFixture sandbox) : TicketSandboxTests(sandbox), IClassFixture<CloudSandboxFixture>;

public sealed class DataCenterTicketSandboxTests(DataCenterSandboxFixture sandbox) : TicketSandboxTests(sandbox), IClassFixture<DataCenterSandboxFixture>;
