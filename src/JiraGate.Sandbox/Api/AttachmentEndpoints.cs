using JiraGate.Sandbox.Api.Children;
using JiraGate.Sandbox.Domain;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api;

/// <summary>
/// Attachments: upload to an issue, metadata, content (Cloud redirects with 303 unless <c>redirect=false</c>),
/// delete, and the site's settings (<c>/attachment/meta</c>). Listing is the issue's <c>fields.attachment</c>.
/// </summary>
internal static class AttachmentEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        app.MapPost(api.Prefix + "/issue/{issueIdOrKey}/attachments",
            (HttpContext http, Site site, string issueIdOrKey) => AttachmentUpload.AddAsync(http, site, api, issueIdOrKey));
        app.MapGet(api.Prefix + "/attachment/meta", (Site site) => Meta(site));
        app.MapGet(api.Prefix + "/attachment/{id}", (HttpContext http, Site site, string id) => Get(http, site, api, id));
        app.MapDelete(api.Prefix + "/attachment/{id}", (HttpContext http, Site site, string id) => Delete(http, site, api, id));
        app.MapGet(api.Prefix + "/attachment/content/{id}", (HttpContext http, Site site, string id) => Content(http, site, api, id));
        if (api.IsCloud && api.Version == 3)
        {
            AttachmentMedia.Map(app);
        }
    }

    private static IResult Meta(Site site) => site.Read(s =>
    {
        var limit = s.Data.AttachmentUploadLimit;
        return JiraResults.Json(w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("enabled", true);
            w.WriteNumber("uploadLimit", limit);
            w.WriteEndObject();
        });
    });

    private static IResult Get(HttpContext http, Site site, ApiVersionContext api, string id)
    {
        var rc = RenderContext.For(http, site, api.Version);
        return site.Read(s =>
        {
            var (found, error) = AttachmentAccess.Find(s, rc.Caller.User, id);
            return error ?? JiraResults.Json(w => ChildWriter.WriteAttachmentMetadata(w, rc, found!.Value.Attachment));
        });
    }

    private static IResult Content(HttpContext http, Site site, ApiVersionContext api, string id)
    {
        var redirect = RequestReading.QueryBool(http.Request, "redirect", true);
        if (!redirect.IsOk)
        {
            return redirect.Error!;
        }
        var rc = RenderContext.For(http, site, api.Version);
        return site.Read(s =>
        {
            var (found, error) = AttachmentAccess.Find(s, rc.Caller.User, id);
            if (error is not null)
            {
                return error;
            }
            var attachment = found!.Value.Attachment;
            // Only Cloud hands downloads to a media service; Data Center streams the bytes itself.
            if (api.IsCloud && redirect.Value)
            {
                return new SeeOther(AttachmentMedia.Location(http.Request, s, attachment));
            }
            return AttachmentMedia.Download(attachment);
        });
    }

    private static IResult Delete(HttpContext http, Site site, ApiVersionContext api, string id)
    {
        var rc = RenderContext.For(http, site, api.Version);
        var user = rc.Caller.User!;
        return site.Write(s =>
        {
            var (found, error) = AttachmentAccess.Find(s, user, id);
            if (error is not null)
            {
                return error;
            }
            var (issue, attachment) = found!.Value;
            var canDelete = PermissionService.Has(s, user, issue, Permissions.DeleteAllAttachments)
                || (attachment.AuthorAccountId == user.AccountId && PermissionService.Has(s, user, issue, Permissions.DeleteOwnAttachments));
            if (!canDelete)
            {
                return JiraResults.Error(StatusCodes.Status403Forbidden, $"You do not have permission to delete attachment with id: {id}");
            }
            issue.Attachments.Remove(attachment);
            ChildAccess.Touch(s, issue);
            var change = ChildAccess.RecordChange(s, issue, user, AttachmentAccess.ChangeItem(attachment, added: false));
            AttachmentAccess.Publish(rc, "attachment_deleted", issue, attachment);
            SiteEvents.IssueUpdated(rc, issue, change, "issue_updated");
            return JiraResults.NoContent();
        });
    }

    /// <summary>303 See Other with a Location (Results.Redirect only offers 301/302/307/308).</summary>
    private sealed class SeeOther(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
