using JiraGate.Jira.Tests.Infrastructure;
using JiraGate.Sandbox.Data;

namespace JiraGate.Jira.Tests.SiteDirectory;

/// <summary>Roles, permission schemes and issue security levels: what a permission-aware index reads.</summary>
public abstract class ProjectConfigurationTests(SandboxFixture sandbox) : DirectoryTestBase(sandbox)
{
    [Fact]
    public async Task GetProjectRolesAsync_Admin_TheThreeRolesWithIds()
    {
        var roles = await Ada.Projects.GetProjectRolesAsync("SEC", Ct);
        Assert.Equal(["Administrators", "Developers", "Users"], roles.Select(r => r.Name));
        Assert.Equal([SiteSeeder.RoleAdministrators, SiteSeeder.RoleDevelopers, SiteSeeder.RoleUsers], roles.Select(r => r.Id!.Value));
    }

    [Fact]
    public async Task GetProjectRolesAsync_UnknownProject_NotFound() =>
        await Assert.ThrowsAsync<JiraNotFoundException>(() => Ada.Projects.GetProjectRolesAsync("NOPE", Ct));

    [Fact]
    public async Task GetProjectRoleAsync_Developers_TheGroupActor()
    {
        var role = await Ada.Projects.GetProjectRoleAsync("SEC", SiteSeeder.RoleDevelopers, cancellationToken: Ct);
        Assert.Equal("Developers", role.Name);
        var actor = Assert.Single(role.Actors!);
        Assert.True(actor.IsGroup);
        Assert.Equal("sec-team", actor.Name);
        if (IsCloud)
        {
            Assert.Equal("a1b2c3d4-0000-4000-8000-000000000004", actor.ActorGroup!.GroupId);
        }
    }

    [Fact]
    public async Task GetProjectRoleAsync_Administrators_UserActorsIdentifiedPerDeployment()
    {
        var role = await Ada.Projects.GetProjectRoleAsync("SEC", SiteSeeder.RoleAdministrators, new GetProjectRoleOptions { ExcludeInactiveUsers = true }, Ct);
        Assert.All(role.Actors!, a => Assert.True(a.IsUser));
        if (IsCloud)
        {
            Assert.Contains(role.Actors!, a => a.ActorUser!.AccountId == SiteSeeder.AccountIdFor("ada"));
        }
        else
        {
            Assert.Contains(role.Actors!, a => a.Name == "ada");
        }
    }

    [Fact]
    public async Task GetProjectRoleAsync_UnknownRole_NotFound() =>
        await Assert.ThrowsAsync<JiraNotFoundException>(() => Ada.Projects.GetProjectRoleAsync("SEC", 99999, cancellationToken: Ct));

    [Fact]
    public async Task GetProjectRoleAsync_NotAProjectAdmin_RefusedPerDeployment()
    {
        var call = () => Alice.Projects.GetProjectRoleAsync("SEC", SiteSeeder.RoleDevelopers, cancellationToken: Ct);
        if (IsCloud)
        {
            // Cloud hides roles from non-administrators behind a 404.
            await Assert.ThrowsAsync<JiraNotFoundException>(call);
        }
        else
        {
            Assert.Equal("Developers", (await call()).Name);
        }
    }

    [Fact]
    public async Task GetProjectPermissionSchemeAsync_Admin_GrantsIncluded()
    {
        var scheme = await Ada.Projects.GetProjectPermissionSchemeAsync("SEC", cancellationToken: Ct);
        Assert.Equal(SiteSeeder.SchemeDefault, scheme.Id);
        Assert.Equal("Default software scheme", scheme.Name);
        var browse = scheme.Permissions!.Where(g => g.Permission == PermissionKeys.BrowseProjects).ToList();
        Assert.Equal(3, browse.Count);
        Assert.All(browse, g => Assert.Equal("projectRole", g.Holder!.Type));
        Assert.Contains(browse, g => g.Holder!.Parameter == SiteSeeder.RoleDevelopers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(scheme.RequestId);
    }

    [Fact]
    public async Task GetProjectPermissionSchemeAsync_NotAnAdmin_Forbidden() =>
        await Assert.ThrowsAsync<JiraForbiddenException>(() => Alice.Projects.GetProjectPermissionSchemeAsync("SEC", cancellationToken: Ct));

    [Fact]
    public async Task GetPermissionSchemeAsync_ExpandAll_EmbedsRolesOnDataCenter()
    {
        var scheme = await Ada.Projects.GetPermissionSchemeAsync(SiteSeeder.SchemeConfidential, new PermissionSchemeOptions { Expand = ["all"] }, Ct);
        Assert.Equal("Confidential scheme", scheme.Name);
        Assert.Contains(scheme.Permissions!, g => g.Permission == PermissionKeys.BrowseProjects && g.Holder!.Type == "reporter");
        if (!IsCloud)
        {
            Assert.Contains(scheme.Permissions!, g => g.Holder!.ProjectRole?.Name == "Developers");
        }
    }

    [Fact]
    public async Task GetPermissionSchemeAsync_NoExpand_WithoutGrants()
    {
        var scheme = await Ada.Projects.GetPermissionSchemeAsync(SiteSeeder.SchemeDefault, new PermissionSchemeOptions { Expand = [] }, Ct);
        Assert.Equal(SiteSeeder.SchemeDefault, scheme.Id);
        Assert.Null(scheme.Permissions);
    }

    [Fact]
    public async Task GetPermissionSchemeAsync_Unknown_NotFound() =>
        await Assert.ThrowsAsync<JiraNotFoundException>(() => Ada.Projects.GetPermissionSchemeAsync(99999, cancellationToken: Ct));

    [Fact]
    public async Task GetSecurityLevelsAsync_AdminAndAnalyst_OnlyLevelsTheCallerMaySet()
    {
        var adaLevels = await Ada.Projects.GetSecurityLevelsAsync("SEC", Ct);
        Assert.Equal(["Internal", "Restricted"], adaLevels.Select(l => l.Name).Order(StringComparer.Ordinal));
        if (IsCloud)
        {
            Assert.All(adaLevels, l => Assert.Equal("10000", l.IssueSecuritySchemeId));
        }
        // Alice lacks Set Issue Security in SEC.
        Assert.Empty(await Alice.Projects.GetSecurityLevelsAsync("SEC", Ct));
        // ENG has no security scheme.
        Assert.Empty(await Ada.Projects.GetSecurityLevelsAsync("ENG", Ct));
    }

    [Fact]
    public async Task GetSecurityLevelsAsync_UnknownProject_NotFound() =>
        await Assert.ThrowsAsync<JiraNotFoundException>(() => Ada.Projects.GetSecurityLevelsAsync("NOPE", Ct));

    [Fact]
    public async Task GetIssueSecuritySchemeAsync_Admin_EveryLevel()
    {
        var scheme = await Ada.Projects.GetIssueSecuritySchemeAsync(SiteSeeder.SecuritySchemeSec, Ct);
        Assert.Equal("SEC security", scheme.Name);
        Assert.Equal([SiteSeeder.LevelInternal.ToString(System.Globalization.CultureInfo.InvariantCulture), SiteSeeder.LevelRestricted.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            scheme.Levels!.Select(l => l.Id));
    }

    [Fact]
    public async Task GetIssueSecuritySchemeAsync_NotAnAdmin_Forbidden() =>
        await Assert.ThrowsAsync<JiraForbiddenException>(() => Alice.Projects.GetIssueSecuritySchemeAsync(SiteSeeder.SecuritySchemeSec, Ct));

    [Fact]
    public async Task GetIssueSecuritySchemeAsync_Unknown_NotFound() =>
        await Assert.ThrowsAsync<JiraNotFoundException>(() => Ada.Projects.GetIssueSecuritySchemeAsync(99999, Ct));
}

public sealed class CloudProjectConfigurationTests(CloudSandboxFixture sandbox) : ProjectConfigurationTests(sandbox), IClassFixture<CloudSandboxFixture>;

public sealed class DataCenterProjectConfigurationTests(DataCenterSandboxFixture sandbox) : ProjectConfigurationTests(sandbox), IClassFixture<DataCenterSandboxFixture>;
