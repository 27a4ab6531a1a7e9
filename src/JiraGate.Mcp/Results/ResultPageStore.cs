using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace JiraGate.Mcp.Results;

/// <summary>
/// Keeps the later pages of split results for their cursors: bound to the agent and the tool that produced them,
/// kept for <see cref="JiraGateMcpOptions.CursorLifetime"/>, at most <see cref="JiraGateMcpOptions.MaxStoredResults"/>
/// results (the oldest go first). A cursor is <c>jgc_&lt;random id&gt;_&lt;page&gt;</c>: opaque to the agent, and the same
/// cursor gives the same page for as long as it is kept.
/// </summary>
internal sealed class ResultPageStore
{
    private const string CursorPrefix = "jgc_";
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private readonly TimeProvider _time;
    private readonly JiraGateMcpOptions _options;

    public ResultPageStore(TimeProvider time, JiraGateMcpOptions options)
    {
        _time = time;
        _options = options;
    }

    /// <summary>How many split results are kept now.</summary>
    public int Count => _entries.Count;

    /// <summary>Splits <paramref name="value"/> into pages within the cap; keeps the rest when there is more than one page.</summary>
    public string FirstPage(string agentId, string toolName, System.Text.Json.Nodes.JsonNode? value)
    {
        var id = NewId();
        var pages = ResultPager.Paginate(value, _options.MaxResultBytes, i => CursorPrefix + id + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (pages.Count > 1)
        {
            Add(id, new Entry(agentId, toolName, pages, _time.GetUtcNow() + _options.CursorLifetime));
        }

        return pages[0];
    }

    /// <summary>The page a cursor names, or null when it is unknown, expired, another agent's or another tool's.</summary>
    public string? Page(string agentId, string toolName, string cursor)
    {
        if (!cursor.StartsWith(CursorPrefix, StringComparison.Ordinal)
            || cursor.LastIndexOf('_') is var sep && sep <= CursorPrefix.Length
            || !int.TryParse(cursor.AsSpan(sep + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            || !_entries.TryGetValue(cursor[CursorPrefix.Length..sep], out var entry))
        {
            return null;
        }

        if (entry.ExpiresAt <= _time.GetUtcNow())
        {
            _entries.TryRemove(cursor[CursorPrefix.Length..sep], out _);
            return null;
        }

        return string.Equals(entry.AgentId, agentId, StringComparison.Ordinal)
            && string.Equals(entry.ToolName, toolName, StringComparison.Ordinal)
            && index >= 1 && index < entry.Pages.Count
            ? entry.Pages[index]
            : null;
    }

    private void Add(string id, Entry entry)
    {
        _entries[id] = entry;
        _order.Enqueue(id);
        var now = _time.GetUtcNow();
        while ((_entries.Count > _options.MaxStoredResults || (_order.TryPeek(out var oldest) && _entries.TryGetValue(oldest, out var e) && e.ExpiresAt <= now))
            && _order.TryDequeue(out var evicted))
        {
            _entries.TryRemove(evicted, out _);
        }
    }

    // 128 random bits as hex: no '_', so the page separator stays unambiguous.
    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private sealed record Entry(string AgentId, string ToolName, IReadOnlyList<string> Pages, DateTimeOffset ExpiresAt);
}
