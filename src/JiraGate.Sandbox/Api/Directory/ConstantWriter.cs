using System.Text.Json;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;

namespace JiraGate.Sandbox.Api.SiteDirectory;

/// <summary>
/// Jira's shapes for the site's constants (issue types, priorities, statuses, resolutions) as the
/// metadata endpoints list them. Cloud's schemas forbid undeclared properties, so each writer emits
/// exactly what the flavour's schema declares.
/// </summary>
internal static class ConstantWriter
{
    /// <summary>Status categories in the order Jira lists them (undefined, new, indeterminate, done).</summary>
    public static readonly IReadOnlyList<string> CategoryKeys =
        ["undefined", StatusCategories.New, StatusCategories.InProgress, StatusCategories.Done];

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

    /// <summary>Priority with its description, colour and (Cloud) default flag.</summary>
    public static void WritePriority(Utf8JsonWriter w, RenderContext rc, PriorityDef priority)
    {
        w.WriteStartObject();
        w.WriteString("self", rc.Self($"{rc.Api}/priority/{priority.Id}"));
        w.WriteString("statusColor", priority.StatusColor);
        w.WriteString("description", priority.Description);
        w.WriteString("iconUrl", rc.Self($"/images/icons/priorities/{priority.Name.ToLowerInvariant()}.svg"));
        w.WriteString("name", priority.Name);
        w.WriteString("id", priority.Id);
        if (!rc.IsDataCenter)
        {
            w.WriteBoolean("isDefault", priority.IsDefault);
        }
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

    /// <summary>JiraStatus, the admin /statuses shape: category as TODO/IN_PROGRESS/DONE and a GLOBAL scope.</summary>
    public static void WriteJiraStatus(Utf8JsonWriter w, StatusDef status)
    {
        w.WriteStartObject();
        w.WriteString("id", status.Id);
        w.WriteString("name", status.Name);
        w.WriteString("statusCategory", JiraStatusCategory(status.CategoryKey));
        w.WriteStartObject("scope");
        w.WriteString("type", "GLOBAL");
        w.WriteEndObject();
        w.WriteString("description", status.Description);
        w.WriteEndObject();
    }

    public static string JiraStatusCategory(string key) => key switch
    {
        StatusCategories.New => "TODO",
        StatusCategories.InProgress => "IN_PROGRESS",
        _ => "DONE",
    };

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

    private static long AvatarIdOf(IssueTypeDef type) =>
        10300 + (long.TryParse(type.Id, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id % 100 : 0);
}
