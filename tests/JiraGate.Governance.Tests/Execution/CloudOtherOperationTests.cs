using JiraGate.Sandbox.Data;
using static JiraGate.Governance.Tests.Execution.JsonAssert;

namespace JiraGate.Governance.Tests.Execution;

/// <summary>Projects, users, boards, sprints, metadata and webhooks against the Cloud sandbox, with their result shapes.</summary>
public sealed class CloudOtherOperationTests(CloudExecutorFixture bed) : IClassFixture<CloudExecutorFixture>
{
    [Fact]
    public async Task Projects_ListDetailComponentsVersions_ReturnTheirShapes()
    {
        var list = await bed.RunAsync("projects:read", """{"max_results": 2}""");
        Has(list, "items", "start_at", "is_last", "next_start_at");
        Assert.All(Items(list), p => Keys(p, "id", "key", "name", "project_type"));

        var detail = await bed.RunAsync("projects:read_detail", """{"project_key": "SEC"}""");
        Keys(detail, "id", "key", "name", "description", "lead", "project_type", "issue_types");
        Assert.Equal("Alice Analyst", Str(detail.GetProperty("lead"), "display_name"));
        Assert.Contains("Incident", detail.GetProperty("issue_types").EnumerateArray().Select(e => e.GetString()));

        var components = await bed.RunAsync("projects:read_components", """{"project_key": "SEC"}""");
        Keys(components, "project", "items", "total", "truncated");
        Assert.Contains(Items(components), c => Str(c, "name") == "Detection");
        Assert.All(Items(components), c => Keys(c, "id", "name", "description", "lead"));

        var versions = await bed.RunAsync("projects:read_versions", """{"project_key": "SEC"}""");
        Assert.Contains(Items(versions), v => Str(v, "name") == "2026.Q3" && v.GetProperty("released").GetBoolean());
        Assert.All(Items(versions), v => Keys(v, "id", "name", "released", "archived", "release_date"));
    }

    [Fact]
    public async Task Users_SearchDetailGroups_ReturnCompactUsers()
    {
        var found = await bed.RunAsync("users:read", """{"query": "alice"}""");
        var alice = Assert.Single(Items(found));
        Keys(alice, "account_id", "display_name", "email");
        var accountId = Str(alice, "account_id");
        Assert.Equal(SiteSeeder.AccountIdFor("alice"), accountId);

        var detail = await bed.RunAsync("users:read_detail", $$"""{"account_id": "{{accountId}}"}""");
        Keys(detail, "account_id", "display_name", "email", "active", "account_type", "time_zone");

        var groups = await bed.RunAsync("users:read_groups", $$"""{"account_id": "{{accountId}}"}""");
        Keys(groups, "account_id", "items", "total", "truncated");
        Assert.Contains(Items(groups), g => Str(g, "name") == "sec-team");
    }

    [Fact]
    public async Task BoardsAndSprints_ListSprintsBacklogIssues_ReturnTheirShapes()
    {
        var boards = await bed.RunAsync("boards:read", """{"project_key": "SEC", "type": "scrum"}""");
        var board = Assert.Single(Items(boards));
        Keys(board, "id", "name", "type", "project");
        Assert.Equal(42, board.GetProperty("id").GetInt64());

        var sprints = await bed.RunAsync("boards:read_sprints", """{"board_id": "42", "state": "active"}""");
        var sprint = Assert.Single(Items(sprints));
        Keys(sprint, "id", "name", "state", "start_date", "end_date", "complete_date", "goal", "board_id");
        var sprintId = sprint.GetProperty("id").GetInt64();

        var one = await bed.RunAsync("sprints:read", $$"""{"sprint_id": {{sprintId}}}""");
        Assert.Equal("active", Str(one, "state"));

        var backlog = await bed.RunAsync("boards:read_backlog", """{"board_id": 42, "max_results": 3}""");
        Has(backlog, "items", "start_at", "is_last");
        Assert.All(Items(backlog), i => Keys(i, CloudIssueOperationTests.IssueKeys));

        var first = await bed.RunAsync("sprints:read_issues", $$"""{"sprint_id": {{sprintId}}, "max_results": 2}""");
        Assert.Equal(2, Items(first).Count);
        Assert.False(first.GetProperty("is_last").GetBoolean());
        var second = await bed.RunAsync("sprints:read_issues", $$"""{"sprint_id": {{sprintId}}, "max_results": 2, "start_at": {{first.GetProperty("next_start_at").GetInt32()}}}""");
        Assert.Empty(Items(first).Select(i => Str(i, "key")).Intersect(Items(second).Select(i => Str(i, "key"))));
    }

    [Fact]
    public async Task Metadata_FieldsPrioritiesStatuses_ReturnLists()
    {
        var fields = await bed.RunAsync("fields:read", "{}");
        Keys(fields, "items", "total", "truncated");
        Assert.Contains(Items(fields), f => Str(f, "name") == "Story Points" && f.GetProperty("custom").GetBoolean());

        var priorities = await bed.RunAsync("priorities:read", "{}");
        Assert.Equal(["Highest", "High", "Medium", "Low", "Lowest"], Items(priorities).Select(p => Str(p, "name")));

        var statuses = await bed.RunAsync("statuses:read", "{}");
        Assert.Contains(Items(statuses), s => Str(s, "name") == "In Progress" && Str(s, "category") == "indeterminate");
    }

    [Fact]
    public async Task Webhooks_CreateListDelete_AdminModeForTokenConnections()
    {
        var created = await bed.RunAsync("webhooks:create", """{"url": "https://hooks.example.com/jira", "events": ["jira:issue_created"], "jql_filter": "project = SEC"}""");
        Keys(created, "id", "mode", "name", "url", "events", "jql", "enabled");
        Assert.Equal("admin", Str(created, "mode"));
        var id = created.GetProperty("id").GetInt64();

        var list = await bed.RunAsync("webhooks:read", "{}");
        Has(list, "items", "start_at", "is_last");
        Assert.Contains(Items(list), h => h.GetProperty("id").GetInt64() == id);

        var deleted = await bed.RunAsync("webhooks:delete", $$"""{"webhook_id": "{{id}}"}""");
        Keys(deleted, "id", "deleted");
        Assert.DoesNotContain(Items(await bed.RunAsync("webhooks:read", "{}")), h => h.GetProperty("id").GetInt64() == id);
    }
}
