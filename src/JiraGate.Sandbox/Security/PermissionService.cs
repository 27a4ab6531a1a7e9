using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Security;

/// <summary>
/// Jira's permission model: permission schemes grant project permissions to holders (anyone, groups,
/// project roles, users, reporter, assignee, project lead); issue security levels hide issues from
/// everyone who is not a member. Valid only inside a <see cref="Site"/> read or write.
/// </summary>
public static class PermissionService
{
    public static bool HasGlobal(Site site, User? user, string permission)
    {
        if (user is null || !user.Active)
        {
            return false;
        }
        return site.Data.GlobalGrants.Any(g => g.Permission == permission && user.GroupIds.Contains(g.GroupId))
            || (permission == Permissions.Administer && HasGlobal(site, user, Permissions.SystemAdmin));
    }

    public static bool IsAdmin(Site site, User? user) => HasGlobal(site, user, Permissions.Administer);

    /// <summary>Project-level permission (ignores issue-specific holders such as reporter/assignee).</summary>
    public static bool Has(Site site, User? user, Project project, string permission) =>
        HasCore(site, user, project, permission, issue: null);

    /// <summary>Permission on one issue: project grants, issue-specific holders, and the issue's security level.</summary>
    public static bool Has(Site site, User? user, Issue issue, string permission) =>
        CanSeeSecurityLevel(site, user, issue) && HasCore(site, user, site.ProjectOf(issue), permission, issue);

    public static bool CanBrowse(Site site, User? user, Issue issue) => Has(site, user, issue, Permissions.BrowseProjects);

    public static bool CanBrowse(Site site, User? user, Project project) =>
        !project.Archived && Has(site, user, project, Permissions.BrowseProjects);

    /// <summary>
    /// A Browse check for many issues at once (searches, boards): the project-level answer is worked out once
    /// per project, and only issues with a security level, or projects whose scheme grants Browse to the
    /// reporter or assignee, are checked one by one. Same answers as <see cref="CanBrowse(Site, User?, Issue)"/>.
    /// </summary>
    public static Func<Issue, bool> BrowseFilter(Site site, User? user)
    {
        var perProject = new Dictionary<long, (bool Granted, bool IssueSpecific)>();
        return issue =>
        {
            if (!perProject.TryGetValue(issue.ProjectId, out var project))
            {
                var p = site.ProjectOf(issue);
                var scheme = site.PermissionScheme(p.PermissionSchemeId);
                project = (CanBrowse(site, user, p), scheme.Grants.Any(g => g.Permission == Permissions.BrowseProjects
                    && g.HolderType is HolderTypes.Reporter or HolderTypes.Assignee));
                perProject[issue.ProjectId] = project;
            }
            if (project.Granted)
            {
                return issue.SecurityLevelId is null || CanBrowse(site, user, issue);
            }
            return project.IssueSpecific && CanBrowse(site, user, issue);
        };
    }

    public static bool IsInRole(Site site, User user, Project project, long roleId)
    {
        var actors = project.Roles.FirstOrDefault(r => r.RoleId == roleId);
        return actors is not null
            && (actors.AccountIds.Contains(user.AccountId) || actors.GroupIds.Any(user.GroupIds.Contains));
    }

    private static bool HasCore(Site site, User? user, Project project, string permission, Issue? issue)
    {
        var scheme = site.PermissionScheme(project.PermissionSchemeId);
        foreach (var grant in scheme.Grants)
        {
            if (grant.Permission == permission && Holds(site, user, project, grant.HolderType, grant.HolderParameter, issue))
            {
                return true;
            }
        }
        return false;
    }

    private static bool CanSeeSecurityLevel(Site site, User? user, Issue issue)
    {
        if (issue.SecurityLevelId is null)
        {
            return true;
        }
        var level = site.SecurityLevel(issue.SecurityLevelId);
        if (level is null)
        {
            return true;
        }
        var project = site.ProjectOf(issue);
        return level.Members.Any(m => Holds(site, user, project, m.HolderType, m.HolderParameter, issue));
    }

    private static bool Holds(Site site, User? user, Project project, string holderType, string? parameter, Issue? issue)
    {
        if (holderType == HolderTypes.Anyone)
        {
            return true;
        }
        if (user is null || !user.Active)
        {
            return false;
        }
        return holderType switch
        {
            HolderTypes.Group => parameter is not null && user.GroupIds.Contains(parameter),
            HolderTypes.User => parameter == user.AccountId,
            HolderTypes.ProjectRole => parameter is not null
                && long.TryParse(parameter, System.Globalization.CultureInfo.InvariantCulture, out var roleId)
                && IsInRole(site, user, project, roleId),
            HolderTypes.ProjectLead => project.LeadAccountId == user.AccountId,
            HolderTypes.Reporter => issue?.ReporterAccountId == user.AccountId,
            HolderTypes.Assignee => issue?.AssigneeAccountId == user.AccountId,
            // Every licensed (active, atlassian) user holds the Jira application role.
            HolderTypes.ApplicationRole => user.AccountType == "atlassian",
            _ => false,
        };
    }
}
