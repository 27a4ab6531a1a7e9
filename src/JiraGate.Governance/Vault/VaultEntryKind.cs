namespace JiraGate.Governance.Vault;

/// <summary>What a vault entry holds: one kind per authentication mode the Jira client supports, plus generic secrets.</summary>
public enum VaultEntryKind
{
    /// <summary>Jira Cloud API token (email + token): <see cref="ApiTokenEntry"/>.</summary>
    ApiToken,

    /// <summary>Jira Cloud scoped API token (email + token, through the API gateway): <see cref="ScopedApiTokenEntry"/>.</summary>
    ScopedApiToken,

    /// <summary>Jira Data Center personal access token: <see cref="PersonalAccessTokenEntry"/>.</summary>
    PersonalAccessToken,

    /// <summary>Jira Data Center username + password: <see cref="BasicPasswordEntry"/>.</summary>
    BasicPassword,

    /// <summary>OAuth 2.0 client (id + secret) with its rotating refresh token: <see cref="OAuthClientEntry"/>.</summary>
    OAuthClient,

    /// <summary>Any other secret, e.g. the audit log's signing key: <see cref="GenericSecretEntry"/>.</summary>
    GenericSecret,
}

/// <summary>Where an entry stands against its expiry date.</summary>
public enum VaultExpiryState
{
    /// <summary>The entry has no expiry date.</summary>
    NoExpiry,

    /// <summary>The entry expires later than the warning window.</summary>
    Valid,

    /// <summary>The entry expires within the warning window: rotate it soon.</summary>
    ExpiringSoon,

    /// <summary>The expiry date has passed.</summary>
    Expired,
}

/// <summary>Stable names of the kinds, as written in vault files and environment variables.</summary>
public static class VaultEntryKinds
{
    /// <summary>The wire name of a kind, e.g. <c>api_token</c>.</summary>
    public static string ToName(VaultEntryKind kind) => kind switch
    {
        VaultEntryKind.ApiToken => "api_token",
        VaultEntryKind.ScopedApiToken => "scoped_api_token",
        VaultEntryKind.PersonalAccessToken => "pat",
        VaultEntryKind.BasicPassword => "basic",
        VaultEntryKind.OAuthClient => "oauth_client",
        VaultEntryKind.GenericSecret => "secret",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Parses a wire name (case-insensitive); false for an unknown one.</summary>
    public static bool TryParse(string? name, out VaultEntryKind kind)
    {
        foreach (var candidate in Enum.GetValues<VaultEntryKind>())
        {
            if (string.Equals(ToName(candidate), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
