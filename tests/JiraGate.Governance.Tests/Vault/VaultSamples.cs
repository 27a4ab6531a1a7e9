using JiraGate.Governance.Vault;

namespace JiraGate.Governance.Tests.Vault;

/// <summary>One entry of every kind, each secret a distinct canary.</summary>
public static class VaultSamples
{
    public static readonly DateTimeOffset Expiry = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Kinds() => new(All().Keys);

    public static Dictionary<string, (VaultEntry Entry, string[] Canaries)> All() => new()
    {
        ["api_token"] = (new ApiTokenEntry { Email = "bot@acme.com", ApiToken = new SecretValue("CANARY-api-token-111"), ExpiresAt = Expiry }, ["CANARY-api-token-111"]),
        ["scoped_api_token"] = (new ScopedApiTokenEntry { Email = "bot@acme.com", ApiToken = new SecretValue("CANARY-scoped-222"), CloudId = "cloud-1" }, ["CANARY-scoped-222"]),
        ["pat"] = (new PersonalAccessTokenEntry { Token = new SecretValue("CANARY-pat-333") }, ["CANARY-pat-333"]),
        ["basic"] = (new BasicPasswordEntry { Username = "svc-jira", Password = new SecretValue("CANARY-password-444") }, ["CANARY-password-444"]),
        ["oauth_client"] = (new OAuthClientEntry
        {
            ClientId = "client-abc",
            ClientSecret = new SecretValue("CANARY-client-secret-555"),
            RefreshToken = new SecretValue("CANARY-refresh-666"),
            AccessToken = new SecretValue("CANARY-access-777"),
            AccessTokenExpiresAt = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero),
            Scopes = ["read:jira-work", "offline_access"],
            CloudId = "cloud-2",
        }, ["CANARY-client-secret-555", "CANARY-refresh-666", "CANARY-access-777"]),
        ["secret"] = (new GenericSecretEntry { Value = new SecretValue("CANARY-generic-888"), Description = "webhook signing secret" }, ["CANARY-generic-888"]),
    };

    /// <summary>Every field, secrets revealed, for comparing two entries.</summary>
    public static string Fingerprint(VaultEntry entry) =>
        entry.Kind + "|" + entry.ExpiresAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + "|" +
        string.Join(";", entry.ToFields().OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value));
}
