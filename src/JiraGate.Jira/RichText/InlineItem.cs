using System.Text.Json.Nodes;

namespace JiraGate.Jira.RichText;

/// <summary>What an inline item is, once read from ADF.</summary>
internal enum InlineKind
{
    Text,
    Mention,
    HardBreak,
    Placeholder,
}

/// <summary>
/// One inline run read from ADF, in the shape both writers (Markdown and wiki markup) share.
/// For a mention, <see cref="Text"/> is the label without its <c>@</c> and <see cref="Id"/> the account id or username.
/// </summary>
internal readonly record struct InlineItem(InlineKind Kind, string Text, MarkSet Marks, string? Id = null, bool IsUsername = false)
{
    public static readonly InlineItem Break = new(InlineKind.HardBreak, string.Empty, MarkSet.None);

    public bool IsPlainText => Kind == InlineKind.Text && !Marks.Has(TextStyle.Code);

    /// <summary>Reads an ADF inline content array; never throws on unexpected shapes.</summary>
    public static List<InlineItem> Read(JsonArray? content)
    {
        var items = new List<InlineItem>();
        if (content is null)
        {
            return items;
        }

        foreach (var node in content)
        {
            Add(items, node);
        }

        return items;
    }

    public static void Add(List<InlineItem> items, JsonNode? node)
    {
        switch (AdfJson.TypeOf(node))
        {
            case null:
                break; // not a node at all
            case "text":
                AddText(items, AdfJson.String((JsonObject)node!, "text"), MarkSet.FromJson(node!["marks"]));
                break;
            case "hardBreak":
                items.Add(Break);
                break;
            case "mention":
                var attrs = AdfJson.Attrs(node);
                var label = AdfJson.String(attrs, "text") ?? string.Empty;
                items.Add(new InlineItem(InlineKind.Mention, label.StartsWith('@') ? label[1..] : label, MarkSet.None,
                    AdfJson.String(attrs, "id") ?? string.Empty, AdfJson.Flag(attrs, AdfJson.UsernameAttr)));
                break;
            default:
                items.Add(new InlineItem(InlineKind.Placeholder, AdfPlaceholders.Label(node!, withText: true), MarkSet.None));
                break;
        }
    }

    /// <summary>Adds text, turning embedded newlines into hard breaks (neither syntax keeps a raw newline in a paragraph).</summary>
    public static void AddText(List<InlineItem> items, string? text, MarkSet marks)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                items.Add(Break);
            }

            if (lines[i].Length > 0)
            {
                items.Add(new InlineItem(InlineKind.Text, lines[i], marks));
            }
        }
    }
}
