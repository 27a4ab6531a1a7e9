using System.Text.Json.Nodes;
using JiraGate.Sandbox.Domain;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.Children;

/// <summary>
/// Adding, updating and deleting comments. A missing comment permission on a visible issue is a 400, as on
/// Jira Cloud and Data Center (measured messages); each change bumps the issue's updated date and publishes
/// comment_created/updated/deleted plus the jira:issue_updated event Jira sends alongside.
/// </summary>
internal static class CommentWrites
{
    private const string EmptyBody = "Comment body can not be empty!";
    private const string InvalidBody = "Comment body is not valid!";

    public static async Task<IResult> AddAsync(HttpContext http, Site site, ApiVersionContext api, string issueIdOrKey)
    {
        var rendered = Api.CommentEndpoints.WantsRenderedBody(http.Request);
        var body = await RequestReading.ReadJsonObjectAsync(http);
        if (!body.IsOk)
        {
            return body.Error!;
        }
        var rc = RenderContext.For(http, site, api.Version);
        var user = rc.Caller.User!;
        return site.Write(s =>
        {
            var issue = ChildAccess.BrowsableIssue(s, user, issueIdOrKey);
            if (issue is null)
            {
                return JiraResults.IssueNotFound();
            }
            if (!PermissionService.Has(s, user, issue, Permissions.AddComments))
            {
                return JiraResults.Error(StatusCodes.Status400BadRequest,
                    ChildAccess.Personal(s, user, "You do not have the permission to comment on this issue."));
            }
            var text = ReadBody(body.Value!, rc.UsesAdf);
            if (!text.IsOk)
            {
                return text.Error!;
            }
            var visibility = VisibilityInput.Read(s, user, s.ProjectOf(issue), body.Value!["visibility"]);
            if (!visibility.IsOk)
            {
                return visibility.Error!;
            }
            if (s.Flavor == SandboxFlavor.Cloud && issue.Comments.Count >= ChildAccess.CloudCommentLimit)
            {
                return JiraResults.Error(StatusCodes.Status413PayloadTooLarge,
                    $"The issue has reached the limit of {ChildAccess.CloudCommentLimit} comments.");
            }
            var now = s.Now;
            var comment = new Comment
            {
                Id = s.NextId("comment"),
                AuthorAccountId = user.AccountId,
                UpdateAuthorAccountId = user.AccountId,
                Body = text.Value!,
                Created = now,
                Updated = now,
                Visibility = visibility.Value,
            };
            issue.Comments.Add(comment);
            ChildAccess.Touch(s, issue);
            SiteEvents.CommentEvent(rc, "comment_created", issue, comment);
            SiteEvents.IssueUpdated(rc, issue, null, "issue_commented");
            return JiraResults.Json(w => ChildWriter.WriteComment(w, rc, issue, comment, rendered), StatusCodes.Status201Created);
        });
    }

    public static async Task<IResult> UpdateAsync(HttpContext http, Site site, ApiVersionContext api, string issueIdOrKey, string id)
    {
        var rendered = Api.CommentEndpoints.WantsRenderedBody(http.Request);
        foreach (var flag in (ReadOnlySpan<string>)["notifyUsers", "overrideEditableFlag"])
        {
            var parsed = RequestReading.QueryBool(http.Request, flag, flag == "notifyUsers");
            if (!parsed.IsOk)
            {
                return parsed.Error!;
            }
        }
        var body = await RequestReading.ReadJsonObjectAsync(http);
        if (!body.IsOk)
        {
            return body.Error!;
        }
        var rc = RenderContext.For(http, site, api.Version);
        var user = rc.Caller.User!;
        return site.Write(s =>
        {
            var issue = ChildAccess.BrowsableIssue(s, user, issueIdOrKey);
            if (issue is null)
            {
                return JiraResults.IssueNotFound();
            }
            var comment = Api.CommentEndpoints.VisibleComment(s, user, issue, id);
            if (comment is null)
            {
                return ChildAccess.CommentNotFound(id);
            }
            if (!ChildAccess.MayChange(s, user, issue, comment.AuthorAccountId, Permissions.EditAllComments, Permissions.EditOwnComments))
            {
                return JiraResults.Error(StatusCodes.Status400BadRequest, "You do not have the permission to edit this comment.");
            }
            // Jira binds only what is sent: an absent body or visibility keeps the comment's own.
            var text = body.Value!.ContainsKey("body") ? ReadBody(body.Value!, rc.UsesAdf) : Parsed<RichText>.Ok(comment.Body);
            if (!text.IsOk)
            {
                return text.Error!;
            }
            var visibility = body.Value!.ContainsKey("visibility")
                ? VisibilityInput.Read(s, user, s.ProjectOf(issue), body.Value!["visibility"])
                : Parsed<Visibility?>.Ok(comment.Visibility);
            if (!visibility.IsOk)
            {
                return visibility.Error!;
            }
            comment.Body = text.Value!;
            comment.Visibility = visibility.Value;
            comment.UpdateAuthorAccountId = user.AccountId;
            comment.Updated = s.Now;
            ChildAccess.Touch(s, issue);
            SiteEvents.CommentEvent(rc, "comment_updated", issue, comment);
            SiteEvents.IssueUpdated(rc, issue, null, "issue_comment_edited");
            return JiraResults.Json(w => ChildWriter.WriteComment(w, rc, issue, comment, rendered));
        });
    }

    public static IResult Delete(HttpContext http, Site site, ApiVersionContext api, string issueIdOrKey, string id)
    {
        var rc = RenderContext.For(http, site, api.Version);
        var user = rc.Caller.User!;
        return site.Write(s =>
        {
            var issue = ChildAccess.BrowsableIssue(s, user, issueIdOrKey);
            if (issue is null)
            {
                return JiraResults.IssueNotFound();
            }
            var comment = Api.CommentEndpoints.VisibleComment(s, user, issue, id);
            if (comment is null)
            {
                return ChildAccess.CommentNotFound(id);
            }
            if (!ChildAccess.MayChange(s, user, issue, comment.AuthorAccountId, Permissions.DeleteAllComments, Permissions.DeleteOwnComments))
            {
                // Jira answers 400 here, not 403 (platform spec: "the user does not have permission to delete the comment").
                return JiraResults.Error(StatusCodes.Status400BadRequest, "You do not have the permission to delete this comment.");
            }
            issue.Comments.Remove(comment);
            ChildAccess.Touch(s, issue);
            SiteEvents.CommentEvent(rc, "comment_deleted", issue, comment);
            SiteEvents.IssueUpdated(rc, issue, null, "issue_comment_deleted");
            return JiraResults.NoContent();
        });
    }

    /// <summary>The body: ADF (v3) or wiki (v2), never blank, within Jira's size limit.</summary>
    private static Parsed<RichText> ReadBody(JsonObject request, bool adf)
    {
        var node = request["body"];
        if (node is null)
        {
            return Parsed<RichText>.Fail(RichTextInput.FieldError("comment", EmptyBody));
        }
        var text = RichTextInput.Read(node, adf, "comment", InvalidBody);
        if (text.IsOk && string.IsNullOrWhiteSpace(text.Value!.PlainText))
        {
            return Parsed<RichText>.Fail(RichTextInput.FieldError("comment", EmptyBody));
        }
        return text;
    }
}
