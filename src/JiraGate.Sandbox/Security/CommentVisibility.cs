using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Security;

/// <summary>Comments and worklogs restricted to a group or project role are hidden from everyone else.</summary>
internal static class CommentVisibility
{
    public static bool CanSee(Site site, User? user, Project project, Comment comment) =>
        CanSee(site, user, project, comment.Visibility);

    public static bool CanSee(Site site, User? user, Project project, Visibility? visibility)
    {
        if (visibility is null)
        {
            return true;
        }
        if (user is null)
        {
            return false;
        }
        return visibility.Type switch
        {
            "group" => site.GroupByName(visibility.Value) is { } g && user.GroupIds.Contains(g.GroupId),
            "role" => site.Data.Roles.FirstOrDefault(r => string.Equals(r.Name, visibility.Value, StringComparison.OrdinalIgnoreCase)) is { } role
                && PermissionService.IsInRole(site, user, project, role.Id),
            _ => false,
        };
    }
}
