namespace JiraGate.Jira;

/// <summary>Options for <see cref="UsersClient.GetUserAsync"/>.</summary>
public sealed class GetUserOptions
{
    /// <summary>Expansions: <c>groups</c>, <c>applicationRoles</c>.</summary>
    public IReadOnlyList<string>? Expand { get; init; }
}

/// <summary>Paging for the user listings (<see cref="UsersClient.SearchUsersAsync"/>, <see cref="UsersClient.FindUsersAsync"/>).</summary>
public sealed class UserListOptions
{
    /// <summary>Data Center: include deactivated users (Cloud's /users/search always does; its /user/search never does).</summary>
    public bool? IncludeInactive { get; init; }

    /// <summary>The offset of the first user.</summary>
    public int? StartAt { get; init; }

    /// <summary>Users per page to ask for (default 50; at most 1000, Jira's cap for these endpoints).</summary>
    public int? PageSize { get; init; }

    /// <summary>The auto-pager yields at most this many users.</summary>
    public int? Limit { get; init; }
}

/// <summary>
/// Where to look for assignable users: a project (<see cref="Project"/>) or an issue (<see cref="IssueKey"/>),
/// for <see cref="UsersClient.FindAssignableUsersAsync"/>.
/// </summary>
public sealed class AssignableUsersOptions
{
    /// <summary>The project key or id whose assignable users to find.</summary>
    public string? Project { get; init; }

    /// <summary>The issue key whose assignable users to find (takes the issue's security level into account).</summary>
    public string? IssueKey { get; init; }

    /// <summary>The offset of the first candidate.</summary>
    public int? StartAt { get; init; }

    /// <summary>
    /// Users per page to ask for: on Cloud the window of candidates each call scans (default and maximum 1000, Jira's
    /// scan limit); on Data Center the page size (default 50, at most 100).
    /// </summary>
    public int? PageSize { get; init; }

    /// <summary><see cref="UsersClient.FindAssignableUsersAsync"/> yields at most this many users.</summary>
    public int? Limit { get; init; }
}

/// <summary>Options for <see cref="UsersClient.GetGroupMembersPageAsync"/> and <see cref="UsersClient.GetGroupMembersAsync"/>.</summary>
public sealed class GroupMembersOptions
{
    /// <summary>Include deactivated members.</summary>
    public bool? IncludeInactiveUsers { get; init; }

    /// <summary>The offset of the first member.</summary>
    public int? StartAt { get; init; }

    /// <summary>Members per page to ask for (Cloud caps it at 50).</summary>
    public int? PageSize { get; init; }

    /// <summary><see cref="UsersClient.GetGroupMembersAsync"/> yields at most this many members.</summary>
    public int? Limit { get; init; }
}

/// <summary>Options for <see cref="UsersClient.GetMyPermissionsAsync"/>: which permissions, and in which context.</summary>
public sealed class MyPermissionsOptions
{
    /// <summary>The permission keys to check (required on Cloud; Data Center lists all when absent), e.g. <see cref="PermissionKeys.BrowseProjects"/>.</summary>
    public IReadOnlyList<string>? Permissions { get; init; }

    /// <summary>Check in this project (key).</summary>
    public string? ProjectKey { get; init; }

    /// <summary>Check in this project (id).</summary>
    public string? ProjectId { get; init; }

    /// <summary>Check on this issue (key).</summary>
    public string? IssueKey { get; init; }

    /// <summary>Check on this issue (id).</summary>
    public string? IssueId { get; init; }
}
