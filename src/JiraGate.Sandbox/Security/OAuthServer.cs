using System.Collections.Concurrent;
using System.Security.Cryptography;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Security;

/// <summary>
/// The sandbox's OAuth 2.0 (3LO) authorization server: authorization codes, access tokens and
/// rotating refresh tokens (each refresh returns a new refresh token and retires the old one, as
/// Atlassian does). Access tokens are accepted only on the API gateway path /ex/jira/{cloudId}/….
/// </summary>
public sealed class OAuthServer(Site site)
{
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, AccessTokenGrant> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CodeGrant> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RefreshGrant> _refreshTokens = new(StringComparer.Ordinal);
    private readonly Lock _refreshLock = new();

    internal sealed record AccessTokenGrant(string AccountId, string ClientId, IReadOnlyList<string> Scopes, DateTimeOffset ExpiresAt);

    internal sealed record CodeGrant(string AccountId, string ClientId, string RedirectUri, IReadOnlyList<string> Scopes, DateTimeOffset ExpiresAt);

    internal sealed record RefreshGrant(string AccountId, string ClientId, IReadOnlyList<string> Scopes);

    /// <summary>The tokens a successful grant returns.</summary>
    internal sealed record TokenSet(string AccessToken, string? RefreshToken, IReadOnlyList<string> Scopes, int ExpiresInSeconds);

    /// <summary>Resolves a bearer access token to its caller; null when unknown or expired.</summary>
    public Caller? AuthenticateAccessToken(string token)
    {
        if (!_accessTokens.TryGetValue(token, out var grant) || grant.ExpiresAt <= site.Now)
        {
            return null;
        }
        var user = site.Read(s => s.UserByAccountId(grant.AccountId));
        return user is { Active: true } ? new Caller(user, AuthKind.OAuth, grant.ClientId, grant.Scopes) : null;
    }

    internal void AddAccessToken(string token, AccessTokenGrant grant) => _accessTokens[token] = grant;

    internal string IssueCode(string accountId, string clientId, string redirectUri, IReadOnlyList<string> scopes)
    {
        var code = NewSecret();
        _codes[code] = new CodeGrant(accountId, clientId, redirectUri, scopes, site.Now + CodeLifetime);
        return code;
    }

    /// <summary>Exchanges a code once; a reused, expired or mismatched code yields null (invalid_grant).</summary>
    internal TokenSet? ExchangeCode(string code, string clientId, string? redirectUri)
    {
        if (!_codes.TryRemove(code, out var grant) || grant.ExpiresAt <= site.Now || grant.ClientId != clientId
            || (redirectUri is not null && redirectUri != grant.RedirectUri))
        {
            return null;
        }
        return Issue(grant.AccountId, clientId, grant.Scopes);
    }

    /// <summary>Rotates a refresh token: the old one is retired atomically, so two racing refreshes get one success.</summary>
    internal TokenSet? Refresh(string refreshToken, string clientId)
    {
        lock (_refreshLock)
        {
            if (!_refreshTokens.TryGetValue(refreshToken, out var grant) || grant.ClientId != clientId)
            {
                return null;
            }
            _refreshTokens.TryRemove(refreshToken, out _);
            return Issue(grant.AccountId, clientId, grant.Scopes);
        }
    }

    /// <summary>Client-credentials grant for a service account: an access token, no refresh token.</summary>
    internal TokenSet ClientCredentials(string accountId, string clientId, IReadOnlyList<string> scopes)
    {
        var access = NewSecret();
        _accessTokens[access] = new AccessTokenGrant(accountId, clientId, scopes, site.Now + AccessTokenLifetime);
        return new TokenSet(access, null, scopes, (int)AccessTokenLifetime.TotalSeconds);
    }

    private TokenSet Issue(string accountId, string clientId, IReadOnlyList<string> scopes)
    {
        var access = NewSecret();
        _accessTokens[access] = new AccessTokenGrant(accountId, clientId, scopes, site.Now + AccessTokenLifetime);
        string? refresh = null;
        if (scopes.Contains("offline_access"))
        {
            refresh = NewSecret();
            _refreshTokens[refresh] = new RefreshGrant(accountId, clientId, scopes);
        }
        return new TokenSet(access, refresh, scopes, (int)AccessTokenLifetime.TotalSeconds);
    }

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
