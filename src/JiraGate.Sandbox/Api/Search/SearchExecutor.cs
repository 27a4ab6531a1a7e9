using System.Collections.Concurrent;
using JiraGate.Sandbox.Jql;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.Search;

/// <summary>
/// Runs a JQL search for a caller: compile, match, filter by Browse permission and issue security, sort.
/// Clients page through the same query, so the sorted result is kept per (query, caller, site version):
/// any write bumps the version, so a cached page is never stale.
/// </summary>
internal static class SearchExecutor
{
    private const int CacheCapacity = 64;
    private static readonly ConcurrentDictionary<(string Jql, string? Caller, long Version, Site Site), IReadOnlyList<Issue>> Cache = new();

    /// <summary>Runs inside a site read; JQL errors throw <see cref="JqlException"/>.</summary>
    public static IReadOnlyList<Issue> Run(Site site, User? caller, JqlQuery query)
    {
        var key = (query.Text, caller?.AccountId, site.Version, site);
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var compiled = JqlEngine.Compile(query, JqlContext.For(site, caller));
        var result = compiled.Search(site.Issues, issue => PermissionService.CanBrowse(site, caller, issue));
        if (Cache.Count >= CacheCapacity)
        {
            Cache.Clear();
        }
        Cache[key] = result;
        return result;
    }
}
