using System.Collections.Concurrent;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Jql;

/// <summary>Who is searching: the site, the caller, and which projects the caller may browse (others do not exist to JQL).</summary>
internal sealed record JqlContext(Site Site, User? CurrentUser, Func<Project, bool> CanBrowseProject)
{
    /// <summary>The usual context: Browse Projects as the permission scheme grants it (archived projects excluded).</summary>
    public static JqlContext For(Site site, User? user)
    {
        ArgumentNullException.ThrowIfNull(site);
        return new JqlContext(site, user, p => PermissionService.CanBrowse(site, user, p));
    }
}

/// <summary>
/// The JQL entry points. <see cref="Parse"/> needs no site (syntax only) and caches by text; <see cref="Compile(JqlQuery, JqlContext)"/>
/// resolves against the site and must run inside <see cref="Site.Read{T}"/> (it takes no lock itself).
/// </summary>
internal static class JqlEngine
{
    /// <summary>How many parsed queries are kept; clients page through the same JQL, so a small cache suffices.</summary>
    public const int CacheCapacity = 512;

    private static readonly JqlParseCache Cache = new(CacheCapacity);

    /// <summary>Parses JQL; an empty or blank query has no restriction. Syntax errors throw <see cref="JqlException"/>.</summary>
    public static JqlQuery Parse(string? jql)
    {
        var text = jql ?? "";
        return Cache.GetOrAdd(text, JqlParser.Parse);
    }

    /// <summary>Resolves fields, values and functions; every validation error throws together in one <see cref="JqlException"/>.</summary>
    public static CompiledJql Compile(JqlQuery query, JqlContext context) => JqlCompiler.Compile(query, context);

    /// <summary>Parse and compile in one call.</summary>
    public static CompiledJql Compile(string? jql, JqlContext context) => Compile(Parse(jql), context);
}

/// <summary>
/// A bounded, thread-safe map from query text to parsed query. When full, the least recently used quarter is
/// dropped; concurrent callers may both parse the same text, which is harmless because queries are immutable.
/// </summary>
internal sealed class JqlParseCache(int capacity)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _clock;

    public int Count => _entries.Count;

    public JqlQuery GetOrAdd(string text, Func<string, JqlQuery> parse)
    {
        var now = Interlocked.Increment(ref _clock);
        if (_entries.TryGetValue(text, out var hit))
        {
            Volatile.Write(ref hit.LastUsed, now);
            return hit.Query;
        }
        var query = parse(text);
        _entries[text] = new Entry(query) { LastUsed = now };
        if (_entries.Count > capacity)
        {
            Evict();
        }
        return query;
    }

    private void Evict()
    {
        var victims = _entries.OrderBy(e => Volatile.Read(ref e.Value.LastUsed)).Take(Math.Max(1, capacity / 4)).ToList();
        foreach (var victim in victims)
        {
            _entries.TryRemove(victim);
        }
    }

    private sealed class Entry(JqlQuery query)
    {
        public JqlQuery Query { get; } = query;

        public long LastUsed;
    }
}
