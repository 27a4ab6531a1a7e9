using System.Globalization;
using JiraGate.Jira.Authentication.OAuth;

namespace JiraGate.Governance.Vault;

/// <summary>
/// An OAuth 2.0 client (id + secret) and, for a 3LO grant, its tokens. Atlassian rotates refresh tokens: each
/// refresh returns a new one and spends the old, so <see cref="WithTokens"/> results are saved through
/// <see cref="IVault.UpdateAsync"/> (atomic) before the new access token is used. Without a refresh token the
/// entry is a service account (client credentials).
/// </summary>
public sealed class OAuthClientEntry : VaultEntry
{
    /// <inheritdoc />
    public override VaultEntryKind Kind => VaultEntryKind.OAuthClient;

    /// <summary>The app's client id.</summary>
    public required string ClientId { get; init; }

    /// <summary>The app's client secret.</summary>
    public required SecretValue ClientSecret { get; init; }

    /// <summary>The current refresh token (3LO with <c>offline_access</c>); null for a service account.</summary>
    public SecretValue? RefreshToken { get; init; }

    /// <summary>The last access token, if one is cached.</summary>
    public SecretValue? AccessToken { get; init; }

    /// <summary>When <see cref="AccessToken"/> expires.</summary>
    public DateTimeOffset? AccessTokenExpiresAt { get; init; }

    /// <summary>The scopes granted.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>The site's cloud id, if known.</summary>
    public string? CloudId { get; init; }

    /// <summary>This entry with a rotated token set in place of the old tokens (client id, secret and expiry kept).</summary>
    public OAuthClientEntry WithTokens(OAuthTokenSet tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return new OAuthClientEntry
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            RefreshToken = tokens.RefreshToken is { Length: > 0 } r ? new SecretValue(r) : RefreshToken,
            AccessToken = tokens.AccessToken is { Length: > 0 } a ? new SecretValue(a) : null,
            AccessTokenExpiresAt = tokens.AccessToken is { Length: > 0 } ? tokens.ExpiresAt : null,
            Scopes = tokens.Scopes.Count > 0 ? tokens.Scopes : Scopes,
            CloudId = CloudId,
            ExpiresAt = ExpiresAt,
        };
    }

    /// <inheritdoc />
    public override string Describe() =>
        $"OAuth client {ClientId} ({(RefreshToken is null ? "client credentials" : "refresh token held")})";

    internal override Dictionary<string, string> ToFields()
    {
        var fields = new Dictionary<string, string> { [VaultFields.ClientId] = ClientId, [VaultFields.ClientSecret] = ClientSecret.Reveal() };
        if (RefreshToken is not null)
        {
            fields[VaultFields.RefreshToken] = RefreshToken.Reveal();
        }
        if (AccessToken is not null)
        {
            fields[VaultFields.AccessToken] = AccessToken.Reveal();
        }
        if (AccessTokenExpiresAt is { } at)
        {
            fields[VaultFields.AccessTokenExpiresAt] = at.ToString("O", CultureInfo.InvariantCulture);
        }
        if (Scopes.Count > 0)
        {
            fields[VaultFields.Scopes] = string.Join(' ', Scopes);
        }
        if (CloudId is not null)
        {
            fields[VaultFields.CloudId] = CloudId;
        }
        return fields;
    }
}
