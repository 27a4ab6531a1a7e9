using System.Net;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Tests.Infrastructure;
using static JiraGate.Sandbox.Tests.Infrastructure.HttpAssertions;

namespace JiraGate.Sandbox.Tests.SiteDirectory;

public sealed class UserEndpointsTests(SandboxFixture sandbox, DataCenterSandbox dataCenter) : IClassFixture<DataCenterSandbox>
{
    private static readonly string AliceId = SiteSeeder.AccountIdFor("alice");

    /// <summary>A private Cloud site where jira-software-users lost Browse users and groups (grace has none left).</summary>
    private static async Task<SandboxHost> StartWithoutUserPickerAsync()
    {
        var host = await SandboxFixture.StartAsync();
        host.Site.Write(s =>
        {
            var users = s.GroupByName("jira-software-users")!.GroupId;
            s.Data.GlobalGrants.RemoveAll(g => g.Permission == Permissions.UserPicker && g.GroupId == users);
        });
        return host;
    }

    [Fact]
    public async Task Myself_Cloud_ExpandsGroupsAndApplicationRoles()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var plain = await client.GetJsonAsync("/rest/api/3/myself");
        Assert.Equal(AliceId, plain["accountId"]!.GetValue<string>());
        Assert.Equal(2, plain["groups"]!["size"]!.GetValue<int>());
        Assert.Empty(plain["groups"]!["items"]!.Array());
        var expanded = await client.GetJsonAsync("/rest/api/3/myself?expand=groups,applicationRoles");
        Assert.Equal(["jira-software-users", "sec-team"], expanded["groups"]!["items"]!.Strings("name"));
        Assert.Equal("jira-software", expanded["applicationRoles"]!["items"]![0]!["key"]!.GetValue<string>());
        using var bot = sandbox.Client(DemoCredentials.Bot);
        var app = await bot.GetJsonAsync("/rest/api/3/myself");
        Assert.Equal("app", app["accountType"]!.GetValue<string>());
        Assert.Equal(0, app["applicationRoles"]!["size"]!.GetValue<int>());
    }

    [Fact]
    public async Task Myself_DataCenter_IdentifiesByNameAndKey()
    {
        using var client = dataCenter.Client(DemoCredentials.Alice);
        var me = await client.GetJsonAsync("/rest/api/2/myself?expand=groups");
        Assert.Equal("alice", me["name"]!.GetValue<string>());
        Assert.Equal("JIRAUSER10101", me["key"]!.GetValue<string>());
        Assert.Null(me["accountId"]);
        Assert.Contains("/rest/api/2/user?username=alice", me["self"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["jira-software-users", "sec-team"], me["groups"]!["items"]!.Strings("name"));
    }

    [Fact]
    public async Task GetUser_Cloud_ByAccountIdOnly()
    {
        using var client = sandbox.Client(DemoCredentials.Grace);
        var alice = await client.GetJsonAsync($"/rest/api/3/user?accountId={AliceId}&expand=groups");
        Assert.Equal("Alice Analyst", alice["displayName"]!.GetValue<string>());
        Assert.Equal(2, alice["groups"]!["items"]!.Array().Count);
        await (await client.GetAsync("/rest/api/3/user?username=alice", Ct))
            .ExpectJiraErrorAsync(HttpStatusCode.BadRequest, "The 'accountId' query parameter needs to be provided");
        await (await client.GetAsync("/rest/api/3/user?accountId=ffffffffffffffffffffffff", Ct))
            .ExpectJiraErrorAsync(HttpStatusCode.NotFound, "Specified user does not exist");
        // v2 on Cloud is the same identity model.
        var v2 = await client.GetJsonAsync($"/rest/api/2/user?accountId={AliceId}");
        Assert.Contains("/rest/api/2/user?accountId=", v2["self"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetUser_DataCenter_ByUsernameOrKey()
    {
        using var client = dataCenter.Client(DemoCredentials.Grace);
        Assert.Equal("bob", (await client.GetJsonAsync("/rest/api/2/user?username=bob"))["name"]!.GetValue<string>());
        Assert.Equal("alice", (await client.GetJsonAsync("/rest/api/2/user?key=JIRAUSER10101"))["name"]!.GetValue<string>());
        await (await client.GetAsync("/rest/api/2/user?username=nobody", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound, "The user named 'nobody' does not exist");
        await (await client.GetAsync("/rest/api/2/user?key=JIRAUSER1", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound, "The user with the key 'JIRAUSER1' does not exist");
        await (await client.GetAsync("/rest/api/2/user", Ct)).ExpectJiraErrorAsync(HttpStatusCode.BadRequest);
        // Cloud-only routes do not exist on Data Center.
        await (await client.GetAsync("/rest/api/2/users/search", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/rest/api/2/user/groups?username=alice", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/rest/api/2/group/bulk", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UserGroups_Cloud_ListsGroupsWithIds()
    {
        using var client = sandbox.Client(DemoCredentials.Carol);
        var groups = await client.GetJsonAsync($"/rest/api/3/user/groups?accountId={AliceId}");
        Assert.Equal(["jira-software-users", "sec-team"], groups.Strings("name"));
        Assert.All(groups.Array(), g => Assert.NotNull(g!["groupId"]));
        await (await client.GetAsync("/rest/api/3/user/groups", Ct)).ExpectJiraErrorAsync(HttpStatusCode.BadRequest, "accountId");
        await (await client.GetAsync("/rest/api/3/user/groups?username=alice", Ct)).ExpectJiraErrorAsync(HttpStatusCode.BadRequest, "GDPR strict mode");
    }

    [Fact]
    public async Task UsersSearch_ListsEveryAccountIncludingInactiveAndApps_Paged()
    {
        using var client = sandbox.Client(DemoCredentials.Ada);
        var all = await client.GetJsonAsync("/rest/api/3/users/search?maxResults=5000");
        Assert.Equal(10, all.Array().Count);
        Assert.Contains(all.Array(), u => u!["displayName"]!.GetValue<string>() == "Ivan Inactive" && !u["active"]!.GetValue<bool>());
        Assert.Contains(all.Array(), u => u!["accountType"]!.GetValue<string>() == "app");
        var page = await client.GetJsonAsync("/rest/api/3/users/search?startAt=8&maxResults=5");
        Assert.Equal(2, page.Array().Count);
        Assert.Equal(10, (await client.GetJsonAsync("/rest/api/3/users")).Array().Count);
        await (await client.GetAsync("/rest/api/3/users/search?startAt=-3", Ct)).ExpectJiraErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UserSearch_Cloud_PrefixOnNameWordsAndEmail_ActiveOnly()
    {
        using var client = sandbox.Client(DemoCredentials.Grace);
        Assert.Equal(["Alice Analyst"], (await client.GetJsonAsync("/rest/api/3/user/search?query=ali")).Strings("displayName"));
        Assert.Equal(["Alice Analyst"], (await client.GetJsonAsync("/rest/api/3/user/search?query=analy")).Strings("displayName"));
        Assert.Equal(["Bob Responder"], (await client.GetJsonAsync("/rest/api/3/user/search?query=bob@example.com")).Strings("displayName"));
        Assert.Empty((await client.GetJsonAsync("/rest/api/3/user/search?query=ivan")).Array());
        Assert.Empty((await client.GetJsonAsync("/rest/api/3/user/search?query=lice")).Array());
        Assert.Equal(["Alice Analyst"], (await client.GetJsonAsync($"/rest/api/3/user/search?accountId={AliceId}")).Strings("displayName"));
        Assert.Single((await client.GetJsonAsync("/rest/api/3/user/search?query=a&startAt=1&maxResults=1")).Array());
        await (await client.GetAsync("/rest/api/3/user/search?username=alice", Ct))
            .ExpectJiraErrorAsync(HttpStatusCode.BadRequest, "The query parameter 'username' is not supported in GDPR strict mode.");
        await (await client.GetAsync("/rest/api/3/user/search", Ct)).ExpectJiraErrorAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync($"/rest/api/3/user/search?query=a&accountId={AliceId}", Ct)).ExpectJiraErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UserSearch_DataCenter_ByUsername_InactiveOnRequest()
    {
        using var client = dataCenter.Client(DemoCredentials.Grace);
        var found = await client.GetJsonAsync("/rest/api/2/user/search?username=ali");
        Assert.Equal(["alice"], found.Strings("name"));
        Assert.Empty((await client.GetJsonAsync("/rest/api/2/user/search?username=ivan")).Array());
        Assert.Equal(["ivan"], (await client.GetJsonAsync("/rest/api/2/user/search?username=ivan&includeInactive=true")).Strings("name"));
        Assert.Equal(9, (await client.GetJsonAsync("/rest/api/2/user/search?username=.")).Array().Count);
        await (await client.GetAsync("/rest/api/2/user/search?query=ali", Ct)).ExpectJiraErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AssignableSearch_UsersWithAssignableUserInProjectOrIssue()
    {
        using var client = sandbox.Client(DemoCredentials.Alice);
        var sec = await client.GetJsonAsync("/rest/api/3/user/assignable/search?project=SEC");
        Assert.Equal(["Ada Admin", "Alice Analyst", "Bob Responder", "JiraGate Bot"], sec.Strings("displayName"));
        var byQuery = await client.GetJsonAsync("/rest/api/3/user/assignable/search?issueKey=SEC-456&query=bob");
        Assert.Equal(["Bob Responder"], byQuery.Strings("displayName"));
        var hr = await sandbox.Client(DemoCredentials.Frank).GetJsonAsync("/rest/api/3/user/assignable/search?project=HR");
        Assert.Equal(["Ada Admin", "Frank People"], hr.Strings("displayName"));
        await (await client.GetAsync("/rest/api/3/user/assignable/search", Ct)).ExpectJiraErrorAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/rest/api/3/user/assignable/search?issueId=SEC-1", Ct)).ExpectJiraErrorAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/rest/api/3/user/assignable/search?project=HR", Ct))
            .ExpectJiraErrorAsync(HttpStatusCode.NotFound, "No project could be found with key 'HR'.");
        using var grace = sandbox.Client(DemoCredentials.Grace);
        await (await grace.GetAsync("/rest/api/3/user/assignable/search?issueKey=SEC-456", Ct))
            .ExpectJiraErrorAsync(HttpStatusCode.NotFound, "Issue does not exist or you do not have permission to see it.");
    }

    [Fact]
    public async Task AssignableSearch_CloudPagesBeforeFiltering_DataCenterAfter()
    {
        // Cloud slices the candidate users first (Ada, Alice, Bob, Carol, …) and then keeps the assignable ones.
        using var cloud = sandbox.Client(DemoCredentials.Alice);
        var cloudPage = await cloud.GetJsonAsync("/rest/api/3/user/assignable/search?project=SEC&startAt=2&maxResults=2");
        Assert.Equal(["Bob Responder"], cloudPage.Strings("displayName"));
        using var dc = dataCenter.Client(DemoCredentials.Alice);
        var dcPage = await dc.GetJsonAsync("/rest/api/2/user/assignable/search?project=SEC&startAt=2&maxResults=2");
        Assert.Equal(["bob", "jiragate-bot"], dcPage.Strings("name"));
        Assert.Equal(["alice"], (await dc.GetJsonAsync("/rest/api/2/user/assignable/search?project=SEC&username=ali")).Strings("name"));
    }

    [Fact]
    public async Task Groups_BulkAndMembers()
    {
        using var client = sandbox.Client(DemoCredentials.Grace);
        var bulk = await client.GetJsonAsync("/rest/api/3/group/bulk");
        Assert.Equal(7, bulk["total"]!.GetValue<int>());
        var named = await client.GetJsonAsync("/rest/api/3/group/bulk?groupName=sec-team&groupName=hr-team");
        Assert.Equal(["hr-team", "sec-team"], named["values"]!.Strings("name"));
        var members = await client.GetJsonAsync("/rest/api/3/group/member?groupname=sec-team");
        Assert.Equal(["Alice Analyst", "Bob Responder", "JiraGate Bot"], members["values"]!.Strings("displayName"));
        var engId = named["values"]![0]!["groupId"]!.GetValue<string>();
        Assert.Single((await client.GetJsonAsync($"/rest/api/3/group/member?groupId={engId}"))["values"]!.Array());
        var eng = await client.GetJsonAsync("/rest/api/3/group/member?groupname=eng-team");
        Assert.DoesNotContain("Ivan Inactive", eng["values"]!.Strings("displayName"));
        var withInactive = await client.GetJsonAsync("/rest/api/3/group/member?groupname=eng-team&includeInactiveUsers=true");
        Assert.Contains("Ivan Inactive", withInactive["values"]!.Strings("displayName"));
        Assert.Equal(50, (await client.GetJsonAsync("/rest/api/3/group/member?groupname=eng-team&maxResults=200"))["maxResults"]!.GetValue<int>());
        await (await client.GetAsync("/rest/api/3/group/member", Ct)).ExpectJiraErrorAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync($"/rest/api/3/group/member?groupname=sec-team&groupId={engId}", Ct)).ExpectJiraErrorAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/rest/api/3/group/member?groupname=ghosts", Ct)).ExpectJiraErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GroupMember_DataCenter_AdministratorsOnly()
    {
        using var ada = dataCenter.Client(DemoCredentials.Ada);
        var members = await ada.GetJsonAsync("/rest/api/2/group/member?groupname=sec-team");
        Assert.Equal(["alice", "bob", "jiragate-bot"], members["values"]!.Strings("name"));
        using var alice = dataCenter.Client(DemoCredentials.Alice);
        await (await alice.GetAsync("/rest/api/2/group/member?groupname=sec-team", Ct)).ExpectJiraErrorAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task WithoutBrowseUsersAndGroups_UserReadsAre403_AndSearchIsEmpty()
    {
        await using var host = await StartWithoutUserPickerAsync();
        using var grace = host.CreateClient(DemoCredentials.Grace);
        await (await grace.GetAsync("/rest/api/3/users/search", Ct)).ExpectJiraErrorAsync(HttpStatusCode.Forbidden);
        await (await grace.GetAsync($"/rest/api/3/user?accountId={AliceId}", Ct)).ExpectJiraErrorAsync(HttpStatusCode.Forbidden);
        await (await grace.GetAsync($"/rest/api/3/user/groups?accountId={AliceId}", Ct)).ExpectJiraErrorAsync(HttpStatusCode.Forbidden);
        await (await grace.GetAsync("/rest/api/3/group/bulk", Ct)).ExpectJiraErrorAsync(HttpStatusCode.Forbidden);
        await (await grace.GetAsync("/rest/api/3/group/member?groupname=sec-team", Ct)).ExpectJiraErrorAsync(HttpStatusCode.Forbidden);
        Assert.Empty((await grace.GetJsonAsync("/rest/api/3/user/search?query=ali")).Array());
        // Their own profile stays readable, and the admin keeps the permission through jira-admins.
        await grace.GetJsonAsync("/rest/api/3/myself");
        using var ada = host.CreateClient(DemoCredentials.Ada);
        Assert.Equal(10, (await ada.GetJsonAsync("/rest/api/3/users/search")).Array().Count);
    }
}
