using System.Net;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;
using static JiraGate.Sandbox.Tests.Issues.IssueCalls;

namespace JiraGate.Sandbox.Tests.Issues;

/// <summary>Transitions, assignment and deletion.</summary>
public sealed class IssueWorkflowTests(PrivateCloudSandbox sandbox) : IClassFixture<PrivateCloudSandbox>
{
    private static JsonObject Transition(string id, JsonObject? fields = null) =>
        new() { ["transition"] = new JsonObject { ["id"] = id }, ["fields"] = fields ?? [] };

    private static async Task<JsonArray> TransitionsAsync(HttpClient client, string key, string query = "")
    {
        var body = await (await client.GetAsync($"/rest/api/3/issue/{key}/transitions{query}", Ct)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("transitions", body!["expand"]!.GetValue<string>());
        return body["transitions"]!.AsArray();
    }

    [Fact]
    public async Task GetTransitions_OnlyFromCurrentStatus_WithScreenFieldsWhenExpanded()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var key = await CreateAsync(client, "SEC", SiteSeeder.TypeBug, "transitions");
        var transitions = await TransitionsAsync(client, key, "?expand=transitions.fields");
        Assert.Equal(["31", "51"], transitions.Select(t => t!["id"]!.GetValue<string>()));
        var resolve = transitions.Single(t => t!["id"]!.GetValue<string>() == "51")!;
        Assert.Equal("Resolved", resolve["to"]!["name"]!.GetValue<string>());
        Assert.True(resolve["fields"]!["resolution"]!["required"]!.GetValue<bool>());
        Assert.Equal(4, resolve["fields"]!["resolution"]!["allowedValues"]!.AsArray().Count);
        var only = await TransitionsAsync(client, key, "?transitionId=51");
        Assert.Equal("51", Assert.Single(only)!["id"]!.GetValue<string>());
        Assert.Null(only[0]!["fields"]);
    }

    [Fact]
    public async Task GetTransitions_WithoutTransitionPermission_EmptyUnlessUnavailableRequested()
    {
        using var grace = sandbox.Client(DemoCredentials.Grace);
        Assert.Empty(await TransitionsAsync(grace, "ENG-1"));
        var unavailable = await TransitionsAsync(grace, "ENG-1", "?includeUnavailableTransitions=true");
        Assert.NotEmpty(unavailable);
        Assert.All(unavailable, t => Assert.False(t!["isAvailable"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task DoTransition_StartProgress_204StatusChangedWithHistoryAndEvent()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var key = await CreateAsync(client, "SEC", SiteSeeder.TypeBug, "start");
        var response = await PostAsync(client, $"/rest/api/3/issue/{key}/transitions", Transition("31"));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var issue = await GetAsync(client, key, "?expand=changelog&fields=status");
        Assert.Equal("In Progress", issue["fields"]!["status"]!["name"]!.GetValue<string>());
        var item = issue["changelog"]!["histories"]![0]!["items"]![0]!;
        Assert.Equal("status", item["field"]!.GetValue<string>());
        Assert.Equal("Open", item["fromString"]!.GetValue<string>());
        Assert.Equal("In Progress", item["toString"]!.GetValue<string>());
        var updated = Assert.Single(sandbox.Events.For(key), e => e.WebhookEvent == "jira:issue_updated");
        Assert.Equal("issue_generic", updated.Payload["issue_event_type_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task DoTransition_ResolveWithoutResolution_400_WithResolutionSetsItAndReopenClears()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var key = await CreateAsync(client, "SEC", SiteSeeder.TypeBug, "resolve");
        var missing = await PostAsync(client, $"/rest/api/3/issue/{key}/transitions", Transition("51"));
        Assert.Equal("Resolution is required.", (await missing.ExpectErrorAsync(HttpStatusCode.BadRequest))["errors"]!["resolution"]!.GetValue<string>());

        var resolved = await PostAsync(client, $"/rest/api/3/issue/{key}/transitions", Transition("51", new JsonObject { ["resolution"] = new JsonObject { ["name"] = "Duplicate" } }));
        Assert.Equal(HttpStatusCode.NoContent, resolved.StatusCode);
        var fields = (await GetAsync(client, key, "?fields=status,resolution,resolutiondate"))["fields"]!;
        Assert.Equal("Duplicate", fields["resolution"]!["name"]!.GetValue<string>());
        Assert.NotNull(fields["resolutiondate"]);

        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(client, $"/rest/api/3/issue/{key}/transitions", Transition("71"))).StatusCode);
        fields = (await GetAsync(client, key, "?fields=status,resolution,resolutiondate"))["fields"]!;
        Assert.Equal("Open", fields["status"]!["name"]!.GetValue<string>());
        Assert.Null(fields["resolution"]);
        Assert.Null(fields["resolutiondate"]);
    }

    [Fact]
    public async Task DoTransition_ToDoneWithoutResolution_SetsDone()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var key = await CreateAsync(client, "ENG", SiteSeeder.TypeTask, "finish");
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(client, $"/rest/api/3/issue/{key}/transitions", Transition("31"))).StatusCode);
        var fields = (await GetAsync(client, key, "?fields=resolution,status"))["fields"]!;
        Assert.Equal("Done", fields["resolution"]!["name"]!.GetValue<string>());
        Assert.Equal("Done", fields["status"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task DoTransition_InvalidOrUnavailableOrMissing_400()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var key = await CreateAsync(client, "SEC", SiteSeeder.TypeBug, "bad transitions");
        var unknown = await (await PostAsync(client, $"/rest/api/3/issue/{key}/transitions", Transition("999"))).ExpectErrorAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Transition id '999' is not valid for this issue.", unknown["errorMessages"]![0]!.GetValue<string>());
        var fromElsewhere = await (await PostAsync(client, $"/rest/api/3/issue/{key}/transitions", Transition("61"))).ExpectErrorAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Close Issue", fromElsewhere["errorMessages"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var missing = await (await PostAsync(client, $"/rest/api/3/issue/{key}/transitions", new JsonObject())).ExpectErrorAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Missing 'transition' identifier", missing["errorMessages"]![0]!.GetValue<string>());
        var offScreen = await PostAsync(client, $"/rest/api/3/issue/{key}/transitions", Transition("31", new JsonObject { ["summary"] = "no" }));
        Assert.NotNull((await offScreen.ExpectErrorAsync(HttpStatusCode.BadRequest))["errors"]!["summary"]);
    }

    [Fact]
    public async Task DoTransition_WithoutPermission_400_AndHiddenIssue_404()
    {
        using var grace = sandbox.Client(DemoCredentials.Grace);
        var denied = await PostAsync(grace, "/rest/api/3/issue/ENG-1/transitions", Transition("21"));
        await denied.ExpectErrorAsync(HttpStatusCode.BadRequest, "permission");
        var hidden = await PostAsync(grace, "/rest/api/3/issue/SEC-456/transitions", Transition("31"));
        await hidden.ExpectErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Assign_AccountId_NullAndMinusOne()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var key = await CreateAsync(client, "SEC", SiteSeeder.TypeTask, "assign");
        Assert.Equal(HttpStatusCode.NoContent, (await PutAsync(client, $"/rest/api/3/issue/{key}/assignee", new JsonObject { ["accountId"] = AccountId("bob") })).StatusCode);
        Assert.Equal(AccountId("bob"), (await GetAsync(client, key, "?fields=assignee"))["fields"]!["assignee"]!["accountId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await PutAsync(client, $"/rest/api/3/issue/{key}/assignee", new JsonObject { ["accountId"] = null })).StatusCode);
        Assert.Null((await GetAsync(client, key, "?fields=assignee"))["fields"]!["assignee"]);
        Assert.Equal(HttpStatusCode.NoContent, (await PutAsync(client, $"/rest/api/3/issue/{key}/assignee", new JsonObject { ["accountId"] = "-1" })).StatusCode);
        Assert.Equal(AccountId("alice"), (await GetAsync(client, key, "?fields=assignee"))["fields"]!["assignee"]!["accountId"]!.GetValue<string>());
        var assigned = sandbox.Events.For(key).Where(e => e.WebhookEvent == "jira:issue_updated").ToList();
        Assert.Equal(3, assigned.Count);
        Assert.All(assigned, e => Assert.Equal("issue_assigned", e.Payload["issue_event_type_name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Assign_NotAssignableUnknownOrNoPermission_Errors()
    {
        using var alice = sandbox.Client(DemoCredentials.Alice);
        var key = await CreateAsync(alice, "SEC", SiteSeeder.TypeTask, "assign errors");
        var carol = await PutAsync(alice, $"/rest/api/3/issue/{key}/assignee", new JsonObject { ["accountId"] = AccountId("carol") });
        Assert.Equal($"User '{AccountId("carol")}' cannot be assigned issues.", (await carol.ExpectErrorAsync(HttpStatusCode.BadRequest))["errors"]!["assignee"]!.GetValue<string>());
        var unknown = await PutAsync(alice, $"/rest/api/3/issue/{key}/assignee", new JsonObject { ["accountId"] = "nobody" });
        await unknown.ExpectErrorAsync(HttpStatusCode.BadRequest);
        var malformed = await PutAsync(alice, $"/rest/api/3/issue/{key}/assignee", new JsonObject { ["nope"] = 1 });
        await malformed.ExpectErrorAsync(HttpStatusCode.BadRequest);
        using var grace = sandbox.Client(DemoCredentials.Grace);
        var denied = await PutAsync(grace, "/rest/api/3/issue/ENG-1/assignee", new JsonObject { ["accountId"] = AccountId("dave") });
        await denied.ExpectErrorAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Assign_DataCenter_ByNameAndItsOwnErrorCodes()
    {
        await using var host = await SandboxFixture.StartAsync(SandboxFlavor.DataCenter);
        using var carol = host.CreateClient(DemoCredentials.Carol);
        Assert.Equal(HttpStatusCode.NoContent, (await PutAsync(carol, "/rest/api/2/issue/ENG-1/assignee", new JsonObject { ["name"] = "dave" })).StatusCode);
        var issue = await GetAsync(carol, "ENG-1", "?fields=assignee", api: "2");
        Assert.Equal("dave", issue["fields"]!["assignee"]!["name"]!.GetValue<string>());
        await (await PutAsync(carol, "/rest/api/2/issue/ENG-1/assignee", new JsonObject { ["name"] = "nobody" })).ExpectErrorAsync(HttpStatusCode.NotFound);
        using var grace = host.CreateClient(DemoCredentials.Grace);
        await (await PutAsync(grace, "/rest/api/2/issue/ENG-1/assignee", new JsonObject { ["name"] = "dave" })).ExpectErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Delete_NeedsDeletePermission_RefusesSubtasksUnlessAsked()
    {
        using var alice = sandbox.Client(DemoCredentials.Alice);
        var parent = await CreateAsync(alice, "SEC", SiteSeeder.TypeTask, "parent to delete");
        var child = await CreateAsync(alice, "SEC", SiteSeeder.TypeSubtask, "child", Fields(("parent", new JsonObject { ["key"] = parent })));
        var denied = await alice.DeleteAsync($"/rest/api/3/issue/{parent}", Ct);
        await denied.ExpectErrorAsync(HttpStatusCode.Forbidden, "You do not have permission to delete issues in this project.");

        using var ada = sandbox.Client(DemoCredentials.Ada);
        var withSubtasks = await (await ada.DeleteAsync($"/rest/api/3/issue/{parent}", Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith($"The issue '{parent}' has subtasks.", withSubtasks["errorMessages"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        await (await ada.DeleteAsync($"/rest/api/3/issue/{parent}?deleteSubtasks=maybe", Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest);

        var deleted = await ada.DeleteAsync($"/rest/api/3/issue/{parent}?deleteSubtasks=true", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await ada.GetAsync($"/rest/api/3/issue/{parent}", Ct)).ExpectErrorAsync(HttpStatusCode.NotFound);
        await (await ada.GetAsync($"/rest/api/3/issue/{child}", Ct)).ExpectErrorAsync(HttpStatusCode.NotFound);
        Assert.Contains(sandbox.Events.For(child), e => e.WebhookEvent == "jira:issue_deleted");
        Assert.Contains(sandbox.Events.For(parent), e => e.WebhookEvent == "jira:issue_deleted");
        await (await ada.DeleteAsync($"/rest/api/3/issue/{parent}", Ct)).ExpectErrorAsync(HttpStatusCode.NotFound);
    }
}
