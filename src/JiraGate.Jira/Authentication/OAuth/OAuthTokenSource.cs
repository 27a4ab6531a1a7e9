namespace JiraGate.Jira.Authentication.OAuth;

/// <summary>
/// Access tokens for one user's OAuth 2.0 (3LO) grant: hands out the current access token, refreshes it
/// <see cref="JiraOAuthOptions.RefreshSkew"/> before it expires (or when forced after a 401), and saves every
/// rotated token set through the callback BEFORE handing out the new access token.
/// </summary>
/// <remarks>
/// Refreshes are serialised: concurrent callers, forced or not, share one refresh and its result, so the same
/// refresh token is never sent twice (Atlassian rotates refresh tokens and refuses a used one with
/// <c>invalid_grant</c>). A refresh is not abandoned when a waiting caller is cancelled; it completes and is saved.
/// If saving fails, the new tokens are kept in memory, the save's exception reaches the callers, and the save
/// is tried again on the next request.
/// </remarks>
public sealed class OAuthTokenSource : IJiraAccessTokenSource
{
    private readonly JiraOAuthClient _client;
    private readonly Func<OAuthTokenSet, CancellationToken, ValueTask> _saveTokens;
    private readonly TokenCache _cache;
    private OAuthTokenSet? _unsaved; // touched only inside the single in-flight refresh

    /// <summary>Creates a token source from the user's stored tokens.</summary>
    /// <param name="client">The OAuth client (its clock and refresh skew apply).</param>
    /// <param name="tokens">
    /// The tokens last saved (or just received from <see cref="JiraOAuthClient.ExchangeCodeAsync"/>). An empty
    /// or expired access token is refreshed on first use; the refresh token must be there (scope <c>offline_access</c>).
    /// </param>
    /// <param name="saveTokens">
    /// Persists each rotated token set (replace the stored one: the old refresh token no longer works). Its
    /// cancellation token is not the caller's: a save must not be abandoned half-way.
    /// </param>
    public OAuthTokenSource(JiraOAuthClient client, OAuthTokenSet tokens, Func<OAuthTokenSet, CancellationToken, ValueTask> saveTokens)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(saveTokens);
        _client = client;
        _saveTokens = saveTokens;
        _cache = new TokenCache(client.Time, client.RefreshSkew, RefreshAndSaveAsync) { Current = tokens };
    }

    /// <summary>When the access token handed out now expires (on the client's clock).</summary>
    public DateTimeOffset ExpiresAt => _cache.Current?.ExpiresAt ?? DateTimeOffset.MinValue;

    /// <inheritdoc />
    /// <exception cref="JiraOAuthException">The refresh was refused; see <see cref="JiraOAuthException.IsReauthorizationRequired"/>.</exception>
    public ValueTask<string> GetAccessTokenAsync(bool forceRefresh = false, CancellationToken cancellationToken = default) =>
        _cache.GetAsync(forceRefresh, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"OAuth 2.0 (3LO) token source, access token expires {ExpiresAt:O}";

    private async Task<OAuthTokenSet> RefreshAndSaveAsync(OAuthTokenSet? current)
    {
        var next = _unsaved;
        if (next is null || !_cache.IsFresh(next))
        {
            // After a failed save, the unsaved set holds the only live refresh token.
            var refreshToken = (next ?? current)?.RefreshToken
                ?? throw new JiraOAuthException(
                    "No refresh token is held, so the access token cannot be renewed: ask for the offline_access scope and authorise again.",
                    null, "no_refresh_token");
            // Not the caller's token: once sent, the old refresh token is spent, so the answer must be received.
            next = await _client.RefreshAsync(refreshToken, CancellationToken.None).ConfigureAwait(false);
            _unsaved = next;
        }
        try
        {
            await _saveTokens(next, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            OAuthLog.SaveFailed(_client.Logger, ex.GetType().Name);
            throw;
        }
        _unsaved = null;
        OAuthLog.TokensRotated(_client.Logger, next.ExpiresAt);
        return next;
    }
}
