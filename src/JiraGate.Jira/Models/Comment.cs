using System.Text.Json;
using System.Text.Json.Serialization;
using JiraGate.Jira.Serialization;

namespace JiraGate.Jira.Models;

/// <summary>
/// A comment on an issue. <see cref="Body"/> stays as Jira sent it — an ADF document on Cloud (v3), a wiki-markup
/// string on Data Center (v2) — and <see cref="BodyAsMarkdown"/> renders either as Markdown.
/// </summary>
public sealed class Comment
{
    /// <summary>The comment id, e.g. <c>10683</c>.</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = "";

    /// <summary>The REST URL of the comment.</summary>
    [JsonPropertyName("self")]
    public Uri? Self { get; set; }

    /// <summary>Who wrote it.</summary>
    [JsonPropertyName("author")]
    public JiraUser? Author { get; set; }

    /// <summary>The body: ADF object (Cloud v3) or wiki-markup string (v2).</summary>
    [JsonPropertyName("body")]
    public JsonElement? Body { get; set; }

    /// <summary>The body as HTML, when asked for with the <c>renderedBody</c> expansion.</summary>
    [JsonPropertyName("renderedBody")]
    public string? RenderedBody { get; set; }

    /// <summary>Who changed it last.</summary>
    [JsonPropertyName("updateAuthor")]
    public JiraUser? UpdateAuthor { get; set; }

    /// <summary>When it was written.</summary>
    [JsonPropertyName("created")]
    [JsonConverter(typeof(JiraDateTimeConverter))]
    public DateTimeOffset? Created { get; set; }

    /// <summary>When it was last changed.</summary>
    [JsonPropertyName("updated")]
    [JsonConverter(typeof(JiraDateTimeConverter))]
    public DateTimeOffset? Updated { get; set; }

    /// <summary>Who may see it; null for everyone who can see the issue.</summary>
    [JsonPropertyName("visibility")]
    public Visibility? Visibility { get; set; }

    /// <summary>Everything else Jira sent (jsdPublic, properties …).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement> AdditionalProperties { get => field ??= new(StringComparer.Ordinal); internal set; }

    /// <summary>Jira's request id for the call that returned this comment directly (null inside a page).</summary>
    [JsonIgnore]
    public string? RequestId { get; internal set; }

    /// <summary>The body as Markdown, converted from ADF or wiki markup (unknown ADF nodes become visible placeholders).</summary>
    /// <returns>Markdown; empty when there is no body.</returns>
    public string BodyAsMarkdown() => RichTextValue.ToMarkdown(Body);
}
