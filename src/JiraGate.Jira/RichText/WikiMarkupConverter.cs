namespace JiraGate.Jira.RichText;

/// <summary>
/// Converts between Markdown and Jira wiki markup, the rich-text format of Data Center's REST v2 (descriptions,
/// comments, worklog comments, multi-line custom fields).
/// </summary>
/// <remarks>
/// <para>
/// Supported both ways: <c>h1.</c>–<c>h6.</c> headings, <c>*bold*</c>, <c>_italic_</c>, <c>-strike-</c>,
/// <c>{{code}}</c>, <c>[text|url]</c>, <c>*</c>/<c>#</c> lists (nested <c>**</c>, <c>##</c>, mixed <c>*#</c>),
/// <c>{code:lang}…{code}</c>, <c>{quote}…{quote}</c>, <c>||header||</c>/<c>|cell|</c> tables, <c>\\</c> hard
/// breaks, <c>----</c>, and mentions: <c>@[id](accountid:id)</c> ⇄ <c>[~accountid:id]</c>,
/// <c>@[name](user:name)</c> ⇄ <c>[~name]</c>.
/// </para>
/// <para>
/// Wiki markup cannot carry an ordered list's start number, a mention's display name (Jira shows the user's
/// current name), or more than one paragraph per list item (further blocks join the item's line with breaks).
/// See https://jira.atlassian.com/secure/WikiRendererHelpAction.jspa?section=all.
/// </para>
/// </remarks>
public static class WikiMarkupConverter
{
    /// <summary>Converts Markdown (CommonMark with GFM pipe tables and <c>~~strike~~</c>) to Jira wiki markup.</summary>
    /// <param name="markdown">The Markdown text.</param>
    /// <returns>Wiki markup without a trailing newline.</returns>
    public static string FromMarkdown(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return AdfToWiki.Convert(MarkdownToAdf.Convert(markdown, null, usernameMentions: true));
    }

    /// <summary>Converts Jira wiki markup to Markdown. Never throws on content; unknown macros stay visible as text.</summary>
    /// <param name="wikiMarkup">The wiki markup; null gives an empty string.</param>
    /// <returns>Markdown without a trailing newline.</returns>
    public static string ToMarkdown(string? wikiMarkup) =>
        string.IsNullOrEmpty(wikiMarkup) ? string.Empty : AdfToMarkdown.Convert(WikiToAdf.Convert(wikiMarkup));
}
