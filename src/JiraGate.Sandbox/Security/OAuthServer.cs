using System.Collections.Concurrent;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Security;

/// <summary>
/// The sandbox's OAuth 2.0 (3LO) authorization server: codes, access tokens and rotating refresh tokens.
/// Access tokens are accepted only on the API gateway path /ex/jira/{cloudId}/…, as on Jira Cloud.
/// </summary>
public sealed class OAuthServer(Site site)
{
    private readonly ConcurrentDictionary<string, AccessTokenGrant> _accessTokens = new(StringComparer.Ordinal);

    internal sealed record AccessTokenGrant(string AccountId, string ClientId, IReadOnlyList<string> Scopes, DateTimeOffset ExpiresAt);

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
}
