using System.Net;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Tests.Conformance;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.SiteDirectory;

/// <summary>
/// Every project, user and metadata route, success and error, validated against Atlassian's OpenAPI response
/// schema for its path, method and status: the Cloud platform spec for /rest/api/3 and the Data Center 10.3
/// spec for /rest/api/2 on a Data Center sandbox.
/// </summary>
public sealed class DirectoryConformanceTests(SandboxFixture sandbox, DataCenterSandbox dataCenter) : IClassFixture<DataCenterSandbox>
{
    private static readonly string AliceId = SiteSeeder.AccountIdFor("alice");

    public static TheoryData<string, string, string, int> CloudCases => new()
    {
        { "ada", "/project/search", "/project/search", 200 },
        { "ada", "/project/search?expand=description,lead,issueTypes,url,projectKeys,insight&maxResults=2", "/project/search", 200 },
        { "ada", "/project/search?orderBy=sideways", "/project/search", 400 },
        { "ada", "/project?expand=description,lead,issueTypes", "/project", 200 },
        { "ada", "/project/SEC?expand=insight", "/project/{projectIdOrKey}", 200 },
        { "grace", "/project/SEC", "/project/{projectIdOrKey}", 404 },
        { "ada", "/project/SEC/components", "/project/{projectIdOrKey}/components", 200 },
        { "grace", "/project/HR/components", "/project/{projectIdOrKey}/components", 404 },
        { "ada", "/project/SEC/component?orderBy=-issueCount&maxResults=2", "/project/{projectIdOrKey}/component", 200 },
        { "ada", "/project/ENG/versions", "/project/{projectIdOrKey}/versions", 200 },
        { "ada", "/project/ENG/version?status=unreleased", "/project/{projectIdOrKey}/version", 200 },
        { "grace", "/project/SEC/version", "/project/{projectIdOrKey}/version", 404 },
        { "ada", "/project/SEC/permissionscheme?expand=all", "/project/{projectKeyOrId}/permissionscheme", 200 },
        { "ada", "/project/HR/permissionscheme", "/project/{projectKeyOrId}/permissionscheme", 200 },
        { "alice", "/project/SEC/permissionscheme", "/project/{projectKeyOrId}/permissionscheme", 403 },
        { "ada", "/permissionscheme/10001?expand=permissions", "/permissionscheme/{schemeId}", 200 },
        { "alice", "/permissionscheme/10001", "/permissionscheme/{schemeId}", 404 },
        { "ada", "/project/SEC/role", "/project/{projectIdOrKey}/role", 200 },
        { "ada", "/project/SEC/role/10001", "/project/{projectIdOrKey}/role/{id}", 200 },
        { "ada", "/project/ENG/role/10000", "/project/{projectIdOrKey}/role/{id}", 200 },
        { "ada", "/project/SEC/role/999", "/project/{projectIdOrKey}/role/{id}", 404 },
        { "ada", "/project/SEC/securitylevel", "/project/{projectKeyOrId}/securitylevel", 200 },
        { "alice", "/project/SEC/securitylevel", "/project/{projectKeyOrId}/securitylevel", 200 },
        { "grace", "/project/SEC/securitylevel", "/project/{projectKeyOrId}/securitylevel", 404 },
        { "ada", "/issuesecurityschemes/10000", "/issuesecurityschemes/{id}", 200 },
        { "alice", "/issuesecurityschemes/10000", "/issuesecurityschemes/{id}", 403 },
        { "ada", "/users/search?maxResults=20", "/users/search", 200 },
        { "ada", "/users", "/users", 200 },
        { "ada", $"/user?accountId={AliceId}&expand=groups,applicationRoles", "/user", 200 },
        { "ada", "/user?accountId=000000000000000000000000", "/user", 404 },
        { "ada", "/user?username=alice", "/user", 400 },
        { "ada", $"/user/groups?accountId={AliceId}", "/user/groups", 200 },
        { "ada", "/user/groups?accountId=000000000000000000000000", "/user/groups", 404 },
        { "ada", "/user/search?query=al", "/user/search", 200 },
        { "ada", "/user/search", "/user/search", 400 },
        { "ada", "/user/assignable/search?project=SEC", "/user/assignable/search", 200 },
        { "ada", "/user/assignable/search?issueKey=SEC-456&query=b", "/user/assignable/search", 200 },
        { "ada", "/user/assignable/search", "/user/assignable/search", 400 },
        { "grace", "/user/assignable/search?project=SEC", "/user/assignable/search", 404 },
        { "ada", "/myself?expand=groups,applicationRoles", "/myself", 200 },
        { "bot", "/myself", "/myself", 200 },
        { "ada", "/group/bulk?maxResults=3", "/group/bulk", 200 },
        { "ada", "/group/member?groupname=sec-team", "/group/member", 200 },
        { "ada", "/group/member", "/group/member", 400 },
        { "ada", "/group/member?groupname=nobody-group", "/group/member", 404 },
        { "anonymous", "/serverInfo", "/serverInfo", 200 },
        { "ada", "/mypermissions?permissions=BROWSE_PROJECTS,ADMINISTER,EDIT_ISSUES&projectKey=SEC", "/mypermissions", 200 },
        { "ada", "/mypermissions?permissions=BROWSE_PROJECTS&issueKey=SEC-456", "/mypermissions", 200 },
        { "ada", "/mypermissions", "/mypermissions", 400 },
        { "ada", "/mypermissions?permissions=NOT_A_PERMISSION", "/mypermissions", 400 },
        { "grace", "/mypermissions?permissions=BROWSE_PROJECTS&projectKey=HR", "/mypermissions", 404 },
        { "ada", "/field", "/field", 200 },
        { "ada", "/field/search?type=custom&expand=key", "/field/search", 200 },
        { "ada", "/field/search?type=both", "/field/search", 400 },
        { "ada", "/priority", "/priority", 200 },
        { "ada", "/priority/search?onlyDefault=true", "/priority/search", 200 },
        { "ada", "/priority/3", "/priority/{id}", 200 },
        { "ada", "/priority/99", "/priority/{id}", 404 },
        { "ada", "/status", "/status", 200 },
        { "ada", "/status/Open", "/status/{idOrName}", 200 },
        { "grace", "/status/Open", "/status/{idOrName}", 404 },
        { "ada", "/statuses/search?statusCategory=DONE", "/statuses/search", 200 },
        { "alice", "/statuses/search", "/statuses/search", 401 },
        { "ada", "/statuses?id=1&id=3", "/statuses", 200 },
        { "ada", "/statuses", "/statuses", 400 },
        { "ada", "/issuetype", "/issuetype", 200 },
        { "ada", "/issuetype/10001", "/issuetype/{id}", 200 },
        { "ada", "/issuetype/99", "/issuetype/{id}", 404 },
        { "ada", "/issuetype/abc", "/issuetype/{id}", 400 },
        { "ada", "/resolution", "/resolution", 200 },
        { "ada", "/resolution/10000", "/resolution/{id}", 200 },
        { "ada", "/resolution/1", "/resolution/{id}", 404 },
        { "ada", "/statuscategory", "/statuscategory", 200 },
        { "ada", "/statuscategory/indeterminate", "/statuscategory/{idOrKey}", 200 },
        { "ada", "/statuscategory/42", "/statuscategory/{idOrKey}", 404 },
    };

    public static TheoryData<string, string, string, int> DataCenterCases => new()
    {
        { "ada", "/project?expand=description,lead", "/project", 200 },
        { "ada", "/project/SEC", "/project/{projectIdOrKey}", 200 },
        { "grace", "/project/SEC", "/project/{projectIdOrKey}", 404 },
        { "ada", "/project/SEC/components", "/project/{projectIdOrKey}/components", 200 },
        { "ada", "/project/ENG/versions", "/project/{projectIdOrKey}/versions", 200 },
        { "ada", "/project/ENG/version?maxResults=2", "/project/{projectIdOrKey}/version", 200 },
        { "ada", "/project/SEC/permissionscheme?expand=all", "/project/{projectKeyOrId}/permissionscheme", 200 },
        { "alice", "/project/SEC/permissionscheme", "/project/{projectKeyOrId}/permissionscheme", 403 },
        { "ada", "/permissionscheme/10000?expand=all", "/permissionscheme/{schemeId}", 200 },
        { "alice", "/permissionscheme/10000", "/permissionscheme/{schemeId}", 403 },
        { "alice", "/project/SEC/role/10001", "/project/{projectIdOrKey}/role/{id}", 200 },
        { "ada", "/project/SEC/securitylevel", "/project/{projectKeyOrId}/securitylevel", 200 },
        { "ada", "/issuesecurityschemes/10000", "/issuesecurityschemes/{id}", 200 },
        { "alice", "/issuesecurityschemes/10000", "/issuesecurityschemes/{id}", 403 },
        { "ada", "/user?username=alice&expand=groups,applicationRoles", "/user", 200 },
        { "ada", "/user?key=JIRAUSER10101", "/user", 200 },
        { "ada", "/user?username=nobody", "/user", 404 },
        { "ada", "/user/search?username=a", "/user/search", 200 },
        { "ada", "/user/search", "/user/search", 400 },
        { "ada", "/user/assignable/search?project=SEC", "/user/assignable/search", 200 },
        { "ada", "/myself", "/myself", 200 },
        { "ada", "/group/member?groupname=sec-team", "/group/member", 200 },
        { "alice", "/group/member?groupname=sec-team", "/group/member", 403 },
        { "ada", "/group/member?groupname=nobody-group", "/group/member", 404 },
        { "ada", "/mypermissions", "/mypermissions", 200 },
        { "ada", "/mypermissions?projectKey=NOPE", "/mypermissions", 404 },
        { "ada", "/field", "/field", 200 },
        { "ada", "/priority", "/priority", 200 },
        { "ada", "/priority/page", "/priority/page", 200 },
        { "ada", "/priority/1", "/priority/{id}", 200 },
        { "ada", "/priority/99", "/priority/{id}", 404 },
        { "ada", "/status", "/status", 200 },
        { "ada", "/status/page?maxResults=3", "/status/page", 200 },
        { "ada", "/status/3", "/status/{idOrName}", 200 },
        { "ada", "/status/404", "/status/{idOrName}", 404 },
        { "ada", "/issuetype", "/issuetype", 200 },
        { "ada", "/issuetype/10001", "/issuetype/{id}", 200 },
        { "ada", "/resolution", "/resolution", 200 },
        { "ada", "/resolution/10000", "/resolution/{id}", 200 },
        { "ada", "/statuscategory", "/statuscategory", 200 },
        { "ada", "/statuscategory/2", "/statuscategory/{idOrKey}", 200 },
    };

    [Theory]
    [MemberData(nameof(CloudCases))]
    public async Task CloudRoute_ResponseConformsToPlatformSpec(string user, string path, string template, int status)
    {
        using var client = user == "anonymous" ? sandbox.Anonymous() : sandbox.Client(DirectoryHttp.User(user));
        var body = await (await client.GetAsync("/rest/api/3" + path, Ct)).ExpectAsync((HttpStatusCode)status);
        DirectoryHttp.AssertConforms(SpecKind.Platform, "/rest/api/3" + template, status, body);
    }

    [Theory]
    [MemberData(nameof(DataCenterCases))]
    public async Task DataCenterRoute_ResponseConformsToDataCenterSpec(string user, string path, string template, int status)
    {
        using var client = dataCenter.Client(DirectoryHttp.User(user));
        var body = await (await client.GetAsync("/rest/api/2" + path, Ct)).ExpectAsync((HttpStatusCode)status);
        DirectoryHttp.AssertConforms(SpecKind.DataCenter, "/rest/api/2" + template, status, body);
    }

    [Fact]
    public async Task DataCenterProjectRoles_HaveNoSpecSchema_AndMatchJirasRoleMap()
    {
        // The DC spec declares no body for GET /project/{k}/role; Jira answers a name -> URL map (as in the fixture's roles).
        using var client = dataCenter.Client(DemoCredentials.Ada);
        var body = await client.GetJsonAsync("/rest/api/2/project/SEC/role");
        var outcome = ResponseSchemaValidator.Validate(SpecKind.DataCenter, "GET", "/rest/api/2/project/{projectIdOrKey}/role", 200, body);
        Assert.Equal(ValidationStatus.NoSchema, outcome.Status);
        // The recorded Server project carries the same role map: role name -> role URL.
        var fixtureRoles = FixtureShapes.Load("jira-ruby/dc-v2-project-get.json").RootElement.GetProperty("roles");
        Assert.Equal(fixtureRoles.EnumerateObject().Select(p => p.Name).Order(), body.AsObject().Select(p => p.Key).Order());
        Assert.All(body.AsObject(), p => Assert.Matches("/rest/api/2/project/10000/role/1000[0-2]$", p.Value!.GetValue<string>()));
    }

    [Fact]
    public async Task DataCenterProjectAndListing_MatchRecordedServerFixtures()
    {
        using var client = dataCenter.Client(DemoCredentials.Ada);
        ConformanceAssert.MatchesFixture("jira-ruby/dc-v2-projects-get.json", await client.GetJsonAsync("/rest/api/2/project"));
        ConformanceAssert.MatchesFixture("jira-ruby/dc-v2-project-get.json", await client.GetJsonAsync("/rest/api/2/project/ENG"));
        ConformanceAssert.MatchesFixture("go-jira/statuscategories-get.json", await client.GetJsonAsync("/rest/api/2/statuscategory"));
        ConformanceAssert.MatchesFixture("jira-ruby/dc-v2-priorities-get.json", await client.GetJsonAsync("/rest/api/2/priority"));
        ConformanceAssert.MatchesFixture("jira-ruby/dc-v2-statuses-get.json", await client.GetJsonAsync("/rest/api/2/status"));
        // The recorded field list holds system fields only; compare ours of that kind.
        var systemFields = new System.Text.Json.Nodes.JsonArray([.. (await client.GetJsonAsync("/rest/api/2/field")).Array()
            .Where(f => !f!["custom"]!.GetValue<bool>()).Select(f => f!.DeepClone())]);
        ConformanceAssert.MatchesFixture("jira-ruby/dc-v2-fields-get.json", systemFields);
    }
}
