using System.Text.Json.Nodes;

namespace JiraGate.Jira.RichText;

/// <summary>Builds nested ADF lists from wiki list lines: the marker string (<c>*</c>, <c>#</c>, <c>*#</c>, …) is the path.</summary>
internal static class WikiLists
{
    public static void Build(string[] lines, JsonArray output)
    {
        // The open lists, outermost first: the marker character and its content array.
        var stack = new List<(char Kind, JsonArray Items)>();
        foreach (var line in lines)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var markers = line[..space].Replace('-', '*');
            var text = line[(space + 1)..];

            // Keep the open lists on this line's path; close the rest.
            var common = 0;
            while (common < stack.Count && common < markers.Length && stack[common].Kind == markers[common])
            {
                common++;
            }

            stack.RemoveRange(common, stack.Count - common);
            for (var level = stack.Count; level < markers.Length; level++)
            {
                var items = new JsonArray();
                var kind = markers[level];
                var list = kind == '#'
                    ? AdfJson.Node("orderedList", items, new JsonObject { ["order"] = 1 })
                    : AdfJson.Node("bulletList", items);
                if (level == 0)
                {
                    output.Append(list);
                }
                else
                {
                    var parentItems = stack[level - 1].Items;
                    if (parentItems.Count == 0)
                    {
                        parentItems.Append(AdfJson.Node("listItem", new JsonArray(AdfJson.Paragraph([]))));
                    }

                    ((JsonArray)parentItems[^1]!["content"]!).Append(list);
                }

                stack.Add((kind, items));
            }

            stack[^1].Items.Append(AdfJson.Node("listItem", new JsonArray(AdfJson.Paragraph(WikiInlineParser.Parse(text)))));
        }
    }
}
