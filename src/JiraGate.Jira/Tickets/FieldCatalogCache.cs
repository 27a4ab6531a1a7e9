using JiraGate.Jira.Models;

namespace JiraGate.Jira.Tickets;

/// <summary>
/// The site's field catalog, read once and shared by the helper's callers for a lifetime, re-read once when a name
/// is not found (a field may have been created since). One load runs at a time; a caller's cancellation stops its
/// wait, never the shared load.
/// </summary>
internal sealed class FieldCatalogCache
{
    /// <summary>A miss re-reads the catalog only when it is older than this, so a mistyped name cannot hammer /field.</summary>
    internal static readonly TimeSpan MissRefreshInterval = TimeSpan.FromSeconds(30);

    private readonly Func<CancellationToken, Task<FieldCatalog>> _load;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly Lock _gate = new();
    private Task<FieldCatalog>? _current;
    private DateTimeOffset _loadedAt;

    public FieldCatalogCache(Func<CancellationToken, Task<FieldCatalog>> load, TimeProvider time, TimeSpan lifetime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        _load = load;
        _time = time;
        _lifetime = lifetime;
    }

    /// <summary>The catalog: the cached one while fresh, else a new read.</summary>
    public Task<FieldCatalog> GetAsync(CancellationToken cancellationToken)
    {
        Task<FieldCatalog> task;
        lock (_gate)
        {
            if (_current is null || _current.IsFaulted || _current.IsCanceled || _time.GetUtcNow() - _loadedAt >= _lifetime)
            {
                StartLoad();
            }
            task = _current!;
        }
        return task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Resolves a field id or display name; on a miss re-reads the catalog once (unless it is very recent, or another
    /// caller already replaced it) and tries again.
    /// </summary>
    /// <exception cref="JiraTicketException">No field, or several, go by that name.</exception>
    public async Task<Field> ResolveAsync(string idOrName, CancellationToken cancellationToken)
    {
        var catalog = await GetAsync(cancellationToken).ConfigureAwait(false);
        if (catalog.TryResolve(idOrName, out var field))
        {
            return field;
        }
        if (catalog.FindByName(idOrName).Count == 0)
        {
            catalog = await RefreshAsync(catalog, cancellationToken).ConfigureAwait(false);
        }
        try
        {
            return catalog.Resolve(idOrName);
        }
        catch (FieldResolutionException ex)
        {
            var ambiguous = ex.Candidates.Count > 1;
            throw new JiraTicketException(ambiguous ? JiraTicketError.AmbiguousField : JiraTicketError.UnknownField,
                ex.Message + (ambiguous ? "" : " Field names are the display names shown in Jira (e.g. 'Story Points'), or ids such as customfield_10016."),
                "fields", [.. ex.Candidates.Select(f => f.ToString())], ex);
        }
    }

    private async Task<FieldCatalog> RefreshAsync(FieldCatalog stale, CancellationToken cancellationToken)
    {
        Task<FieldCatalog> task;
        lock (_gate)
        {
            var replaced = _current is not { IsCompletedSuccessfully: true } || !ReferenceEquals(_current.Result, stale);
            if (!replaced && _time.GetUtcNow() - _loadedAt >= MissRefreshInterval)
            {
                StartLoad();
            }
            task = _current!;
        }
        return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a shared load; called under the lock.</summary>
    private void StartLoad()
    {
        _loadedAt = _time.GetUtcNow();
        _current = _load(CancellationToken.None);
    }
}
