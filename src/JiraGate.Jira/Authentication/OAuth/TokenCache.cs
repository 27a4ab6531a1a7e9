namespace JiraGate.Jira.Authentication.OAuth;

/// <summary>
/// The current access token and at most one acquisition in flight. Callers that need a new token while one is
/// being fetched join that fetch and share its result or its failure, so a rotating refresh token is never sent
/// twice.
/// </summary>
/// <remarks>
/// A shared task rather than a SemaphoreSlim held across the refresh: the fetch runs detached from any one
/// caller's cancellation. With a held semaphore, a caller cancelled after its refresh request was sent would
/// either abandon it — the server has already retired the old refresh token, and the new one would be lost —
/// or have to ignore its cancellation. Here that caller leaves, and the refresh still completes and is saved.
/// </remarks>
internal sealed class TokenCache(TimeProvider time, TimeSpan skew, Func<OAuthTokenSet?, Task<OAuthTokenSet>> acquire)
{
    private readonly Lock _lock = new();
    private OAuthTokenSet? _current;
    private Task<OAuthTokenSet>? _inflight;

    public OAuthTokenSet? Current
    {
        get => Volatile.Read(ref _current);
        init => _current = value;
    }

    public bool IsFresh(OAuthTokenSet? tokens) =>
        tokens is { AccessToken.Length: > 0 } && tokens.ExpiresAt > time.GetUtcNow() + skew; // no subtraction: MinValue is a valid "expired"

    public async ValueTask<string> GetAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        // The token this caller has seen: a forced refresh is satisfied by any refresh that replaces it.
        var seen = Current;
        if (!forceRefresh && IsFresh(seen))
        {
            return seen!.AccessToken;
        }
        Task<OAuthTokenSet> fetch;
        lock (_lock)
        {
            var current = _current;
            if (IsFresh(current) && (!forceRefresh || !ReferenceEquals(current, seen)))
            {
                return current!.AccessToken;
            }
            // Task.Run: the fetch must not start inside the lock, nor inherit the caller's context.
            fetch = _inflight ??= Task.Run(() => FetchAsync(current));
        }
        var tokens = await fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
        return tokens.AccessToken;
    }

    private async Task<OAuthTokenSet> FetchAsync(OAuthTokenSet? current)
    {
        OAuthTokenSet? next = null;
        try
        {
            next = await acquire(current).ConfigureAwait(false);
            return next;
        }
        finally
        {
            // Publish and clear under the lock, so no caller sees the old token with no fetch in flight.
            lock (_lock)
            {
                if (next is not null)
                {
                    _current = next;
                }
                _inflight = null;
            }
        }
    }
}
