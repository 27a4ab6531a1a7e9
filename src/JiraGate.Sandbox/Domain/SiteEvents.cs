using System.Text.Json.Nodes;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;

namespace JiraGate.Sandbox.Domain;

/// <summary>
/// Builds Jira's webhook payloads for changes and publishes them to the site's sinks.
/// Call inside a site write, right after the change.
/// </summary>
internal static class SiteEvents
{
    public static void IssueCreated(RenderContext rc, Issue issue) => PublishIssue(rc, "jira:issue_created", "issue_created", issue, null);

    public static void IssueUpdated(RenderContext rc, Issue issue, ChangeGroup? change, string typeName = "issue_generic") =>
        PublishIssue(rc, "jira:issue_updated", typeName, issue, change);

    public static void IssueDeleted(RenderContext rc, Issue issue) => PublishIssue(rc, "jira:issue_deleted", "issue_deleted", issue, null);

    public static void CommentEvent(RenderContext rc, string webhookEvent, Issue issue, Comment comment)
    {
        var payload = Base(rc, webhookEvent);
        payload["comment"] = Render(w => IssueWriter.WriteComment(w, rc, issue, comment));
        payload["issue"] = RenderIssue(rc, issue);
        rc.Site.Publish(new SiteEvent(webhookEvent, issue, payload));
    }

    public static void WorklogEvent(RenderContext rc, string webhookEvent, Issue issue, Worklog worklog)
    {
        var payload = Base(rc, webhookEvent);
        payload["worklog"] = Render(w => IssueWriter.WriteWorklog(w, rc, issue, worklog));
        rc.Site.Publish(new SiteEvent(webhookEvent, issue, payload));
    }

    public static void SprintEvent(RenderContext rc, string webhookEvent, Sprint sprint)
    {
        var payload = Base(rc, webhookEvent);
        payload["sprint"] = Render(w => EntityWriter.WriteSprint(w, rc, sprint));
        rc.Site.Publish(new SiteEvent(webhookEvent, null, payload));
    }

    private static void PublishIssue(RenderContext rc, string webhookEvent, string typeName, Issue issue, ChangeGroup? change)
    {
        var payload = Base(rc, webhookEvent);
        payload["issue_event_type_name"] = typeName;
        payload["issue"] = RenderIssue(rc, issue);
        if (change is not null)
        {
            payload["changelog"] = Render(w => IssueWriter.WriteChangeGroup(w, rc, change));
        }
        rc.Site.Publish(new SiteEvent(webhookEvent, issue, payload));
    }

    private static JsonObject Base(RenderContext rc, string webhookEvent)
    {
        var payload = new JsonObject
        {
            ["timestamp"] = rc.Site.Now.ToUnixTimeMilliseconds(),
            ["webhookEvent"] = webhookEvent,
        };
        if (rc.Caller.User is { } user)
        {
            payload["user"] = Render(w => EntityWriter.WriteUser(w, rc, user));
        }
        return payload;
    }

    private static JsonNode RenderIssue(RenderContext rc, Issue issue) =>
        Render(w => IssueWriter.Write(w, rc, issue, FieldSelection.Navigable));

    private static JsonNode Render(Action<System.Text.Json.Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        return JsonNode.Parse(buffer.WrittenSpan)!;
    }
}
