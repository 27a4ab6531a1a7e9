using System.Text.Json;
using System.Text.Json.Nodes;
using JiraGate.Jira.Models;
using JiraGate.Jira.RichText;
using JiraGate.Jira.Tests.Infrastructure;
using JiraGate.Jira.Tests.Issues;
using JiraGate.Jira.Tickets;

namespace JiraGate.Jira.Tests.Tickets;

/// <summary>A sandbox client as Alice, its ticket helper, and readers for what the tests check.</summary>
public abstract class TicketTestBase(SandboxFixture sandbox) : IssueSandboxTestBase(sandbox)
{
    protected const string StoryPoints = "customfield_10016";
    protected const string Severity = "customfield_10030";
    protected const string RootCause = "customfield_10050";

    protected JiraTickets Tickets => Jira.Tickets();

    protected static string IdOf(JiraUser? user, bool cloud) => (cloud ? user?.AccountId : user?.Name)!;

    protected string Markdown(JsonElement? value) => IsCloud
        ? AdfConverter.ToMarkdown(JsonNode.Parse(value!.Value.GetRawText()))
        : WikiMarkupConverter.ToMarkdown(value!.Value.GetString());

    protected Task<Issue> ReadAsync(string key) => Jira.Issues.GetIssueAsync(key,
        new GetIssueOptions { Fields = ["summary", "description", "priority", "labels", "assignee", "status", "issuetype", "comment", StoryPoints, Severity, RootCause] }, Ct);
}
