namespace JiraGate.Jira.Authentication.OAuth;

/// <summary>
/// What Atlassian's token endpoint granted: an access token, when it expires, and (with <c>offline_access</c>)
/// a refresh token. Store it whole; refresh tokens rotate, so only the newest one works.
/// </summary>
/// <remarks>
/// A class rather than a record so no generated <c>ToString</c> can print the tokens; <see cref="ToString"/>
/// describes the set without them.
/// </remarks>
public sealed class OAuthTokenSet
{
    /// <summary>The bearer access token (about an hour on Atlassian). Empty means "refresh before first use".</summary>
    public required string AccessToken { get; init; }

    /// <summary>The refresh token, if <c>offline_access</c> was granted; null for client credentials.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>When <see cref="AccessToken"/> stops working, on the clock of the <see cref="TimeProvider"/> in use.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The scopes granted (may be fewer than asked for).</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <inheritdoc />
    public override string ToString() =>
        $"OAuth tokens (access token expires {ExpiresAt:O}, refresh token: {(RefreshToken is null ? "none" : "present")}, scopes: {string.Join(' ', Scopes)})";
}
