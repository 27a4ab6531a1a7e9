using System.Text.Json.Nodes;

namespace JiraGate.Sandbox.Adf;

/// <summary>
/// Converts between ADF (Jira Cloud REST v3) and wiki markup (Jira Data Center REST v2) for rich-text fields.
/// </summary>
/// <remarks>
/// Covered both ways: paragraphs, <c>h1.</c>–<c>h6.</c>, <c>*bold*</c>, <c>_italic_</c>, <c>-strike-</c>,
/// <c>+underline+</c>, <c>^sup^</c>, <c>~sub~</c>, <c>{{monospace}}</c>, <c>[text|url]</c> and <c>[url]</c>,
/// nested <c>*</c>/<c>#</c> lists, <c>{code:lang}</c>, <c>{quote}</c> and <c>bq.</c>, tables, mentions
/// (<c>[~accountid:ID]</c> for Cloud-shaped ids, <c>[~name]</c> otherwise), <c>\\</c> line breaks and
/// <c>----</c>. For documents made of these, <c>ToAdf(FromAdf(doc))</c> equals <c>doc</c> in the canonical form
/// <see cref="ToAdf"/> produces. ADF with no wiki form (panels, media, task lists, colours…) is written as its text.
/// </remarks>
internal static class WikiMarkup
{
    /// <summary>Wiki markup for an ADF document (or a single node); null gives <c>""</c>.</summary>
    public static string FromAdf(JsonNode? adf) => WikiBlockWriter.Write(adf);

    /// <summary>A document that validates against the ADF schema, for any input string.</summary>
    public static JsonObject ToAdf(string wiki)
    {
        ArgumentNullException.ThrowIfNull(wiki);
        var content = new JsonArray();
        foreach (var block in WikiBlockReader.Read(wiki.ReplaceLineEndings("\n")))
        {
            content.Add((JsonNode)block);
        }

        return AdfNodes.Doc(content);
    }
}
