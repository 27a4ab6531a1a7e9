using System.Net;

namespace JiraGate.Jira.Authentication.OAuth;

/// <summary>
/// Atlassian's authorization server or API gateway refused an OAuth request, e.g. <c>invalid_grant</c> for a
/// refresh token that was already used. A <see cref="JiraException"/>, so callers catch one type for every
/// failure of a Jira call, token refreshes included. The message says what to do; it never contains a token,
/// code or secret.
/// </summary>
public sealed class JiraOAuthException : JiraException
{
    /// <summary>Creates an exception with a default message.</summary>
    public JiraOAuthException()
        : this("The OAuth request failed.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public JiraOAuthException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public JiraOAuthException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal JiraOAuthException(string message, HttpStatusCode? statusCode, string? error, Exception? innerException = null)
        : base(message, Details(statusCode), innerException)
    {
        Error = error;
    }

    /// <summary>The OAuth error code (RFC 6749 §5.2), e.g. <c>invalid_grant</c>, <c>access_denied</c>; null if none was given.</summary>
    public string? Error { get; }

    /// <summary>
    /// True when retrying cannot help and the user must authorise the app again: the code or refresh token was
    /// used, revoked or expired (<c>invalid_grant</c>), or no refresh token is held.
    /// </summary>
    public bool IsReauthorizationRequired => Error is "invalid_grant" or "no_refresh_token";

    // The status (when the server answered) lives in JiraException.StatusCode; a 429 or 5xx from the token
    // endpoint is transient like any other Jira call.
    private static JiraErrorDetails Details(HttpStatusCode? statusCode) =>
        new(statusCode, [], new Dictionary<string, string>(), null, null,
            statusCode is { } status && JiraErrorMap.IsTransientStatus(status));
}
