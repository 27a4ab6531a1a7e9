using System.Net;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.SiteDirectory;

public sealed class MetadataEndpointsTests(SandboxFixture sandbox, DataCenterSandbox dataCenter) : IClassFixture<DataCenterSandbox>
{
    private static bool Have(JsonNode body, string key) => body["permissions"]![key]!["havePermission"]!.GetValue<bool>();

    [Fact]
    public async Task ServerInfo_AnonymousCloudAndDataCenter()
    {
        using var anonymous = sandbox.Anonymous();
        var cloud = await anonymous.GetJsonAsync("/rest/api/3/serverInfo");
        Assert.Equal("Cloud", cloud["deploymentType"]!.GetValue<string>());
        Assert.Equal("1001.0.0-SNAPSHOT", cloud["version"]!.GetValue<string>());
        Assert.Equal(sandbox.Host.BaseUrl.ToString().TrimEnd('/'), cloud["baseUrl"]!.GetValue<string>());
        Assert.NotNull(cloud["serverTime"]);
        using var dcAnonymous = dataCenter.Host.CreateClient();
        var dc = await dcAnonymous.GetJsonAsync("/rest/api/2/serverInfo");
        Assert.Equal("Server", dc["deploymentType"]!.GetValue<string>());
        Assert.Equal("10.3.24", dc["version"]!.GetValue<string>());
        Assert.Equal([10, 3, 24], dc["versionNumbers"]!.Array().Select(n => n!.GetValue<int>()));
    }

    [Fact]
    public async Task MyPermissions_CloudRequiresKeys_AndAnswersPerContext()
    {
        using var grace = sandbox.Client(DemoCredentials.Grace);
        await (await grace.GetAsync("/rest/api/3/mypermissions", Ct))
            .ExpectJiraErrorAsync(HttpStatusCode.BadRequest, "The 'permissions' query parameter is required.");
        await (await grace.GetAsync("/rest/api/3/mypermissions?permissions=BROWSE", Ct)).ExpectJiraErrorAsync(HttpStatusCode.BadRequest, "BROWSE");
        var global = await grace.GetJsonAsync("/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,EDIT_ISSUES,ADMINISTER,USER_PICKER");
        Assert.True(Have(global, "BROWSE_PROJECTS"));
        Assert.False(Have(global, "EDIT_ISSUES"));
        Assert.False(Have(global, "ADMINISTER"));
        Assert.True(Have(global, "USER_PICKER"));
        Assert.Equal("GLOBAL", global["permissions"]!["ADMINISTER"]!["type"]!.GetValue<string>());
        Assert.Equal("10", global["permissions"]!["BROWSE_PROJECTS"]!["id"]!.GetValue<string>());
        var eng = await grace.GetJsonAsync("/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,ADD_COMMENTS,CREATE_ISSUES&projectKey=ENG");
        Assert.True(Have(eng, "ADD_COMMENTS"));
        Assert.False(Have(eng, "CREATE_ISSUES"));
        await (await grace.GetAsync("/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectKey=HR", Ct))
            .ExpectJiraErrorAsync(HttpStatusCode.NotFound, "No project could be found with key 'HR'.");
        await (await grace.GetAsync("/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&issueKey=SEC-456", Ct))
            .ExpectJiraErrorAsync(HttpStatusCode.NotFound, "Issue does not exist or you do not have permission to see it.");

        using var frank = sandbox.Client(DemoCredentials.Frank);
        Assert.True(Have(await frank.GetJsonAsync("/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectId=10003"), "BROWSE_PROJECTS"));
        using var ada = sandbox.Client(DemoCredentials.Ada);
        var admin = await ada.GetJsonAsync("/rest/api/3/mypermissions?permissions=ADMINISTER,SET_ISSUE_SECURITY&issueKey=SEC-456");
        Assert.True(Have(admin, "ADMINISTER"));
        Assert.True(Have(admin, "SET_ISSUE_SECURITY"));
        using var alice = sandbox.Client(DemoCredentials.Alice);
        Assert.False(Have(await alice.GetJsonAsync("/rest/api/3/mypermissions?permissions=SET_ISSUE_SECURITY&projectKey=SEC"), "SET_ISSUE_SECURITY"));
    }

    [Fact]
    public async Task MyPermissions_ReporterGrantCountsInProjectContext()
    {
        // HR grants Browse Projects to the reporter: Jira reports it in a project context (some issue could be theirs).
        using var ada = sandbox.Client(DemoCredentials.Ada);
        Assert.True(Have(await ada.GetJsonAsync("/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectKey=HR"), "BROWSE_PROJECTS"));
        using var frank = sandbox.Client(DemoCredentials.Frank);
        Assert.False(Have(await frank.GetJsonAsync("/rest/api/3/mypermissions?permissions=DELETE_ISSUES&projectKey=HR"), "DELETE_ISSUES"));
    }

    [Fact]
    public async Task MyPermissions_DataCenterListsAllWithoutKeys()
    {
        using var alice = dataCenter.Client(DemoCredentials.Alice);
        var all = await alice.GetJsonAsync("/rest/api/2/mypermissions?projectKey=SEC");
        Assert.True(all["permissions"]!.AsObject().Count >= 30);
        Assert.True(Have(all, "EDIT_ISSUES"));
        Assert.False(Have(all, "ADMINISTER"));
        await (await alice.GetAsync("/rest/api/2/mypermissions?issueId=abc", Ct)).ExpectJiraErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Fields_ListAndSearch()
    {
        using var client = sandbox.Client(DemoCredentials.Grace);
        var fields = await client.GetJsonAsync("/rest/api/3/field");
        var storyPoints = fields.Array().Single(f => f!["id"]!.GetValue<string>() == "customfield_10016")!;
        Assert.True(storyPoints["custom"]!.GetValue<bool>());
        Assert.Equal(["cf[10016]", "Story Points"], storyPoints["clauseNames"]!.Array().Select(c => c!.GetValue<string>()));
        Assert.Equal(10016, storyPoints["schema"]!["customId"]!.GetValue<int>());
        Assert.Equal("summary", fields.Array().Single(f => f!["id"]!.GetValue<string>() == "summary")!["schema"]!["system"]!.GetValue<string>());

        var custom = await client.GetJsonAsync("/rest/api/3/field/search?type=custom");
        Assert.Equal(6, custom["total"]!.GetValue<int>());
        Assert.All(custom["values"]!.Array(), f => Assert.StartsWith("customfield_", f!["id"]!.GetValue<string>(), StringComparison.Ordinal));
        var byQuery = await client.GetJsonAsync("/rest/api/3/field/search?query=complexity");
        Assert.Equal(["Story Points"], byQuery["values"]!.Strings("name"));
        var byId = await client.GetJsonAsync("/rest/api/3/field/search?id=summary&id=customfield_10030&maxResults=1");
        Assert.Equal(2, byId["total"]!.GetValue<int>());
        Assert.NotNull(byId["nextPage"]);
        await (await client.GetAsync("/rest/api/3/field/search?type=weird", Ct)).ExpectJiraErrorAsync(HttpStatusCode.BadRequest);
        using var dc = dataCenter.Client(DemoCredentials.Grace);
        Assert.All((await dc.GetJsonAsync("/rest/api/2/field")).Array(), f => Assert.Null(f!["key"]));
        await (await dc.GetAsync("/rest/api/2/field/search", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Priorities_ListPageAndById()
    {
        using var client = sandbox.Client(DemoCredentials.Grace);
        var all = await client.GetJsonAsync("/rest/api/3/priority");
        Assert.Equal(["Highest", "High", "Medium", "Low", "Lowest"], all.Strings("name"));
        Assert.True(all[2]!["isDefault"]!.GetValue<bool>());
        var onlyDefault = await client.GetJsonAsync("/rest/api/3/priority/search?onlyDefault=true");
        Assert.Equal(["Medium"], onlyDefault["values"]!.Strings("name"));
        Assert.Equal(["High", "Highest"], (await client.GetJsonAsync("/rest/api/3/priority/search?priorityName=high"))["values"]!.Strings("name").Order());
        Assert.Equal("Low", (await client.GetJsonAsync("/rest/api/3/priority/4"))["name"]!.GetValue<string>());
        await (await client.GetAsync("/rest/api/3/priority/9", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound, "The priority with id '9' does not exist.");
        using var dc = dataCenter.Client(DemoCredentials.Grace);
        Assert.All((await dc.GetJsonAsync("/rest/api/2/priority")).Array(), p => Assert.Null(p!["isDefault"]));
        var page = await dc.GetJsonAsync("/rest/api/2/priority/page?maxResults=2");
        Assert.Equal(100, (await dc.GetJsonAsync("/rest/api/2/priority/page"))["maxResults"]!.GetValue<int>());
        Assert.Equal(5, page["total"]!.GetValue<int>());
        Assert.Equal(2, page["values"]!.Array().Count);
    }

    [Fact]
    public async Task Statuses_VisibleThroughBrowsableWorkflows()
    {
        using var grace = sandbox.Client(DemoCredentials.Grace);
        Assert.Equal(["In Progress", "To Do", "Done"], (await grace.GetJsonAsync("/rest/api/3/status")).Strings("name"));
        await (await grace.GetAsync("/rest/api/3/status/Open", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound);
        using var alice = sandbox.Client(DemoCredentials.Alice);
        Assert.Equal(7, (await alice.GetJsonAsync("/rest/api/3/status")).Array().Count);
        var open = await alice.GetJsonAsync("/rest/api/3/status/open");
        Assert.Equal("1", open["id"]!.GetValue<string>());
        Assert.Equal("new", open["statusCategory"]!["key"]!.GetValue<string>());
        Assert.Equal("Under Review", (await alice.GetJsonAsync("/rest/api/3/status/10002"))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task AdminStatuses_Need_ConfigurationAdmin_Else401()
    {
        using var alice = sandbox.Client(DemoCredentials.Alice);
        await (await alice.GetAsync("/rest/api/3/statuses/search", Ct)).ExpectJiraErrorAsync(HttpStatusCode.Unauthorized);
        await (await alice.GetAsync("/rest/api/3/statuses?id=1", Ct)).ExpectJiraErrorAsync(HttpStatusCode.Unauthorized);
        using var bot = sandbox.Client(DemoCredentials.Bot);
        var page = await bot.GetJsonAsync("/rest/api/3/statuses/search");
        Assert.Equal(200, page["maxResults"]!.GetValue<int>());
        Assert.Equal(7, page["total"]!.GetValue<int>());
        var done = await bot.GetJsonAsync("/rest/api/3/statuses/search?statusCategory=DONE");
        Assert.Equal(["Resolved", "Closed", "Done"], done["values"]!.Strings("name"));
        Assert.Equal("GLOBAL", done["values"]![0]!["scope"]!["type"]!.GetValue<string>());
        Assert.Equal(["Open"], (await bot.GetJsonAsync("/rest/api/3/statuses/search?searchString=pen"))["values"]!.Strings("name"));
        Assert.Empty((await bot.GetJsonAsync("/rest/api/3/statuses/search?projectId=10000"))["values"]!.Array());
        Assert.Equal(["Closed", "Open"], (await bot.GetJsonAsync("/rest/api/3/statuses?id=6&id=1&id=999")).Strings("name"));
        await (await bot.GetAsync("/rest/api/3/statuses", Ct)).ExpectJiraErrorAsync(HttpStatusCode.BadRequest);
        await (await bot.GetAsync("/rest/api/3/statuses/search?statusCategory=MAYBE", Ct)).ExpectJiraErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Statuses_DataCenterPage_FiltersByProjectAndIssueType()
    {
        using var ada = dataCenter.Client(DemoCredentials.Ada);
        var eng = await ada.GetJsonAsync("/rest/api/2/status/page?projectIds=10001");
        Assert.Equal(["In Progress", "To Do", "Done"], eng["values"]!.Strings("name"));
        var sec = await ada.GetJsonAsync("/rest/api/2/status/page?projectIds=10000&query=re");
        Assert.Equal(["In Progress", "Resolved", "Under Review"], sec["values"]!.Strings("name").Order(StringComparer.Ordinal));
        Assert.Empty((await ada.GetJsonAsync("/rest/api/2/status/page?projectIds=10001&query=review"))["values"]!.Array());
        Assert.All((await ada.GetJsonAsync("/rest/api/2/status")).Array(), s => Assert.Null(s!["untranslatedName"]));
        await (await ada.GetAsync("/rest/api/2/statuses/search", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task IssueTypesResolutionsCategories()
    {
        using var grace = sandbox.Client(DemoCredentials.Grace);
        var types = await grace.GetJsonAsync("/rest/api/3/issuetype");
        Assert.Contains("Story", types.Strings("name"));
        Assert.Equal(-1, types.Array().Single(t => t!["name"]!.GetValue<string>() == "Sub-task")!["hierarchyLevel"]!.GetValue<int>());
        Assert.Equal("Bug", (await grace.GetJsonAsync("/rest/api/3/issuetype/10004"))["name"]!.GetValue<string>());
        await (await grace.GetAsync("/rest/api/3/issuetype/99999", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound);
        await (await grace.GetAsync("/rest/api/3/issuetype/bug", Ct)).ExpectJiraErrorAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Done", "Won't Do", "Duplicate", "Cannot Reproduce"], (await grace.GetJsonAsync("/rest/api/3/resolution")).Strings("name"));
        Assert.Equal("Duplicate", (await grace.GetJsonAsync("/rest/api/3/resolution/10002"))["name"]!.GetValue<string>());
        await (await grace.GetAsync("/rest/api/3/resolution/5", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound);
        Assert.Equal(["undefined", "new", "indeterminate", "done"], (await grace.GetJsonAsync("/rest/api/3/statuscategory")).Strings("key"));
        Assert.Equal(4, (await grace.GetJsonAsync("/rest/api/3/statuscategory/indeterminate"))["id"]!.GetValue<int>());
        Assert.Equal("done", (await grace.GetJsonAsync("/rest/api/3/statuscategory/3"))["key"]!.GetValue<string>());
        await (await grace.GetAsync("/rest/api/3/statuscategory/7", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound);
        using var dc = dataCenter.Client(DemoCredentials.Grace);
        Assert.All((await dc.GetJsonAsync("/rest/api/2/issuetype")).Array(), t => Assert.Null(t!["hierarchyLevel"]));
        Assert.All((await dc.GetJsonAsync("/rest/api/2/resolution")).Array(), r => Assert.NotNull(r!["iconUrl"]));
    }

    [Fact]
    public async Task CallerWhoBrowsesNothing_SeesNoIssueTypesOrStatuses_AdminSeesAll()
    {
        await using var host = await SandboxFixture.StartAsync();
        host.Site.Write(s =>
        {
            var users = s.GroupByName("jira-software-users")!.GroupId;
            foreach (var role in s.Projects.SelectMany(p => p.Roles))
            {
                role.GroupIds.Remove(users);
            }
        });
        using var grace = host.CreateClient(DemoCredentials.Grace);
        Assert.Empty((await grace.GetJsonAsync("/rest/api/3/issuetype")).Array());
        Assert.Empty((await grace.GetJsonAsync("/rest/api/3/status")).Array());
        Assert.Empty((await grace.GetJsonAsync("/rest/api/3/project/search"))["values"]!.Array());
        await (await grace.GetAsync("/rest/api/3/issuetype/10001", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound);
        using var ada = host.CreateClient(DemoCredentials.Ada);
        Assert.Equal(6, (await ada.GetJsonAsync("/rest/api/3/issuetype")).Array().Count);
    }
}
