using System.Text.Json;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;

namespace JiraGate.Sandbox.Api.SiteDirectory;

/// <summary>
/// Users as /user and /myself write them (with <c>groups</c>, <c>applicationRoles</c> and <c>expand</c>), and the
/// smaller UserDetails of group member pages. Cloud identifies users by accountId; Data Center by name and key.
/// </summary>
internal static class UserWriter
{
    private const string SoftwareRoleKey = "jira-software";
    private const string SoftwareUsersGroup = "jira-software-users";

    /// <summary>The full user: groups and application roles are sized always and listed when expanded.</summary>
    public static void WriteFull(Utf8JsonWriter w, RenderContext rc, User user, IReadOnlySet<string> expand)
    {
        w.WriteStartObject();
        EntityWriter.WriteUserProperties(w, rc, user);
        if (rc.IsDataCenter)
        {
            w.WriteBoolean("deleted", false);
        }
        w.WriteString("locale", user.Locale);
        WriteGroups(w, rc, user, expand.Contains("groups"));
        WriteApplicationRoles(w, rc, user, expand.Contains("applicationRoles"));
        w.WriteString("expand", "groups,applicationRoles");
        w.WriteEndObject();
    }

    /// <summary>GroupName: <c>{name, groupId, self}</c> on Cloud; <c>{name, self}</c> on Data Center.</summary>
    public static void WriteGroupName(Utf8JsonWriter w, RenderContext rc, Group group)
    {
        w.WriteStartObject();
        w.WriteString("name", group.Name);
        if (rc.IsDataCenter)
        {
            w.WriteString("self", rc.Self($"{rc.Api}/group?groupname={Uri.EscapeDataString(group.Name)}"));
        }
        else
        {
            w.WriteString("groupId", group.GroupId);
            w.WriteString("self", rc.Self($"{rc.Api}/group?groupId={group.GroupId}"));
        }
        w.WriteEndObject();
    }

    public static IReadOnlyList<Group> GroupsOf(Site site, User user) =>
        [.. user.GroupIds.Select(site.GroupById).OfType<Group>().OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase)];

    private static void WriteGroups(Utf8JsonWriter w, RenderContext rc, User user, bool expanded)
    {
        var groups = GroupsOf(rc.Site, user);
        w.WriteStartObject("groups");
        w.WriteNumber("size", groups.Count);
        w.WriteStartArray("items");
        if (expanded)
        {
            foreach (var group in groups)
            {
                WriteGroupName(w, rc, group);
            }
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Licensed (atlassian) accounts hold the Jira Software role; app accounts hold none.</summary>
    private static void WriteApplicationRoles(Utf8JsonWriter w, RenderContext rc, User user, bool expanded)
    {
        var licensed = user.AccountType == "atlassian";
        w.WriteStartObject("applicationRoles");
        w.WriteNumber("size", licensed ? 1 : 0);
        w.WriteStartArray("items");
        if (expanded && licensed)
        {
            var userCount = rc.Site.Data.Users.Count(u => u.Active && u.AccountType == "atlassian");
            w.WriteStartObject();
            w.WriteString("key", SoftwareRoleKey);
            w.WriteStartArray("groups");
            w.WriteStringValue(SoftwareUsersGroup);
            w.WriteEndArray();
            w.WriteString("name", "Jira Software");
            w.WriteStartArray("defaultGroups");
            w.WriteStringValue(SoftwareUsersGroup);
            w.WriteEndArray();
            w.WriteBoolean("selectedByDefault", false);
            w.WriteBoolean("defined", true);
            w.WriteNumber("numberOfSeats", 100);
            w.WriteNumber("remainingSeats", 100 - userCount);
            w.WriteNumber("userCount", userCount);
            w.WriteString("userCountDescription", "users");
            w.WriteBoolean("hasUnlimitedSeats", false);
            w.WriteBoolean("platform", false);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
