using System.Text.Json;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Execution;
using JiraGate.Sandbox.Data;
using static JiraGate.Governance.Tests.Execution.JsonAssert;

namespace JiraGate.Governance.Tests.Execution;

/// <summary>The issue, comment, attachment and worklog operations against the Cloud sandbox, with their result shapes.</summary>
public sealed class CloudIssueOperationTests(CloudExecutorFixture bed) : IClassFixture<CloudExecutorFixture>
{
    internal static readonly string[] IssueKeys =
        ["key", "id", "project", "summary", "status", "issue_type", "priority", "assignee", "reporter", "labels", "created", "updated"];

    [Fact]
    public void SupportedOperations_EveryCatalogOperation_HasAHandler() =>
        Assert.Equal(OperationCatalog.Default.All.Select(o => o.Name).Order(), JiraOperationExecutor.SupportedOperations.Order());

    [Fact]
    public async Task Search_ProjectJql_ReturnsCompactIssuesAndACursorThatContinues()
    {
        var first = await bed.RunAsync("issues:read", """{"jql": "project = SEC ORDER BY key ASC", "max_results": 5}""");
        Keys(first, "items", "next_page_token", "is_last");
        Assert.False(first.GetProperty("is_last").GetBoolean());
        var items = Items(first);
        Assert.Equal(5, items.Count);
        Assert.All(items, i => Keys(i, IssueKeys));
        Assert.All(items, i => Assert.Equal("SEC", Str(i, "project")));

        var second = await bed.RunAsync("issues:read", $$"""{"jql": "project = SEC ORDER BY key ASC", "max_results": 5, "next_page_token": "{{Str(first, "next_page_token")}}"}""");
        var keys = items.Concat(Items(second)).Select(i => Str(i, "key")).ToList();
        Assert.Equal(10, keys.Distinct().Count());
    }

    [Fact]
    public async Task Search_LargePages_StayUnderTheBudgetAndTheCursorLosesNothing()
    {
        var expected = new List<string>();
        await foreach (var issue in bed.Jira.Issues.SearchAsync("project = OPS ORDER BY key ASC", new Jira.SearchOptions { Fields = ["summary"] }, TestContext.Current.CancellationToken))
        {
            expected.Add(issue.Key);
        }
        var seen = new List<string>();
        string? token = null;
        var calls = 0;
        do
        {
            var tokenArg = token is null ? "" : $$""", "next_page_token": "{{token}}" """;
            var page = await bed.RunAsync("issues:read", $$"""{"jql": "project = OPS ORDER BY key ASC", "max_results": 100, "fields": ["description"] {{tokenArg}} }""");
            seen.AddRange(Items(page).Select(i => Str(i, "key")));
            token = page.TryGetProperty("next_page_token", out var t) ? t.GetString() : null;
            Assert.Equal(token is null, page.GetProperty("is_last").GetBoolean());
            calls++;
        }
        while (token is not null && calls < 200);
        Assert.True(calls > expected.Count / 100, "the budget never cut a page");
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task ReadDetail_WithCustomFieldByDisplayName_ReturnsDetailViewAndTheFieldByName()
    {
        var issue = await bed.RunAsync("issues:read_detail", """{"issue_key": "SEC-456", "fields": ["Story Points"]}""");
        Keys(issue, [.. IssueKeys, "description", "resolution", "components", "fix_versions", "due_date", "parent", "subtasks", "fields"]);
        Assert.Equal("SEC-456", Str(issue, "key"));
        Keys(issue.GetProperty("fields"), "Story Points");
        Assert.Equal(JsonValueKind.String, issue.GetProperty("description").ValueKind);
        Assert.DoesNotContain("\"type\":\"doc\"", issue.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadTransitions_ReturnsIdNameAndTarget()
    {
        var result = await bed.RunAsync("issues:read_transitions", """{"issue_key": "SEC-456"}""");
        Keys(result, "key", "items", "total", "truncated");
        Assert.Contains(Items(result), t => Str(t, "id") == "31" && Str(t, "name") == "Start Progress" && Str(t, "to") == "In Progress");
        Assert.All(Items(result), t => Keys(t, "id", "name", "to", "to_category"));
    }

    [Fact]
    public async Task Results_TextStaysReadable_NoEscapedPlusOrNonAscii()
    {
        var key = await bed.NewIssueAsync(summary: "Zugriff von Müller + 東京");

        var raw = (await bed.RunAsync("issues:read_detail", $$"""{"issue_key": "{{key}}"}""")).GetRawText();

        Assert.Contains("Müller", raw, StringComparison.Ordinal);
        Assert.Contains("+ 東京", raw, StringComparison.Ordinal);
        Assert.Contains("+00:00", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u002B", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueLifecycle_CreateUpdateAssignTransitionDelete_EachReturnsItsShape()
    {
        var created = await bed.RunAsync("issues:create",
            """{"project_key": "SEC", "summary": "Suspicious login", "issue_type": "bug", "priority": "High", "labels": ["security"], "description": "**IOC**: 198.51.100.42", "assignee": "BOB@example.com", "components": ["Detection"]}""");
        Keys(created, "key", "id", "project");
        var key = Str(created, "key");

        var detail = await bed.RunAsync("issues:read_detail", $$"""{"issue_key": "{{key}}"}""");
        Assert.Equal(SiteSeeder.AccountIdFor("bob"), Str(detail.GetProperty("assignee"), "account_id"));
        Assert.Equal("High", Str(detail, "priority"));
        Assert.Equal("Bug", Str(detail, "issue_type"));
        Assert.Equal(["Detection"], detail.GetProperty("components").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("**IOC**", Str(detail, "description"), StringComparison.Ordinal);

        var updated = await bed.RunAsync("issues:update", $$"""{"issue_key": "{{key}}", "summary": "Suspicious login (confirmed)", "labels": ["security", "confirmed"]}""");
        Keys(updated, "key", "updated");
        Assert.Equal(["summary", "labels"], updated.GetProperty("updated").EnumerateArray().Select(e => e.GetString()));
        detail = await bed.RunAsync("issues:read_detail", $$"""{"issue_key": "{{key}}"}""");
        Assert.Equal("Suspicious login (confirmed)", Str(detail, "summary"));
        Assert.Equal("High", Str(detail, "priority")); // untouched

        var assigned = await bed.RunAsync("issues:assign", $$"""{"issue_key": "{{key}}", "assignee": "alice@example.com"}""");
        Keys(assigned, "key", "assignee");
        Assert.Equal("Alice Analyst", Str(assigned.GetProperty("assignee"), "display_name"));
        var unassigned = await bed.RunAsync("issues:assign", $$"""{"issue_key": "{{key}}", "assignee": null}""");
        Assert.Equal(JsonValueKind.Null, unassigned.GetProperty("assignee").ValueKind);

        var moved = await bed.RunAsync("issues:transition", $$"""{"issue_key": "{{key}}", "status": "in progress", "comment": "Taking it."}""");
        Keys(moved, "key", "transition", "status");
        Assert.Equal("In Progress", Str(moved, "status"));
        Assert.Equal("31", Str(moved.GetProperty("transition"), "id"));
        moved = await bed.RunAsync("issues:transition", $$"""{"issue_key": "{{key}}", "transition_name": "send to review"}""");
        Assert.Equal("Under Review", Str(moved, "status"));

        var deleted = await bed.RunAsync("issues:delete", $$"""{"issue_key": "{{key}}"}""");
        Keys(deleted, "key", "deleted");
        await Assert.ThrowsAsync<Jira.JiraNotFoundException>(() => bed.RunAsync("issues:read_detail", $$"""{"issue_key": "{{key}}"}"""));
    }

    [Fact]
    public async Task Update_CustomFieldById_IsWritten()
    {
        var key = await bed.NewIssueAsync("ENG", "Story");
        await bed.RunAsync("issues:update", $$$"""{"issue_key": "{{{key}}}", "custom_fields": {"customfield_{{{SiteSeeder.FieldStoryPoints}}}": 5}}""");
        var detail = await bed.RunAsync("issues:read_detail", $$"""{"issue_key": "{{key}}", "fields": ["customfield_{{SiteSeeder.FieldStoryPoints}}"]}""");
        Assert.Equal(5, detail.GetProperty("fields").GetProperty("Story Points").GetDouble());
    }

    [Fact]
    public async Task BulkCreate_TwoProjects_ReturnsCreatedWithIndexes()
    {
        var result = await bed.RunAsync("issues:bulk_create",
            """{"issues": [{"project_key": "SEC", "summary": "a", "issue_type": "Task"}, {"project_key": "OPS", "summary": "b", "issue_type": "Incident", "description": "**bold**"}]}""");
        Keys(result, "created", "failed");
        var created = result.GetProperty("created").EnumerateArray().ToList();
        Assert.Equal([0, 1], created.Select(c => c.GetProperty("index").GetInt32()));
        Assert.StartsWith("OPS-", Str(created[1], "key"), StringComparison.Ordinal);
        Assert.Empty(result.GetProperty("failed").EnumerateArray());
    }

    [Fact]
    public async Task Comments_CreateReadUpdateDelete_BodiesAreMarkdown()
    {
        var key = await bed.NewIssueAsync();
        var comment = await bed.RunAsync("comments:create", $$"""{"issue_key": "{{key}}", "body": "Enrichment **complete**."}""");
        Keys(comment, "id", "author", "body", "created", "updated");
        Assert.Equal("Enrichment **complete**.", Str(comment, "body"));
        var id = Str(comment, "id");

        var edited = await bed.RunAsync("comments:update", $$"""{"issue_key": "{{key}}", "comment_id": "{{id}}", "body": "Edited *text*"}""");
        Assert.Equal("Edited *text*", Str(edited, "body"));

        var page = await bed.RunAsync("comments:read", $$"""{"issue_key": "{{key}}", "max_results": 10}""");
        Has(page, "key", "items", "start_at", "is_last");
        Assert.Equal(id, Str(Assert.Single(Items(page)), "id"));

        var deleted = await bed.RunAsync("comments:delete", $$"""{"issue_key": "{{key}}", "comment_id": "{{id}}"}""");
        Keys(deleted, "key", "id", "deleted");
        Assert.Empty(Items(await bed.RunAsync("comments:read", $$"""{"issue_key": "{{key}}"}""")));
    }

    [Fact]
    public async Task AttachmentsAndWorklogs_UploadReadDeleteLogRead()
    {
        var key = await bed.NewIssueAsync();
        var uploaded = await bed.RunAsync("attachments:upload", $$"""{"issue_key": "{{key}}", "file_name": "ioc.txt", "content_base64": "aGVsbG8gd29ybGQ=", "content_type": "text/plain"}""");
        Keys(uploaded, "key", "attachment");
        var attachment = uploaded.GetProperty("attachment");
        Keys(attachment, "id", "file_name", "size", "mime_type", "author", "created");
        Assert.Equal(11, attachment.GetProperty("size").GetInt64());

        var list = await bed.RunAsync("attachments:read", $$"""{"issue_key": "{{key}}"}""");
        Keys(list, "key", "items", "total", "truncated");
        Assert.Equal("ioc.txt", Str(Assert.Single(Items(list)), "file_name"));

        var deleted = await bed.RunAsync("attachments:delete", $$"""{"attachment_id": "{{Str(attachment, "id")}}"}""");
        Keys(deleted, "id", "deleted");
        Assert.Empty(Items(await bed.RunAsync("attachments:read", $$"""{"issue_key": "{{key}}"}""")));

        var worklog = await bed.RunAsync("worklogs:create", $$"""{"issue_key": "{{key}}", "time_spent": "1h 30m", "started": "2026-01-05T09:00:00.000+0000", "comment": "triage"}""");
        Keys(worklog, "id", "author", "time_spent", "time_spent_seconds", "started", "comment");
        Assert.Equal(5400, worklog.GetProperty("time_spent_seconds").GetInt64());
        var worklogs = await bed.RunAsync("worklogs:read", $$"""{"issue_key": "{{key}}"}""");
        Has(worklogs, "key", "items", "start_at", "is_last");
        Assert.Equal("triage", Str(Assert.Single(Items(worklogs)), "comment"));
    }
}
