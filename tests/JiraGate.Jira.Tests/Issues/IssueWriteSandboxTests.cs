using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using JiraGate.Jira.Models;
using JiraGate.Jira.RichText;
using JiraGate.Jira.Tests.Infrastructure;

namespace JiraGate.Jira.Tests.Issues;

/// <summary>Create, edit, delete, assign and transition, each proven by reading back, in both flavours.</summary>
public abstract class IssueWriteSandboxTests(SandboxFixture sandbox) : IssueSandboxTestBase(sandbox)
{
    private string DescriptionMarkdown(Issue issue) => IsCloud
        ? AdfConverter.ToMarkdown(JsonNode.Parse(issue.Fields.Description!.Value.GetRawText()))
        : WikiMarkupConverter.ToMarkdown(issue.Fields.Description!.Value.GetString());

    [Fact]
    public async Task CreateIssueAsync_TypedFields_ReadBackAndSentInTheDeploymentsShape()
    {
        var me = await MeAsync();
        var summary = Unique("create");
        var created = await Jira.Issues.CreateIssueAsync(new IssueWrite()
            .Project("SEC").IssueType("Task").Summary(summary).Description("Some **bold** text")
            .Priority("High").Labels("triage", "client-test").Components("Detection").Assignee(me)
            .DueDate(new DateOnly(2026, 9, 30)), cancellationToken: Ct);
        Assert.StartsWith("SEC-", created.Key, StringComparison.Ordinal);
        Assert.NotNull(created.RequestId);

        var issue = await Jira.Issues.GetIssueAsync(created.Key, cancellationToken: Ct);
        Assert.Equal(summary, issue.Fields.Summary);
        Assert.Contains("**bold**", DescriptionMarkdown(issue), StringComparison.Ordinal);
        Assert.Equal("High", issue.Fields.Priority!.Name);
        Assert.Equal(["client-test", "triage"], issue.Fields.Labels!.Order());
        Assert.Equal("Detection", Assert.Single(issue.Fields.Components!).Name);
        Assert.Equal(new DateOnly(2026, 9, 30), issue.Fields.DueDate);
        Assert.Equal(me, IsCloud ? issue.Fields.Assignee!.AccountId : issue.Fields.Assignee!.Name);

        var sent = Wire.LastBody("POST", Api + "/issue")["fields"]!;
        Assert.Equal(IsCloud ? JsonValueKind.Object : JsonValueKind.String, sent["description"]!.GetValueKind());
        Assert.Equal(me, sent["assignee"]![IsCloud ? "accountId" : "name"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateIssueAsync_NoSummary_ValidationErrorNamesTheField()
    {
        var ex = await Assert.ThrowsAsync<JiraValidationException>(() =>
            Jira.Issues.CreateIssueAsync(new IssueWrite().Project("SEC").IssueType("Task"), cancellationToken: Ct));
        Assert.Contains("summary", ex.Errors.Keys);
    }

    [Fact]
    public async Task UpdateIssueAsync_OneField_SendsOnlyItAndLeavesTheRestAlone()
    {
        var created = await CreateTaskAsync(Unique("update"), w => w.Description("keep *me*").Labels("keep"));
        var summary = Unique("renamed");
        var returned = await Jira.Issues.UpdateIssueAsync(created.Key, new IssueWrite().Summary(summary), cancellationToken: Ct);
        Assert.Null(returned);

        var sent = Wire.LastBody("PUT", Api + "/issue/" + created.Key);
        Assert.Equal(["fields"], sent.Select(p => p.Key));
        Assert.Equal(["summary"], sent["fields"]!.AsObject().Select(p => p.Key));
        var issue = await Jira.Issues.GetIssueAsync(created.Key, cancellationToken: Ct);
        Assert.Equal(summary, issue.Fields.Summary);
        Assert.Equal(["keep"], issue.Fields.Labels);
        Assert.Contains("*me*", DescriptionMarkdown(issue), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateIssueAsync_AddLabelAndReturnIssue_ReturnsTheEditedIssue()
    {
        var created = await CreateTaskAsync(Unique("update-return"), w => w.Labels("one"));
        var issue = await Jira.Issues.UpdateIssueAsync(created.Key, new IssueWrite().AddLabels("two"), new UpdateIssueOptions { ReturnIssue = true }, Ct);
        Assert.Equal(["one", "two"], issue!.Fields.Labels!.Order());
    }

    [Fact]
    public async Task UpdateIssueAsync_MissingIssue_NotFound() =>
        await Assert.ThrowsAsync<JiraNotFoundException>(() => Jira.Issues.UpdateIssueAsync("SEC-999999", new IssueWrite().Summary("x"), cancellationToken: Ct));

    [Fact]
    public async Task UpdateIssueAsync_FieldNotOnScreen_ValidationError()
    {
        var ex = await Assert.ThrowsAsync<JiraValidationException>(() =>
            Jira.Issues.UpdateIssueAsync("SEC-456", new IssueWrite().Field("nosuchfield", "x"), cancellationToken: Ct));
        Assert.Contains("nosuchfield", ex.Errors.Keys);
    }

    [Fact]
    public async Task DeleteIssueAsync_Issue_GoneAfterwards()
    {
        var created = await CreateTaskAsync(Unique("delete"));
        await AdaJira.Issues.DeleteIssueAsync(created.Key, cancellationToken: Ct);
        await Assert.ThrowsAsync<JiraNotFoundException>(() => Jira.Issues.GetIssueAsync(created.Key, cancellationToken: Ct));
    }

    [Fact]
    public async Task DeleteIssueAsync_WithoutDeletePermission_ForbiddenAndIssueStays()
    {
        var created = await CreateTaskAsync(Unique("delete-denied"));
        await Assert.ThrowsAsync<JiraForbiddenException>(() => Jira.Issues.DeleteIssueAsync(created.Key, cancellationToken: Ct));
        Assert.Equal(created.Key, (await Jira.Issues.GetIssueAsync(created.Key, cancellationToken: Ct)).Key);
    }

    [Fact]
    public async Task DeleteIssueAsync_WithSubtasks_RefusedUnlessSubtasksGoToo()
    {
        var parent = await CreateTaskAsync(Unique("parent"));
        var child = await Jira.Issues.CreateIssueAsync(new IssueWrite().Project("SEC").IssueType("Sub-task").Summary(Unique("child")).Parent(parent.Key), cancellationToken: Ct);
        await Assert.ThrowsAsync<JiraValidationException>(() => AdaJira.Issues.DeleteIssueAsync(parent.Key, cancellationToken: Ct));
        Assert.Equal(parent.Key, (await Jira.Issues.GetIssueAsync(child.Key, cancellationToken: Ct)).Fields.Parent!.Key);
        await AdaJira.Issues.DeleteIssueAsync(parent.Key, deleteSubtasks: true, Ct);
        await Assert.ThrowsAsync<JiraNotFoundException>(() => Jira.Issues.GetIssueAsync(child.Key, cancellationToken: Ct));
    }

    [Fact]
    public async Task AssignIssueAsync_MeThenNobody_ReadBack()
    {
        var me = await MeAsync();
        var created = await CreateTaskAsync(Unique("assign"));
        await Jira.Issues.AssignIssueAsync(created.Key, me, Ct);
        var assigned = await Jira.Issues.GetIssueAsync(created.Key, new GetIssueOptions { Fields = ["assignee"] }, Ct);
        Assert.Equal(me, IsCloud ? assigned.Fields.Assignee!.AccountId : assigned.Fields.Assignee!.Name);
        Assert.Contains(IsCloud ? "accountId" : "name", Wire.LastBody("PUT", Api + "/issue/" + created.Key + "/assignee").Select(p => p.Key));

        await Jira.Issues.AssignIssueAsync(created.Key, null, Ct);
        Assert.Null((await Jira.Issues.GetIssueAsync(created.Key, new GetIssueOptions { Fields = ["assignee"] }, Ct)).Fields.Assignee);
    }

    [Fact]
    public async Task AssignIssueAsync_UnknownUser_ErrorAsTheDeploymentAnswers()
    {
        var created = await CreateTaskAsync(Unique("assign-unknown"));
        var ex = await Assert.ThrowsAnyAsync<JiraException>(() => Jira.Issues.AssignIssueAsync(created.Key, "no-such-user-xyz", Ct));
        // Cloud: 400 naming the assignee; Data Center: 404 for the user.
        Assert.Equal(IsCloud ? HttpStatusCode.BadRequest : HttpStatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task GetTransitionsAsync_IncludeFields_ListsTargetsAndScreens()
    {
        var transitions = await Jira.Issues.GetTransitionsAsync("SEC-456", new GetTransitionsOptions { IncludeFields = true }, Ct);
        Assert.NotEmpty(transitions);
        Assert.All(transitions, t => Assert.NotNull(t.To?.Name));
        Assert.All(transitions, t => Assert.NotNull(t.Fields));
        var one = await Jira.Issues.GetTransitionsAsync("SEC-456", new GetTransitionsOptions { TransitionId = transitions[0].Id }, Ct);
        Assert.Equal(transitions[0].Id, Assert.Single(one).Id);
        Assert.Null(one[0].Fields);
    }

    [Fact]
    public async Task GetTransitionsAsync_MissingIssue_NotFound() =>
        await Assert.ThrowsAsync<JiraNotFoundException>(() => Jira.Issues.GetTransitionsAsync("SEC-999999", cancellationToken: Ct));

    [Fact]
    public async Task TransitionIssueAsync_WithComment_StatusChangesAndCommentAdded()
    {
        var created = await CreateTaskAsync(Unique("transition"));
        var transitions = await Jira.Issues.GetTransitionsAsync(created.Key, new GetTransitionsOptions { IncludeFields = true }, Ct);
        var plain = transitions.First(t => t.Fields!.Values.All(f => f.Required != true || f.Key == "resolution"));
        await Jira.Issues.TransitionIssueAsync(created.Key, plain.Id, new TransitionIssueOptions { Comment = "Moved by **test**" }, Ct);

        var issue = await Jira.Issues.GetIssueAsync(created.Key, new GetIssueOptions { Fields = ["status", "comment"] }, Ct);
        Assert.Equal(plain.To!.Name, issue.Fields.Status!.Name);
        Assert.True(issue.Fields.AdditionalFields["comment"].GetProperty("total").GetInt32() >= 1);
        var body = Wire.LastBody("POST", Api + "/issue/" + created.Key + "/transitions");
        Assert.Equal(plain.Id, body["transition"]!["id"]!.GetValue<string>());
        Assert.Equal(IsCloud ? JsonValueKind.Object : JsonValueKind.String, body["update"]!["comment"]![0]!["add"]!["body"]!.GetValueKind());
    }

    [Fact]
    public async Task TransitionIssueAsync_UnknownTransition_ValidationError()
    {
        var created = await CreateTaskAsync(Unique("transition-bad"));
        await Assert.ThrowsAsync<JiraValidationException>(() => Jira.Issues.TransitionIssueAsync(created.Key, "999999", cancellationToken: Ct));
    }
}

public sealed class CloudIssueWriteSandboxTests(CloudSandboxFixture sandbox) : IssueWriteSandboxTests(sandbox), IClassFixture<CloudSandboxFixture>;

public sealed class DataCenterIssueWriteSandboxTests(DataCenterSandboxFixture sandbox) : IssueWriteSandboxTests(sandbox), IClassFixture<DataCenterSandboxFixture>;
