using System.Net;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.SiteDirectory;

public sealed class ProjectEndpointsTests(SandboxFixture sandbox, DataCenterSandbox dataCenter) : IClassFixture<DataCenterSandbox>
{
    [Fact]
    public async Task ProjectSearch_AsGrace_ListsOnlyBrowsableProjects()
    {
        using var client = sandbox.Client(DemoCredentials.Grace);
        var page = await client.GetJsonAsync("/rest/api/3/project/search");
        Assert.Equal(["ENG", "OPS"], page["values"]!.Strings("key"));
        Assert.Equal(2, page["total"]!.GetValue<int>());
        Assert.True(page["isLast"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ProjectSearch_AsFrankAndAda_SeesHrAndEverything()
    {
        using var frank = sandbox.Client(DemoCredentials.Frank);
        Assert.Equal(["ENG", "HR", "OPS"], (await frank.GetJsonAsync("/rest/api/3/project/search"))["values"]!.Strings("key"));
        using var ada = sandbox.Client(DemoCredentials.Ada);
        Assert.Equal(["SEC", "HR", "OPS", "ENG"], (await ada.GetJsonAsync("/rest/api/3/project/search?orderBy=-name"))["values"]!.Strings("key"));
    }

    [Fact]
    public async Task ProjectSearch_Paging_CapsMaxResultsAndLinksNextPage()
    {
        using var client = sandbox.Client(DemoCredentials.Ada);
        var capped = await client.GetJsonAsync("/rest/api/3/project/search?maxResults=500");
        Assert.Equal(100, capped["maxResults"]!.GetValue<int>());
        var first = await client.GetJsonAsync("/rest/api/3/project/search?maxResults=3");
        Assert.Equal(["ENG", "HR", "OPS"], first["values"]!.Strings("key"));
        Assert.False(first["isLast"]!.GetValue<bool>());
        Assert.Equal(4, first["total"]!.GetValue<int>());
        var next = first["nextPage"]!.GetValue<string>();
        Assert.Contains("startAt=3", next, StringComparison.Ordinal);
        var second = await client.GetJsonAsync(new Uri(next).PathAndQuery);
        Assert.Equal(["SEC"], second["values"]!.Strings("key"));
        Assert.True(second["isLast"]!.GetValue<bool>());
        Assert.Null(second["nextPage"]);
    }

    [Fact]
    public async Task ProjectSearch_FiltersAndExpand()
    {
        using var client = sandbox.Client(DemoCredentials.Ada);
        Assert.Equal(["OPS"], (await client.GetJsonAsync("/rest/api/3/project/search?query=ops"))["values"]!.Strings("key"));
        Assert.Equal(["OPS", "SEC"], (await client.GetJsonAsync("/rest/api/3/project/search?query=OPERAT"))["values"]!.Strings("key"));
        Assert.Equal(["HR", "SEC"], (await client.GetJsonAsync("/rest/api/3/project/search?keys=SEC&keys=HR"))["values"]!.Strings("key"));
        var plain = (await client.GetJsonAsync("/rest/api/3/project/search?keys=SEC"))["values"]![0]!;
        Assert.Null(plain["description"]);
        Assert.Null(plain["lead"]);
        var expanded = (await client.GetJsonAsync("/rest/api/3/project/search?keys=SEC&expand=description,lead,issueTypes,insight"))["values"]![0]!;
        Assert.Equal("Security incidents, vulnerabilities and access reviews.", expanded["description"]!.GetValue<string>());
        Assert.Equal(SiteSeeder.AccountIdFor("alice"), expanded["lead"]!["accountId"]!.GetValue<string>());
        Assert.Equal(5, expanded["issueTypes"]!.Array().Count);
        Assert.True(expanded["insight"]!["totalIssueCount"]!.GetValue<int>() > 0);
    }

    [Theory]
    [InlineData("/rest/api/3/project/search?orderBy=sideways")]
    [InlineData("/rest/api/3/project/search?startAt=-1")]
    [InlineData("/rest/api/3/project/search?maxResults=lots")]
    [InlineData("/rest/api/3/project/search?status=gone")]
    [InlineData("/rest/api/3/project/search?action=destroy")]
    [InlineData("/rest/api/3/project/search?id=SEC")]
    public async Task ProjectSearch_BadParameters_Get400(string url)
    {
        using var client = sandbox.Client(DemoCredentials.Ada);
        await (await client.GetAsync(url, Ct)).ExpectJiraErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ProjectSearch_ActionEdit_ListsOnlyAdministeredProjects()
    {
        using var bot = sandbox.Client(DemoCredentials.Bot);
        Assert.Equal(["ENG", "OPS", "SEC"], (await bot.GetJsonAsync("/rest/api/3/project/search?action=edit"))["values"]!.Strings("key"));
        using var alice = sandbox.Client(DemoCredentials.Alice);
        Assert.Empty((await alice.GetJsonAsync("/rest/api/3/project/search?action=edit"))["values"]!.Array());
    }

    [Fact]
    public async Task ProjectList_DeprecatedCloudArray_IsVisibleProjectsByName()
    {
        using var client = sandbox.Client(DemoCredentials.Grace);
        var list = await client.GetJsonAsync("/rest/api/3/project");
        Assert.Equal(["ENG", "OPS"], list.Strings("key"));
    }

    [Fact]
    public async Task GetProject_ByKeyAndId_FullShape()
    {
        using var client = sandbox.Client(DemoCredentials.Frank);
        var hr = await client.GetJsonAsync("/rest/api/3/project/HR");
        Assert.Equal("10003", hr["id"]!.GetValue<string>());
        Assert.Equal("Confidential people operations.", hr["description"]!.GetValue<string>());
        Assert.Equal(SiteSeeder.AccountIdFor("frank"), hr["lead"]!["accountId"]!.GetValue<string>());
        Assert.Equal(["Administrators", "Developers", "Users"], hr["roles"]!.AsObject().Select(r => r.Key).Order());
        var byId = await client.GetJsonAsync("/rest/api/3/project/10003");
        Assert.Equal("HR", byId["key"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/rest/api/3/project/HR", "No project could be found with key 'HR'.")]
    [InlineData("/rest/api/3/project/10003", "No project could be found with id '10003'.")]
    [InlineData("/rest/api/3/project/NOPE", "No project could be found with key 'NOPE'.")]
    [InlineData("/rest/api/3/project/SEC", "No project could be found with key 'SEC'.")]
    [InlineData("/rest/api/3/project/SEC/versions", "No project could be found with key 'SEC'.")]
    [InlineData("/rest/api/3/project/HR/component", "No project could be found with key 'HR'.")]
    [InlineData("/rest/api/3/project/ENG%2F..%2FHR", "No project could be found")]
    public async Task GetProject_HiddenOrUnknownOrTricky_Gets404NotFound(string url, string message)
    {
        using var client = sandbox.Client(DemoCredentials.Grace);
        await (await client.GetAsync(url, Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound, message);
    }

    [Fact]
    public async Task ComponentsAndVersions_ArraysAndPages()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var components = await client.GetJsonAsync("/rest/api/3/project/SEC/components");
        Assert.Equal(["Detection", "Forensics", "Vulnerability", "Access"], components.Strings("name"));
        var page = await client.GetJsonAsync("/rest/api/3/project/SEC/component?maxResults=2&query=e");
        Assert.Equal(["Access", "Detection"], page["values"]!.Strings("name"));
        Assert.Equal(4, page["total"]!.GetValue<int>());
        Assert.All(page["values"]!.Array(), c => Assert.True(c!["issueCount"]!.GetValue<int>() >= 0));
        var byCount = await client.GetJsonAsync("/rest/api/3/project/SEC/component?orderBy=-issueCount");
        var counts = byCount["values"]!.Array().Select(c => c!["issueCount"]!.GetValue<int>()).ToList();
        Assert.Equal(counts.OrderDescending(), counts);

        using var carol = sandbox.Client(DemoCredentials.Carol);
        Assert.Equal(["1.0", "1.1", "2.0"], (await carol.GetJsonAsync("/rest/api/3/project/ENG/versions")).Strings("name"));
        Assert.Equal(["1.1", "2.0"], (await carol.GetJsonAsync("/rest/api/3/project/ENG/version?status=unreleased"))["values"]!.Strings("name"));
        Assert.Equal(["2.0", "1.1", "1.0"], (await carol.GetJsonAsync("/rest/api/3/project/ENG/version?orderBy=-name"))["values"]!.Strings("name"));
        Assert.Equal(["1.0", "1.1", "2.0"], (await carol.GetJsonAsync("/rest/api/3/project/ENG/version?orderBy=releaseDate"))["values"]!.Strings("name"));
        await (await carol.GetAsync("/rest/api/3/project/ENG/version?status=shipped", Ct)).ExpectJiraErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PermissionScheme_AdminsAndProjectAdminsOnly()
    {
        using var ada = sandbox.Client(DemoCredentials.Ada);
        var scheme = await ada.GetJsonAsync("/rest/api/3/project/HR/permissionscheme?expand=permissions");
        Assert.Equal("Confidential scheme", scheme["name"]!.GetValue<string>());
        var browse = scheme["permissions"]!.Array().Where(g => g!["permission"]!.GetValue<string>() == "BROWSE_PROJECTS").ToList();
        Assert.Contains(browse, g => g!["holder"]!["type"]!.GetValue<string>() == "reporter");
        Assert.Contains(browse, g => g!["holder"]!["type"]!.GetValue<string>() == "projectRole" && g["holder"]!["value"]!.GetValue<string>() == "10001");
        Assert.Null((await ada.GetJsonAsync("/rest/api/3/project/HR/permissionscheme"))["permissions"]);

        using var bot = sandbox.Client(DemoCredentials.Bot);
        await bot.GetJsonAsync("/rest/api/3/project/SEC/permissionscheme");
        using var alice = sandbox.Client(DemoCredentials.Alice);
        await (await alice.GetAsync("/rest/api/3/project/SEC/permissionscheme", Ct)).ExpectJiraErrorAsync(HttpStatusCode.Forbidden);
        await (await alice.GetAsync("/rest/api/3/permissionscheme/10000", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound);
        var byId = await ada.GetJsonAsync("/rest/api/3/permissionscheme/10000?expand=group");
        var groupGrant = byId["permissions"]!.Array().Select(g => g!["holder"]!).FirstOrDefault(h => h!["type"]!.GetValue<string>() == "projectRole");
        Assert.NotNull(groupGrant);
        await (await ada.GetAsync("/rest/api/3/permissionscheme/4242", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound);
        await (await ada.GetAsync("/rest/api/3/permissionscheme/abc", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Roles_CloudNeedsProjectAdmin_ActorsSortedByDisplayName()
    {
        using var ada = sandbox.Client(DemoCredentials.Ada);
        var roles = await ada.GetJsonAsync("/rest/api/3/project/SEC/role");
        Assert.EndsWith("/rest/api/3/project/10000/role/10001", roles["Developers"]!.GetValue<string>(), StringComparison.Ordinal);
        var admins = await ada.GetJsonAsync("/rest/api/3/project/SEC/role/10002");
        Assert.Equal(["Ada Admin", "JiraGate Bot"], admins["actors"]!.Strings("displayName"));
        Assert.All(admins["actors"]!.Array(), a => Assert.Equal("atlassian-user-role-actor", a!["type"]!.GetValue<string>()));
        Assert.Equal(SiteSeeder.AccountIdFor("ada"), admins["actors"]![0]!["actorUser"]!["accountId"]!.GetValue<string>());
        var developers = await ada.GetJsonAsync("/rest/api/3/project/OPS/role/10001");
        Assert.Equal(["ops-team", "sec-team"], developers["actors"]!.Strings("name"));
        Assert.Equal("atlassian-group-role-actor", developers["actors"]![0]!["type"]!.GetValue<string>());
        Assert.NotNull(developers["actors"]![0]!["actorGroup"]!["groupId"]);

        using var alice = sandbox.Client(DemoCredentials.Alice);
        await (await alice.GetAsync("/rest/api/3/project/SEC/role", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound);
        await (await alice.GetAsync("/rest/api/3/project/SEC/role/10001", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound);
        await (await ada.GetAsync("/rest/api/3/project/SEC/role/77", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound, "77");
    }

    [Fact]
    public async Task SecurityLevels_OnlyWithSetIssueSecurityAndMembership()
    {
        using var ada = sandbox.Client(DemoCredentials.Ada);
        var levels = await ada.GetJsonAsync("/rest/api/3/project/SEC/securitylevel");
        Assert.Equal(["Internal", "Restricted"], levels["levels"]!.Strings("name"));
        Assert.Equal("10000", levels["levels"]![0]!["issueSecuritySchemeId"]!.GetValue<string>());
        using var alice = sandbox.Client(DemoCredentials.Alice);
        Assert.Empty((await alice.GetJsonAsync("/rest/api/3/project/SEC/securitylevel"))["levels"]!.Array());
        Assert.Empty((await ada.GetJsonAsync("/rest/api/3/project/ENG/securitylevel"))["levels"]!.Array());
        using var grace = sandbox.Client(DemoCredentials.Grace);
        await (await grace.GetAsync("/rest/api/3/project/SEC/securitylevel", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task IssueSecurityScheme_AdminOrProjectAdmin_Else403()
    {
        using var bot = sandbox.Client(DemoCredentials.Bot);
        var scheme = await bot.GetJsonAsync("/rest/api/3/issuesecurityschemes/10000");
        Assert.Equal(["Internal", "Restricted"], scheme["levels"]!.Strings("name"));
        using var alice = sandbox.Client(DemoCredentials.Alice);
        await (await alice.GetAsync("/rest/api/3/issuesecurityschemes/10000", Ct)).ExpectJiraErrorAsync(HttpStatusCode.Forbidden);
        using var ada = sandbox.Client(DemoCredentials.Ada);
        await (await ada.GetAsync("/rest/api/3/issuesecurityschemes/99", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DataCenter_ProjectShapesUseNamesAndNoCloudOnlyRoutes()
    {
        using var ada = dataCenter.Client(DemoCredentials.Ada);
        var list = await ada.GetJsonAsync("/rest/api/2/project");
        Assert.Equal(["ENG", "OPS", "HR", "SEC"], list.Strings("key"));
        Assert.All(list.Array(), p => Assert.False(p!["archived"]!.GetValue<bool>()));
        Assert.All(list.Array(), p => Assert.Null(p!["style"]));
        var sec = await ada.GetJsonAsync("/rest/api/2/project/SEC");
        Assert.Equal("alice", sec["lead"]!["name"]!.GetValue<string>());
        Assert.Null(sec["lead"]!["accountId"]);
        await (await ada.GetAsync("/rest/api/2/project/search", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound, "No project could be found with key 'search'.");
        await (await ada.GetAsync("/rest/api/2/project/SEC/component", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound);

        using var alice = dataCenter.Client(DemoCredentials.Alice);
        var developers = await alice.GetJsonAsync("/rest/api/2/project/SEC/role/10001");
        Assert.Equal("sec-team", developers["actors"]![0]!["name"]!.GetValue<string>());
        Assert.Null(developers["actors"]![0]!["actorGroup"]);
        var admins = await alice.GetJsonAsync("/rest/api/2/project/SEC/role/10002");
        Assert.Equal(["ada", "jiragate-bot"], admins["actors"]!.Strings("name"));
        await (await alice.GetAsync("/rest/api/2/permissionscheme/10000", Ct)).ExpectJiraErrorAsync(HttpStatusCode.Forbidden);
        var scheme = await ada.GetJsonAsync("/rest/api/2/permissionscheme/10000?expand=all");
        var roleHolder = scheme["permissions"]!.Array().Select(g => g!["holder"]!).First(h => h["type"]!.GetValue<string>() == "projectRole");
        Assert.NotNull(roleHolder["projectRole"]!["name"]);
    }

    [Fact]
    public async Task DataCenter_GraceSeesOnlyEngAndOps()
    {
        using var grace = dataCenter.Client(DemoCredentials.Grace);
        Assert.Equal(["ENG", "OPS"], (await grace.GetJsonAsync("/rest/api/2/project")).Strings("key"));
        await (await grace.GetAsync("/rest/api/2/project/HR/versions", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound);
        var page = await grace.GetJsonAsync("/rest/api/2/project/ENG/version?maxResults=1");
        Assert.Equal(3, page["total"]!.GetValue<int>());
        Assert.False(page["isLast"]!.GetValue<bool>());
    }
}
