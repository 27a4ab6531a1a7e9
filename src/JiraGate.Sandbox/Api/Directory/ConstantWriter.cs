using System.Text.Json;
using JiraGate.Sandbox.Model;

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

}
