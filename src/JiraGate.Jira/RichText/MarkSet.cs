using System.Text.Json.Nodes;

namespace JiraGate.Jira.RichText;

/// <summary>The text marks the converters understand; every other ADF mark is ignored on read.</summary>
[Flags]
internal enum TextStyle
{
    None = 0,
    Strong = 1,
    Em = 2,
    Strike = 4,
    Code = 8,
}

/// <summary>A link mark's target.</summary>
internal sealed record LinkTarget(string Href, string? Title);

/// <summary>The marks on one run of text: styles plus an optional link.</summary>
internal readonly record struct MarkSet(TextStyle Styles, LinkTarget? Link)
{
    public static readonly MarkSet None = default;

    public bool Has(TextStyle style) => (Styles & style) == style;

    public MarkSet With(TextStyle style) => this with { Styles = Styles | style };

    public MarkSet WithLink(LinkTarget link) => this with { Link = link };

    /// <summary>
    /// The schema lets code combine only with link (code_inline_node), so code drops the other styles.
    /// </summary>
    public MarkSet Canonical() => Has(TextStyle.Code) ? new MarkSet(TextStyle.Code, Link) : this;

    /// <summary>The ADF <c>marks</c> array in a fixed order, so equal mark sets serialise equally; null when empty.</summary>
    public JsonArray? ToJson()
    {
        if (Styles == TextStyle.None && Link is null)
        {
            return null;
        }

        var marks = new JsonArray();
        AddIf(marks, TextStyle.Strong, "strong");
        AddIf(marks, TextStyle.Em, "em");
        AddIf(marks, TextStyle.Strike, "strike");
        AddIf(marks, TextStyle.Code, "code");
        if (Link is not null)
        {
            var attrs = new JsonObject { ["href"] = Link.Href };
            if (Link.Title is not null)
            {
                attrs["title"] = Link.Title;
            }

            marks.Append(new JsonObject { ["type"] = "link", ["attrs"] = attrs });
        }

        return marks;
    }

    /// <summary>Reads an ADF <c>marks</c> array, keeping the marks Markdown and wiki markup can express.</summary>
    public static MarkSet FromJson(JsonNode? marks)
    {
        var result = None;
        if (marks is not JsonArray array)
        {
            return result;
        }

        foreach (var mark in array)
        {
            switch (AdfJson.TypeOf(mark))
            {
                case "strong": result = result.With(TextStyle.Strong); break;
                case "em": result = result.With(TextStyle.Em); break;
                case "strike": result = result.With(TextStyle.Strike); break;
                case "code": result = result.With(TextStyle.Code); break;
                case "link":
                    var attrs = AdfJson.Attrs(mark);
                    result = result.WithLink(new LinkTarget(
                        AdfJson.String(attrs, "href") ?? string.Empty, AdfJson.String(attrs, "title")));
                    break;
                default:
                    break; // underline, textColor, subsup, annotation…: the text is kept, the styling is not expressible
            }
        }

        return result;
    }

    private void AddIf(JsonArray marks, TextStyle style, string type)
    {
        if (Has(style))
        {
            marks.Append(new JsonObject { ["type"] = type });
        }
    }
}
