using System.Net;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;
using static JiraGate.Sandbox.Tests.Issues.IssueCalls;

namespace JiraGate.Sandbox.Tests.Issues;

public sealed class IssueCreateTests(PrivateCloudSandbox sandbox) : IClassFixture<PrivateCloudSandbox>
{
    private static JsonObject Body(string project, string type, params (string Name, JsonNode? Value)[] more)
    {
        var fields = Fields(("project", new JsonObject { ["key"] = project }), ("issuetype", new JsonObject { ["id"] = type }));
        foreach (var (name, value) in more)
        {
            fields[name] = value;
        }
        return new JsonObject { ["fields"] = fields };
    }

    [Fact]
    public async Task Create_MinimalTask_201WithIdKeySelf_AndInitialState()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var response = await PostAsync(client, "/rest/api/3/issue", Body("ENG", SiteSeeder.TypeTask, ("summary", "Write the runbook")));
        var created = (await response.ExpectAsync(HttpStatusCode.Created))!;
        var key = created["key"]!.GetValue<string>();
        Assert.StartsWith("ENG-", key, StringComparison.Ordinal);
        Assert.EndsWith("/rest/api/3/issue/" + created["id"]!.GetValue<string>(), created["self"]!.GetValue<string>(), StringComparison.Ordinal);

        var issue = await GetAsync(client, key);
        var fields = issue["fields"]!;
        Assert.Equal("To Do", fields["status"]!["name"]!.GetValue<string>());
        Assert.Equal(AccountId("carol"), fields["reporter"]!["accountId"]!.GetValue<string>());
        Assert.Equal(AccountId("carol"), fields["creator"]!["accountId"]!.GetValue<string>());
        Assert.Equal("Medium", fields["priority"]!["name"]!.GetValue<string>());
        Assert.Equal(fields["created"]!.GetValue<string>(), fields["updated"]!.GetValue<string>());
        Assert.Null(fields["resolution"]);
    }

    [Fact]
    public async Task Create_Twice_KeysFollowTheProjectCounter()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var first = await CreateAsync(client, "ENG", SiteSeeder.TypeTask, "one");
        var second = await CreateAsync(client, "ENG", SiteSeeder.TypeTask, "two");
        Assert.Equal(long.Parse(first[4..], System.Globalization.CultureInfo.InvariantCulture) + 1,
            long.Parse(second[4..], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Create_EveryFieldKind_IsStoredAndReadBack()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var key = await CreateAsync(client, "SEC", SiteSeeder.TypeIncident, "Ransomware note on file server", Fields(
            ("description", AdfDoc("Encrypted shares found.")),
            ("environment", AdfDoc("Production")),
            ("priority", new JsonObject { ["name"] = "High" }),
            ("labels", new JsonArray("ransomware", "triage")),
            ("components", new JsonArray(new JsonObject { ["name"] = "Forensics" }, new JsonObject { ["id"] = "10000" })),
            ("fixVersions", new JsonArray(new JsonObject { ["id"] = "10001" })),
            ("duedate", "2026-12-01"),
            ("assignee", new JsonObject { ["accountId"] = AccountId("bob") }),
            (Severity, new JsonObject { ["value"] = "Sev1" }),
            (RootCause, AdfDoc("Phished admin")),
            (IncidentDate, "2026-11-20"),
            (CustomerImpact, "None known"),
            (SprintField, 2),
            ("timetracking", new JsonObject { ["originalEstimate"] = "1d 2h" })));
        var fields = (await GetAsync(client, key))["fields"]!;
        Assert.Equal("Encrypted shares found.", fields["description"]!["content"]![0]!["content"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("High", fields["priority"]!["name"]!.GetValue<string>());
        Assert.Equal(["ransomware", "triage"], fields["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal(["Forensics", "Detection"], fields["components"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal("2026.Q4", fields["fixVersions"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("2026-12-01", fields["duedate"]!.GetValue<string>());
        Assert.Equal(AccountId("bob"), fields["assignee"]!["accountId"]!.GetValue<string>());
        Assert.Equal("10100", fields[Severity]!["id"]!.GetValue<string>());
        Assert.Equal("doc", fields[RootCause]!["type"]!.GetValue<string>());
        Assert.Equal("2026-11-20", fields[IncidentDate]!.GetValue<string>());
        Assert.Equal("None known", fields[CustomerImpact]!.GetValue<string>());
        Assert.Equal(2, fields[SprintField]![0]!["id"]!.GetValue<int>());
        Assert.Equal(10 * 3600, fields["timeoriginalestimate"]!.GetValue<long>());
        Assert.Equal("Open", fields["status"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_UpdateForm_AddsLabels()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var body = Body("ENG", SiteSeeder.TypeTask, ("summary", "Via update"));
        body["update"] = new JsonObject { ["labels"] = new JsonArray(new JsonObject { ["add"] = "from-update" }) };
        var key = (await (await PostAsync(client, "/rest/api/3/issue", body)).ExpectAsync(HttpStatusCode.Created))!["key"]!.GetValue<string>();
        var fields = (await GetAsync(client, key, "?fields=labels"))["fields"]!;
        Assert.Equal("from-update", fields["labels"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("NOPE", "10001", "project", "Specify a valid project ID or key")]
    [InlineData("ENG", "99999", "issuetype", "The issue type selected is invalid.")]
    [InlineData("SEC", SiteSeeder.TypeStory, "issuetype", "The issue type selected is invalid.")]
    public async Task Create_UnknownProjectOrType_400WithFieldError(string project, string type, string field, string message)
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var response = await PostAsync(client, "/rest/api/3/issue", Body(project, type, ("summary", "x")));
        var body = await response.ExpectErrorAsync(HttpStatusCode.BadRequest);
        Assert.Equal(message, body["errors"]![field]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_ProjectCallerCannotBrowse_400AsIfUnknown()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var response = await PostAsync(client, "/rest/api/3/issue", Body("SEC", SiteSeeder.TypeTask, ("summary", "x")));
        var body = await response.ExpectErrorAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Specify a valid project ID or key", body["errors"]!["project"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_WithoutCreatePermission_400OnProject()
    {
        using var client = sandbox.Client(DemoCredentials.Grace);
        var response = await PostAsync(client, "/rest/api/3/issue", Body("ENG", SiteSeeder.TypeTask, ("summary", "x")));
        var body = await response.ExpectErrorAsync(HttpStatusCode.BadRequest);
        Assert.Equal("You do not have permission to create issues in this project.", body["errors"]!["project"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_MissingSummaryAndRequiredSeverity_400ListsBoth()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var response = await PostAsync(client, "/rest/api/3/issue", Body("SEC", SiteSeeder.TypeIncident));
        var errors = (await response.ExpectErrorAsync(HttpStatusCode.BadRequest))["errors"]!;
        Assert.Equal("You must specify a summary of the issue.", errors["summary"]!.GetValue<string>());
        Assert.Equal("Severity is required.", errors[Severity]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_UnknownField_400CannotBeSet()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var response = await PostAsync(client, "/rest/api/3/issue", Body("ENG", SiteSeeder.TypeTask, ("summary", "x"), ("foo", "bar"), ("status", new JsonObject { ["id"] = "10001" })));
        var errors = (await response.ExpectErrorAsync(HttpStatusCode.BadRequest))["errors"]!;
        Assert.Equal("Field 'foo' cannot be set. It is not on the appropriate screen, or unknown.", errors["foo"]!.GetValue<string>());
        Assert.NotNull(errors["status"]);
    }

    [Fact]
    public async Task Create_V3StringDescription_400NotAnAtlassianDocument()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var response = await PostAsync(client, "/rest/api/3/issue", Body("ENG", SiteSeeder.TypeTask, ("summary", "x"), ("description", "plain text")));
        var errors = (await response.ExpectErrorAsync(HttpStatusCode.BadRequest))["errors"]!;
        Assert.Equal("Operation value must be an Atlassian Document (see the Atlassian Document Format)", errors["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_V2WikiDescription_ReadsBackAsAdfInV3()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var key = await CreateAsync(client, "ENG", SiteSeeder.TypeTask, "wiki", Fields(("description", "Steps to reproduce")), api: "2");
        var v3 = (await GetAsync(client, key, "?fields=description"))["fields"]!["description"]!;
        Assert.Equal("doc", v3["type"]!.GetValue<string>());
        var v2 = (await GetAsync(client, key, "?fields=description", api: "2"))["fields"]!["description"]!;
        Assert.Contains("Steps to reproduce", v2.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("priority", "{\"id\":\"99\"}", "The priority selected is invalid.")]
    [InlineData("labels", "[\"has space\"]", "The label 'has space' contains spaces which is invalid.")]
    [InlineData("components", "[{\"name\":\"Nope\"}]", "Component name 'Nope' is not valid")]
    [InlineData("duedate", "\"tomorrow\"", "Error parsing date string: tomorrow")]
    [InlineData("customfield_10016", "\"five\"", "Operation value must be a number")]
    [InlineData("customfield_10030", "{\"value\":\"Sev9\"}", "Option value 'Sev9' is not valid")]
    [InlineData("customfield_10020", "1", "Issue can be assigned only active or future sprints.")]
    [InlineData("assignee", "{\"accountId\":\"nobody\"}", "Specified user does not exist or you do not have required permissions")]
    [InlineData("parent", "{\"key\":\"SEC-999999\"}", "Could not find issue by id or key.")]
    public async Task Create_InvalidFieldValue_400WithJirasMessage(string field, string json, string message)
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var response = await PostAsync(client, "/rest/api/3/issue", Body("SEC", SiteSeeder.TypeTask, ("summary", "x"), (field, JsonNode.Parse(json))));
        var errors = (await response.ExpectErrorAsync(HttpStatusCode.BadRequest))["errors"]!;
        Assert.Equal(message, errors[field]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_AssigneeWithoutAssignableUser_400CannotBeAssigned()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var response = await PostAsync(client, "/rest/api/3/issue", Body("ENG", SiteSeeder.TypeTask, ("summary", "x"),
            ("assignee", new JsonObject { ["accountId"] = AccountId("grace") })));
        var errors = (await response.ExpectErrorAsync(HttpStatusCode.BadRequest))["errors"]!;
        Assert.Equal($"User '{AccountId("grace")}' cannot be assigned issues.", errors["assignee"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_Subtask_NeedsParentAndAppearsUnderIt()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var missing = await PostAsync(client, "/rest/api/3/issue", Body("ENG", SiteSeeder.TypeSubtask, ("summary", "child")));
        var errors = (await missing.ExpectErrorAsync(HttpStatusCode.BadRequest))["errors"]!;
        Assert.Equal("Issue type is a sub-task but parent issue key or id not specified.", errors["issuetype"]!.GetValue<string>());

        var parent = await CreateAsync(client, "ENG", SiteSeeder.TypeTask, "parent");
        var child = await CreateAsync(client, "ENG", SiteSeeder.TypeSubtask, "child", Fields(("parent", new JsonObject { ["key"] = parent })));
        var subtasks = (await GetAsync(client, parent, "?fields=subtasks"))["fields"]!["subtasks"]!.AsArray();
        Assert.Contains(subtasks, s => s!["key"]!.GetValue<string>() == child);
        Assert.Equal(parent, (await GetAsync(client, child, "?fields=parent"))["fields"]!["parent"]!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_SubtaskOfIssueInOtherProject_400()
    {
        using var client = sandbox.Client(DemoCredentials.Ada);
        var response = await PostAsync(client, "/rest/api/3/issue", Body("ENG", SiteSeeder.TypeSubtask, ("summary", "x"), ("parent", new JsonObject { ["key"] = "OPS-1" })));
        var body = await response.ExpectErrorAsync(HttpStatusCode.BadRequest);
        var all = body.ToJsonString();
        Assert.True(all.Contains("Sub-tasks must be created in the same project as the parent.", StringComparison.Ordinal)
            || all.Contains("appropriate hierarchy", StringComparison.Ordinal), all);
    }

    [Fact]
    public async Task Create_PublishesIssueCreatedEvent()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var key = await CreateAsync(client, "ENG", SiteSeeder.TypeTask, "event");
        var events = sandbox.Events.For(key);
        var created = Assert.Single(events);
        Assert.Equal("jira:issue_created", created.WebhookEvent);
        Assert.Equal("issue_created", created.Payload["issue_event_type_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_WithTransition_CreatesAndMovesIt()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var body = Body("ENG", SiteSeeder.TypeTask, ("summary", "straight to progress"));
        body["transition"] = new JsonObject { ["id"] = "21" };
        var created = (await (await PostAsync(client, "/rest/api/3/issue", body)).ExpectAsync(HttpStatusCode.Created))!;
        Assert.Equal(200, created["transition"]!["status"]!.GetValue<int>());
        var issue = await GetAsync(client, created["key"]!.GetValue<string>(), "?fields=status");
        Assert.Equal("In Progress", issue["fields"]!["status"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_MalformedJsonOrWrongContentType_4xx()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var malformed = await client.PostAsync("/rest/api/3/issue", JsonBody("{\"fields\":"), Ct);
        await malformed.ExpectErrorAsync(HttpStatusCode.BadRequest);
        using var text = new StringContent("{}", System.Text.Encoding.UTF8, "text/plain");
        var wrongType = await client.PostAsync("/rest/api/3/issue", text, Ct);
        await wrongType.ExpectErrorAsync(HttpStatusCode.UnsupportedMediaType);
        var array = await client.PostAsync("/rest/api/3/issue", JsonBody("[]"), Ct);
        await array.ExpectErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_DataCenter_UsersByNameAndWikiText()
    {
        await using var host = await SandboxFixture.StartAsync(SandboxFlavor.DataCenter);
        using var client = host.CreateClient(DemoCredentials.Carol);
        var key = await CreateAsync(client, "ENG", SiteSeeder.TypeTask, "dc issue", Fields(
            ("assignee", new JsonObject { ["name"] = "dave" }), ("description", "h1. Title")), api: "2");
        var fields = (await GetAsync(client, key, "?fields=assignee,description", api: "2"))["fields"]!;
        Assert.Equal("dave", fields["assignee"]!["name"]!.GetValue<string>());
        Assert.IsType<JsonValue>(fields["description"], exactMatch: false);

        var bad = await PostAsync(client, "/rest/api/2/issue", Body("NOPE", SiteSeeder.TypeTask, ("summary", "x")));
        var errors = (await bad.ExpectErrorAsync(HttpStatusCode.BadRequest))["errors"]!;
        Assert.Equal("valid project is required", errors["project"]!.GetValue<string>());
        var missingType = await PostAsync(client, "/rest/api/2/issue", new JsonObject { ["fields"] = Fields(("project", new JsonObject { ["key"] = "ENG" }), ("summary", "x")) });
        Assert.Equal("issue type is required", (await missingType.ExpectErrorAsync(HttpStatusCode.BadRequest))["errors"]!["issuetype"]!.GetValue<string>());
    }
}
