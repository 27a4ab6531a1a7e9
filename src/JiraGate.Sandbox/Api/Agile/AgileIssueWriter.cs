using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;

namespace JiraGate.Sandbox.Api.Agile;

/// <summary>
/// Issues as the Agile and Software APIs return them: the platform IssueBean (IssueWriter) plus the Jira Software
/// fields <c>sprint</c>, <c>closedSprints</c>, <c>flagged</c> and <c>epic</c>. Agile 1.0 renders the REST v2
/// representation with <c>self</c> under /rest/agile/1.0/issue; Software 1.0 keeps the platform self.
/// </summary>
internal static class AgileIssueWriter
{
    /// <summary>Writes one issue; <paramref name="agileSelf"/> points self at /rest/agile/1.0/issue/{id}.</summary>
    public static void Write(Utf8JsonWriter w, RenderContext rc, Issue issue, FieldSelection fields,
        IReadOnlyCollection<string> expand, bool agileSelf)
    {
        // IssueWriter owns the platform shape; render it, then add what Jira Software adds.
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var inner = new Utf8JsonWriter(buffer))
        {
            IssueWriter.Write(inner, rc, issue, fields, expand);
        }
        var node = JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
        if (agileSelf)
        {
            node["self"] = rc.Self($"/rest/agile/1.0/issue/{issue.Id}");
        }
        if (node["fields"] is JsonObject fieldsObject)
        {
            AddSoftwareFields(fieldsObject, rc, issue, fields);
        }
        node.WriteTo(w);
    }

    private static void AddSoftwareFields(JsonObject target, RenderContext rc, Issue issue, FieldSelection fields)
    {
        var site = rc.Site;
        var sprints = issue.SprintIds.Select(site.SprintById).OfType<Sprint>().ToList();
        if (fields.Includes("flagged"))
        {
            target["flagged"] = false;
        }
        if (fields.Includes("sprint"))
        {
            // The issue's current sprint: the active one, else the next future one.
            var current = sprints.FirstOrDefault(s => s.State == SprintStates.Active)
                ?? sprints.FirstOrDefault(s => s.State == SprintStates.Future);
            target["sprint"] = current is null ? null : SprintNode(rc, current);
        }
        if (fields.Includes("closedSprints"))
        {
            var closed = sprints.Where(s => s.State == SprintStates.Closed).ToList();
            if (closed.Count > 0)
            {
                target["closedSprints"] = new JsonArray([.. closed.Select(s => (JsonNode?)SprintNode(rc, s))]);
            }
        }
        if (fields.Includes("epic"))
        {
            var parent = issue.ParentId is { } parentId ? site.IssueById(parentId) : null;
            target["epic"] = parent is not null && AgileIssueScope.IsEpic(site, parent) ? EpicNode(rc, parent) : null;
        }
    }

    private static JsonNode SprintNode(RenderContext rc, Sprint sprint)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            EntityWriter.WriteSprint(w, rc, sprint);
        }
        return JsonNode.Parse(buffer.WrittenSpan)!;
    }

    private static JsonObject EpicNode(RenderContext rc, Issue epic) => new()
    {
        ["id"] = epic.Id,
        ["key"] = epic.Key,
        ["self"] = rc.Self($"/rest/agile/1.0/epic/{epic.Id}"),
        ["name"] = epic.Summary,
        ["summary"] = epic.Summary,
        ["color"] = new JsonObject { ["key"] = "color_" + ((epic.Id % 14) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) },
        ["done"] = AgileIssueScope.IsDone(rc.Site, epic),
    };
}
