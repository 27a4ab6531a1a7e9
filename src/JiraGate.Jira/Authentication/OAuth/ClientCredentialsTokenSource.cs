namespace JiraGate.Jira.Authentication.OAuth;

/// <summary>
/// Access tokens for a service account (OAuth 2.0 client credentials): fetched on first use and again
/// <see cref="JiraOAuthOptions.RefreshSkew"/> before expiry or when forced after a 401. There is no refresh
/// token; concurrent callers share one token request.
/// </summary>
/// <remarks>See https://support.atlassian.com/user-management/docs/create-oauth-2-0-credential-for-service-accounts/.</remarks>
public sealed class ClientCredentialsTokenSource : IJiraAccessTokenSource
{
    private readonly TokenCache _cache;

    /// <summary>Creates a token source for the service account whose client id and secret <paramref name="client"/> holds.</summary>
    public ClientCredentialsTokenSource(JiraOAuthClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _cache = new TokenCache(client.Time, client.RefreshSkew, _ => client.RequestClientCredentialsTokenAsync(CancellationToken.None));
    }

    /// <inheritdoc />
    /// <exception cref="JiraOAuthException">The token endpoint refused the client.</exception>
    public ValueTask<string> GetAccessTokenAsync(bool forceRefresh = false, CancellationToken cancellationToken = default) =>
        _cache.GetAsync(forceRefresh, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => "OAuth 2.0 client-credentials token source";
}
