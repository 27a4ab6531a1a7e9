using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Domain;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Rendering;

/// <summary>Writes an issue (IssueBean) in Jira's shape, honouring <c>fields</c> and <c>expand</c>.</summary>
internal static partial class IssueWriter
{
    private const string ExpandList = "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations";

    public static void Write(Utf8JsonWriter w, RenderContext rc, Issue issue, FieldSelection fields,
        IReadOnlyCollection<string>? expand = null, IReadOnlyCollection<string>? properties = null)
    {
        expand ??= [];
        var site = rc.Site;
        w.WriteStartObject();
        w.WriteString("expand", ExpandList);
        w.WriteString("id", Id(issue.Id));
        w.WriteString("self", rc.Self($"{rc.Api}/issue/{issue.Id}"));
        w.WriteString("key", issue.Key);
        if (properties is { Count: > 0 })
        {
            w.WriteStartObject("properties");
            foreach (var key in properties)
            {
                if (issue.Properties.TryGetValue(key, out var value))
                {
                    w.WritePropertyName(key);
                    WriteNode(w, value);
                }
            }
            w.WriteEndObject();
        }
        if (!fields.IsIdOnly)
        {
            w.WriteStartObject("fields");
            WriteFields(w, rc, issue, fields);
            w.WriteEndObject();
        }
        if (expand.Contains("renderedFields"))
        {
            w.WriteStartObject("renderedFields");
            if (fields.Includes("description"))
            {
                w.WriteString("description", issue.Description is null ? null : Html(issue.Description.PlainText));
            }
            w.WriteEndObject();
        }
        if (expand.Contains("names"))
        {
            w.WriteStartObject("names");
            foreach (var f in FieldCatalog.All(site).Where(f => fields.Includes(f.Id)))
            {
                w.WriteString(f.Id, f.Name);
            }
            w.WriteEndObject();
        }
        if (expand.Contains("schema"))
        {
            w.WriteStartObject("schema");
            foreach (var f in FieldCatalog.All(site).Where(f => fields.Includes(f.Id)))
            {
                w.WritePropertyName(f.Id);
                WriteSchema(w, f);
            }
            w.WriteEndObject();
        }
        if (expand.Contains("transitions"))
        {
            w.WriteStartArray("transitions");
            foreach (var t in IssueWorkflow.Available(site, issue))
            {
                WriteTransition(w, rc, t, includeFields: false);
            }
            w.WriteEndArray();
        }
        if (expand.Contains("changelog"))
        {
            w.WriteStartObject("changelog");
            w.WriteNumber("startAt", 0);
            w.WriteNumber("maxResults", issue.Changelog.Count);
            w.WriteNumber("total", issue.Changelog.Count);
            w.WriteStartArray("histories");
            foreach (var change in issue.Changelog)
            {
                WriteChangeGroup(w, rc, change);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    public static void WriteSchema(Utf8JsonWriter w, FieldInfo f)
    {
        w.WriteStartObject();
        w.WriteString("type", f.SchemaType);
        if (f.SchemaItems is not null)
        {
            w.WriteString("items", f.SchemaItems);
        }
        if (f.Custom)
        {
            w.WriteString("custom", f.SystemOrCustom);
            w.WriteNumber("customId", f.CustomId!.Value);
        }
        else
        {
            w.WriteString("system", f.SystemOrCustom);
        }
        w.WriteEndObject();
    }

    private static void WriteFields(Utf8JsonWriter w, RenderContext rc, Issue issue, FieldSelection sel)
    {
        var site = rc.Site;
        var project = site.ProjectOf(issue);
        if (sel.Includes("summary")) { w.WriteString("summary", issue.Summary); }
        if (sel.Includes("description")) { rc.WriteRichText(w, "description", issue.Description); }
        if (sel.Includes("environment")) { rc.WriteRichText(w, "environment", issue.Environment); }
        if (sel.Includes("issuetype") && site.IssueType(issue.IssueTypeId) is { } type)
        {
            w.WritePropertyName("issuetype");
            EntityWriter.WriteIssueType(w, rc, type);
        }
        if (sel.Includes("project"))
        {
            w.WritePropertyName("project");
            EntityWriter.WriteProjectRef(w, rc, project);
        }
        var status = site.Status(issue.StatusId)!;
        if (sel.Includes("status"))
        {
            w.WritePropertyName("status");
            EntityWriter.WriteStatus(w, rc, status);
        }
        if (sel.Includes("statuscategorychangedate")) { w.WriteString("statuscategorychangedate", JiraDates.Format(issue.Updated)); }
        if (sel.Includes("priority"))
        {
            w.WritePropertyName("priority");
            if (site.Priority(issue.PriorityId) is { } priority) { EntityWriter.WritePriority(w, rc, priority); } else { w.WriteNullValue(); }
        }
        if (sel.Includes("resolution"))
        {
            w.WritePropertyName("resolution");
            if (site.Resolution(issue.ResolutionId) is { } resolution) { EntityWriter.WriteResolution(w, rc, resolution); } else { w.WriteNullValue(); }
        }
        if (sel.Includes("resolutiondate")) { WriteDateOrNull(w, "resolutiondate", issue.ResolutionDate); }
        if (sel.Includes("assignee")) { EntityWriter.WriteUserOrNull(w, rc, "assignee", issue.AssigneeAccountId); }
        if (sel.Includes("reporter")) { EntityWriter.WriteUserOrNull(w, rc, "reporter", issue.ReporterAccountId); }
        if (sel.Includes("creator")) { EntityWriter.WriteUserOrNull(w, rc, "creator", issue.CreatorAccountId); }
        if (sel.Includes("labels"))
        {
            w.WriteStartArray("labels");
            foreach (var label in issue.Labels) { w.WriteStringValue(label); }
            w.WriteEndArray();
        }
        if (sel.Includes("components"))
        {
            w.WriteStartArray("components");
            foreach (var c in issue.ComponentIds.Select(id => project.Components.FirstOrDefault(c => c.Id == id)).OfType<Component>())
            {
                EntityWriter.WriteComponentRef(w, rc, c);
            }
            w.WriteEndArray();
        }
        if (sel.Includes("fixVersions")) { WriteVersions(w, rc, project, "fixVersions", issue.FixVersionIds); }
        if (sel.Includes("versions")) { WriteVersions(w, rc, project, "versions", issue.AffectedVersionIds); }
        if (sel.Includes("created")) { w.WriteString("created", JiraDates.Format(issue.Created)); }
        if (sel.Includes("updated")) { w.WriteString("updated", JiraDates.Format(issue.Updated)); }
        if (sel.Includes("duedate"))
        {
            if (issue.DueDate is { } due) { w.WriteString("duedate", JiraDates.Format(due)); } else { w.WriteNull("duedate"); }
        }
        if (sel.Includes("parent") && issue.ParentId is { } parentId && site.IssueById(parentId) is { } parent)
        {
            w.WritePropertyName("parent");
            WriteIssueLinkRef(w, rc, parent);
        }
        if (sel.Includes("security"))
        {
            w.WritePropertyName("security");
            if (site.SecurityLevel(issue.SecurityLevelId) is { } level) { EntityWriter.WriteSecurityLevel(w, rc, level); } else { w.WriteNullValue(); }
        }
        if (sel.Includes("subtasks"))
        {
            w.WriteStartArray("subtasks");
            foreach (var sub in site.SubtasksOf(issue).Where(s => PermissionService.CanBrowse(site, rc.Caller.User, s)))
            {
                WriteIssueLinkRef(w, rc, sub);
            }
            w.WriteEndArray();
        }
        if (sel.Includes("issuelinks"))
        {
            w.WriteStartArray("issuelinks");
            w.WriteEndArray();
        }
        if (sel.Includes("comment"))
        {
            var visible = issue.Comments.Where(c => CommentVisibility.CanSee(site, rc.Caller.User, project, c)).ToList();
            w.WriteStartObject("comment");
            w.WriteStartArray("comments");
            foreach (var c in visible) { WriteComment(w, rc, issue, c); }
            w.WriteEndArray();
            w.WriteString("self", rc.Self($"{rc.Api}/issue/{issue.Id}/comment"));
            w.WriteNumber("maxResults", visible.Count);
            w.WriteNumber("total", visible.Count);
            w.WriteNumber("startAt", 0);
            w.WriteEndObject();
        }
        if (sel.Includes("worklog"))
        {
            // Worklogs restricted to a group or role are hidden from non-members, as comments are.
            var visibleWorklogs = issue.Worklogs.Where(wl => CommentVisibility.CanSee(site, rc.Caller.User, project, wl.Visibility)).ToList();
            w.WriteStartObject("worklog");
            w.WriteNumber("startAt", 0);
            w.WriteNumber("maxResults", 20);
            w.WriteNumber("total", visibleWorklogs.Count);
            w.WriteStartArray("worklogs");
            foreach (var wl in visibleWorklogs.Take(20)) { WriteWorklog(w, rc, issue, wl); }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        if (sel.Includes("attachment"))
        {
            w.WriteStartArray("attachment");
            foreach (var a in issue.Attachments) { WriteAttachment(w, rc, a); }
            w.WriteEndArray();
        }
        WriteTimeTracking(w, issue, sel);
        if (sel.Includes("watches"))
        {
            w.WriteStartObject("watches");
            w.WriteString("self", rc.Self($"{rc.Api}/issue/{issue.Key}/watchers"));
            w.WriteNumber("watchCount", 1);
            w.WriteBoolean("isWatching", issue.ReporterAccountId == rc.Caller.User?.AccountId);
            w.WriteEndObject();
        }
        if (sel.Includes("votes"))
        {
            w.WriteStartObject("votes");
            w.WriteString("self", rc.Self($"{rc.Api}/issue/{issue.Key}/votes"));
            w.WriteNumber("votes", 0);
            w.WriteBoolean("hasVoted", false);
            w.WriteEndObject();
        }
        foreach (var cf in site.Data.CustomFields)
        {
            if (sel.Includes(cf.Id))
            {
                w.WritePropertyName(cf.Id);
                WriteCustomFieldValue(w, rc, issue, cf);
            }
        }
    }

    private static void WriteTimeTracking(Utf8JsonWriter w, Issue issue, FieldSelection sel)
    {
        var spent = issue.TimeSpentSeconds;
        if (sel.Includes("timespent")) { WriteLongOrNull(w, "timespent", spent == 0 ? null : spent); }
        if (sel.Includes("timeoriginalestimate")) { WriteLongOrNull(w, "timeoriginalestimate", issue.TimeOriginalEstimateSeconds); }
        if (sel.Includes("timeestimate")) { WriteLongOrNull(w, "timeestimate", issue.TimeEstimateSeconds); }
        if (sel.Includes("workratio"))
        {
            var original = issue.TimeOriginalEstimateSeconds ?? 0;
            w.WriteNumber("workratio", original == 0 ? -1 : spent * 100 / original);
        }
        if (sel.Includes("progress"))
        {
            var total = spent + (issue.TimeEstimateSeconds ?? 0);
            w.WriteStartObject("progress");
            w.WriteNumber("progress", spent);
            w.WriteNumber("total", total);
            if (total > 0) { w.WriteNumber("percent", spent * 100 / total); }
            w.WriteEndObject();
        }
        if (sel.Includes("timetracking"))
        {
            w.WriteStartObject("timetracking");
            if (issue.TimeOriginalEstimateSeconds is { } o)
            {
                w.WriteString("originalEstimate", Duration(o));
                w.WriteNumber("originalEstimateSeconds", o);
            }
            if (issue.TimeEstimateSeconds is { } r)
            {
                w.WriteString("remainingEstimate", Duration(r));
                w.WriteNumber("remainingEstimateSeconds", r);
            }
            if (spent > 0)
            {
                w.WriteString("timeSpent", Duration(spent));
                w.WriteNumber("timeSpentSeconds", spent);
            }
            w.WriteEndObject();
        }
    }

    private static void WriteCustomFieldValue(Utf8JsonWriter w, RenderContext rc, Issue issue, CustomFieldDef cf)
    {
        if (cf.Kind == CustomFieldKinds.Sprint)
        {
            if (issue.SprintIds.Count == 0)
            {
                w.WriteNullValue();
                return;
            }
            w.WriteStartArray();
            foreach (var sprint in issue.SprintIds.Select(rc.Site.SprintById).OfType<Sprint>())
            {
                EntityWriter.WriteSprint(w, rc, sprint, agileShape: false);
            }
            w.WriteEndArray();
            return;
        }
        if (!issue.CustomFields.TryGetValue(cf.Id, out var value) || value is null)
        {
            w.WriteNullValue();
            return;
        }
        if (cf.Kind == CustomFieldKinds.TextArea && !rc.UsesAdf)
        {
            w.WriteStringValue(Adf.WikiMarkup.FromAdf(value));
            return;
        }
        if (cf.Kind == CustomFieldKinds.User && value is JsonValue v && v.TryGetValue<string>(out var accountId)
            && rc.Site.UserByAccountId(accountId) is { } user)
        {
            EntityWriter.WriteUser(w, rc, user);
            return;
        }
        value.WriteTo(w);
    }

    private static void WriteVersions(Utf8JsonWriter w, RenderContext rc, Project project, string name, List<long> ids)
    {
        w.WriteStartArray(name);
        foreach (var v in ids.Select(id => project.Versions.FirstOrDefault(v => v.Id == id)).OfType<ProjectVersion>())
        {
            EntityWriter.WriteVersion(w, rc, project, v);
        }
        w.WriteEndArray();
    }

    /// <summary>The short issue shape used for parent and subtasks.</summary>
    public static void WriteIssueLinkRef(Utf8JsonWriter w, RenderContext rc, Issue issue)
    {
        var site = rc.Site;
        w.WriteStartObject();
        w.WriteString("id", Id(issue.Id));
        w.WriteString("key", issue.Key);
        w.WriteString("self", rc.Self($"{rc.Api}/issue/{issue.Id}"));
        w.WriteStartObject("fields");
        w.WriteString("summary", issue.Summary);
        w.WritePropertyName("status");
        EntityWriter.WriteStatus(w, rc, site.Status(issue.StatusId)!);
        if (site.Priority(issue.PriorityId) is { } priority)
        {
            w.WritePropertyName("priority");
            EntityWriter.WritePriority(w, rc, priority);
        }
        w.WritePropertyName("issuetype");
        EntityWriter.WriteIssueType(w, rc, site.IssueType(issue.IssueTypeId)!);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteTransition(Utf8JsonWriter w, RenderContext rc, TransitionDef t, bool includeFields)
    {
        var site = rc.Site;
        var to = site.Status(t.To)!;
        w.WriteStartObject();
        w.WriteString("id", t.Id);
        w.WriteString("name", t.Name);
        w.WritePropertyName("to");
        EntityWriter.WriteStatus(w, rc, to);
        w.WriteBoolean("hasScreen", t.ScreenFields.Count > 0);
        w.WriteBoolean("isGlobal", t.From.Count == 0);
        w.WriteBoolean("isInitial", false);
        w.WriteBoolean("isAvailable", true);
        w.WriteBoolean("isConditional", false);
        w.WriteBoolean("looped", false);
        if (includeFields)
        {
            w.WriteStartObject("fields");
            foreach (var fieldId in t.ScreenFields)
            {
                var info = FieldCatalog.Find(site, fieldId);
                w.WriteStartObject(fieldId);
                w.WriteBoolean("required", t.RequiredFields.Contains(fieldId));
                w.WritePropertyName("schema");
                if (info is not null) { WriteSchema(w, info); } else { w.WriteStartObject(); w.WriteEndObject(); }
                w.WriteString("name", info?.Name ?? fieldId);
                w.WriteString("key", fieldId);
                w.WriteBoolean("hasDefaultValue", false);
                w.WriteStartArray("operations");
                w.WriteStringValue("set");
                w.WriteEndArray();
                if (fieldId == "resolution")
                {
                    w.WriteStartArray("allowedValues");
                    foreach (var r in site.Data.Resolutions) { EntityWriter.WriteResolution(w, rc, r); }
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Jira's duration text: 1w 2d 3h 4m (a week is 5 days of 8 hours).</summary>
    public static string Duration(long seconds)
    {
        var parts = new List<string>();
        var minutes = seconds / 60;
        (long Size, string Unit)[] units = [(5 * 8 * 60, "w"), (8 * 60, "d"), (60, "h"), (1, "m")];
        foreach (var (size, unit) in units)
        {
            if (minutes >= size)
            {
                parts.Add((minutes / size).ToString(CultureInfo.InvariantCulture) + unit);
                minutes %= size;
            }
        }
        return parts.Count == 0 ? "0m" : string.Join(' ', parts);
    }

    private static string Html(string text) => "<p>" + System.Net.WebUtility.HtmlEncode(text).Replace("\n", "<br/>", StringComparison.Ordinal) + "</p>";

    private static void WriteDateOrNull(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } v) { w.WriteString(name, JiraDates.Format(v)); } else { w.WriteNull(name); }
    }

    private static void WriteLongOrNull(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v) { w.WriteNumber(name, v); } else { w.WriteNull(name); }
    }

    public static void WriteNode(Utf8JsonWriter w, JsonNode? node)
    {
        if (node is null) { w.WriteNullValue(); } else { node.WriteTo(w); }
    }
}
