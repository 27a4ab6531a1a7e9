using System.Text.Json.Nodes;
using JiraGate.Jira.Tests.Infrastructure;
using JiraGate.Jira.Tickets;

namespace JiraGate.Jira.Tests.Tickets;

/// <summary>The README's ticket-helper example, run as written, in both flavours.</summary>
public abstract class TicketReadmeExampleTests(SandboxFixture sandbox) : TicketTestBase(sandbox)
{
    [Fact]
    public async Task ReadmeTicketsExample_Runs()
    {
        var jira = Jira;
        var ct = Ct;
        string? unknownTypeMessage = null;
        IReadOnlyList<string> offered = [];

        // --- README example starts ---
        var tickets = jira.Tickets();   // one helper per client: users by email, fields by display name

        var created = await tickets.CreateTicketAsync("SEC", "Bug", "Login fails for SSO users", new CreateTicketOptions
        {
            Description = "Steps:\n\n1. Sign in with SSO\n2. See a **500**",    // Markdown: ADF on Cloud, wiki on Data Center
            Assignee = "alice@example.com",                                      // resolved to exactly one user
            Fields = new Dictionary<string, JsonNode?> { ["Story Points"] = 3 }, // → customfield_NNNNN
        }, ct);

        await tickets.UpdateTicketAsync(created.Key, new TicketChanges { Priority = "High", Labels = ["sso"] }, ct);  // only these change
        await tickets.TransitionTicketAsync(created.Key, "In Progress", new TransitionTicketOptions { Comment = "Looking into it" }, ct);
        var mine = await tickets.GetTicketsByUserAsync("alice@example.com", new TicketListOptions { MaxResults = 20 }, ct);

        try
        {
            await tickets.CreateTicketAsync("SEC", "Story", "Nothing is created", cancellationToken: ct);
        }
        catch (JiraTicketException ex) when (ex.Error == JiraTicketError.UnknownIssueType)
        {
            // "Issue type 'Story' is not available in project SEC. It offers: Epic, Task, Bug, Incident, Sub-task. …"
            unknownTypeMessage = ex.Message;
            offered = ex.Candidates;
        }
        // --- README example ends ---

        var issue = await ReadAsync(created.Key);
        Assert.Equal("In Progress", issue.Fields.Status!.Name);
        Assert.Equal("High", issue.Fields.Priority!.Name);
        Assert.Equal(3, issue.Fields.AdditionalFields[StoryPoints].GetDouble());
        Assert.Equal(created.Key, mine[0].Key);
        Assert.StartsWith("Issue type 'Story' is not available in project SEC. It offers: Epic, Task, Bug, Incident, Sub-task.", unknownTypeMessage, StringComparison.Ordinal);
        Assert.Equal(["Epic", "Task", "Bug", "Incident", "Sub-task"], offered);
    }
}

public sealed class CloudTicketReadmeExampleTests(CloudSandboxFixture sandbox) : TicketReadmeExampleTests(sandbox), IClassFixture<CloudSandboxFixture>;

public sealed class DataCenterTicketReadmeExampleTests(DataCenterSandboxFixture sandbox) : TicketReadmeExampleTests(sandbox), IClassFixture<DataCenterSandboxFixture>;
