using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using JiraGate.Jira.Models;
using JiraGate.Jira.RichText;

namespace JiraGate.Jira.Serialization;

/// <summary>The legacy comment page: <c>{startAt, maxResults, total, comments}</c>.</summary>
internal sealed class CommentsPageResponse
{
    [JsonPropertyName("startAt")]
    public int? StartAt { get; set; }

    [JsonPropertyName("maxResults")]
    public int? MaxResults { get; set; }

    [JsonPropertyName("total")]
    public long? Total { get; set; }

    [JsonPropertyName("comments")]
    public IReadOnlyList<Comment>? Comments { get; set; }

    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}

/// <summary>The legacy worklog page: <c>{startAt, maxResults, total, worklogs}</c>.</summary>
internal sealed class WorklogsPageResponse
{
    [JsonPropertyName("startAt")]
    public int? StartAt { get; set; }

    [JsonPropertyName("maxResults")]
    public int? MaxResults { get; set; }

    [JsonPropertyName("total")]
    public long? Total { get; set; }

    [JsonPropertyName("worklogs")]
    public IReadOnlyList<Worklog>? Worklogs { get; set; }

    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }
}

/// <summary>The body of POST/PUT …/comment: ADF (v3) or a wiki string (v2) in <c>body</c>.</summary>
internal sealed class CommentWriteRequest
{
    [JsonPropertyName("body")]
    public JsonNode? Body { get; init; }

    [JsonPropertyName("visibility")]
    public Visibility? Visibility { get; init; }
}

/// <summary>The body of POST/PUT …/worklog.</summary>
internal sealed class WorklogWriteRequest
{
    [JsonPropertyName("comment")]
    public JsonNode? Comment { get; init; }

    /// <summary>Already in Jira's form, 2021-01-17T12:34:00.000+0000.</summary>
    [JsonPropertyName("started")]
    public string? Started { get; init; }

    [JsonPropertyName("timeSpentSeconds")]
    public long? TimeSpentSeconds { get; init; }

    [JsonPropertyName("timeSpent")]
    public string? TimeSpent { get; init; }

    [JsonPropertyName("visibility")]
    public Visibility? Visibility { get; init; }
}

/// <summary>GET …/issue/{key}?fields=attachment: only <c>fields.attachment</c> is read.</summary>
internal sealed class IssueAttachmentsResponse
{
    [JsonPropertyName("fields")]
    public IssueAttachmentFields? Fields { get; set; }
}

internal sealed class IssueAttachmentFields
{
    [JsonPropertyName("attachment")]
    public IReadOnlyList<Attachment>? Attachment { get; set; }
}

/// <summary>Ids Jira sends as a string in one place and a number in another (attachment metadata on Cloud).</summary>
internal sealed class JiraIdConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => reader.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture) : reader.GetDouble().ToString(CultureInfo.InvariantCulture),
        JsonTokenType.Null => null,
        _ => throw new JsonException("Expected an id as a string or number."),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}

/// <summary>Rich text as the deployment wants it: Markdown to ADF (Cloud v3) or wiki markup (v2), and any body back to Markdown.</summary>
internal static class RichTextValue
{
    public static JsonNode FromMarkdown(string markdown, bool adf) =>
        adf ? AdfConverter.FromMarkdown(markdown) : JsonValue.Create(WikiMarkupConverter.FromMarkdown(markdown))!;

    public static string ToMarkdown(JsonElement? body) => body switch
    {
        { ValueKind: JsonValueKind.String } text => WikiMarkupConverter.ToMarkdown(text.GetString()),
        { ValueKind: JsonValueKind.Object } adf => AdfConverter.ToMarkdown(JsonObject.Create(adf)),
        _ => string.Empty,
    };
}
