using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Data;

/// <summary>Options for generating a site.</summary>
/// <param name="Issues">Total issues; null for the demo site's fixed layout (750 issues, SEC-456 among them).</param>
/// <param name="Seed">Random seed: the same seed and clock give the same site.</param>
public sealed record SeedOptions(int? Issues = null, int Seed = 42);

/// <summary>
/// Builds the demo site: 4 projects (SEC, ENG, OPS, HR), 10 users including an admin and a service
/// account, groups, roles, two permission schemes, an issue security scheme, two workflows with
/// different transition ids, boards with closed/active/future sprints, custom fields, and issues
/// with comments, worklogs, attachments, labels, components and versions. Deterministic per seed.
/// </summary>
public static partial class SiteSeeder
{
    public const long RoleUsers = 10000, RoleDevelopers = 10001, RoleAdministrators = 10002;
    public const long SchemeDefault = 10000, SchemeConfidential = 10001;
    public const long SecuritySchemeSec = 10000, LevelInternal = 10100, LevelRestricted = 10101;
    public const long WorkflowSimplified = 1, WorkflowIncident = 2;
    public const string TypeEpic = "10000", TypeTask = "10001", TypeStory = "10002", TypeSubtask = "10003", TypeBug = "10004", TypeIncident = "10005";
    public const string StatusOpen = "1", StatusInProgress = "3", StatusResolved = "5", StatusClosed = "6";
    public const string StatusToDo = "10000", StatusDone = "10001", StatusUnderReview = "10002";
    public const long FieldStoryPoints = 10016, FieldSprint = 10020, FieldSeverity = 10030, FieldRootCause = 10050, FieldIncidentDate = 10060, FieldCustomerImpact = 10070;

    public static SiteData Create(DateTimeOffset now, SeedOptions? options = null)
    {
        options ??= new SeedOptions();
        var data = new SiteData();
        AddIdentity(data);
        AddConfiguration(data);
        AddProjects(data);
        AddAgile(data, now);
        data.OAuthClients.Add(new OAuthClient
        {
            ClientId = DemoCredentials.OAuthClientId,
            ClientSecret = DemoCredentials.OAuthClientSecret,
            Name = "Sandbox OAuth app",
            RedirectUris = ["http://127.0.0.1/callback", "http://localhost/callback"],
        });
        new IssueGenerator(data, now, options).Generate();
        return data;
    }

    /// <summary>A stable Cloud-style account id (24 hex chars) derived from the user name.</summary>
    public static string AccountIdFor(string name) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("jiragate-sandbox:" + name)))[..24];

    private static void AddIdentity(SiteData data)
    {
        data.Groups.AddRange(
        [
            new Group { GroupId = "a1b2c3d4-0000-4000-8000-000000000001", Name = "jira-admins" },
            new Group { GroupId = "a1b2c3d4-0000-4000-8000-000000000002", Name = "site-admins" },
            new Group { GroupId = "a1b2c3d4-0000-4000-8000-000000000003", Name = "jira-software-users" },
            new Group { GroupId = "a1b2c3d4-0000-4000-8000-000000000004", Name = "sec-team" },
            new Group { GroupId = "a1b2c3d4-0000-4000-8000-000000000005", Name = "eng-team" },
            new Group { GroupId = "a1b2c3d4-0000-4000-8000-000000000006", Name = "ops-team" },
            new Group { GroupId = "a1b2c3d4-0000-4000-8000-000000000007", Name = "hr-team" },
        ]);
        string G(string name) => data.Groups.First(g => g.Name == name).GroupId;
        var users = new (DemoCredentials.DemoUser Cred, string Display, string[] Groups, string Type, bool Active)[]
        {
            (DemoCredentials.Ada, "Ada Admin", ["jira-admins", "site-admins", "jira-software-users"], "atlassian", true),
            (DemoCredentials.Alice, "Alice Analyst", ["sec-team", "jira-software-users"], "atlassian", true),
            (DemoCredentials.Bob, "Bob Responder", ["sec-team", "jira-software-users"], "atlassian", true),
            (DemoCredentials.Carol, "Carol Engineer", ["eng-team", "jira-software-users"], "atlassian", true),
            (DemoCredentials.Dave, "Dave Developer", ["eng-team", "jira-software-users"], "atlassian", true),
            (DemoCredentials.Erin, "Erin Operator", ["ops-team", "jira-software-users"], "atlassian", true),
            (DemoCredentials.Frank, "Frank People", ["hr-team", "jira-software-users"], "atlassian", true),
            (DemoCredentials.Grace, "Grace Guest", ["jira-software-users"], "atlassian", true),
            (DemoCredentials.Bot, "JiraGate Bot", ["sec-team", "eng-team", "ops-team", "jira-software-users"], "app", true),
            (DemoCredentials.Ivan, "Ivan Inactive", ["eng-team"], "atlassian", false),
        };
        var keyNumber = 10100;
        foreach (var (cred, display, groups, type, active) in users)
        {
            data.Users.Add(new User
            {
                AccountId = AccountIdFor(cred.Name),
                Name = cred.Name,
                Key = "JIRAUSER" + (keyNumber++).ToString(CultureInfo.InvariantCulture),
                DisplayName = display,
                EmailAddress = cred.Email,
                AccountType = type,
                Active = active,
                ApiTokens = [cred.ApiToken],
                PersonalAccessTokens = [cred.PersonalAccessToken],
                Password = cred.Password,
                GroupIds = [.. groups.Select(G)],
            });
        }
        data.GlobalGrants.AddRange(
        [
            new GlobalGrant { Permission = Permissions.Administer, GroupId = G("jira-admins") },
            new GlobalGrant { Permission = Permissions.SystemAdmin, GroupId = G("site-admins") },
            new GlobalGrant { Permission = Permissions.UserPicker, GroupId = G("jira-software-users") },
            new GlobalGrant { Permission = Permissions.UserPicker, GroupId = G("jira-admins") },
            new GlobalGrant { Permission = Permissions.CreateSharedObjects, GroupId = G("jira-software-users") },
        ]);
        data.Roles.AddRange(
        [
            new ProjectRole { Id = RoleUsers, Name = "Users", Description = "A project role that represents users in a project" },
            new ProjectRole { Id = RoleDevelopers, Name = "Developers", Description = "A project role that represents developers in a project" },
            new ProjectRole { Id = RoleAdministrators, Name = "Administrators", Description = "A project role that represents administrators in a project" },
        ]);
        data.PermissionSchemes.Add(DefaultScheme(SchemeDefault, "Default software scheme", browseHolders: [(HolderTypes.ProjectRole, RoleUsers), (HolderTypes.ProjectRole, RoleDevelopers), (HolderTypes.ProjectRole, RoleAdministrators)]));
        data.PermissionSchemes.Add(DefaultScheme(SchemeConfidential, "Confidential scheme", browseHolders: [(HolderTypes.ProjectRole, RoleDevelopers), (HolderTypes.ProjectRole, RoleAdministrators), (HolderTypes.Reporter, null)]));
        data.SecuritySchemes.Add(new IssueSecurityScheme
        {
            Id = SecuritySchemeSec,
            Name = "SEC security",
            Levels =
            [
                new SecurityLevel { Id = LevelInternal, Name = "Internal", Description = "Security team only", Members = [new() { HolderType = HolderTypes.ProjectRole, HolderParameter = Str(RoleDevelopers) }, new() { HolderType = HolderTypes.ProjectRole, HolderParameter = Str(RoleAdministrators) }] },
                new SecurityLevel { Id = LevelRestricted, Name = "Restricted", Description = "Jira admins and the reporter", Members = [new() { HolderType = HolderTypes.Group, HolderParameter = G("jira-admins") }, new() { HolderType = HolderTypes.Reporter }] },
            ],
        });
    }

    private static PermissionScheme DefaultScheme(long id, string name, (string Type, long? Param)[] browseHolders)
    {
        var scheme = new PermissionScheme { Id = id, Name = name, Description = name + " of the sandbox site" };
        long grantId = id * 100;
        void Grant(string permission, string holderType, long? param) =>
            scheme.Grants.Add(new PermissionGrant { Id = grantId++, Permission = permission, HolderType = holderType, HolderParameter = param is null ? null : Str(param.Value) });
        foreach (var (type, param) in browseHolders)
        {
            Grant(Permissions.BrowseProjects, type, param);
        }
        foreach (var p in new[] { Permissions.AddComments, Permissions.EditOwnComments })
        {
            Grant(p, HolderTypes.ProjectRole, RoleUsers);
        }
        string[] developerPermissions =
        [
            Permissions.CreateIssues, Permissions.EditIssues, Permissions.AssignIssues, Permissions.AssignableUser,
            Permissions.TransitionIssues, Permissions.ResolveIssues, Permissions.CloseIssues, Permissions.ScheduleIssues,
            Permissions.LinkIssues, Permissions.AddComments, Permissions.EditOwnComments, Permissions.DeleteOwnComments,
            Permissions.CreateAttachments, Permissions.DeleteOwnAttachments, Permissions.WorkOnIssues,
            Permissions.EditOwnWorklogs, Permissions.DeleteOwnWorklogs, Permissions.ManageSprints, Permissions.ViewDevTools,
        ];
        foreach (var p in developerPermissions)
        {
            Grant(p, HolderTypes.ProjectRole, RoleDevelopers);
        }
        string[] adminPermissions =
        [
            Permissions.CreateIssues, Permissions.EditIssues, Permissions.DeleteIssues, Permissions.AssignIssues, Permissions.AssignableUser,
            Permissions.TransitionIssues, Permissions.ResolveIssues, Permissions.CloseIssues, Permissions.ScheduleIssues,
            Permissions.LinkIssues, Permissions.MoveIssues, Permissions.SetIssueSecurity, Permissions.AddComments,
            Permissions.EditAllComments, Permissions.EditOwnComments, Permissions.DeleteAllComments, Permissions.DeleteOwnComments,
            Permissions.CreateAttachments, Permissions.DeleteAllAttachments, Permissions.DeleteOwnAttachments, Permissions.WorkOnIssues,
            Permissions.EditOwnWorklogs, Permissions.EditAllWorklogs, Permissions.DeleteOwnWorklogs, Permissions.DeleteAllWorklogs,
            Permissions.AdministerProjects, Permissions.ManageSprints, Permissions.ViewDevTools,
        ];
        foreach (var p in adminPermissions)
        {
            Grant(p, HolderTypes.ProjectRole, RoleAdministrators);
        }
        return scheme;
    }

    internal static string Str(long value) => value.ToString(CultureInfo.InvariantCulture);
}
