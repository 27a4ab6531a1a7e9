using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using JiraGate.Sandbox.Jql;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.Search;

/// <summary>
/// Runs a JQL search for a caller: compile, match, filter by Browse permission and issue security, sort.
/// Clients page through the same query, so the sorted result is kept per (query, caller, site version,
/// second): any write bumps the version, and relative dates (-1d, now()) move on with the clock.
/// </summary>
internal static class SearchExecutor
{
    private const int CacheCapacity = 64;
    private static readonly ConditionalWeakTable<Site, ConcurrentDictionary<(string Jql, string? Caller, long Version, long Second), IReadOnlyList<Issue>>> Caches = new();

    /// <summary>Runs inside a site read; JQL errors throw <see cref="JqlException"/>.</summary>
    public static IReadOnlyList<Issue> Run(Site site, User? caller, JqlQuery query)
    {
        var cache = Caches.GetOrCreateValue(site);
        var key = (query.Text, caller?.AccountId, site.Version, site.Now.ToUnixTimeSeconds());
        if (cache.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var compiled = JqlEngine.Compile(query, JqlContext.For(site, caller));
        var result = compiled.Search(site.Issues, PermissionService.BrowseFilter(site, caller));
        if (cache.Count >= CacheCapacity)
        {
            cache.Clear();
        }
        cache[key] = result;
        return result;
    }
}
