using System.Net.Http.Headers;
using JiraGate.Jira.Connection;
using JiraGate.Jira.Models;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira;

/// <summary>
/// Attachments on issues: list, metadata, the site's settings, multipart upload (part <c>file</c>, header
/// <c>X-Atlassian-Token: no-check</c>), delete, and download as a stream.
/// </summary>
public sealed class AttachmentsClient
{
    private readonly JiraConnection _connection;

    internal AttachmentsClient(JiraConnection connection) => _connection = connection;

    /// <summary>The attachments of an issue (its <c>attachment</c> field; Jira has no separate list call).</summary>
    /// <param name="issueIdOrKey">The issue id or key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The attachments, as Jira orders them.</returns>
    /// <exception cref="JiraNotFoundException">No such issue — or no permission to see it.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/issue/{issueIdOrKey}")]
    [JiraEndpoint("GET", "/rest/api/2/issue/{issueIdOrKey}", Deployment = JiraDeployment.DataCenter)]
    public async Task<IReadOnlyList<Attachment>> ListAttachmentsAsync(string issueIdOrKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var request = JiraRequest.Get(profile.RestPrefix + "/issue/" + JiraRequest.Segment(issueIdOrKey)).Query("fields", "attachment");
        var response = await _connection.SendAsync(request, JiraJsonContext.Default.IssueAttachmentsResponse, cancellationToken).ConfigureAwait(false);
        return response.Value.Fields?.Attachment ?? [];
    }

    /// <summary>Gets one attachment's metadata.</summary>
    /// <param name="attachmentId">The attachment id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The metadata.</returns>
    /// <exception cref="JiraNotFoundException">No such attachment — or no permission to see its issue.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-attachments/#api-rest-api-3-attachment-id-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/attachment/{id}")]
    [JiraEndpoint("GET", "/rest/api/2/attachment/{id}", Deployment = JiraDeployment.DataCenter)]
    public async Task<Attachment> GetAttachmentAsync(string attachmentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(attachmentId);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var response = await _connection.SendAsync(JiraRequest.Get(profile.RestPrefix + "/attachment/" + JiraRequest.Segment(attachmentId)),
            JiraJsonContext.Default.Attachment, cancellationToken).ConfigureAwait(false);
        response.Value.RequestId = response.RequestId;
        return response.Value;
    }

    /// <summary>The site's attachment settings: whether attachments are enabled and the upload limit in bytes.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The settings.</returns>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-attachments/#api-rest-api-3-attachment-meta-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/attachment/meta")]
    [JiraEndpoint("GET", "/rest/api/2/attachment/meta", Deployment = JiraDeployment.DataCenter)]
    public async Task<AttachmentSettings> GetAttachmentSettingsAsync(CancellationToken cancellationToken = default)
    {
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var response = await _connection.SendAsync(JiraRequest.Get(profile.RestPrefix + "/attachment/meta"),
            JiraJsonContext.Default.AttachmentSettings, cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    /// <summary>
    /// Attaches one or more files to an issue in one multipart request. Each file is first measured against the
    /// site's upload limit (unless <see cref="UploadAttachmentsOptions.CheckUploadLimit"/> is false) and an oversize
    /// file is refused before anything is sent. Streams are read as they are sent and left open.
    /// </summary>
    /// <param name="issueIdOrKey">The issue id or key.</param>
    /// <param name="files">The files (Jira Cloud takes at most 60 per request).</param>
    /// <param name="options">Whether to check the upload limit first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new attachments, in the order sent.</returns>
    /// <exception cref="JiraAttachmentRejectedException">A file is over the site's limit, or attachments are disabled; nothing was attached.</exception>
    /// <exception cref="JiraNotFoundException">No such issue — or no permission to see it.</exception>
    /// <exception cref="JiraForbiddenException">No permission to attach files to the issue.</exception>
    /// <remarks>Not idempotent: never blindly retried. https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-attachments/#api-rest-api-3-issue-issueidorkey-attachments-post</remarks>
    [JiraEndpoint("POST", "/rest/api/3/issue/{issueIdOrKey}/attachments")]
    [JiraEndpoint("POST", "/rest/api/2/issue/{issueIdOrKey}/attachments", Deployment = JiraDeployment.DataCenter)]
    public async Task<IReadOnlyList<Attachment>> UploadAttachmentsAsync(string issueIdOrKey, IReadOnlyList<AttachmentUpload> files,
        UploadAttachmentsOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueIdOrKey);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentOutOfRangeException.ThrowIfZero(files.Count, nameof(files));
        foreach (var file in files)
        {
            ArgumentNullException.ThrowIfNull(file, nameof(files));
            ArgumentNullException.ThrowIfNull(file.Content, nameof(files));
            ArgumentException.ThrowIfNullOrWhiteSpace(file.FileName, nameof(files));
            if (!file.Content.CanRead)
            {
                throw new ArgumentException($"The stream for '{file.FileName}' cannot be read.", nameof(files));
            }
        }
        long? limit = null;
        if (options?.CheckUploadLimit ?? true)
        {
            var settings = await GetAttachmentSettingsAsync(cancellationToken).ConfigureAwait(false);
            if (!settings.Enabled)
            {
                throw JiraAttachmentRejectedException.Disabled(files[0].FileName);
            }
            limit = settings.UploadLimit;
            foreach (var file in files)
            {
                if (limit is { } max && LengthOf(file) is { } size && size > max)
                {
                    throw JiraAttachmentRejectedException.TooLarge(file.FileName, size, max);
                }
            }
        }
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        using var multipart = new MultipartFormDataContent();
        foreach (var file in files)
        {
            var length = LengthOf(file);
#pragma warning disable CA2000 // the multipart content owns and disposes its parts
            var part = new AttachmentUploadContent(file.Content, file.FileName, length, length is null ? limit : null);
#pragma warning restore CA2000
            part.Headers.ContentType = MediaTypeHeaderValue.TryParse(file.ContentType, out var type) ? type : new("application/octet-stream");
            multipart.Add(part, "file", file.FileName);
        }
        var request = JiraRequest.Post(profile.RestPrefix + "/issue/" + JiraRequest.Segment(issueIdOrKey) + "/attachments")
            .Header("X-Atlassian-Token", "no-check")
            .Body(multipart);
        try
        {
            var response = await _connection.SendWithHeadersAsync(request, JiraJsonContext.Default.IReadOnlyListAttachment, cancellationToken).ConfigureAwait(false);
            return response.Value;
        }
        catch (JiraException ex) when (Rejected(ex) is { } rejected)
        {
            throw rejected;
        }
    }

    /// <summary>Deletes an attachment.</summary>
    /// <param name="attachmentId">The attachment id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Jira has deleted it.</returns>
    /// <exception cref="JiraNotFoundException">No such attachment — or no permission to see its issue.</exception>
    /// <exception cref="JiraForbiddenException">No permission to delete it (someone else's, without "delete all attachments").</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-attachments/#api-rest-api-3-attachment-id-delete</remarks>
    [JiraEndpoint("DELETE", "/rest/api/3/attachment/{id}")]
    [JiraEndpoint("DELETE", "/rest/api/2/attachment/{id}", Deployment = JiraDeployment.DataCenter)]
    public async Task DeleteAttachmentAsync(string attachmentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(attachmentId);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        await _connection.SendAsync(JiraRequest.Delete(profile.RestPrefix + "/attachment/" + JiraRequest.Segment(attachmentId)), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Opens an attachment's bytes as a stream (never loaded into memory). Cloud: <c>/attachment/content/{id}</c>
    /// (with <c>redirect=false</c> unless <see cref="DownloadAttachmentOptions.FollowMediaRedirect"/>, whose 303
    /// is followed without sending credentials to another host). Data Center, which has no REST content call:
    /// the metadata's <c>content</c> URL.
    /// </summary>
    /// <param name="attachmentId">The attachment id.</param>
    /// <param name="options">Whether to take Cloud's media redirect.</param>
    /// <param name="cancellationToken">Cancels the call (reading the stream takes its own token).</param>
    /// <returns>The content; the caller disposes it.</returns>
    /// <exception cref="JiraNotFoundException">No such attachment — or no permission to see its issue.</exception>
    /// <remarks>https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-attachments/#api-rest-api-3-attachment-content-id-get</remarks>
    [JiraEndpoint("GET", "/rest/api/3/attachment/content/{id}")]
    [JiraEndpoint("GET", "/rest/api/2/attachment/{id}", Deployment = JiraDeployment.DataCenter)]
    public async Task<AttachmentContent> DownloadAttachmentAsync(string attachmentId, DownloadAttachmentOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(attachmentId);
        var profile = await _connection.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        JiraRequest request;
        if (profile.IsCloud)
        {
            request = JiraRequest.Get(profile.RestPrefix + "/attachment/content/" + JiraRequest.Segment(attachmentId))
                .Query("redirect", options?.FollowMediaRedirect == true ? null : "false");
        }
        else
        {
            var metadata = await GetAttachmentAsync(attachmentId, cancellationToken).ConfigureAwait(false);
            var content = metadata.Content is { IsAbsoluteUri: true } url
                ? url
                : throw new JiraException($"Jira's metadata for attachment {attachmentId} has no content URL to download from.");
            request = JiraRequest.GetAbsolute(content);
            if (!_connection.IsOwnOrigin(content, profile.ApiBase))
            {
                request.WithoutCredentials();
            }
        }
        var response = await _connection.SendForStreamAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new AttachmentContent(response, stream, JiraConnection.RequestIdOf(response));
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>The bytes left in a seekable stream, else the declared length.</summary>
    private static long? LengthOf(AttachmentUpload file) =>
        file.Length ?? (file.Content.CanSeek ? file.Content.Length - file.Content.Position : null);

    private static JiraAttachmentRejectedException? Rejected(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is JiraAttachmentRejectedException rejected)
            {
                return rejected;
            }
        }
        return null;
    }
}
