using System.Text.Json;
using System.Text.Json.Serialization;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>A file attached to an issue (its metadata; the bytes come from <see cref="AttachmentsClient.DownloadAttachmentAsync"/>).</summary>
public sealed class Attachment
{
    /// <summary>The attachment id (Cloud's metadata call sends it as a number; it is kept as text).</summary>
    [JsonPropertyName("id")]
    [JsonConverter(typeof(JiraIdConverter))]
    public string? Id { get; set; }

    /// <summary>The REST URL of the attachment's metadata.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; set; }

    /// <summary>The file name.</summary>
    [JsonPropertyName("filename")]
    public string? FileName { get; set; }

    /// <summary>Who attached it.</summary>
    [JsonPropertyName("author")]
    public JiraUser? Author { get; set; }

    /// <summary>When it was attached.</summary>
    [JsonPropertyName("created")]
    [JsonConverter(typeof(JiraDateTimeConverter))]
    public DateTimeOffset? Created { get; set; }

    /// <summary>The size in bytes.</summary>
    [JsonPropertyName("size")]
    public long? Size { get; set; }

    /// <summary>The media type, e.g. <c>image/png</c>.</summary>
    [JsonPropertyName("mimeType")]
    public string? MimeType { get; set; }

    /// <summary>The URL of the content (Cloud: the REST content endpoint; Data Center: /secure/attachment/…).</summary>
    [JsonPropertyName("content")]
    public Uri? Content { get; set; }

    /// <summary>The URL of a thumbnail, for images.</summary>
    [JsonPropertyName("thumbnail")]
    public Uri? Thumbnail { get; set; }

    /// <summary>Everything else Jira sent (properties, mediaApiFileId …).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }

    /// <summary>Jira's request id for the call that returned this attachment directly.</summary>
    [JsonIgnore]
    public string? RequestId { get; internal set; }
}

/// <summary>The site's attachment settings (<c>GET /rest/api/3/attachment/meta</c>).</summary>
public sealed class AttachmentSettings
{
    /// <summary>Whether attachments are enabled on the site.</summary>
    [JsonPropertyName("enabled")]
    public bool Enabled { get; set; }

    /// <summary>The largest file the site accepts, in bytes.</summary>
    [JsonPropertyName("uploadLimit")]
    public long? UploadLimit { get; set; }

    /// <summary>Everything else Jira sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}
