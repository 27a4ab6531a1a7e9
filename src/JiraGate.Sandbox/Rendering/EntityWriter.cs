using System.Text.Json;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Rendering;

/// <summary>Writes Jira's shapes for the entities that appear inside many responses.</summary>
internal static class EntityWriter
{
    public static void WriteAvatarUrls(Utf8JsonWriter w, RenderContext rc, string kind, string id)
    {
        w.WriteStartObject("avatarUrls");
        foreach (var size in (ReadOnlySpan<string>)["48x48", "24x24", "16x16", "32x32"])
        {
            w.WriteString(size, rc.Self($"/secure/{kind}avatar?size={size}&avatarId={id}"));
        }
        w.WriteEndObject();
    }

    /// <summary>A user as Jira writes it: accountId on Cloud, name/key on Data Center.</summary>
    /// <summary>
    /// A user in the UserDetails shape embedded everywhere (authors, assignees, members): accountId on Cloud,
    /// name/key on Data Center. /user and /myself add groups, roles and locale on top of it.
    /// </summary>
    public static void WriteUser(Utf8JsonWriter w, RenderContext rc, User user)
    {
        w.WriteStartObject();
        WriteUserProperties(w, rc, user);
        w.WriteEndObject();
    }

    /// <summary>The UserDetails properties, for writers that add more to the same object.</summary>
    public static void WriteUserProperties(Utf8JsonWriter w, RenderContext rc, User user)
    {
        if (rc.IsDataCenter)
        {
            w.WriteString("self", rc.Self($"/rest/api/2/user?username={Uri.EscapeDataString(user.Name)}"));
            w.WriteString("key", user.Key);
            w.WriteString("name", user.Name);
        }
        else
        {
            w.WriteString("self", rc.Self($"{rc.Api}/user?accountId={user.AccountId}"));
            w.WriteString("accountId", user.AccountId);
            w.WriteString("accountType", user.AccountType);
        }
        w.WriteString("emailAddress", user.EmailAddress);
        WriteAvatarUrls(w, rc, "user", user.Key);
        w.WriteString("displayName", user.DisplayName);
        w.WriteBoolean("active", user.Active);
        w.WriteString("timeZone", user.TimeZone);
    }

    public static void WriteUserOrNull(Utf8JsonWriter w, RenderContext rc, string name, string? accountId)
    {
        var user = rc.Site.UserByAccountId(accountId);
        w.WritePropertyName(name);
        if (user is null)
        {
            w.WriteNullValue();
        }
        else
        {
            WriteUser(w, rc, user);
        }
    }

    public static void WriteStatusCategory(Utf8JsonWriter w, RenderContext rc, string key)
    {
        var (id, name, color) = StatusCategories.Describe(key);
        w.WriteStartObject();
        w.WriteString("self", rc.Self($"{rc.Api}/statuscategory/{id}"));
        w.WriteNumber("id", id);
        w.WriteString("key", key);
        w.WriteString("colorName", color);
        w.WriteString("name", name);
        w.WriteEndObject();
    }

    /// <summary>StatusDetails (Cloud) / StatusJsonBean (Data Center); the site's statuses are global (no scope).</summary>
    public static void WriteStatus(Utf8JsonWriter w, RenderContext rc, StatusDef status)
    {
        w.WriteStartObject();
        w.WriteString("self", rc.Self($"{rc.Api}/status/{status.Id}"));
        w.WriteString("description", status.Description);
        w.WriteString("iconUrl", rc.Self("/images/icons/statuses/generic.png"));
        w.WriteString("name", status.Name);
        if (!rc.IsDataCenter)
        {
            w.WriteString("untranslatedName", status.Name);
        }
        w.WriteString("id", status.Id);
        w.WritePropertyName("statusCategory");
        WriteStatusCategory(w, rc, status.CategoryKey);
        w.WriteEndObject();
    }

    /// <summary>IssueTypeDetails (Cloud) / IssueTypeJsonBean (Data Center).</summary>
    public static void WriteIssueType(Utf8JsonWriter w, RenderContext rc, IssueTypeDef type)
    {
        w.WriteStartObject();
        w.WriteString("self", rc.Self($"{rc.Api}/issuetype/{type.Id}"));
        w.WriteString("id", type.Id);
        w.WriteString("description", type.Description);
        w.WriteString("iconUrl", rc.Self($"/rest/api/2/universal_avatar/view/type/issuetype/avatar/{AvatarIdOf(type)}?size=medium"));
        w.WriteString("name", type.Name);
        w.WriteBoolean("subtask", type.Subtask);
        w.WriteNumber("avatarId", AvatarIdOf(type));
        if (!rc.IsDataCenter)
        {
            w.WriteNumber("hierarchyLevel", type.HierarchyLevel);
        }
        w.WriteEndObject();
    }

    public static void WritePriority(Utf8JsonWriter w, RenderContext rc, PriorityDef priority, bool full = false)
    {
        w.WriteStartObject();
        w.WriteString("self", rc.Self($"{rc.Api}/priority/{priority.Id}"));
        w.WriteString("iconUrl", rc.Self($"/images/icons/priorities/{priority.Name.ToLowerInvariant()}.svg"));
        w.WriteString("name", priority.Name);
        w.WriteString("id", priority.Id);
        if (full)
        {
            w.WriteString("description", priority.Description);
            w.WriteString("statusColor", priority.StatusColor);
            if (!rc.IsDataCenter)
            {
                w.WriteBoolean("isDefault", priority.IsDefault);
            }
        }
        w.WriteEndObject();
    }

    /// <summary>Resolution: Cloud's schema has no iconUrl; Data Center's bean does.</summary>
    public static void WriteResolution(Utf8JsonWriter w, RenderContext rc, ResolutionDef resolution)
    {
        w.WriteStartObject();
        w.WriteString("self", rc.Self($"{rc.Api}/resolution/{resolution.Id}"));
        w.WriteString("id", resolution.Id);
        w.WriteString("description", resolution.Description);
        w.WriteString("name", resolution.Name);
        if (rc.IsDataCenter)
        {
            w.WriteString("iconUrl", rc.Self("/images/icons/statuses/generic.png"));
        }
        w.WriteEndObject();
    }

    public static void WriteComponentRef(Utf8JsonWriter w, RenderContext rc, Component component)
    {
        w.WriteStartObject();
        w.WriteString("self", rc.Self($"{rc.Api}/component/{component.Id}"));
        w.WriteString("id", component.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("name", component.Name);
        w.WriteString("description", component.Description);
        w.WriteEndObject();
    }

    public static void WriteComponent(Utf8JsonWriter w, RenderContext rc, Project project, Component component)
    {
        w.WriteStartObject();
        w.WriteString("self", rc.Self($"{rc.Api}/component/{component.Id}"));
        w.WriteString("id", component.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("name", component.Name);
        w.WriteString("description", component.Description);
        var lead = rc.Site.UserByAccountId(component.LeadAccountId);
        if (lead is not null)
        {
            w.WritePropertyName("lead");
            WriteUser(w, rc, lead);
        }
        w.WriteString("assigneeType", "PROJECT_DEFAULT");
        w.WriteString("realAssigneeType", "PROJECT_DEFAULT");
        w.WriteBoolean("isAssigneeTypeValid", false);
        w.WriteString("project", project.Key);
        w.WriteNumber("projectId", project.Id);
        w.WriteEndObject();
    }

    public static void WriteVersion(Utf8JsonWriter w, RenderContext rc, Project project, ProjectVersion version)
    {
        w.WriteStartObject();
        w.WriteString("self", rc.Self($"{rc.Api}/version/{version.Id}"));
        w.WriteString("id", version.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("description", version.Description);
        w.WriteString("name", version.Name);
        w.WriteBoolean("archived", version.Archived);
        w.WriteBoolean("released", version.Released);
        if (version.StartDate is { } start)
        {
            w.WriteString("startDate", JiraDates.Format(start));
        }
        if (version.ReleaseDate is { } release)
        {
            w.WriteString("releaseDate", JiraDates.Format(release));
            w.WriteBoolean("overdue", !version.Released && release < DateOnly.FromDateTime(rc.Site.Now.UtcDateTime));
        }
        w.WriteNumber("projectId", project.Id);
        w.WriteEndObject();
    }

    public static void WriteSecurityLevel(Utf8JsonWriter w, RenderContext rc, SecurityLevel level)
    {
        w.WriteStartObject();
        w.WriteString("self", rc.Self($"{rc.Api}/securitylevel/{level.Id}"));
        w.WriteString("id", level.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("description", level.Description);
        w.WriteString("name", level.Name);
        w.WriteEndObject();
    }

    /// <summary>The short project shape embedded in issues.</summary>
    public static void WriteProjectRef(Utf8JsonWriter w, RenderContext rc, Project project)
    {
        w.WriteStartObject();
        w.WriteString("self", rc.Self($"{rc.Api}/project/{project.Id}"));
        w.WriteString("id", project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("key", project.Key);
        w.WriteString("name", project.Name);
        w.WriteString("projectTypeKey", project.ProjectTypeKey);
        w.WriteBoolean("simplified", false);
        WriteAvatarUrls(w, rc, "project", project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }

    public static void WriteSprint(Utf8JsonWriter w, RenderContext rc, Sprint sprint, bool agileShape = true)
    {
        w.WriteStartObject();
        w.WriteNumber("id", sprint.Id);
        if (agileShape)
        {
            w.WriteString("self", rc.Self($"/rest/agile/1.0/sprint/{sprint.Id}"));
        }
        w.WriteString("state", sprint.State);
        w.WriteString("name", sprint.Name);
        if (sprint.StartDate is { } start)
        {
            w.WriteString("startDate", JiraDates.FormatIso(start));
        }
        if (sprint.EndDate is { } end)
        {
            w.WriteString("endDate", JiraDates.FormatIso(end));
        }
        if (sprint.CompleteDate is { } complete)
        {
            w.WriteString("completeDate", JiraDates.FormatIso(complete));
        }
        if (sprint.CreatedDate is { } created)
        {
            w.WriteString("createdDate", JiraDates.FormatIso(created));
        }
        w.WriteNumber(agileShape ? "originBoardId" : "boardId", sprint.OriginBoardId);
        w.WriteString("goal", sprint.Goal);
        w.WriteEndObject();
    }

    private static long AvatarIdOf(IssueTypeDef type) =>
        10300 + (long.TryParse(type.Id, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id % 100 : 0);
}
