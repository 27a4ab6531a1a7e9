using JiraGate.Jira.Tests.Infrastructure;
using JiraGate.Sandbox.Data;

namespace JiraGate.Jira.Tests.SiteDirectory;

/// <summary>Users, groups and permissions in both flavours: Cloud by accountId, Data Center by username and key.</summary>
public abstract class UsersDirectoryTests(SandboxFixture sandbox) : DirectoryTestBase(sandbox)
{
    /// <summary>Alice as the deployment names her.</summary>
    private UserRef AliceRef => IsCloud ? UserRef.ByAccountId(SiteSeeder.AccountIdFor("alice")) : UserRef.ByUsername("alice");

    [Fact]
    public async Task GetUserAsync_ByNativeIdentifier_TheUser()
    {
        var user = await Alice.Users.GetUserAsync(AliceRef, new GetUserOptions { Expand = ["groups"] }, Ct);
        Assert.Equal("Alice Analyst", user.DisplayName);
        Assert.NotNull(user.RequestId);
        if (IsCloud)
        {
            Assert.Equal(SiteSeeder.AccountIdFor("alice"), user.AccountId);
        }
        else
        {
            Assert.Equal("alice", user.Name);
            // The key names the same user.
            Assert.Equal("alice", (await Alice.Users.GetUserAsync(UserRef.ByKey(user.Key!), cancellationToken: Ct)).Name);
        }
    }

    [Fact]
    public async Task GetUserAsync_FromMyself_RoundTripsOnEitherDeployment()
    {
        var me = await Alice.Users.GetMyselfAsync(Ct);
        Assert.Equal(me.DisplayName, (await Alice.Users.GetUserAsync(UserRef.From(me), cancellationToken: Ct)).DisplayName);
    }

    [Fact]
    public async Task GetUserAsync_WrongKindOfIdentifier_RefusedBeforeSending()
    {
        var wire = new RecordingHandler();
        var jira = As(DemoCredentials.Alice, wire);
        var wrong = IsCloud ? UserRef.ByUsername("alice") : UserRef.ByAccountId(SiteSeeder.AccountIdFor("alice"));
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => jira.Users.GetUserAsync(wrong, cancellationToken: Ct));
        Assert.Contains(IsCloud ? "only by accountId" : "no account ids", ex.Message, StringComparison.Ordinal);
        Assert.Equal("user", ex.ParamName);
        Assert.Equal(0, wire.Count("GET", "/user"));
    }

    [Fact]
    public async Task GetUserAsync_Unknown_NotFound() =>
        await Assert.ThrowsAsync<JiraNotFoundException>(() => Alice.Users.GetUserAsync(
            IsCloud ? UserRef.ByAccountId("000000000000000000000000") : UserRef.ByUsername("nobody"), cancellationToken: Ct));

    [Fact]
    public async Task GetUserGroupsAsync_Alice_HerGroups()
    {
        var groups = await Alice.Users.GetUserGroupsAsync(AliceRef, Ct);
        Assert.Equal(["jira-software-users", "sec-team"], groups.Select(g => g.Name).Order(StringComparer.Ordinal));
        if (IsCloud)
        {
            Assert.All(groups, g => Assert.NotNull(g.GroupId));
        }
    }

    [Fact]
    public async Task GetUserGroupsAsync_Unknown_NotFound() =>
        await Assert.ThrowsAsync<JiraNotFoundException>(() => Alice.Users.GetUserGroupsAsync(
            IsCloud ? UserRef.ByAccountId("000000000000000000000000") : UserRef.ByUsername("nobody"), Ct));

    [Fact]
    public async Task SearchUsersAsync_PageSize3_EveryUserOnceInFourCalls()
    {
        var wire = new RecordingHandler();
        var users = await As(DemoCredentials.Alice, wire).Users.SearchUsersAsync(new UserListOptions { PageSize = 3 }, Ct).ToListAsync(Ct);
        // Every account, the inactive one and the app included.
        Assert.Equal(10, users.Count);
        Assert.Equal(10, users.Select(u => u.DisplayName).Distinct().Count());
        Assert.Contains(users, u => u.DisplayName == "Ivan Inactive" && u.Active == false);
        Assert.Equal(4, wire.Count("GET", IsCloud ? "/users/search" : "/user/search"));
    }

    [Fact]
    public async Task SearchUsersAsync_Limit4_ExactlyFour() =>
        Assert.Equal(4, await Alice.Users.SearchUsersAsync(new UserListOptions { Limit = 4, PageSize = 3 }, Ct).CountAsync(Ct));

    [Fact]
    public async Task SearchUsersPageAsync_LastPage_ShorterThanAskedAndLast()
    {
        var first = await Alice.Users.SearchUsersPageAsync(new UserListOptions { PageSize = 4 }, Ct);
        Assert.Equal(4, first.Items.Count);
        Assert.False(first.IsLast);
        var last = await Alice.Users.SearchUsersPageAsync(new UserListOptions { StartAt = 8, PageSize = 4 }, Ct);
        Assert.Equal(2, last.Items.Count);
        Assert.True(last.IsLast);
    }

    [Fact]
    public async Task SearchUsersPageAsync_NegativeStart_Validation() =>
        await Assert.ThrowsAsync<JiraValidationException>(() => Alice.Users.SearchUsersPageAsync(new UserListOptions { StartAt = -1 }, Ct));

    [Fact]
    public async Task FindUsersAsync_Email_TheOneUser()
    {
        var users = await Alice.Users.FindUsersAsync(DemoCredentials.Bob.Email, cancellationToken: Ct).ToListAsync(Ct);
        Assert.Equal("Bob Responder", Assert.Single(users).DisplayName);
        Assert.Empty((await Alice.Users.FindUsersPageAsync("zzz-nobody", cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task FindUsersPageAsync_BlankQuery_RefusedBeforeSending() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Alice.Users.FindUsersPageAsync(" ", cancellationToken: Ct));

    [Fact]
    public async Task FindAssignableUsersAsync_Project_OnlyAssignableUsers()
    {
        var users = await Alice.Users.FindAssignableUsersAsync(null, new AssignableUsersOptions { Project = "SEC" }, Ct).ToListAsync(Ct);
        var names = users.Select(u => u.DisplayName).ToList();
        Assert.Contains("Alice Analyst", names);
        Assert.Contains("Bob Responder", names);
        Assert.DoesNotContain("Grace Guest", names);
        // Paging three at a time yields the same users, none twice and none missed, though Cloud answers the second
        // window (Carol, Dave, Erin) with an empty page (it pages over candidates before filtering). The limit ends
        // the walk as soon as all four came, before Cloud's 1000-user window is exhausted.
        Assert.Equal(4, names.Count);
        var paged = await Alice.Users.FindAssignableUsersAsync(null, new AssignableUsersOptions { Project = "SEC", PageSize = 3, Limit = 4 }, Ct).ToListAsync(Ct);
        Assert.Equal(names, paged.Select(u => u.DisplayName));
    }

    [Fact]
    public async Task FindAssignableUsersAsync_NoPageSize_OneCallOnCloud()
    {
        var wire = new RecordingHandler();
        var users = await As(DemoCredentials.Alice, wire).Users.FindAssignableUsersAsync(null, new AssignableUsersOptions { Project = "SEC", Limit = 2 }, Ct).ToListAsync(Ct);
        Assert.Equal(2, users.Count);
        Assert.Equal(1, wire.Count("GET", "/user/assignable/search"));
        var page = await Alice.Users.FindAssignableUsersPageAsync(null, new AssignableUsersOptions { Project = "SEC", PageSize = 1, StartAt = 3 }, Ct);
        if (IsCloud)
        {
            // The fourth candidate (Carol) cannot be assigned in SEC: an empty page that is not the last.
            Assert.Empty(page.Items);
            Assert.False(page.IsLast);
            Assert.Equal(1, page.MaxResults);
        }
        else
        {
            Assert.Equal("JiraGate Bot", Assert.Single(page.Items).DisplayName);
        }
    }

    [Fact]
    public async Task FindAssignableUsersPageAsync_QueryOnIssue_Matches()
    {
        var page = await Alice.Users.FindAssignableUsersPageAsync("ali", new AssignableUsersOptions { IssueKey = "SEC-456" }, Ct);
        Assert.Equal("Alice Analyst", Assert.Single(page.Items).DisplayName);
    }

    [Fact]
    public async Task FindAssignableUsersPageAsync_NoScope_RefusedBeforeSending() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Alice.Users.FindAssignableUsersPageAsync("a", new AssignableUsersOptions(), Ct));

    [Fact]
    public async Task FindAssignableUsersAsync_UnknownProject_NotFound() =>
        await Assert.ThrowsAsync<JiraNotFoundException>(async () =>
            await Alice.Users.FindAssignableUsersAsync(null, new AssignableUsersOptions { Project = "NOPE" }, Ct).ToListAsync(Ct));

    [Fact]
    public async Task GetGroupMembersAsync_ByName_EveryMemberInPages()
    {
        var members = await Ada.Users.GetGroupMembersAsync(GroupRef.ByName("sec-team"), new GroupMembersOptions { PageSize = 2 }, Ct).ToListAsync(Ct);
        Assert.Equal(["Alice Analyst", "Bob Responder", "JiraGate Bot"], members.Select(u => u.DisplayName).Order(StringComparer.Ordinal));
        var page = await Ada.Users.GetGroupMembersPageAsync(GroupRef.ByName("sec-team"), new GroupMembersOptions { PageSize = 2 }, Ct);
        Assert.Equal(3, page.Total);
        Assert.False(page.IsLast);
    }

    [Fact]
    public async Task GetGroupMembersAsync_FromUserGroups_UsesTheIdOnCloud()
    {
        var groups = await Ada.Users.GetUserGroupsAsync(AliceRef, Ct);
        var team = GroupRef.From(groups.Single(g => g.Name == "sec-team"));
        Assert.Equal(3, await Ada.Users.GetGroupMembersAsync(team, cancellationToken: Ct).CountAsync(Ct));
    }

    [Fact]
    public async Task GetGroupMembersPageAsync_UnknownGroup_NotFound() =>
        await Assert.ThrowsAsync<JiraNotFoundException>(() => Ada.Users.GetGroupMembersPageAsync(GroupRef.ByName("no-such-group"), cancellationToken: Ct));

    [Fact]
    public async Task GetGroupMembersPageAsync_WhoAndHow_PerDeployment()
    {
        if (IsCloud)
        {
            // Cloud lets anyone who may browse users read members, and takes the stable group id.
            var page = await Alice.Users.GetGroupMembersPageAsync(GroupRef.ById("a1b2c3d4-0000-4000-8000-000000000004"), cancellationToken: Ct);
            Assert.Equal(3, page.Items.Count);
        }
        else
        {
            // Data Center lets only administrators read members, and names groups only by name.
            await Assert.ThrowsAsync<JiraForbiddenException>(() => Alice.Users.GetGroupMembersPageAsync(GroupRef.ByName("sec-team"), cancellationToken: Ct));
            await Assert.ThrowsAsync<ArgumentException>(() => Ada.Users.GetGroupMembersPageAsync(GroupRef.ById("a1b2c3d4-0000-4000-8000-000000000004"), cancellationToken: Ct));
        }
    }

    [Fact]
    public async Task GetMyPermissionsAsync_AnalystAndGuest_DifferentAnswers()
    {
        var keys = new[] { PermissionKeys.BrowseProjects, PermissionKeys.CreateIssues, PermissionKeys.UserPicker };
        var alice = await Alice.Users.GetMyPermissionsAsync(new MyPermissionsOptions { Permissions = keys }, Ct);
        var grace = await Grace.Users.GetMyPermissionsAsync(new MyPermissionsOptions { Permissions = keys }, Ct);
        Assert.True(alice.Has(PermissionKeys.CreateIssues));
        Assert.False(grace.Has(PermissionKeys.CreateIssues));
        Assert.True(grace.Has(PermissionKeys.BrowseProjects));
        Assert.True(grace.Has(PermissionKeys.UserPicker));
        Assert.Equal("GLOBAL", alice.Permissions[PermissionKeys.UserPicker].Type);
        Assert.NotNull(alice.RequestId);
    }

    [Fact]
    public async Task GetMyPermissionsAsync_InProjectAndOnIssue_ContextCounts()
    {
        var inSec = await Alice.Users.GetMyPermissionsAsync(new MyPermissionsOptions { Permissions = [PermissionKeys.CreateIssues, PermissionKeys.AdministerProjects], ProjectKey = "SEC" }, Ct);
        Assert.True(inSec.Has(PermissionKeys.CreateIssues));
        Assert.False(inSec.Has(PermissionKeys.AdministerProjects));
        var inEng = await Alice.Users.GetMyPermissionsAsync(new MyPermissionsOptions { Permissions = [PermissionKeys.CreateIssues], ProjectKey = "ENG" }, Ct);
        Assert.False(inEng.Has(PermissionKeys.CreateIssues));
        var onIssue = await Alice.Users.GetMyPermissionsAsync(new MyPermissionsOptions { Permissions = [PermissionKeys.EditIssues], IssueKey = "SEC-456" }, Ct);
        Assert.True(onIssue.Has(PermissionKeys.EditIssues));
    }

    [Fact]
    public async Task GetMyPermissionsAsync_HiddenProject_NotFound() =>
        await Assert.ThrowsAsync<JiraNotFoundException>(() => Grace.Users.GetMyPermissionsAsync(
            new MyPermissionsOptions { Permissions = [PermissionKeys.BrowseProjects], ProjectKey = "SEC" }, Ct));

    [Fact]
    public async Task GetMyPermissionsAsync_NoKeys_CloudRefusesDataCenterListsAll()
    {
        if (IsCloud)
        {
            await Assert.ThrowsAsync<JiraValidationException>(() => Alice.Users.GetMyPermissionsAsync(cancellationToken: Ct));
        }
        else
        {
            var all = await Alice.Users.GetMyPermissionsAsync(cancellationToken: Ct);
            Assert.True(all.Permissions.Count > 10);
        }
    }
}

public sealed class CloudUsersDirectoryTests(CloudSandboxFixture sandbox) : UsersDirectoryTests(sandbox), IClassFixture<CloudSandboxFixture>;

public sealed class DataCenterUsersDirectoryTests(DataCenterSandboxFixture sandbox) : UsersDirectoryTests(sandbox), IClassFixture<DataCenterSandboxFixture>;
