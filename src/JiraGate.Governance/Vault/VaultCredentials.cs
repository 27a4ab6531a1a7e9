using JiraGate.Jira.Authentication;
using JiraGate.Jira.Authentication.OAuth;

namespace JiraGate.Governance.Vault;

/// <summary>Turns vault entries into <see cref="JiraCredentials"/> for the Jira client.</summary>
public static class VaultCredentials
{
    /// <summary>
    /// Credentials for an API token, scoped API token, personal access token or password entry. OAuth entries
    /// need a token endpoint and a place to save rotated tokens: use <see cref="ToOAuthCredentials"/> or
    /// <see cref="GetJiraCredentialsAsync"/>.
    /// </summary>
    /// <exception cref="VaultException">The entry is an OAuth client or a generic secret.</exception>
    public static JiraCredentials ToJiraCredentials(this VaultEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry switch
        {
            ApiTokenEntry e => new ApiTokenCredentials(e.Email, e.ApiToken.Reveal()),
            ScopedApiTokenEntry e => new ScopedApiTokenCredentials(e.Email, e.ApiToken.Reveal(), e.CloudId),
            PersonalAccessTokenEntry e => new PersonalAccessTokenCredentials(e.Token.Reveal()),
            BasicPasswordEntry e => new BasicPasswordCredentials(e.Username, e.Password.Reveal()),
            OAuthClientEntry => throw new VaultException("An OAuth client entry needs an OAuth client to refresh tokens: use ToOAuthCredentials or GetJiraCredentialsAsync with one."),
            _ => throw new VaultException($"A {VaultEntryKinds.ToName(entry.Kind)} entry is not Jira credentials."),
        };
    }

    /// <summary>Copies the entry's client id and secret into the OAuth app settings.</summary>
    public static void ApplyTo(this OAuthClientEntry entry, JiraOAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(options);
        options.ClientId = entry.ClientId;
        options.ClientSecret = entry.ClientSecret.Reveal();
    }

    /// <summary>The entry's tokens as the Jira client's token set (an empty access token means "refresh first").</summary>
    public static OAuthTokenSet ToTokenSet(this OAuthClientEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new OAuthTokenSet
        {
            AccessToken = entry.AccessToken?.Reveal() ?? "",
            RefreshToken = entry.RefreshToken?.Reveal(),
            ExpiresAt = entry.AccessTokenExpiresAt ?? DateTimeOffset.MinValue,
            Scopes = entry.Scopes,
        };
    }

    /// <summary>
    /// OAuth credentials for the entry: with a refresh token, a 3LO token source whose every rotated token set
    /// is saved back to <paramref name="vault"/> at <paramref name="path"/> (atomically, before the new access
    /// token is used); without one, service-account client credentials.
    /// </summary>
    public static OAuthCredentials ToOAuthCredentials(this OAuthClientEntry entry, JiraOAuthClient client, IVault vault, string path)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(vault);
        VaultPath.Validate(path);
        if (entry.RefreshToken is null)
        {
            return new OAuthCredentials(new ClientCredentialsTokenSource(client), entry.CloudId);
        }
        var source = new OAuthTokenSource(client, entry.ToTokenSet(), async (tokens, ct) =>
            await vault.UpdateAsync(path, current => current is OAuthClientEntry stored
                ? stored.WithTokens(tokens)
                : throw new VaultException($"Vault entry '{path}' is no longer an OAuth client entry; the rotated tokens were not saved."), ct)
                .ConfigureAwait(false));
        return new OAuthCredentials(source, entry.CloudId);
    }

    /// <summary>Reads the entry at <paramref name="path"/> and converts it (OAuth entries need <paramref name="oauthClient"/>).</summary>
    /// <exception cref="VaultException">There is no such entry, or it cannot be converted.</exception>
    public static async Task<JiraCredentials> GetJiraCredentialsAsync(this IVault vault, string path, JiraOAuthClient? oauthClient = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vault);
        var entry = await vault.TryGetAsync(path, cancellationToken).ConfigureAwait(false)
            ?? throw new VaultException($"The vault has no entry '{path}'.");
        return entry is OAuthClientEntry oauth
            ? oauth.ToOAuthCredentials(oauthClient ?? throw new VaultException($"Vault entry '{path}' is an OAuth client; an OAuth client (AddJiraOAuthClient) is needed to use it."), vault, path)
            : entry.ToJiraCredentials();
    }

    /// <summary>The entry at <paramref name="path"/>; throws when there is none.</summary>
    /// <exception cref="VaultException">There is no such entry.</exception>
    public static async Task<VaultEntry> GetAsync(this IVault vault, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vault);
        return await vault.TryGetAsync(path, cancellationToken).ConfigureAwait(false)
            ?? throw new VaultException($"The vault has no entry '{path}'.");
    }
}
