using System.Text.Json;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.Children;

/// <summary>
/// Finding an attachment for a caller with Jira's answers: 404 "The attachment with id '…' does not exist"
/// when there is none, 403 "You do not have permission to view attachment with id: …" when its issue is
/// hidden (Jira's attachment resource says 403 here, unlike the issue resources).
/// </summary>
internal static class AttachmentAccess
{
    public readonly record struct Found(Issue Issue, Attachment Attachment);

    /// <summary>The attachment and its issue, or the error to answer with. Valid inside a site read or write.</summary>
    public static (Found? Found, IResult? Error) Find(Site site, User? user, string rawId)
    {
        if (!ChildAccess.TryChildId(rawId, out var id))
        {
            return (null, NotFound(rawId));
        }
        foreach (var issue in site.Issues)
        {
            foreach (var attachment in issue.Attachments)
            {
                if (attachment.Id == id)
                {
                    return PermissionService.CanBrowse(site, user, issue)
                        ? (new Found(issue, attachment), null)
                        : (null, JiraResults.Error(StatusCodes.Status403Forbidden, $"You do not have permission to view attachment with id: {rawId}"));
                }
            }
        }
        return (null, NotFound(rawId));
    }

    public static IResult NotFound(string rawId) =>
        JiraResults.Error(StatusCodes.Status404NotFound, $"The attachment with id '{rawId}' does not exist");

    /// <summary>Publishes attachment_created / attachment_deleted with the attachment as Jira Cloud's payload carries it.</summary>
    public static void Publish(RenderContext rc, string webhookEvent, Issue issue, Attachment attachment)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            IssueWriter.WriteAttachment(writer, rc, attachment);
        }
        var payload = new JsonObject
        {
            ["timestamp"] = rc.Site.Now.ToUnixTimeMilliseconds(),
            ["webhookEvent"] = webhookEvent,
            ["attachment"] = JsonNode.Parse(buffer.WrittenSpan),
        };
        rc.Site.Publish(new SiteEvent(webhookEvent, issue, payload));
    }

    public static ChangeItem ChangeItem(Attachment attachment, bool added)
    {
        var id = IssueWriter.Id(attachment.Id);
        return new ChangeItem
        {
            Field = "Attachment",
            FieldId = "attachment",
            From = added ? null : id,
            FromString = added ? null : attachment.Filename,
            To = added ? id : null,
            ToString_ = added ? attachment.Filename : null,
        };
    }
}
