using System.Net;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Tests.Conformance;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.Agile;

/// <summary>
/// Agile/Software responses against Atlassian's documents: the spec schema where it declares one (board list, board,
/// SoftwareIssueResults), recorded fixtures where it does not (Agile 200s), and declared statuses for errors.
/// </summary>
public sealed class AgileConformanceTests(SandboxFixture sandbox)
{
    /// <summary>
    /// Issue fields of the recorded Cloud sprint list that depend on that site (its custom fields, epic link, who is
    /// assigned, what is resolved), and time fields it only ever recorded as null (so it has no kind to compare).
    /// </summary>
    private static readonly string[] SiteSpecificIssueFields =
    [
        "$.issues[*].fields.customfield_11200", "$.issues[*].fields.customfield_10105", "$.issues[*].fields.customfield_10700",
        "$.issues[*].fields.epic", "$.issues[*].fields.resolution", "$.issues[*].fields.resolutiondate", "$.issues[*].fields.assignee",
        "$.issues[*].fields.timespent", "$.issues[*].fields.timeestimate",
    ];

    private async Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(DemoCredentials.DemoUser user, string path)
    {
        using var client = sandbox.Client(user);
        var response = await client.GetAsync(path, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private async Task<JsonNode?> OkAsync(DemoCredentials.DemoUser user, string path)
    {
        var (status, body) = await GetAsync(user, path);
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    [Fact]
    public async Task BoardList_MatchesSpecSchemaAndRecordedList()
    {
        var body = await OkAsync(DemoCredentials.Alice, "/rest/agile/1.0/board");
        ConformanceAssert.MatchesSpec(SpecKind.Software, "get", "/rest/agile/1.0/board", 200, body);
        ConformanceAssert.MatchesFixture("go-jira/agile-boards-get.json", body);
    }

    [Fact]
    public async Task Board_MatchesSpecSchema()
    {
        var body = await OkAsync(DemoCredentials.Alice, "/rest/agile/1.0/board/44");
        ConformanceAssert.MatchesSpec(SpecKind.Software, "get", "/rest/agile/1.0/board/{boardId}", 200, body);
    }

    [Fact]
    public async Task BoardSprints_MatchRecordedSprintPages()
    {
        var body = await OkAsync(DemoCredentials.Alice, "/rest/agile/1.0/board/42/sprint");
        ConformanceAssert.MatchesFixture("go-jira/agile-board-sprints-get.json", body);
        ConformanceAssert.MatchesFixture("jira-ruby/agile-board-sprints-get.json", body);
        Assert.Null(body!["total"]);
    }

    [Fact]
    public async Task Sprint_MatchesRecordedSprint()
    {
        var body = await OkAsync(DemoCredentials.Alice, "/rest/agile/1.0/sprint/1");
        // rapidview_id is a legacy GreenHopper alias of originBoardId found only in that Server capture.
        ConformanceAssert.MatchesFixture("jira-ruby/agile-sprint-get.json", body, "$.rapidview_id");
    }

    [Fact]
    public async Task SprintIssues_MatchRecordedCloudSprintIssues()
    {
        var body = await OkAsync(DemoCredentials.Alice, "/rest/agile/1.0/sprint/1/issue?maxResults=10");
        ConformanceAssert.MatchesFixture("go-jira/cloud-agile-sprint-issues-get.json", body, SiteSpecificIssueFields);
    }

    [Fact]
    public async Task BoardIssues_MatchRecordedBoardIssues()
    {
        var body = await OkAsync(DemoCredentials.Grace, "/rest/agile/1.0/board/43/issue?maxResults=10");
        ConformanceAssert.MatchesFixture("jira-ruby/agile-board-issues-get.json", body);
    }

    [Fact]
    public async Task Backlog_HasTheRecordedIssueListEnvelope()
    {
        var body = await OkAsync(DemoCredentials.Alice, "/rest/agile/1.0/board/42/backlog?maxResults=10");
        ConformanceAssert.MatchesFixture("go-jira/cloud-agile-sprint-issues-get.json", body, SiteSpecificIssueFields);
    }

    [Theory]
    [InlineData("/rest/software/1.0/board/42/backlog?maxResults=5", "/rest/software/1.0/board/{boardId}/backlog")]
    [InlineData("/rest/software/1.0/board/42/issue?maxResults=5", "/rest/software/1.0/board/{boardId}/issue")]
    [InlineData("/rest/software/1.0/sprint/2/issue?maxResults=5", "/rest/software/1.0/sprint/{sprintId}/issue")]
    [InlineData("/rest/software/1.0/sprint/3/issue?maxResults=100", "/rest/software/1.0/sprint/{sprintId}/issue")]
    public async Task SoftwareLists_MatchSoftwareIssueResultsSchema(string path, string template)
    {
        var body = await OkAsync(DemoCredentials.Alice, path);
        ConformanceAssert.MatchesSpec(SpecKind.Software, "get", template, 200, body);
    }

    [Theory]
    [InlineData("/rest/agile/1.0/board?type=nope", "/rest/agile/1.0/board", 400)]
    [InlineData("/rest/agile/1.0/board/42", "/rest/agile/1.0/board/{boardId}", 404)]
    [InlineData("/rest/agile/1.0/board/44/sprint", "/rest/agile/1.0/board/{boardId}/sprint", 400)]
    [InlineData("/rest/agile/1.0/board/42/sprint", "/rest/agile/1.0/board/{boardId}/sprint", 404)]
    [InlineData("/rest/agile/1.0/sprint/2", "/rest/agile/1.0/sprint/{sprintId}", 404)]
    [InlineData("/rest/agile/1.0/sprint/2/issue", "/rest/agile/1.0/sprint/{sprintId}/issue", 404)]
    [InlineData("/rest/agile/1.0/board/44/backlog", "/rest/agile/1.0/board/{boardId}/backlog", 400)]
    [InlineData("/rest/agile/1.0/board/42/backlog", "/rest/agile/1.0/board/{boardId}/backlog", 404)]
    [InlineData("/rest/agile/1.0/board/42/issue", "/rest/agile/1.0/board/{boardId}/issue", 404)]
    [InlineData("/rest/software/1.0/board/42/backlog", "/rest/software/1.0/board/{boardId}/backlog", 404)]
    [InlineData("/rest/software/1.0/sprint/5/issue?nextPageToken=bad", "/rest/software/1.0/sprint/{sprintId}/issue", 400)]
    [InlineData("/rest/software/1.0/board/43/issue?reconcileIssues=x", "/rest/software/1.0/board/{boardId}/issue", 400)]
    public async Task Errors_UseStatusesTheSpecDeclares_InErrorCollectionShape(string path, string template, int status)
    {
        var (actual, body) = await GetAsync(DemoCredentials.Grace, path);
        Assert.Equal(status, (int)actual);
        // The Software spec declares these statuses without a body schema; the body is Jira's ErrorCollection.
        var outcome = ResponseSchemaValidator.Validate(SpecKind.Software, "get", template, status, body);
        Assert.True(outcome.Status == ValidationStatus.NoSchema, outcome.ToString());
        var collection = ResponseSchemaValidator.ValidateComponent(SpecKind.DataCenter, "ErrorCollection", body);
        Assert.True(collection.IsValid, collection.ToString());
        Assert.NotEmpty(body!["errorMessages"]!.AsArray());
    }

    [Fact]
    public async Task DataCenter_Responses_ValidateAgainstTheDcDocument()
    {
        await using var host = await SandboxFixture.StartAsync(SandboxFlavor.DataCenter);
        using var client = host.CreateClient(DemoCredentials.Alice);
        async Task<JsonNode?> Get(string path) => await (await client.GetAsync(path, Ct)).ExpectAsync(HttpStatusCode.OK);

        ConformanceAssert.MatchesSpec(SpecKind.DataCenter, "get", "/agile/1.0/board", 200, await Get("/rest/agile/1.0/board"));
        ConformanceAssert.MatchesSpec(SpecKind.DataCenter, "get", "/agile/1.0/board/{boardId}", 200, await Get("/rest/agile/1.0/board/42"));
        ConformanceAssert.MatchesSpec(SpecKind.DataCenter, "get", "/agile/1.0/board/{boardId}/sprint", 200, await Get("/rest/agile/1.0/board/42/sprint"));
        ConformanceAssert.MatchesSpec(SpecKind.DataCenter, "get", "/agile/1.0/sprint/{sprintId}", 200, await Get("/rest/agile/1.0/sprint/2"));
        ConformanceAssert.MatchesSpec(SpecKind.DataCenter, "get", "/agile/1.0/sprint/{sprintId}/issue", 200, await Get("/rest/agile/1.0/sprint/2/issue?maxResults=5"));
        ConformanceAssert.MatchesSpec(SpecKind.DataCenter, "get", "/agile/1.0/board/{boardId}/issue", 200, await Get("/rest/agile/1.0/board/42/issue?maxResults=5"));
        ConformanceAssert.MatchesSpec(SpecKind.DataCenter, "get", "/agile/1.0/board/{boardId}/backlog", 200, await Get("/rest/agile/1.0/board/42/backlog?maxResults=5"));
        var notFound = await (await client.GetAsync("/rest/agile/1.0/board/4242", Ct)).ExpectAsync(HttpStatusCode.NotFound);
        Assert.True(ResponseSchemaValidator.ValidateComponent(SpecKind.DataCenter, "ErrorCollection", notFound).IsValid);
    }
}
