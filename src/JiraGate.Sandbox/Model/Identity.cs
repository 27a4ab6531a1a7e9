namespace JiraGate.Sandbox.Model;

/// <summary>A Jira user. Cloud identifies users by <see cref="AccountId"/>; Data Center by <see cref="Name"/> and <see cref="Key"/>.</summary>
public sealed class User
{
    public required string AccountId { get; set; }
    /// <summary>Data Center username (login name).</summary>
    public required string Name { get; set; }
    /// <summary>Data Center user key, e.g. JIRAUSER10100.</summary>
    public required string Key { get; set; }
    public required string DisplayName { get; set; }
    public required string EmailAddress { get; set; }
    public bool Active { get; set; } = true;
    /// <summary>atlassian | app | customer.</summary>
    public string AccountType { get; set; } = "atlassian";
    public string TimeZone { get; set; } = "UTC";
    public string Locale { get; set; } = "en_US";
    /// <summary>Cloud API tokens (Basic email:token). Secrets of the sandbox's seeded site, documented in the README.</summary>
    public List<string> ApiTokens { get; set; } = [];
    /// <summary>Data Center personal access tokens (Bearer).</summary>
    public List<string> PersonalAccessTokens { get; set; } = [];
    /// <summary>Data Center password (Basic username:password). Null: password login disabled.</summary>
    public string? Password { get; set; }
    public List<string> GroupIds { get; set; } = [];
}

public sealed class Group
{
    public required string GroupId { get; set; }
    public required string Name { get; set; }
}

/// <summary>A project role (Users, Developers, Administrators); its actors are set per project.</summary>
public sealed class ProjectRole
{
    public required long Id { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
}

/// <summary>Who holds a grant: Jira's holder types.</summary>
public static class HolderTypes
{
    public const string Anyone = "anyone";
    public const string Group = "group";
    public const string ProjectRole = "projectRole";
    public const string User = "user";
    public const string Reporter = "reporter";
    public const string Assignee = "assignee";
    public const string ProjectLead = "projectLead";
    public const string ApplicationRole = "applicationRole";
}

public sealed class PermissionGrant
{
    public required long Id { get; set; }
    public required string Permission { get; set; }
    public required string HolderType { get; set; }
    /// <summary>Group id, role id, or account id, depending on <see cref="HolderType"/>.</summary>
    public string? HolderParameter { get; set; }
}

public sealed class PermissionScheme
{
    public required long Id { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public List<PermissionGrant> Grants { get; set; } = [];
}

public sealed class SecurityLevelMember
{
    public required string HolderType { get; set; }
    public string? HolderParameter { get; set; }
}

public sealed class SecurityLevel
{
    public required long Id { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public List<SecurityLevelMember> Members { get; set; } = [];
}

public sealed class IssueSecurityScheme
{
    public required long Id { get; set; }
    public required string Name { get; set; }
    public List<SecurityLevel> Levels { get; set; } = [];
}

/// <summary>A global permission granted to a group (ADMINISTER, USER_PICKER, …).</summary>
public sealed class GlobalGrant
{
    public required string Permission { get; set; }
    public required string GroupId { get; set; }
}

/// <summary>Jira's permission keys, as /mypermissions and permission schemes name them.</summary>
public static class Permissions
{
    public const string BrowseProjects = "BROWSE_PROJECTS";
    public const string CreateIssues = "CREATE_ISSUES";
    public const string EditIssues = "EDIT_ISSUES";
    public const string DeleteIssues = "DELETE_ISSUES";
    public const string AssignIssues = "ASSIGN_ISSUES";
    public const string AssignableUser = "ASSIGNABLE_USER";
    public const string TransitionIssues = "TRANSITION_ISSUES";
    public const string ResolveIssues = "RESOLVE_ISSUES";
    public const string CloseIssues = "CLOSE_ISSUES";
    public const string ScheduleIssues = "SCHEDULE_ISSUES";
    public const string LinkIssues = "LINK_ISSUES";
    public const string MoveIssues = "MOVE_ISSUES";
    public const string SetIssueSecurity = "SET_ISSUE_SECURITY";
    public const string AddComments = "ADD_COMMENTS";
    public const string EditAllComments = "EDIT_ALL_COMMENTS";
    public const string EditOwnComments = "EDIT_OWN_COMMENTS";
    public const string DeleteAllComments = "DELETE_ALL_COMMENTS";
    public const string DeleteOwnComments = "DELETE_OWN_COMMENTS";
    public const string CreateAttachments = "CREATE_ATTACHMENTS";
    public const string DeleteAllAttachments = "DELETE_ALL_ATTACHMENTS";
    public const string DeleteOwnAttachments = "DELETE_OWN_ATTACHMENTS";
    public const string WorkOnIssues = "WORK_ON_ISSUES";
    public const string EditOwnWorklogs = "EDIT_OWN_WORKLOGS";
    public const string EditAllWorklogs = "EDIT_ALL_WORKLOGS";
    public const string DeleteOwnWorklogs = "DELETE_OWN_WORKLOGS";
    public const string DeleteAllWorklogs = "DELETE_ALL_WORKLOGS";
    public const string AdministerProjects = "ADMINISTER_PROJECTS";
    public const string ManageSprints = "MANAGE_SPRINTS_PERMISSION";
    public const string ViewDevTools = "VIEW_DEV_TOOLS";

    // Global permissions.
    public const string Administer = "ADMINISTER";
    public const string SystemAdmin = "SYSTEM_ADMIN";
    public const string UserPicker = "USER_PICKER";
    public const string CreateSharedObjects = "CREATE_SHARED_OBJECTS";

    /// <summary>Project permissions, in the order Jira lists them; with their display names and type.</summary>
    public static readonly IReadOnlyList<(string Key, string Name, string Description)> ProjectPermissions =
    [
        (BrowseProjects, "Browse Projects", "Ability to browse projects and the issues within them."),
        (CreateIssues, "Create Issues", "Ability to create issues."),
        (EditIssues, "Edit Issues", "Ability to edit issues."),
        (DeleteIssues, "Delete Issues", "Ability to delete issues."),
        (AssignIssues, "Assign Issues", "Ability to assign issues to other people."),
        (AssignableUser, "Assignable User", "Users with this permission may be assigned to issues."),
        (TransitionIssues, "Transition Issues", "Ability to transition issues."),
        (ResolveIssues, "Resolve Issues", "Ability to resolve and reopen issues."),
        (CloseIssues, "Close Issues", "Ability to close issues."),
        (ScheduleIssues, "Schedule Issues", "Ability to view or edit an issue's due date."),
        (LinkIssues, "Link Issues", "Ability to link issues together."),
        (MoveIssues, "Move Issues", "Ability to move issues between projects."),
        (SetIssueSecurity, "Set Issue Security", "Ability to set the level of security on an issue."),
        (AddComments, "Add Comments", "Ability to comment on issues."),
        (EditAllComments, "Edit All Comments", "Ability to edit all comments made on issues."),
        (EditOwnComments, "Edit Own Comments", "Ability to edit own comments made on issues."),
        (DeleteAllComments, "Delete All Comments", "Ability to delete all comments made on issues."),
        (DeleteOwnComments, "Delete Own Comments", "Ability to delete own comments made on issues."),
        (CreateAttachments, "Create Attachments", "Users with this permission may create attachments."),
        (DeleteAllAttachments, "Delete All Attachments", "Users with this permission may delete all attachments."),
        (DeleteOwnAttachments, "Delete Own Attachments", "Users with this permission may delete own attachments."),
        (WorkOnIssues, "Work On Issues", "Ability to log work done against an issue."),
        (EditOwnWorklogs, "Edit Own Worklogs", "Ability to edit own worklogs made on issues."),
        (EditAllWorklogs, "Edit All Worklogs", "Ability to edit all worklogs made on issues."),
        (DeleteOwnWorklogs, "Delete Own Worklogs", "Ability to delete own worklogs made on issues."),
        (DeleteAllWorklogs, "Delete All Worklogs", "Ability to delete all worklogs made on issues."),
        (AdministerProjects, "Administer Projects", "Ability to administer a project in Jira."),
        (ManageSprints, "Manage sprints", "Ability to manage sprints."),
        (ViewDevTools, "View Development Tools", "Allows users to view development-related information."),
    ];

    public static readonly IReadOnlyList<(string Key, string Name, string Description)> GlobalPermissions =
    [
        (Administer, "Administer Jira", "Create and administer projects, issue types, fields, workflows, and schemes for all projects."),
        (SystemAdmin, "Jira System Administrators", "Ability to perform all administration functions."),
        (UserPicker, "Browse users and groups", "View and select users or groups from the user picker, and share issues."),
        (CreateSharedObjects, "Share dashboards and filters", "Share dashboards and filters with other users."),
    ];
}
