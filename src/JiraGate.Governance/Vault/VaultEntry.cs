using System.Globalization;

namespace JiraGate.Governance.Vault;

/// <summary>
/// One secret-bearing entry of a vault. Secret fields are <see cref="SecretValue"/>s; <see cref="ToString"/>
/// describes the entry without them.
/// </summary>
/// <remarks>Classes, not records: a generated record <c>ToString</c> would print every field.</remarks>
public abstract class VaultEntry
{
    private protected VaultEntry()
    {
    }

    /// <summary>What the entry holds.</summary>
    public abstract VaultEntryKind Kind { get; }

    /// <summary>When the secret stops working (e.g. an API token's expiry), if known; warnings are given ahead of it.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>A short, secret-free description, e.g. "API token for bot@acme.com".</summary>
    public abstract string Describe();

    /// <inheritdoc />
    public sealed override string ToString() => Describe();

    /// <summary>The entry's fields by their stable names (<see cref="VaultFields"/>); secrets revealed. Internal: for encryption only.</summary>
    internal abstract Dictionary<string, string> ToFields();

    /// <summary>Rebuilds an entry from its fields; a missing required field throws naming the field (never a value).</summary>
    internal static VaultEntry FromFields(VaultEntryKind kind, IReadOnlyDictionary<string, string> fields, DateTimeOffset? expiresAt, string path)
    {
        string Req(string name) => fields.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v)
            ? v
            : throw new VaultException($"Vault entry '{path}' ({VaultEntryKinds.ToName(kind)}) has no '{name}' field.");
        string? Opt(string name) => fields.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
        SecretValue? OptSecret(string name) => Opt(name) is { } v ? new SecretValue(v) : null;

        return kind switch
        {
            VaultEntryKind.ApiToken => new ApiTokenEntry { Email = Req(VaultFields.Email), ApiToken = new SecretValue(Req(VaultFields.Token)), ExpiresAt = expiresAt },
            VaultEntryKind.ScopedApiToken => new ScopedApiTokenEntry
            {
                Email = Req(VaultFields.Email), ApiToken = new SecretValue(Req(VaultFields.Token)), CloudId = Opt(VaultFields.CloudId), ExpiresAt = expiresAt,
            },
            VaultEntryKind.PersonalAccessToken => new PersonalAccessTokenEntry { Token = new SecretValue(Req(VaultFields.Token)), ExpiresAt = expiresAt },
            VaultEntryKind.BasicPassword => new BasicPasswordEntry { Username = Req(VaultFields.Username), Password = new SecretValue(Req(VaultFields.Password)), ExpiresAt = expiresAt },
            VaultEntryKind.OAuthClient => new OAuthClientEntry
            {
                ClientId = Req(VaultFields.ClientId),
                ClientSecret = new SecretValue(Req(VaultFields.ClientSecret)),
                RefreshToken = OptSecret(VaultFields.RefreshToken),
                AccessToken = OptSecret(VaultFields.AccessToken),
                AccessTokenExpiresAt = Opt(VaultFields.AccessTokenExpiresAt) is { } at
                    ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
                    : null,
                Scopes = Opt(VaultFields.Scopes)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [],
                CloudId = Opt(VaultFields.CloudId),
                ExpiresAt = expiresAt,
            },
            VaultEntryKind.GenericSecret => new GenericSecretEntry { Value = new SecretValue(Req(VaultFields.Value)), Description = Opt(VaultFields.Description), ExpiresAt = expiresAt },
            _ => throw new VaultException($"Vault entry '{path}' has an unknown kind."),
        };
    }
}

/// <summary>The stable field names of vault entries (lower case in files, upper case in environment variables).</summary>
public static class VaultFields
{
    /// <summary>Atlassian account email.</summary>
    public const string Email = "email";
    /// <summary>API token or personal access token (secret).</summary>
    public const string Token = "token";
    /// <summary>The site's cloud id.</summary>
    public const string CloudId = "cloud_id";
    /// <summary>Data Center username.</summary>
    public const string Username = "username";
    /// <summary>Data Center password (secret).</summary>
    public const string Password = "password";
    /// <summary>OAuth client id.</summary>
    public const string ClientId = "client_id";
    /// <summary>OAuth client secret (secret).</summary>
    public const string ClientSecret = "client_secret";
    /// <summary>OAuth refresh token (secret; rotates).</summary>
    public const string RefreshToken = "refresh_token";
    /// <summary>OAuth access token (secret).</summary>
    public const string AccessToken = "access_token";
    /// <summary>When the OAuth access token expires (ISO 8601).</summary>
    public const string AccessTokenExpiresAt = "access_token_expires_at";
    /// <summary>OAuth scopes, space separated.</summary>
    public const string Scopes = "scopes";
    /// <summary>A generic secret's value (secret).</summary>
    public const string Value = "value";
    /// <summary>A generic secret's description.</summary>
    public const string Description = "description";
}

/// <summary>A Jira Cloud API token: Basic <c>email:token</c>.</summary>
public sealed class ApiTokenEntry : VaultEntry
{
    /// <inheritdoc />
    public override VaultEntryKind Kind => VaultEntryKind.ApiToken;

    /// <summary>The Atlassian account email the token belongs to.</summary>
    public required string Email { get; init; }

    /// <summary>The API token.</summary>
    public required SecretValue ApiToken { get; init; }

    /// <inheritdoc />
    public override string Describe() => "API token for " + Email;

    internal override Dictionary<string, string> ToFields() => new() { [VaultFields.Email] = Email, [VaultFields.Token] = ApiToken.Reveal() };
}

/// <summary>A Jira Cloud scoped API token: Basic <c>email:token</c> through the API gateway.</summary>
public sealed class ScopedApiTokenEntry : VaultEntry
{
    /// <inheritdoc />
    public override VaultEntryKind Kind => VaultEntryKind.ScopedApiToken;

    /// <summary>The Atlassian account email the token belongs to.</summary>
    public required string Email { get; init; }

    /// <summary>The scoped API token.</summary>
    public required SecretValue ApiToken { get; init; }

    /// <summary>The site's cloud id, if known (otherwise discovered).</summary>
    public string? CloudId { get; init; }

    /// <inheritdoc />
    public override string Describe() => "scoped API token for " + Email;

    internal override Dictionary<string, string> ToFields()
    {
        var fields = new Dictionary<string, string> { [VaultFields.Email] = Email, [VaultFields.Token] = ApiToken.Reveal() };
        if (CloudId is not null)
        {
            fields[VaultFields.CloudId] = CloudId;
        }
        return fields;
    }
}

/// <summary>A Jira Data Center personal access token (Bearer).</summary>
public sealed class PersonalAccessTokenEntry : VaultEntry
{
    /// <inheritdoc />
    public override VaultEntryKind Kind => VaultEntryKind.PersonalAccessToken;

    /// <summary>The personal access token.</summary>
    public required SecretValue Token { get; init; }

    /// <inheritdoc />
    public override string Describe() => "personal access token";

    internal override Dictionary<string, string> ToFields() => new() { [VaultFields.Token] = Token.Reveal() };
}

/// <summary>Jira Data Center username and password (Basic).</summary>
public sealed class BasicPasswordEntry : VaultEntry
{
    /// <inheritdoc />
    public override VaultEntryKind Kind => VaultEntryKind.BasicPassword;

    /// <summary>The Data Center username.</summary>
    public required string Username { get; init; }

    /// <summary>The password.</summary>
    public required SecretValue Password { get; init; }

    /// <inheritdoc />
    public override string Describe() => "password for " + Username;

    internal override Dictionary<string, string> ToFields() => new() { [VaultFields.Username] = Username, [VaultFields.Password] = Password.Reveal() };
}

/// <summary>A generic secret, e.g. the audit log's Ed25519 signing key.</summary>
public sealed class GenericSecretEntry : VaultEntry
{
    /// <inheritdoc />
    public override VaultEntryKind Kind => VaultEntryKind.GenericSecret;

    /// <summary>The secret.</summary>
    public required SecretValue Value { get; init; }

    /// <summary>What the secret is for (not secret).</summary>
    public string? Description { get; init; }

    /// <inheritdoc />
    public override string Describe() => Description is null ? "secret" : "secret: " + Description;

    internal override Dictionary<string, string> ToFields()
    {
        var fields = new Dictionary<string, string> { [VaultFields.Value] = Value.Reveal() };
        if (Description is not null)
        {
            fields[VaultFields.Description] = Description;
        }
        return fields;
    }
}
