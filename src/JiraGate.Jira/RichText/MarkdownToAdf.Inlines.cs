using System.Text.Json.Nodes;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace JiraGate.Jira.RichText;

internal sealed partial class MarkdownToAdf
{
    /// <summary>The link scheme that turns a Markdown link into a mention: <c>@[Name](accountid:…)</c>.</summary>
    public const string AccountIdScheme = "accountid:";

    /// <summary>The link scheme for a Data Center username mention (wiki markup only): <c>@[name](user:name)</c>.</summary>
    public const string UsernameScheme = "user:";

    private const int MaxInlineDepth = 64;

    private static string InlineText(Inline inline)
    {
        var text = new System.Text.StringBuilder();
        var pending = new Stack<Inline>();
        pending.Push(inline);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case ContainerInline container:
                    foreach (var child in container.Reverse())
                    {
                        pending.Push(child);
                    }

                    break;
                default:
                    break;
            }
        }

        return text.ToString();
    }

    private List<JsonObject> Inlines(LeafBlock block, MarkSet marks)
    {
        var buffer = new InlineBuffer();
        AddInlines(block.Inline, marks, buffer);
        return buffer.ToList();
    }

    private void AddInlines(ContainerInline? container, MarkSet marks, InlineBuffer output, int depth = 0)
    {
        if (container is null)
        {
            return;
        }

        foreach (var inline in container)
        {
            AddInline(inline, marks, output, depth);
        }
    }

    private void AddInline(Inline inline, MarkSet marks, InlineBuffer output, int depth)
    {
        if (depth > MaxInlineDepth)
        {
            output.AddText(InlineText(inline), marks); // emphasis inside emphasis 64 deep: keep the words
            return;
        }

        switch (inline)
        {
            case LiteralInline literal:
                output.AddText(literal.Content.ToString(), marks);
                break;
            case EmphasisInline emphasis:
                var style = emphasis.DelimiterChar == '~' ? TextStyle.Strike
                    : emphasis.DelimiterCount >= 2 ? TextStyle.Strong
                    : TextStyle.Em;
                AddInlines(emphasis, marks.With(style), output, depth + 1);
                break;
            case CodeInline code:
                output.AddText(code.Content, marks.With(TextStyle.Code));
                break;
            case LinkInline link when !link.IsImage && MentionId(link.Url) is { } mention:
                AddMention(link, mention.Id, mention.IsUsername, output);
                break;
            case LinkInline link:
                AddLink(link, marks, output, depth);
                break;
            case AutolinkInline autolink:
                var href = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
                output.AddText(autolink.Url, marks.WithLink(new LinkTarget(href, null)));
                break;
            case LineBreakInline lineBreak when lineBreak.IsHard || _softBreaksAsHard:
                output.Add(AdfJson.Node("hardBreak"));
                break;
            case LineBreakInline:
                output.AddText(" ", marks);
                break;
            case HtmlInline html when IsBreakTag(html.Tag):
                output.Add(AdfJson.Node("hardBreak"));
                break;
            case HtmlInline html:
                output.AddText(html.Tag, marks); // raw HTML is shown as typed, never interpreted
                break;
            case HtmlEntityInline entity:
                output.AddText(entity.Transcoded.ToString(), marks);
                break;
            case DelimiterInline delimiter:
                // An unmatched "[" or "*" Markdig left in the tree: it is literal text, followed by what it held.
                output.AddText(delimiter.ToLiteral(), marks);
                AddInlines(delimiter, marks, output, depth + 1);
                break;
            case ContainerInline other:
                AddInlines(other, marks, output, depth + 1);
                break;
            default:
                output.AddText(InlineText(inline), marks);
                break;
        }
    }

    private void AddLink(LinkInline link, MarkSet marks, InlineBuffer output, int depth)
    {
        var target = new LinkTarget(link.Url ?? string.Empty, string.IsNullOrEmpty(link.Title) ? null : link.Title);
        var linked = marks.WithLink(target);
        var before = output.Count;
        if (link.IsImage)
        {
            // ADF media needs an uploaded file; an image becomes a link to its source, labelled with its alt text.
            var alt = new InlineBuffer();
            AddInlines(link, MarkSet.None, alt, depth + 1);
            output.AddText(PlainTextOf(alt), linked);
        }
        else
        {
            AddInlines(link, linked, output, depth + 1);
        }

        if (output.Count == before)
        {
            output.AddText(target.Href.Length > 0 ? target.Href : " ", linked); // [](url) would vanish: show the address
        }
    }

    private void AddMention(LinkInline link, string id, bool isUsername, InlineBuffer output)
    {
        output.TrimTrailingAt();
        var label = new InlineBuffer();
        AddInlines(link, MarkSet.None, label);
        var text = PlainTextOf(label);
        var attrs = new JsonObject { ["id"] = id };
        if (text.Length > 0)
        {
            attrs["text"] = "@" + text;
        }

        if (isUsername)
        {
            attrs[AdfJson.UsernameAttr] = true;
        }

        output.Add(AdfJson.Node("mention", attrs: attrs));
    }

    private (string Id, bool IsUsername)? MentionId(string? url)
    {
        if (url is null)
        {
            return null;
        }

        if (url.StartsWith(AccountIdScheme, StringComparison.OrdinalIgnoreCase))
        {
            return (url[AccountIdScheme.Length..], false);
        }

        return _usernameMentions && url.StartsWith(UsernameScheme, StringComparison.OrdinalIgnoreCase)
            ? (url[UsernameScheme.Length..], true)
            : null;
    }

    private static string PlainTextOf(InlineBuffer buffer)
    {
        var text = new System.Text.StringBuilder();
        foreach (var node in buffer.Nodes)
        {
            text.Append(AdfJson.TypeOf(node) == "text" ? AdfJson.String(node, "text") : " ");
        }

        return text.ToString();
    }

    private static bool IsBreakTag(string? tag) =>
        tag is not null && tag.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant() is "<BR>" or "<BR/>";
}
