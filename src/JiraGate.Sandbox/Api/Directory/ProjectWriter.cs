using System.Globalization;
using System.Text.Json;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;

namespace JiraGate.Sandbox.Api.SiteDirectory;

/// <summary>
/// Projects as Jira writes them: the short listing shape of /project and /project/search (more with
/// <c>expand</c>), and the full shape of /project/{idOrKey}. Cloud's Project schema forbids undeclared
/// properties; Data Center writes <c>archived</c> where Cloud writes <c>style</c>/<c>isPrivate</c>.
/// </summary>
internal static class ProjectWriter
{
    private const string CloudExpand = "description,lead,issueTypes,url,projectKeys,permissions,insight";
    private const string DataCenterExpand = "description,lead,url,projectKeys";

    /// <summary>The listing shape; <paramref name="expand"/> adds description, lead, issueTypes, insight.</summary>
    public static void WriteListed(Utf8JsonWriter w, RenderContext rc, Project project, IReadOnlySet<string> expand)
    {
        w.WriteStartObject();
        WriteHead(w, rc, project);
        if (expand.Contains("description"))
        {
            w.WriteString("description", project.Description);
        }
        if (expand.Contains("lead"))
        {
            EntityWriter.WriteUserOrNull(w, rc, "lead", project.LeadAccountId);
        }
        if (expand.Contains("issueTypes"))
        {
            WriteIssueTypes(w, rc, project);
        }
        w.WriteString("name", project.Name);
        WriteTail(w, rc, project, expand);
        w.WriteEndObject();
    }

    /// <summary>The full shape: description, lead, components, issue types, versions and roles are always there.</summary>
    public static void WriteFull(Utf8JsonWriter w, RenderContext rc, Project project, IReadOnlySet<string> expand)
    {
        w.WriteStartObject();
        WriteHead(w, rc, project);
        w.WriteString("description", project.Description);
        EntityWriter.WriteUserOrNull(w, rc, "lead", project.LeadAccountId);
        w.WriteStartArray("components");
        foreach (var component in project.Components)
        {
            EntityWriter.WriteComponent(w, rc, project, component);
        }
        w.WriteEndArray();
        WriteIssueTypes(w, rc, project);
        w.WriteString("assigneeType", "UNASSIGNED");
        w.WriteStartArray("versions");
        foreach (var version in project.Versions)
        {
            EntityWriter.WriteVersion(w, rc, project, version);
        }
        w.WriteEndArray();
        w.WriteString("name", project.Name);
        w.WriteStartObject("roles");
        foreach (var role in rc.Site.Data.Roles)
        {
            w.WriteString(role.Name, RoleUrl(rc, project, role.Id));
        }
        w.WriteEndObject();
        WriteTail(w, rc, project, expand);
        w.WriteEndObject();
    }

    public static string RoleUrl(RenderContext rc, Project project, long roleId) =>
        rc.Self($"{rc.Api}/project/{project.Id}/role/{roleId}");

    private static void WriteHead(Utf8JsonWriter w, RenderContext rc, Project project)
    {
        w.WriteString("expand", rc.IsDataCenter ? DataCenterExpand : CloudExpand);
        w.WriteString("self", rc.Self($"{rc.Api}/project/{project.Id}"));
        w.WriteString("id", project.Id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("key", project.Key);
    }

    private static void WriteTail(Utf8JsonWriter w, RenderContext rc, Project project, IReadOnlySet<string> expand)
    {
        EntityWriter.WriteAvatarUrls(w, rc, "project", project.Id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("projectTypeKey", project.ProjectTypeKey);
        if (rc.IsDataCenter)
        {
            w.WriteBoolean("archived", project.Archived);
            if (expand.Contains("projectKeys"))
            {
                w.WriteStartArray("projectKeys");
                w.WriteStringValue(project.Key);
                w.WriteEndArray();
            }
            return;
        }
        w.WriteBoolean("simplified", false);
        w.WriteString("style", "classic");
        w.WriteBoolean("isPrivate", false);
        w.WriteStartObject("properties");
        w.WriteEndObject();
        if (project.Archived)
        {
            w.WriteBoolean("archived", true);
        }
        if (expand.Contains("insight"))
        {
            var issues = rc.Site.Issues.Where(i => i.ProjectId == project.Id).ToList();
            w.WriteStartObject("insight");
            w.WriteNumber("totalIssueCount", issues.Count);
            if (issues.Count > 0)
            {
                w.WriteString("lastIssueUpdateTime", JiraDates.Format(issues.Max(i => i.Updated)));
            }
            w.WriteEndObject();
        }
    }

    private static void WriteIssueTypes(Utf8JsonWriter w, RenderContext rc, Project project)
    {
        w.WriteStartArray("issueTypes");
        foreach (var type in project.IssueTypeIds.Select(rc.Site.IssueType).OfType<IssueTypeDef>())
        {
            EntityWriter.WriteIssueType(w, rc, type);
        }
        w.WriteEndArray();
    }
}
