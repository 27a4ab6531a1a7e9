using System.Text.Json;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;

namespace JiraGate.Sandbox.Api.SiteDirectory;

/// <summary>
/// A project role with its actors in one project, sorted by display name. Cloud user actors carry
/// <c>actorUser.accountId</c> and group actors <c>actorGroup</c>; Data Center actors carry the username or
/// group name as <c>name</c> and an <c>avatarUrl</c>.
/// </summary>
internal static class RoleWriter
{
    private const string UserActor = "atlassian-user-role-actor";
    private const string GroupActor = "atlassian-group-role-actor";

    public static void Write(Utf8JsonWriter w, RenderContext rc, Project project, ProjectRole role, bool excludeInactiveUsers)
    {
        var actors = project.Roles.FirstOrDefault(r => r.RoleId == role.Id);
        var users = (actors?.AccountIds ?? []).Select(rc.Site.UserByAccountId).OfType<User>()
            .Where(u => u.Active || !excludeInactiveUsers)
            .Select(u => (Display: u.DisplayName, User: (User?)u, Group: (Group?)null));
        var groups = (actors?.GroupIds ?? []).Select(rc.Site.GroupById).OfType<Group>()
            .Select(g => (Display: g.Name, User: (User?)null, Group: (Group?)g));
        var all = users.Concat(groups).OrderBy(a => a.Display, StringComparer.OrdinalIgnoreCase).ToList();

        w.WriteStartObject();
        w.WriteString("self", ProjectWriter.RoleUrl(rc, project, role.Id));
        w.WriteString("name", role.Name);
        w.WriteNumber("id", role.Id);
        w.WriteString("description", role.Description);
        w.WriteStartArray("actors");
        var actorId = role.Id * 100;
        foreach (var (display, user, group) in all)
        {
            w.WriteStartObject();
            w.WriteNumber("id", actorId++);
            w.WriteString("displayName", display);
            w.WriteString("type", user is not null ? UserActor : GroupActor);
            if (user is not null)
            {
                WriteUserActor(w, rc, user);
            }
            else
            {
                WriteGroupActor(w, rc, group!);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteUserActor(Utf8JsonWriter w, RenderContext rc, User user)
    {
        if (rc.IsDataCenter)
        {
            w.WriteString("name", user.Name);
            w.WriteString("avatarUrl", rc.Self($"/secure/useravatar?size=xsmall&avatarId={user.Key}"));
            return;
        }
        w.WriteStartObject("actorUser");
        w.WriteString("accountId", user.AccountId);
        w.WriteEndObject();
    }

    private static void WriteGroupActor(Utf8JsonWriter w, RenderContext rc, Group group)
    {
        w.WriteString("name", group.Name);
        if (rc.IsDataCenter)
        {
            w.WriteString("avatarUrl", rc.Self("/images/icons/avatars/group.png"));
            return;
        }
        w.WriteStartObject("actorGroup");
        w.WriteString("name", group.Name);
        w.WriteString("displayName", group.Name);
        w.WriteString("groupId", group.GroupId);
        w.WriteEndObject();
    }
}
