using System.Net;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;
using static JiraGate.Sandbox.Tests.Issues.IssueCalls;

namespace JiraGate.Sandbox.Tests.Issues;

public sealed class IssueEditTests(PrivateCloudSandbox sandbox) : IClassFixture<PrivateCloudSandbox>
{
    private static JsonObject SetFields(params (string Name, JsonNode? Value)[] fields) => new() { ["fields"] = Fields(fields) };

    [Fact]
    public async Task Edit_Fields_204_RecordsOneHistoryEntryAndBumpsUpdated()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var key = await CreateAsync(client, "ENG", SiteSeeder.TypeTask, "before");
        var before = (await GetAsync(client, key))["fields"]!["updated"]!.GetValue<string>();
        var response = await PutAsync(client, $"/rest/api/3/issue/{key}", SetFields(("summary", "after"), ("priority", new JsonObject { ["id"] = "1" })));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        var issue = await GetAsync(client, key, "?expand=changelog");
        Assert.Equal("after", issue["fields"]!["summary"]!.GetValue<string>());
        var history = Assert.Single(issue["changelog"]!["histories"]!.AsArray())!;
        var items = history["items"]!.AsArray();
        Assert.Contains(items, i => i!["field"]!.GetValue<string>() == "summary" && i["fromString"]!.GetValue<string>() == "before" && i["toString"]!.GetValue<string>() == "after");
        Assert.Contains(items, i => i!["field"]!.GetValue<string>() == "priority" && i["to"]!.GetValue<string>() == "1" && i["toString"]!.GetValue<string>() == "Highest");
        Assert.Equal(AccountId("carol"), history["author"]!["accountId"]!.GetValue<string>());
        Assert.True(string.CompareOrdinal(issue["fields"]!["updated"]!.GetValue<string>(), before) >= 0);
        var updated = Assert.Single(sandbox.Events.For(key), e => e.WebhookEvent == "jira:issue_updated");
        Assert.Equal("issue_updated", updated.Payload["issue_event_type_name"]!.GetValue<string>());
        Assert.NotNull(updated.Payload["changelog"]);
    }

    [Fact]
    public async Task Edit_UpdateVerbs_AddRemoveSetOnLabelsAndComponents()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var key = await CreateAsync(client, "ENG", SiteSeeder.TypeTask, "verbs", Fields(("labels", new JsonArray("a", "b"))));
        var body = new JsonObject
        {
            ["update"] = new JsonObject
            {
                ["labels"] = new JsonArray(new JsonObject { ["add"] = "c" }, new JsonObject { ["remove"] = "a" }),
                ["components"] = new JsonArray(new JsonObject { ["set"] = new JsonArray(new JsonObject { ["name"] = "API" }) }),
                ["summary"] = new JsonArray(new JsonObject { ["set"] = "renamed" }),
            },
        };
        Assert.Equal(HttpStatusCode.NoContent, (await PutAsync(client, $"/rest/api/3/issue/{key}", body)).StatusCode);
        var fields = (await GetAsync(client, key, "?fields=labels,components,summary"))["fields"]!;
        Assert.Equal(["b", "c"], fields["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal("API", fields["components"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("renamed", fields["summary"]!.GetValue<string>());
    }

    [Fact]
    public async Task Edit_ReturnIssueTrue_200WithTheEditedIssue()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var key = await CreateAsync(client, "ENG", SiteSeeder.TypeTask, "return me");
        var response = await PutAsync(client, $"/rest/api/3/issue/{key}?returnIssue=true", SetFields(("summary", "returned")));
        var issue = (await response.ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal("returned", issue["fields"]!["summary"]!.GetValue<string>());
    }

    [Fact]
    public async Task Edit_UnknownFieldOrStatus_400AndNothingChanges()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var key = await CreateAsync(client, "ENG", SiteSeeder.TypeTask, "unchanged");
        var response = await PutAsync(client, $"/rest/api/3/issue/{key}", SetFields(("summary", "changed?"), ("status", new JsonObject { ["id"] = "10001" }), ("nope", 1)));
        var errors = (await response.ExpectErrorAsync(HttpStatusCode.BadRequest))["errors"]!;
        Assert.Equal("Field 'status' cannot be set. It is not on the appropriate screen, or unknown.", errors["status"]!.GetValue<string>());
        Assert.NotNull(errors["nope"]);
        Assert.Equal("unchanged", (await GetAsync(client, key, "?fields=summary"))["fields"]!["summary"]!.GetValue<string>());
    }

    [Fact]
    public async Task Edit_SameProjectAndType_AreAccepted()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var key = await CreateAsync(client, "ENG", SiteSeeder.TypeTask, "echo");
        var response = await PutAsync(client, $"/rest/api/3/issue/{key}", SetFields(("project", new JsonObject { ["key"] = "ENG" }),
            ("issuetype", new JsonObject { ["id"] = SiteSeeder.TypeTask }), ("summary", "echoed")));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var moved = await PutAsync(client, $"/rest/api/3/issue/{key}", SetFields(("project", new JsonObject { ["key"] = "OPS" })));
        var errors = (await moved.ExpectErrorAsync(HttpStatusCode.BadRequest))["errors"]!;
        Assert.StartsWith("Field 'project' cannot be set.", errors["project"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_EmptyBody_400OneOfFieldsOrUpdateRequired()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var key = await CreateAsync(client, "ENG", SiteSeeder.TypeTask, "empty");
        var response = await PutAsync(client, $"/rest/api/3/issue/{key}", new JsonObject());
        var body = await response.ExpectErrorAsync(HttpStatusCode.BadRequest);
        Assert.Equal("one of 'fields' or 'update' required", body["errorMessages"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Edit_FieldInBothFieldsAndUpdate_400()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var key = await CreateAsync(client, "ENG", SiteSeeder.TypeTask, "both");
        var body = SetFields(("summary", "a"));
        body["update"] = new JsonObject { ["summary"] = new JsonArray(new JsonObject { ["set"] = "b" }) };
        await (await PutAsync(client, $"/rest/api/3/issue/{key}", body)).ExpectErrorAsync(HttpStatusCode.BadRequest, "summary");
    }

    [Fact]
    public async Task Edit_WithoutEditPermission_403()
    {
        using var carol = sandbox.Client(DemoCredentials.Carol);
        var key = await CreateAsync(carol, "ENG", SiteSeeder.TypeTask, "read only for grace");
        using var grace = sandbox.Client(DemoCredentials.Grace);
        var response = await PutAsync(grace, $"/rest/api/3/issue/{key}", SetFields(("summary", "hijack")));
        await response.ExpectErrorAsync(HttpStatusCode.Forbidden, "You do not have permission to edit issues in this project.");
    }

    [Fact]
    public async Task Edit_IssueCallerCannotBrowse_404()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var response = await PutAsync(client, "/rest/api/3/issue/SEC-456", SetFields(("summary", "x")));
        await response.ExpectErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Edit_OverrideScreenSecurityAsApiTokenUser_403()
    {
        using var client = sandbox.Client(DemoCredentials.Ada);
        var response = await PutAsync(client, "/rest/api/3/issue/ENG-1?overrideScreenSecurity=true", SetFields(("summary", "x")));
        await response.ExpectErrorAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Edit_DueDateWithoutSchedulePermission_IsNotOnScreen()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        // Alice schedules in SEC (developer); the field is on her screen there.
        var key = await CreateAsync(client, "SEC", SiteSeeder.TypeTask, "due");
        Assert.Equal(HttpStatusCode.NoContent, (await PutAsync(client, $"/rest/api/3/issue/{key}", SetFields(("duedate", "2027-01-31")))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await PutAsync(client, $"/rest/api/3/issue/{key}", SetFields(("duedate", null)))).StatusCode);
        Assert.Null((await GetAsync(client, key, "?fields=duedate"))["fields"]!["duedate"]);
    }

    [Fact]
    public async Task Edit_AddCommentThroughUpdate_AddsComment()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var key = await CreateAsync(client, "ENG", SiteSeeder.TypeTask, "comment me");
        var body = new JsonObject { ["update"] = new JsonObject { ["comment"] = new JsonArray(new JsonObject { ["add"] = new JsonObject { ["body"] = AdfDoc("Looks good") } }) } };
        Assert.Equal(HttpStatusCode.NoContent, (await PutAsync(client, $"/rest/api/3/issue/{key}", body)).StatusCode);
        var comments = (await GetAsync(client, key, "?fields=comment"))["fields"]!["comment"]!["comments"]!.AsArray();
        Assert.Equal("Looks good", Assert.Single(comments)!["body"]!["content"]![0]!["content"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Edit_CustomFieldsAndParent_RecordCustomHistoryItems()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var key = await CreateAsync(client, "SEC", SiteSeeder.TypeIncident, "sev change", Fields((Severity, new JsonObject { ["id"] = "10101" })));
        var response = await PutAsync(client, $"/rest/api/3/issue/{key}", SetFields((Severity, new JsonObject { ["value"] = "Sev3" })));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var history = (await GetAsync(client, key, "?expand=changelog&fields=summary"))["changelog"]!["histories"]![0]!["items"]![0]!;
        Assert.Equal("Severity", history["field"]!.GetValue<string>());
        Assert.Equal("custom", history["fieldtype"]!.GetValue<string>());
        Assert.Equal("Sev2", history["fromString"]!.GetValue<string>());
        Assert.Equal("Sev3", history["toString"]!.GetValue<string>());
        var cleared = await PutAsync(client, $"/rest/api/3/issue/{key}", SetFields((Severity, null)));
        Assert.Equal("Severity is required.", (await cleared.ExpectErrorAsync(HttpStatusCode.BadRequest))["errors"]![Severity]!.GetValue<string>());
    }

    [Fact]
    public async Task Edit_DataCenter_NotifyUsersFalseWithoutAdmin_403()
    {
        await using var host = await SandboxFixture.StartAsync(SandboxFlavor.DataCenter);
        using var carol = host.CreateClient(DemoCredentials.Carol);
        var key = await CreateAsync(carol, "ENG", SiteSeeder.TypeTask, "dc edit", api: "2");
        var quiet = await PutAsync(carol, $"/rest/api/2/issue/{key}?notifyUsers=false", SetFields(("summary", "quiet")));
        await quiet.ExpectErrorAsync(HttpStatusCode.Forbidden, "admin or project admin");
        var loud = await PutAsync(carol, $"/rest/api/2/issue/{key}", SetFields(("summary", "loud"), ("description", "*bold*")));
        Assert.Equal(HttpStatusCode.NoContent, loud.StatusCode);
        using var bot = host.CreateClient(DemoCredentials.Bot);
        Assert.Equal(HttpStatusCode.NoContent, (await PutAsync(bot, $"/rest/api/2/issue/{key}?notifyUsers=false", SetFields(("summary", "bot")))).StatusCode);
    }
}
