using System.Text.Json.Nodes;

namespace JiraGate.Sandbox.Adf;

/// <summary>
/// Builds nested ADF lists from wiki list lines: the marker string (<c>*</c>, <c>##</c>, <c>*#</c>…) gives the
/// depth and, per level, the list type. A change of type at the top level starts a new list.
/// </summary>
internal sealed class WikiListBuilder
{
    private readonly List<JsonObject> _roots = [];
    private readonly List<(JsonObject List, char Marker)> _open = [];
    private readonly List<JsonObject> _items = [];

    /// <summary>Adds one item; <paramref name="markers"/> is <c>-</c> or a run of <c>*</c> and <c>#</c>.</summary>
    public void Add(string markers, JsonArray inline)
    {
        ArgumentException.ThrowIfNullOrEmpty(markers);
        markers = markers.Replace('-', '*');

        var common = 0;
        while (common < _open.Count && common < markers.Length && _open[common].Marker == markers[common])
        {
            common++;
        }

        _open.RemoveRange(common, _open.Count - common);
        for (var level = _open.Count; level < markers.Length; level++)
        {
            var list = new JsonObject
            {
                ["type"] = markers[level] == '#' ? "orderedList" : "bulletList",
                ["content"] = new JsonArray(),
            };

            if (level == 0)
            {
                _roots.Add(list);
            }
            else
            {
                ContentOf(LastItemOf(_open[level - 1].List)).Add((JsonNode)list);
            }

            _open.Add((list, markers[level]));
        }

        var item = NewItem();
        if (inline.Count > 0)
        {
            ContentOf(item).Add((JsonNode)AdfNodes.Paragraph(inline));
        }

        ContentOf(_open[^1].List).Add((JsonNode)item);
    }

    /// <summary>The top-level lists; an item left with neither text nor sublist gets an empty paragraph.</summary>
    public List<JsonObject> Finish()
    {
        foreach (var item in _items)
        {
            if (ContentOf(item).Count == 0)
            {
                ContentOf(item).Add((JsonNode)AdfNodes.Paragraph([]));
            }
        }

        return _roots;
    }

    /// <summary>The item a deeper list attaches to; "**" with no "*" before it gets an empty item to hang from.</summary>
    private JsonObject LastItemOf(JsonObject list)
    {
        var items = ContentOf(list);
        if (items.Count > 0)
        {
            return (JsonObject)items[^1]!;
        }

        var item = NewItem();
        items.Add((JsonNode)item);
        return item;
    }

    private JsonObject NewItem()
    {
        var item = new JsonObject { ["type"] = "listItem", ["content"] = new JsonArray() };
        _items.Add(item);
        return item;
    }

    private static JsonArray ContentOf(JsonObject node) => (JsonArray)node["content"]!;
}
