using System.Text.Json.Nodes;

namespace JiraGate.Mcp.Results;

/// <summary>
/// Splits a result that is over the size cap into pages that each fit: by the items of its largest list when it has
/// one (each page is whole JSON, with a <c>_page</c> object naming the list, the range and the <c>next_cursor</c>),
/// else into parts of the JSON text, each ending with a line that carries the cursor. Never truncates silently.
/// </summary>
internal static class ResultPager
{
    internal const string PageProperty = "_page";

    /// <summary>Room kept for the trailer line of a text part.</summary>
    private const int TrailerRoom = 200;

    /// <summary>The pages; the first is the whole result when it fits. <paramref name="cursorFor"/>(i) is the cursor of page i.</summary>
    public static IReadOnlyList<string> Paginate(JsonNode? value, int maxBytes, Func<int, string> cursorFor)
    {
        var text = ResultJson.Write(value);
        if (ResultJson.Size(text) <= maxBytes)
        {
            return [text];
        }

        return ByItems(value, maxBytes, cursorFor) ?? ByText(text, maxBytes, cursorFor);
    }

    private static List<string>? ByItems(JsonNode? value, int maxBytes, Func<int, string> cursorFor)
    {
        if (FindLargestArray(value) is not { } found || found.Array.Count < 2)
        {
            return null;
        }

        var items = found.Array.Select(ResultJson.Write).ToArray();
        var sizes = items.Select(ResultJson.Size).ToArray();
        var ranges = new List<(int From, int Count)>();
        for (var from = 0; from < items.Length;)
        {
            // The frame (everything but the items) at its largest: the last page's cursor and the widest numbers.
            var frame = ResultJson.Size(BuildPage(value!, found, from, 0, items.Length, cursorFor(items.Length)));
            var size = frame;
            var count = 0;
            while (from + count < items.Length && size + sizes[from + count] + (count > 0 ? 1 : 0) <= maxBytes)
            {
                size += sizes[from + count] + (count > 0 ? 1 : 0);
                count++;
            }

            if (count == 0)
            {
                return null; // one item alone is over the cap: split the text instead
            }

            ranges.Add((from, count));
            from += count;
        }

        var pages = new List<string>(ranges.Count);
        for (var i = 0; i < ranges.Count; i++)
        {
            var next = i + 1 < ranges.Count ? cursorFor(i + 1) : null;
            pages.Add(ResultJson.Write(BuildPage(value!, found, ranges[i].From, ranges[i].Count, items.Length, next)));
        }

        return pages;
    }

    private static JsonNode BuildPage(JsonNode value, FoundArray found, int from, int count, int total, string? nextCursor)
    {
        var page = new JsonObject
        {
            ["items"] = found.Path.Length == 0 ? "items" : string.Join('.', found.Path),
            ["from"] = from,
            ["count"] = count,
            ["total"] = total,
        };
        if (nextCursor is not null)
        {
            page["next_cursor"] = nextCursor;
            page["more"] = "call this tool again with {\"cursor\": \"" + nextCursor + "\"} for the next items";
        }

        var slice = new JsonArray(found.Array.Skip(from).Take(count).Select(i => i?.DeepClone()).ToArray());
        JsonObject root;
        if (found.Path.Length == 0)
        {
            root = new JsonObject { ["items"] = slice };
        }
        else
        {
            root = value.DeepClone().AsObject();
            var parent = root;
            for (var i = 0; i < found.Path.Length - 1; i++)
            {
                parent = parent[found.Path[i]]!.AsObject();
            }

            parent[found.Path[^1]] = slice;
        }

        root[PageProperty] = page;
        return root;
    }

    private static List<string> ByText(string text, int maxBytes, Func<int, string> cursorFor)
    {
        var budget = Math.Max(maxBytes - TrailerRoom, 256);
        var parts = new List<string>();
        for (var start = 0; start < text.Length;)
        {
            var end = CutAt(text, start, budget);
            parts.Add(text[start..end]);
            start = end;
        }

        var pages = new List<string>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var trailer = i + 1 < parts.Count
                ? $"\n[part {i + 1} of {parts.Count} of this JSON; call this tool again with {{\"cursor\": \"{cursorFor(i + 1)}\"}} for the next part]"
                : $"\n[part {i + 1} of {parts.Count}: the end]";
            pages.Add(parts[i] + trailer);
        }

        return pages;
    }

    /// <summary>The end (exclusive) of the longest run from <paramref name="start"/> within <paramref name="budget"/> UTF-8 bytes, never splitting a surrogate pair.</summary>
    private static int CutAt(string text, int start, int budget)
    {
        var bytes = 0;
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            var (width, chars) = c < 0x80 ? (1, 1) : c < 0x800 ? (2, 1) : char.IsHighSurrogate(c) && i + 1 < text.Length ? (4, 2) : (3, 1);
            if (bytes + width > budget)
            {
                break;
            }

            bytes += width;
            i += chars;
        }

        return i == start ? Math.Min(start + 1, text.Length) : i;
    }

    /// <summary>The largest array at the root or in an object up to two properties down.</summary>
    private static FoundArray? FindLargestArray(JsonNode? value)
    {
        if (value is JsonArray rootArray)
        {
            return new FoundArray([], rootArray);
        }

        FoundArray? best = null;
        var bestSize = -1;
        void Visit(JsonObject obj, string[] path, int depth)
        {
            foreach (var (name, child) in obj)
            {
                string[] childPath = [.. path, name];
                if (child is JsonArray array && ResultJson.Size(array) is var size && size > bestSize)
                {
                    best = new FoundArray(childPath, array);
                    bestSize = size;
                }
                else if (child is JsonObject nested && depth < 2)
                {
                    Visit(nested, childPath, depth + 1);
                }
            }
        }

        if (value is JsonObject root)
        {
            Visit(root, [], 0);
        }

        return best;
    }

    private sealed record FoundArray(string[] Path, JsonArray Array);
}
