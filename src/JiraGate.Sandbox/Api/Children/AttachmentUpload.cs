using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.StaticFiles;
using JiraGate.Sandbox.Domain;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.Children;

/// <summary>
/// <c>POST …/issue/{issueIdOrKey}/attachments</c>: multipart/form-data, parts named <c>file</c>, header
/// <c>X-Atlassian-Token: no-check</c>. Answers 200 with the array of new attachments; 413 above the site's
/// upload limit (Data Center: 404, per its spec), for more than 60 files (Cloud), or past Cloud's per-issue limit.
/// </summary>
internal static class AttachmentUpload
{
    public const int MaxFilesPerRequest = 60;

    private static readonly FileExtensionContentTypeProvider MimeTypes = new();

    public static async Task<IResult> AddAsync(HttpContext http, Site site, ApiVersionContext api, string issueIdOrKey)
    {
        var request = http.Request;
        // Jersey picks the method by media type first (415); Jira's XSRF filter then blocks multipart without the token.
        if (!request.HasFormContentType || !(request.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return JiraResults.Error(StatusCodes.Status415UnsupportedMediaType,
                $"Unsupported Media Type: expected 'multipart/form-data' but got '{request.ContentType ?? "(none)"}'.");
        }
        var token = request.Headers["X-Atlassian-Token"].ToString();
        if (!string.Equals(token, "no-check", StringComparison.OrdinalIgnoreCase) && !string.Equals(token, "nocheck", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Text("XSRF check failed", "text/plain", statusCode: StatusCodes.Status403Forbidden);
        }
        var rc = RenderContext.For(http, site, api.Version);
        var user = rc.Caller.User!;
        var limit = site.Read(s => s.Data.AttachmentUploadLimit);
        // Refuse before reading the body when the issue is hidden, the caller may not attach, or the body cannot fit.
        var early = site.Read(s => Check(s, user, issueIdOrKey, out _));
        if (early is not null)
        {
            return early;
        }
        var cloud = site.Flavor == SandboxFlavor.Cloud;
        if (cloud && request.ContentLength is { } length && length > (limit * MaxFilesPerRequest) + (1024 * 1024))
        {
            return TooLarge(limit, cloud);
        }
        var read = await ReadFilesAsync(http);
        if (read.Error is not null)
        {
            return read.Error;
        }
        var files = read.Files!;
        if (files.Count == 0)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, "No attachments were found in the request: send the files as multipart parts named 'file'.");
        }
        if (cloud && files.Count > MaxFilesPerRequest)
        {
            return JiraResults.Error(StatusCodes.Status413PayloadTooLarge,
                $"You can attach at most {MaxFilesPerRequest} files in one request.");
        }
        if (files.FirstOrDefault(f => f.Length > limit) is { } big)
        {
            return TooLarge(limit, cloud, big.FileName);
        }
        var uploads = new List<(string Name, string Mime, byte[] Bytes)>(files.Count);
        foreach (var file in files)
        {
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, http.RequestAborted);
            uploads.Add((FileName(file.FileName), MimeType(file), buffer.ToArray()));
        }
        return site.Write(s =>
        {
            var error = Check(s, user, issueIdOrKey, out var issue);
            if (error is not null)
            {
                return error;
            }
            if (s.Flavor == SandboxFlavor.Cloud && issue!.Attachments.Count + uploads.Count > ChildAccess.CloudAttachmentLimit)
            {
                return JiraResults.Error(StatusCodes.Status413PayloadTooLarge,
                    $"The issue has reached the limit of {ChildAccess.CloudAttachmentLimit} attachments.");
            }
            var added = uploads.Select(u => new Attachment
            {
                Id = s.NextId("attachment"),
                Filename = u.Name,
                AuthorAccountId = user.AccountId,
                Created = s.Now,
                MimeType = u.Mime,
                Content = u.Bytes,
            }).ToList();
            issue!.Attachments.AddRange(added);
            ChildAccess.Touch(s, issue);
            var change = ChildAccess.RecordChange(s, issue, user, [.. added.Select(a => AttachmentAccess.ChangeItem(a, added: true))]);
            foreach (var a in added)
            {
                AttachmentAccess.Publish(rc, "attachment_created", issue, a);
            }
            SiteEvents.IssueUpdated(rc, issue, change, "issue_updated");
            return JiraResults.Json(w =>
            {
                w.WriteStartArray();
                foreach (var a in added)
                {
                    IssueWriter.WriteAttachment(w, rc, a);
                }
                w.WriteEndArray();
            });
        });
    }

    private static IResult? Check(Site site, User user, string issueIdOrKey, out Issue? issue)
    {
        issue = ChildAccess.BrowsableIssue(site, user, issueIdOrKey);
        if (issue is null)
        {
            return JiraResults.IssueNotFound();
        }
        return PermissionService.Has(site, user, issue, Permissions.CreateAttachments)
            ? null
            : JiraResults.Error(StatusCodes.Status403Forbidden, "You do not have permission to create attachments for this issue.");
    }

    private static async Task<(List<IFormFile>? Files, IResult? Error)> ReadFilesAsync(HttpContext http)
    {
        try
        {
            // Sizes are judged afterwards against the site limit, so the parser's own limits stay out of the way.
            var form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = long.MaxValue }, http.RequestAborted);
            return ([.. form.Files.GetFiles("file")], null);
        }
        catch (InvalidDataException ex)
        {
            return (null, JiraResults.Error(StatusCodes.Status400BadRequest, "The multipart request could not be read: " + ex.Message));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, JiraResults.Error(StatusCodes.Status413PayloadTooLarge, "The request is too large."));
        }
    }

    /// <summary>Cloud answers 413; the Data Center spec documents 404 for an attachment over the configured size.</summary>
    private static IResult TooLarge(long limit, bool cloud, string? name = null) =>
        JiraResults.Error(cloud ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status404NotFound, name is null
            ? $"The attachments exceed the maximum attachment size of {limit} bytes."
            : $"The file '{FileName(name)}' is too large to attach. The maximum attachment size is {limit} bytes.");

    /// <summary>The name as uploaded, without any directory part a client sent along.</summary>
    private static string FileName(string raw)
    {
        var name = raw[(raw.LastIndexOfAny(['/', '\\']) + 1)..].Trim();
        return name.Length == 0 ? "attachment" : name;
    }

    private static string MimeType(IFormFile file)
    {
        var declared = file.ContentType;
        if (!string.IsNullOrEmpty(declared) && !declared.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            return declared.Split(';')[0].Trim();
        }
        return MimeTypes.TryGetContentType(FileName(file.FileName), out var guessed) ? guessed : "application/octet-stream";
    }
}
