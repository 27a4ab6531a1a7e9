using System.Text.Json.Nodes;

namespace JiraGate.Jira.RichText;

/// <summary>
/// Converts between Markdown and the Atlassian Document Format (ADF) that Jira Cloud's REST v3 uses for
/// descriptions, comments, worklog comments and multi-line custom fields.
/// </summary>
/// <remarks>
/// <para>
/// Supported both ways: paragraphs, headings 1–6, <c>**bold**</c>, <c>*italic*</c>, <c>~~strike~~</c>,
/// <c>`code`</c>, links, bullet and ordered lists (nested, with a start number), fenced code blocks with a
/// language, block quotes, GFM pipe tables, hard breaks (backslash or two trailing spaces), thematic breaks,
/// and mentions written <c>@[Display Name](accountid:5b10ac8d82e05b22cc7d4ef5)</c>.
/// Markdown → ADF → Markdown → ADF is a fixpoint for these.
/// </para>
/// <para>
/// ADF nodes Markdown cannot express (panel, expand, media, status, emoji, date, inlineCard, decisionList, …)
/// are read as visible placeholders that keep their text, such as <c>[status: DONE]</c> or a
/// <c>[panel: info]</c> … <c>[/panel]</c> pair around the panel's content.
/// See https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/.
/// </para>
/// </remarks>
public static class AdfConverter
{
    /// <summary>
    /// Converts Markdown to an ADF document (<c>{"type":"doc","version":1,…}</c>) that validates against
    /// Atlassian's ADF JSON schema. Raw HTML is kept as literal text; images become links to their source.
    /// Input nested beyond Markdig's depth limit (thousands of <c>&gt;</c> or <c>[</c>) is sent as literal text.
    /// </summary>
    /// <param name="markdown">CommonMark with GFM pipe tables and <c>~~strikethrough~~</c>.</param>
    /// <param name="options">Conversion options; null for the defaults.</param>
    /// <returns>A new document the caller owns.</returns>
    public static JsonObject FromMarkdown(string markdown, AdfOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return MarkdownToAdf.Convert(markdown, options);
    }

    /// <summary>
    /// Converts an ADF value as Jira returns it to Markdown. Never throws on content: unknown nodes, missing
    /// attributes and odd shapes are rendered as well as possible, unknown nodes as visible placeholders.
    /// </summary>
    /// <param name="adf">An ADF document (or a single node, or a plain string as v2 returns); null gives an empty string.</param>
    /// <returns>Markdown without a trailing newline.</returns>
    public static string ToMarkdown(JsonNode? adf) => AdfToMarkdown.Convert(adf);
}
