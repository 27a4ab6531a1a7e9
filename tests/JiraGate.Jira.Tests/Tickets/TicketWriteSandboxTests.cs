using System.Text.Json.Nodes;
using JiraGate.Jira.Tests.Infrastructure;
using JiraGate.Jira.Tickets;
using JiraGate.Sandbox.Data;

namespace JiraGate.Jira.Tests.Tickets;

/// <summary>Update, transition and assign through <see cref="JiraTickets"/>, each proven by reading back, in both flavours.</summary>
public abstract class TicketWriteSandboxTests(SandboxFixture sandbox) : TicketTestBase(sandbox)
{
    /// <summary>A SEC task (the incident workflow, starting Open) with fields the tests expect to stay as they are.</summary>
    private Task<JiraGate.Jira.Models.CreatedIssue> NewTaskAsync() => Tickets.CreateTicketAsync("SEC", "Task", Unique("write"),
        new CreateTicketOptions
        {
            Description = "Keep *this*",
            Priority = "Low",
            Labels = ["keep"],
            Assignee = DemoCredentials.Bob.Email,
            Fields = new Dictionary<string, JsonNode?> { ["Root Cause"] = "untouched" },
        }, Ct);

    [Fact]
    public async Task UpdateTicketAsync_StoryPointsAndSummary_OnlyThoseChange()
    {
        var created = await NewTaskAsync();
        var summary = Unique("renamed");
        await Tickets.UpdateTicketAsync(created.Key, new TicketChanges
        {
            Summary = summary,
            Fields = new Dictionary<string, JsonNode?> { ["Story Points"] = 8 },
        }, Ct);

        var sent = Wire.LastBody("PUT", Api + "/issue/" + created.Key);
        Assert.Equal(["summary", StoryPoints], sent["fields"]!.AsObject().Select(p => p.Key));
        Assert.Null(sent["update"]);
        var issue = await ReadAsync(created.Key);
        Assert.Equal(summary, issue.Fields.Summary);
        Assert.Equal(8, issue.Fields.AdditionalFields[StoryPoints].GetDouble());
        // Untouched: description, priority, labels, assignee, a custom rich-text field.
        Assert.Contains("*this*", Markdown(issue.Fields.Description), StringComparison.Ordinal);
        Assert.Equal("Low", issue.Fields.Priority!.Name);
        Assert.Equal(["keep"], issue.Fields.Labels!);
        Assert.Equal("Bob Responder", issue.Fields.Assignee!.DisplayName);
        Assert.Contains("untouched", Markdown(issue.Fields.AdditionalFields[RootCause]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateTicketAsync_ClearDescriptionAndLabelsReassignByEmail_ReadBack()
    {
        var created = await NewTaskAsync();
        await Tickets.UpdateTicketAsync(created.Key, new TicketChanges
        {
            Description = "",
            Labels = [],
            Assignee = "alice@example.com",
            Priority = "Highest",
        }, Ct);
        var issue = await ReadAsync(created.Key);
        Assert.True(issue.Fields.Description is null || issue.Fields.Description.Value.ValueKind == System.Text.Json.JsonValueKind.Null);
        Assert.True(issue.Fields.Labels is null or { Count: 0 });
        Assert.Equal("Alice Analyst", issue.Fields.Assignee!.DisplayName);
        Assert.Equal("Highest", issue.Fields.Priority!.Name);
    }

    [Fact]
    public async Task UpdateTicketAsync_UnknownFieldOrNothing_NothingSent()
    {
        var created = await NewTaskAsync();
        var ex = await Assert.ThrowsAsync<JiraTicketException>(() => Tickets.UpdateTicketAsync(created.Key,
            new TicketChanges { Summary = "x", Fields = new Dictionary<string, JsonNode?> { ["Velocity"] = 1 } }, Ct));
        Assert.Equal(JiraTicketError.UnknownField, ex.Error);
        await Assert.ThrowsAsync<ArgumentException>(() => Tickets.UpdateTicketAsync(created.Key, new TicketChanges(), Ct));
        Assert.Equal(0, Wire.Count("PUT", Api + "/issue/" + created.Key));
    }

    [Fact]
    public async Task UpdateTicketAsync_MissingIssue_NotFound() =>
        await Assert.ThrowsAsync<JiraNotFoundException>(() => Tickets.UpdateTicketAsync("SEC-999999", new TicketChanges { Summary = "x" }, Ct));

    [Fact]
    public async Task TransitionTicketAsync_ByStatusNameThenTransitionNameThenId_MovesAndComments()
    {
        var created = await NewTaskAsync(); // SEC: the incident workflow, starting Open
        var first = await Tickets.TransitionTicketAsync(created.Key, "in progress", new TransitionTicketOptions { Comment = "Picked up by **agent**" }, Ct);
        Assert.Equal("Start Progress", first.Name);
        Assert.Equal("In Progress", (await ReadAsync(created.Key)).Fields.Status!.Name);

        var second = await Tickets.TransitionTicketAsync(created.Key, "SEND TO REVIEW", cancellationToken: Ct);
        Assert.Equal("41", second.Id);
        Assert.Equal("Under Review", (await ReadAsync(created.Key)).Fields.Status!.Name);

        await Tickets.TransitionTicketAsync(created.Key, "51", new TransitionTicketOptions { Resolution = "Done" }, Ct);
        var issue = await ReadAsync(created.Key);
        Assert.Equal("Resolved", issue.Fields.Status!.Name);
        Assert.True(issue.Fields.AdditionalFields["comment"].GetProperty("total").GetInt32() >= 1);
    }

    [Fact]
    public async Task TransitionTicketAsync_NameEqualsStatus_NotAmbiguous()
    {
        // ENG uses the simplified workflow, whose transitions are named after their statuses; Ada may work in ENG.
        var ada = AdaJira.Tickets();
        var created = await ada.CreateTicketAsync("ENG", "Story", Unique("eng"), cancellationToken: Ct);
        var taken = await ada.TransitionTicketAsync(created.Key, "Done", cancellationToken: Ct);
        Assert.Equal("31", taken.Id);
        Assert.Equal("Done", (await AdaJira.Issues.GetIssueAsync(created.Key, new GetIssueOptions { Fields = ["status"] }, Ct)).Fields.Status!.Name);
    }

    [Fact]
    public async Task TransitionTicketAsync_NoMatch_ListsAvailableTransitions()
    {
        var created = await NewTaskAsync();
        var ex = await Assert.ThrowsAsync<JiraTicketException>(() => Tickets.TransitionTicketAsync(created.Key, "Done", cancellationToken: Ct));
        Assert.Equal(JiraTicketError.UnknownTransition, ex.Error);
        Assert.Contains("Start Progress → In Progress (id 31)", ex.Candidates);
        Assert.Contains("Start Progress → In Progress", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, Wire.Count("POST", Api + "/issue/" + created.Key + "/transitions"));
        Assert.Equal("Open", (await ReadAsync(created.Key)).Fields.Status!.Name);
    }

    [Fact]
    public async Task TransitionTicketAsync_RequiredResolutionMissing_FailsBeforeSending()
    {
        var created = await NewTaskAsync();
        var ex = await Assert.ThrowsAsync<JiraTicketException>(() => Tickets.TransitionTicketAsync(created.Key, "Resolved", cancellationToken: Ct));
        Assert.Equal(JiraTicketError.MissingRequiredFields, ex.Error);
        Assert.StartsWith("Resolution (resolution), one of: Done", Assert.Single(ex.Candidates), StringComparison.Ordinal);
        Assert.Equal(0, Wire.Count("POST", Api + "/issue/" + created.Key + "/transitions"));
    }

    [Fact]
    public async Task TransitionTicketAsync_MissingIssue_NotFound() =>
        await Assert.ThrowsAsync<JiraNotFoundException>(() => Tickets.TransitionTicketAsync("SEC-999999", "Done", cancellationToken: Ct));

    [Fact]
    public async Task AssignTicketAsync_ByEmailByIdAndUnassign_ReadBack()
    {
        var created = await NewTaskAsync();
        var bot = await Tickets.AssignTicketAsync(created.Key, "JiraGate-Bot@Example.com", Ct);
        var assignee = (await ReadAsync(created.Key)).Fields.Assignee;
        Assert.Equal("JiraGate Bot", assignee!.DisplayName);
        Assert.Equal(bot, IdOf(assignee, IsCloud));

        var me = await MeAsync();
        Assert.Equal(me, await Tickets.AssignTicketAsync(created.Key, me, Ct));
        Assert.Equal(me, IdOf((await ReadAsync(created.Key)).Fields.Assignee, IsCloud));

        Assert.Null(await Tickets.AssignTicketAsync(created.Key, "", Ct));
        Assert.Null((await ReadAsync(created.Key)).Fields.Assignee);
    }

    [Fact]
    public async Task AssignTicketAsync_UnknownEmail_NothingSent()
    {
        var created = await NewTaskAsync();
        var ex = await Assert.ThrowsAsync<JiraTicketException>(() => Tickets.AssignTicketAsync(created.Key, "mallory@example.com", Ct));
        Assert.Equal(JiraTicketError.UnknownUser, ex.Error);
        Assert.Equal(0, Wire.Count("PUT", Api + "/issue/" + created.Key + "/assignee"));
        Assert.Equal("Bob Responder", (await ReadAsync(created.Key)).Fields.Assignee!.DisplayName);
    }
}

public sealed class CloudTicketWriteSandboxTests(CloudSandboxFixture sandbox) : TicketWriteSandboxTests(sandbox), IClassFixture<CloudSandboxFixture>;

public sealed class DataCenterTicketWriteSandboxTests(DataCenterSandboxFixture sandbox) : TicketWriteSandboxTests(sandbox), IClassFixture<DataCenterSandboxFixture>;
