using System.Net;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Tests.Conformance;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;
using static JiraGate.Sandbox.Tests.Issues.IssueCalls;

namespace JiraGate.Sandbox.Tests.Issues;

/// <summary>
/// Every issue endpoint's success and error bodies checked against Atlassian's OpenAPI documents: the platform
/// spec for Cloud v3, the DC 10.3 spec for Data Center v2. Error statuses the spec declares without a schema are
/// checked against its ErrorCollection component.
/// </summary>
public sealed class IssueConformanceTests(PrivateCloudSandbox sandbox) : IClassFixture<PrivateCloudSandbox>
{
    private const string Issue = "/rest/api/3/issue/{issueIdOrKey}";

    private static async Task<JsonNode?> Conforms(HttpResponseMessage response, HttpStatusCode expected, string method, string template, SpecKind spec = SpecKind.Platform)
    {
        var body = await response.ExpectAsync(expected);
        var status = (int)expected;
        if (status >= 400)
        {
            var outcome = ResponseSchemaValidator.Validate(spec, method, template, status, body);
            if (outcome.Status is ValidationStatus.NoSchema)
            {
                outcome = ResponseSchemaValidator.ValidateComponent(spec, "ErrorCollection", body);
            }
            Assert.True(outcome.IsValid, outcome.ToString());
            return body;
        }
        ConformanceAssert.MatchesSpec(spec, method, template, status, body);
        return body;
    }

    [Fact]
    public async Task GetIssue_200WithEveryExpand_And404()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var key = await CreateAsync(client, "SEC", SiteSeeder.TypeIncident, "conform", Fields((Severity, new JsonObject { ["value"] = "Sev2" }),
            ("description", AdfDoc("text")), ("labels", new JsonArray("a")), ("components", new JsonArray(new JsonObject { ["id"] = "10000" }))));
        Assert.Equal(HttpStatusCode.NoContent, (await PutAsync(client, $"/rest/api/3/issue/{key}", new JsonObject { ["fields"] = Fields(("summary", "conformed")) })).StatusCode);
        await Conforms(await client.GetAsync($"/rest/api/3/issue/{key}?expand=names,schema,editmeta,transitions,changelog,renderedFields&properties=*all", Ct), HttpStatusCode.OK, "GET", Issue);
        await Conforms(await client.GetAsync("/rest/api/3/issue/SEC-456", Ct), HttpStatusCode.OK, "GET", Issue);
        await Conforms(await client.GetAsync("/rest/api/3/issue/NOPE-1", Ct), HttpStatusCode.NotFound, "GET", Issue);
    }

    [Fact]
    public async Task CreateIssue_201And400()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var body = new JsonObject { ["fields"] = Fields(("project", new JsonObject { ["key"] = "ENG" }), ("issuetype", new JsonObject { ["id"] = SiteSeeder.TypeTask }), ("summary", "c")) };
        await Conforms(await PostAsync(client, "/rest/api/3/issue", body), HttpStatusCode.Created, "POST", "/rest/api/3/issue");
        body["transition"] = new JsonObject { ["id"] = "21" };
        await Conforms(await PostAsync(client, "/rest/api/3/issue", body), HttpStatusCode.Created, "POST", "/rest/api/3/issue");
        await Conforms(await PostAsync(client, "/rest/api/3/issue", new JsonObject { ["fields"] = new JsonObject() }), HttpStatusCode.BadRequest, "POST", "/rest/api/3/issue");
    }

    [Fact]
    public async Task EditDeleteAssignTransition_Errors()
    {
        using var alice = sandbox.Client(DemoCredentials.Alice);
        var key = await CreateAsync(alice, "SEC", SiteSeeder.TypeTask, "errors");
        await Conforms(await PutAsync(alice, $"/rest/api/3/issue/{key}?returnIssue=true", new JsonObject { ["fields"] = Fields(("summary", "r")) }), HttpStatusCode.OK, "PUT", Issue);
        await Conforms(await PutAsync(alice, $"/rest/api/3/issue/{key}", new JsonObject { ["fields"] = Fields(("nope", 1)) }), HttpStatusCode.BadRequest, "PUT", Issue);
        await Conforms(await alice.DeleteAsync($"/rest/api/3/issue/{key}", Ct), HttpStatusCode.Forbidden, "DELETE", Issue);
        await Conforms(await PutAsync(alice, $"/rest/api/3/issue/{key}/assignee", new JsonObject { ["accountId"] = "nobody" }), HttpStatusCode.BadRequest, "PUT", Issue + "/assignee");
        await Conforms(await PostAsync(alice, $"/rest/api/3/issue/{key}/transitions", new JsonObject { ["transition"] = new JsonObject { ["id"] = "999" } }), HttpStatusCode.BadRequest, "POST", Issue + "/transitions");
        using var grace = sandbox.Client(DemoCredentials.Grace);
        await Conforms(await PutAsync(grace, "/rest/api/3/issue/ENG-1", new JsonObject { ["fields"] = Fields(("summary", "x")) }), HttpStatusCode.Forbidden, "PUT", Issue);
        await Conforms(await PutAsync(grace, "/rest/api/3/issue/ENG-1/assignee", new JsonObject { ["accountId"] = null }), HttpStatusCode.Forbidden, "PUT", Issue + "/assignee");
    }

    [Fact]
    public async Task Transitions_200()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        await Conforms(await client.GetAsync("/rest/api/3/issue/SEC-456/transitions?expand=transitions.fields", Ct), HttpStatusCode.OK, "GET", Issue + "/transitions");
        using var grace = sandbox.Client(DemoCredentials.Grace);
        await Conforms(await grace.GetAsync("/rest/api/3/issue/ENG-1/transitions?includeUnavailableTransitions=true", Ct), HttpStatusCode.OK, "GET", Issue + "/transitions");
    }

    [Fact]
    public async Task Bulk_201_400_AndBulkFetch_200_400()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        JsonObject Element(string type) => new() { ["fields"] = Fields(("project", new JsonObject { ["key"] = "ENG" }), ("issuetype", new JsonObject { ["id"] = type }), ("summary", "b")) };
        await Conforms(await PostAsync(client, "/rest/api/3/issue/bulk", new JsonObject { ["issueUpdates"] = new JsonArray(Element(SiteSeeder.TypeTask), Element("1")) }),
            HttpStatusCode.Created, "POST", "/rest/api/3/issue/bulk");
        await Conforms(await PostAsync(client, "/rest/api/3/issue/bulk", new JsonObject { ["issueUpdates"] = new JsonArray(Element("1")) }),
            HttpStatusCode.BadRequest, "POST", "/rest/api/3/issue/bulk");
        await Conforms(await PostAsync(client, "/rest/api/3/issue/bulkfetch", new JsonObject { ["issueIdsOrKeys"] = new JsonArray("ENG-1", "ENG-2"), ["expand"] = new JsonArray("names", "schema") }),
            HttpStatusCode.OK, "POST", "/rest/api/3/issue/bulkfetch");
        await Conforms(await PostAsync(client, "/rest/api/3/issue/bulkfetch", new JsonObject { ["issueIdsOrKeys"] = new JsonArray() }),
            HttpStatusCode.BadRequest, "POST", "/rest/api/3/issue/bulkfetch");
    }

    [Fact]
    public async Task ChangelogAndProperties()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var key = await CreateAsync(client, "ENG", SiteSeeder.TypeTask, "history");
        await PutAsync(client, $"/rest/api/3/issue/{key}", new JsonObject { ["fields"] = Fields(("summary", "h2"), ("assignee", new JsonObject { ["accountId"] = AccountId("dave") })) });
        await PutAsync(client, $"/rest/api/3/issue/{key}/properties/p", new JsonObject { ["v"] = 1 });
        await Conforms(await client.GetAsync($"/rest/api/3/issue/{key}/changelog?maxResults=1", Ct), HttpStatusCode.OK, "GET", Issue + "/changelog");
        await Conforms(await client.GetAsync($"/rest/api/3/issue/{key}/properties", Ct), HttpStatusCode.OK, "GET", Issue + "/properties");
        await Conforms(await client.GetAsync($"/rest/api/3/issue/{key}/properties/p", Ct), HttpStatusCode.OK, "GET", Issue + "/properties/{propertyKey}");
        await Conforms(await client.GetAsync($"/rest/api/3/issue/{key}/properties/none", Ct), HttpStatusCode.NotFound, "GET", Issue + "/properties/{propertyKey}");
    }

    [Fact]
    public async Task EditMetaAndCreateMeta()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        await Conforms(await client.GetAsync("/rest/api/3/issue/SEC-456/editmeta", Ct), HttpStatusCode.OK, "GET", Issue + "/editmeta");
        const string Types = "/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes";
        await Conforms(await client.GetAsync("/rest/api/3/issue/createmeta/SEC/issuetypes", Ct), HttpStatusCode.OK, "GET", Types);
        await Conforms(await client.GetAsync($"/rest/api/3/issue/createmeta/SEC/issuetypes/{SiteSeeder.TypeIncident}", Ct), HttpStatusCode.OK, "GET", Types + "/{issueTypeId}");
        await Conforms(await client.GetAsync("/rest/api/3/issue/createmeta/SEC/issuetypes?maxResults=500", Ct), HttpStatusCode.BadRequest, "GET", Types);
    }

    [Fact]
    public async Task DataCenter_IssueEndpoints_MatchTheDcSpec()
    {
        await using var host = await SandboxFixture.StartAsync(SandboxFlavor.DataCenter);
        using var client = host.CreateClient(DemoCredentials.Alice);
        const string DcIssue = "/rest/api/2/issue/{issueIdOrKey}";
        var created = await Conforms(await PostAsync(client, "/rest/api/2/issue", new JsonObject
        {
            ["fields"] = Fields(("project", new JsonObject { ["key"] = "SEC" }), ("issuetype", new JsonObject { ["id"] = SiteSeeder.TypeBug }), ("summary", "dc"), ("description", "wiki")),
        }), HttpStatusCode.Created, "POST", "/rest/api/2/issue", SpecKind.DataCenter);
        var key = created!["key"]!.GetValue<string>();
        await Conforms(await client.GetAsync($"/rest/api/2/issue/{key}", Ct), HttpStatusCode.OK, "GET", DcIssue, SpecKind.DataCenter);
        await Conforms(await client.GetAsync($"/rest/api/2/issue/{key}/transitions?expand=transitions.fields", Ct), HttpStatusCode.OK, "GET", DcIssue + "/transitions", SpecKind.DataCenter);
        await Conforms(await client.GetAsync($"/rest/api/2/issue/{key}/editmeta", Ct), HttpStatusCode.OK, "GET", DcIssue + "/editmeta", SpecKind.DataCenter);
        await Conforms(await client.GetAsync($"/rest/api/2/issue/{key}/properties", Ct), HttpStatusCode.OK, "GET", DcIssue + "/properties", SpecKind.DataCenter);
        await Conforms(await client.GetAsync("/rest/api/2/issue/createmeta/SEC/issuetypes", Ct), HttpStatusCode.OK, "GET", "/rest/api/2/issue/createmeta/{projectIdOrKey}/issuetypes", SpecKind.DataCenter);
        await Conforms(await client.GetAsync($"/rest/api/2/issue/createmeta/SEC/issuetypes/{SiteSeeder.TypeIncident}", Ct), HttpStatusCode.OK, "GET", "/rest/api/2/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}", SpecKind.DataCenter);
        await Conforms(await PostAsync(client, "/rest/api/2/issue", new JsonObject { ["fields"] = new JsonObject() }), HttpStatusCode.BadRequest, "POST", "/rest/api/2/issue", SpecKind.DataCenter);
        await Conforms(await PostAsync(client, $"/rest/api/2/issue/{key}/transitions", new JsonObject()), HttpStatusCode.BadRequest, "POST", DcIssue + "/transitions", SpecKind.DataCenter);
        await Conforms(await PutAsync(client, $"/rest/api/2/issue/{key}/assignee", new JsonObject { ["name"] = "nobody" }), HttpStatusCode.NotFound, "PUT", DcIssue + "/assignee", SpecKind.DataCenter);
    }
}
