using System.Net;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;
using static JiraGate.Sandbox.Tests.Issues.IssueCalls;

namespace JiraGate.Sandbox.Tests.Issues;

/// <summary>Odd values for every settable field and verb must get a Jira-shaped answer, never a 500.</summary>
public sealed class IssueRobustnessTests(PrivateCloudSandbox sandbox) : IClassFixture<PrivateCloudSandbox>
{
    private static readonly string[] FieldIds =
    [
        "summary", "description", "environment", "priority", "labels", "components", "fixVersions", "versions", "duedate",
        "assignee", "reporter", "parent", "security", "issuetype", "project", "timetracking", "comment", "status", "resolution",
        Severity, StoryPoints, SprintField, RootCause, IncidentDate, CustomerImpact, "customfield_99999",
    ];

    private static readonly string[] OddValues =
    [
        "null", "1", "-1", "1.5", "\"x\"", "\"\"", "true", "[]", "{}", "[1]", "[null]", "[{}]", "{\"id\":null}", "{\"id\":{}}",
        "{\"name\":5}", "{\"key\":\"../SEC-1\"}", "{\"value\":[]}", "{\"accountId\":7}", "{\"originalEstimate\":\"1x\"}", "{\"none\":\"yes\"}",
        "{\"body\":\"text\"}", "{\"type\":\"doc\",\"version\":1,\"content\":{}}",
    ];

    [Fact]
    public async Task CreateAndEdit_OddValuesForEveryField_NeverServerError()
    {
        using var client = sandbox.Client(DemoCredentials.Ada);
        var key = await CreateAsync(client, "SEC", SiteSeeder.TypeIncident, "target", Fields((Severity, new JsonObject { ["value"] = "Sev1" })));
        foreach (var field in FieldIds)
        {
            foreach (var odd in OddValues)
            {
                var fields = Fields(("project", new JsonObject { ["key"] = "SEC" }), ("issuetype", new JsonObject { ["id"] = SiteSeeder.TypeIncident }),
                    ("summary", "odd"), (Severity, new JsonObject { ["value"] = "Sev1" }));
                fields[field] = JsonNode.Parse(odd);
                var create = await PostAsync(client, "/rest/api/3/issue", new JsonObject { ["fields"] = fields });
                Assert.True((int)create.StatusCode is 201 or 400, $"create {field}={odd}: {(int)create.StatusCode} {await create.Content.ReadAsStringAsync(Ct)}");

                foreach (var verb in (string[])["set", "add", "remove", "edit"])
                {
                    var update = new JsonObject { ["update"] = new JsonObject { [field] = new JsonArray(new JsonObject { [verb] = JsonNode.Parse(odd) }) } };
                    var edit = await PutAsync(client, $"/rest/api/3/issue/{key}", update);
                    Assert.True((int)edit.StatusCode is 204 or 400, $"edit {verb} {field}={odd}: {(int)edit.StatusCode} {await edit.Content.ReadAsStringAsync(Ct)}");
                }
                var transition = await PostAsync(client, $"/rest/api/3/issue/{key}/transitions",
                    new JsonObject { ["transition"] = JsonNode.Parse(odd), ["fields"] = new JsonObject { ["resolution"] = JsonNode.Parse(odd) } });
                Assert.True((int)transition.StatusCode is 204 or 400, $"transition {odd}: {(int)transition.StatusCode}");
                var assign = await PutAsync(client, $"/rest/api/3/issue/{key}/assignee", JsonNode.Parse(odd) ?? new JsonObject());
                Assert.True((int)assign.StatusCode is 204 or 400, $"assign {odd}: {(int)assign.StatusCode}");
            }
        }
    }

    [Theory]
    [InlineData("{\"fields\":[]}")]
    [InlineData("{\"fields\":{},\"update\":[]}")]
    [InlineData("{\"update\":{\"labels\":{}}}")]
    [InlineData("{\"update\":{\"labels\":[\"add\"]}}")]
    [InlineData("{\"update\":{\"labels\":[{}]}}")]
    [InlineData("{\"fields\":{\"summary\":\"x\"},\"properties\":{}}")]
    [InlineData("{\"fields\":{\"summary\":\"x\"},\"properties\":[{\"key\":\"\"}]}")]
    [InlineData("{\"fields\":{\"summary\":\"x\"},\"properties\":[null]}")]
    public async Task Edit_MalformedBodies_400(string json)
    {
        using var client = sandbox.Client(DemoCredentials.Ada);
        var response = await client.PutAsync("/rest/api/3/issue/SEC-1", JsonBody(json), Ct);
        await response.ExpectErrorAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/rest/api/3/issue/SEC-1/transitions?includeUnavailableTransitions=nope")]
    [InlineData("/rest/api/3/issue/SEC-1/changelog?maxResults=abc")]
    [InlineData("/rest/api/3/issue/createmeta/SEC/issuetypes?startAt=-5")]
    [InlineData("/rest/api/3/issue/SEC-1/editmeta?overrideEditableFlag=2")]
    public async Task Get_BadQueryParameters_400(string path)
    {
        using var client = sandbox.Client(DemoCredentials.Ada);
        await (await client.GetAsync(path, Ct)).ExpectErrorAsync(HttpStatusCode.BadRequest);
    }
}
