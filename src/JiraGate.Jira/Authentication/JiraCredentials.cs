namespace JiraGate.Jira.Authentication;

/// <summary>
/// How a connection proves who it is. One sealed type per mode Jira offers; secrets never appear in
/// <see cref="object.ToString"/>, exceptions or logs.
/// </summary>
public abstract class JiraCredentials
{
    private protected JiraCredentials()
    {
    }

    /// <summary>A short, secret-free description, e.g. "API token for bot@acme.com".</summary>
    public abstract string Describe();

    /// <inheritdoc />
    public sealed override string ToString() => Describe();

    private protected static string Required(string? value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        return value;
    }
}

/// <summary>Jira Cloud: Basic <c>email:api-token</c> against the site URL (https://{site}.atlassian.net).</summary>
public sealed class ApiTokenCredentials(string email, string apiToken) : JiraCredentials
{
    /// <summary>The Atlassian account email the token belongs to.</summary>
    public string Email { get; } = Required(email, nameof(email));

    internal string ApiToken { get; } = Required(apiToken, nameof(apiToken));

    /// <inheritdoc />
    public override string Describe() => "API token for " + Email;
}

/// <summary>
/// Jira Cloud scoped API token: Basic <c>email:token</c>, but only through
/// https://api.atlassian.com/ex/jira/{cloudId}; the cloud id is discovered from the site when not given.
/// </summary>
public sealed class ScopedApiTokenCredentials(string email, string apiToken, string? cloudId = null) : JiraCredentials
{
    /// <summary>The Atlassian account email the token belongs to.</summary>
    public string Email { get; } = Required(email, nameof(email));

    internal string ApiToken { get; } = Required(apiToken, nameof(apiToken));

    /// <summary>The site's cloud id, if known; otherwise discovered from /_edge/tenant_info.</summary>
    public string? CloudId { get; } = cloudId;

    /// <inheritdoc />
    public override string Describe() => "scoped API token for " + Email;
}

/// <summary>Jira Data Center: <c>Authorization: Bearer &lt;personal access token&gt;</c>.</summary>
public sealed class PersonalAccessTokenCredentials(string token) : JiraCredentials
{
    internal string Token { get; } = Required(token, nameof(token));

    /// <inheritdoc />
    public override string Describe() => "personal access token";
}

/// <summary>Jira Data Center only: Basic <c>username:password</c> (refused on Cloud with a clear error).</summary>
public sealed class BasicPasswordCredentials(string username, string password) : JiraCredentials
{
    /// <summary>The Data Center username.</summary>
    public string Username { get; } = Required(username, nameof(username));

    internal string Password { get; } = Required(password, nameof(password));

    /// <inheritdoc />
    public override string Describe() => "password for " + Username;
}

/// <summary>
/// Jira Cloud OAuth 2.0 (3LO) or service-account OAuth: bearer access tokens from <see cref="TokenSource"/>,
/// sent through https://api.atlassian.com/ex/jira/{cloudId}.
/// </summary>
public sealed class OAuthCredentials(IJiraAccessTokenSource tokenSource, string? cloudId = null) : JiraCredentials
{
    /// <summary>Where access tokens come from.</summary>
    public IJiraAccessTokenSource TokenSource { get; } = tokenSource ?? throw new ArgumentNullException(nameof(tokenSource));

    /// <summary>The site's cloud id, if known; otherwise discovered through accessible-resources.</summary>
    public string? CloudId { get; } = cloudId;

    /// <inheritdoc />
    public override string Describe() => "OAuth 2.0";
}

/// <summary>Supplies OAuth access tokens, refreshing (and rotating refresh tokens) as needed.</summary>
public interface IJiraAccessTokenSource
{
    /// <summary>
    /// A valid access token. <paramref name="forceRefresh"/> asks for a new one (the last one was refused
    /// with 401). Implementations serialise refreshes so concurrent callers never burn the same refresh token.
    /// </summary>
    ValueTask<string> GetAccessTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}
