using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Security;

/// <summary>How the caller authenticated.</summary>
public enum AuthKind
{
    Anonymous,
    /// <summary>Basic email:api-token (Cloud).</summary>
    ApiToken,
    /// <summary>Basic username:password (Data Center).</summary>
    Password,
    /// <summary>Bearer personal access token (Data Center).</summary>
    PersonalAccessToken,
    /// <summary>Bearer OAuth 2.0 (3LO) access token, through /ex/jira/{cloudId}.</summary>
    OAuth,
}

/// <summary>The authenticated caller of one request.</summary>
public sealed record Caller(User? User, AuthKind Kind, string? OAuthClientId = null, IReadOnlyList<string>? Scopes = null)
{
    public static readonly Caller Anonymous = new(null, AuthKind.Anonymous);

    public bool IsAuthenticated => User is not null;

    /// <summary>Whether the caller is an app (dynamic webhooks are for Connect/OAuth apps only).</summary>
    public bool IsApp => Kind == AuthKind.OAuth;
}
