using System.Globalization;

namespace JiraGate.Jira;

/// <summary>
/// One file to upload. The stream is read once as the request is sent, never copied into memory, and never
/// disposed by the client (the caller owns it). A seekable stream is measured against the site's upload limit
/// before anything is sent, and can be sent again if Jira throttles the upload (429).
/// </summary>
public sealed class AttachmentUpload
{
    /// <summary>The file's bytes, read from the current position.</summary>
    public required Stream Content { get; init; }

    /// <summary>The file name Jira shows (any directory part is Jira's to strip).</summary>
    public required string FileName { get; init; }

    /// <summary>The media type, e.g. <c>image/png</c>; null lets Jira guess from the name.</summary>
    public string? ContentType { get; init; }

    /// <summary>The byte count, for streams that cannot seek (so the limit can be checked before sending); null: measured from a seekable stream.</summary>
    public long? Length { get; init; }
}

/// <summary>Options for <see cref="AttachmentsClient.UploadAttachmentsAsync"/>.</summary>
public sealed class UploadAttachmentsOptions
{
    /// <summary>Read the site's upload limit (/attachment/meta) first and refuse oversize files without sending them. Default true.</summary>
    public bool CheckUploadLimit { get; init; } = true;
}

/// <summary>Options for <see cref="AttachmentsClient.DownloadAttachmentAsync"/>.</summary>
public sealed class DownloadAttachmentOptions
{
    /// <summary>
    /// Cloud: let Jira answer 303 to its media service and follow it (credentials are not sent to another host).
    /// Default false: <c>redirect=false</c>, so Jira streams the bytes itself in one authenticated call.
    /// Data Center always fetches the metadata's content URL.
    /// </summary>
    public bool FollowMediaRedirect { get; init; }
}

/// <summary>An upload refused before sending: a file is larger than the site's upload limit, or attachments are off.</summary>
public sealed class JiraAttachmentRejectedException : JiraException
{
    internal JiraAttachmentRejectedException(string message, string fileName, long? size, long? uploadLimit)
        : base(message)
    {
        FileName = fileName;
        Size = size;
        UploadLimit = uploadLimit;
    }

    /// <summary>The file that was refused.</summary>
    public string FileName { get; }

    /// <summary>Its size in bytes, when known.</summary>
    public long? Size { get; }

    /// <summary>The site's limit in bytes (null when attachments are disabled).</summary>
    public long? UploadLimit { get; }

    internal static JiraAttachmentRejectedException TooLarge(string fileName, long size, long limit) => new(
        string.Create(CultureInfo.InvariantCulture,
            $"'{fileName}' is {size:N0} bytes, more than this Jira site's upload limit of {limit:N0} bytes (attachment/meta uploadLimit). Nothing was sent."),
        fileName, size, limit);

    internal static JiraAttachmentRejectedException StreamTooLarge(string fileName, long limit) => new(
        string.Create(CultureInfo.InvariantCulture,
            $"'{fileName}' is longer than this Jira site's upload limit of {limit:N0} bytes (attachment/meta uploadLimit); the upload was stopped part-way, so Jira attached nothing."),
        fileName, null, limit);

    internal static JiraAttachmentRejectedException Disabled(string fileName) => new(
        $"Attachments are disabled on this Jira site (attachment/meta enabled=false); '{fileName}' was not sent.", fileName, null, null);
}
