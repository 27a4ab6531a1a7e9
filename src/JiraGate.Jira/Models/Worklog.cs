using System.Text.Json;
using System.Text.Json.Serialization;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>
/// Time logged on an issue. <see cref="Comment"/> stays as Jira sent it (ADF on Cloud, wiki markup on Data
/// Center); <see cref="CommentAsMarkdown"/> renders either as Markdown.
/// </summary>
public sealed class Worklog
{
    /// <summary>The worklog id.</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = "";

    /// <summary>The id of the issue it is logged on.</summary>
    [JsonPropertyName("issueId")]
    public string? IssueId { get; set; }

    /// <summary>The REST URL of the worklog.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; set; }

    /// <summary>Who logged it.</summary>
    [JsonPropertyName("author")]
    public JiraUser? Author { get; set; }

    /// <summary>Who changed it last.</summary>
    [JsonPropertyName("updateAuthor")]
    public JiraUser? UpdateAuthor { get; set; }

    /// <summary>The comment: ADF object (Cloud v3) or wiki-markup string (v2); null when there is none.</summary>
    [JsonPropertyName("comment")]
    public JsonElement? Comment { get; set; }

    /// <summary>When it was logged.</summary>
    [JsonPropertyName("created")]
    [JsonConverter(typeof(JiraDateTimeConverter))]
    public DateTimeOffset? Created { get; set; }

    /// <summary>When it was last changed.</summary>
    [JsonPropertyName("updated")]
    [JsonConverter(typeof(JiraDateTimeConverter))]
    public DateTimeOffset? Updated { get; set; }

    /// <summary>When the work started.</summary>
    [JsonPropertyName("started")]
    [JsonConverter(typeof(JiraDateTimeConverter))]
    public DateTimeOffset? Started { get; set; }

    /// <summary>The time spent as Jira writes it, e.g. <c>1h 30m</c> (its units follow the site's working day and week).</summary>
    [JsonPropertyName("timeSpent")]
    public string? TimeSpent { get; set; }

    /// <summary>The time spent in seconds.</summary>
    [JsonPropertyName("timeSpentSeconds")]
    public long? TimeSpentSeconds { get; set; }

    /// <summary>Who may see it; null for everyone who can see the issue.</summary>
    [JsonPropertyName("visibility")]
    public Visibility? Visibility { get; set; }

    /// <summary>Everything else Jira sent (properties …).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }

    /// <summary>Jira's request id for the call that returned this worklog directly (null inside a page).</summary>
    [JsonIgnore]
    public string? RequestId { get; internal set; }

    /// <summary>The comment as Markdown, converted from ADF or wiki markup.</summary>
    /// <returns>Markdown; empty when there is no comment.</returns>
    public string CommentAsMarkdown() => RichTextValue.ToMarkdown(Comment);
}
