using System.Net;

namespace JiraGate.Jira;

/// <summary>
/// A Jira call failed. Carries Jira's own <see cref="ErrorMessages"/> and field <see cref="Errors"/>, the
/// request id Jira stamped on the answer, and whether trying again later may succeed. The message never
/// contains credentials.
/// </summary>
public class JiraException : Exception
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    /// <summary>Creates an exception with a default message.</summary>
    public JiraException()
        : this("The Jira call failed.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public JiraException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    public JiraException(string message, Exception? innerException)
        : base(message, innerException)
    {
        ErrorMessages = [];
        Errors = NoErrors;
    }

    internal JiraException(string message, JiraErrorDetails details, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(details);
        StatusCode = details.StatusCode;
        ErrorMessages = details.ErrorMessages;
        Errors = details.Errors;
        RequestId = details.RequestId;
        RetryAfter = details.RetryAfter;
        IsTransient = details.IsTransient;
    }

    /// <summary>The HTTP status Jira answered with; null when no answer came (network failure, timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Jira's general error messages (<c>errorMessages</c>); empty when Jira gave none.</summary>
    public IReadOnlyList<string> ErrorMessages { get; }

    /// <summary>Jira's per-field errors (<c>errors</c>: field id → message); empty when Jira gave none.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; }

    /// <summary>Jira's request id (<c>X-ARequestId</c>, else <c>ATL-TraceId</c>), for Atlassian support and logs.</summary>
    public string? RequestId { get; }

    /// <summary>How long Jira asked callers to wait (<c>Retry-After</c> / <c>X-RateLimit-Reset</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True when the same call may succeed later unchanged (rate limits, unavailability, network).</summary>
    public bool IsTransient { get; }
}

/// <summary>
/// 404: the resource does not exist — or, in Jira, the caller has no permission to see it (Jira answers
/// both the same way so as not to reveal what exists).
/// </summary>
public sealed class JiraNotFoundException : JiraException
{
    internal JiraNotFoundException(string message, JiraErrorDetails details)
        : base(message, details)
    {
    }
}

/// <summary>401: Jira did not accept the credentials (wrong, expired or revoked, or sent to the wrong base URL).</summary>
public sealed class JiraUnauthorizedException : JiraException
{
    internal JiraUnauthorizedException(string message, JiraErrorDetails details)
        : base(message, details)
    {
    }
}

/// <summary>403: the credentials are valid but lack a permission (or the request was blocked, e.g. XSRF).</summary>
public sealed class JiraForbiddenException : JiraException
{
    internal JiraForbiddenException(string message, JiraErrorDetails details)
        : base(message, details)
    {
    }
}

/// <summary>429: Jira throttled the call and retries (if any) were used up; see <see cref="JiraException.RetryAfter"/>.</summary>
public sealed class JiraRateLimitedException : JiraException
{
    internal JiraRateLimitedException(string message, JiraErrorDetails details)
        : base(message, details)
    {
    }
}

/// <summary>400: Jira refused the request as invalid; <see cref="JiraException.Errors"/> names the fields.</summary>
public sealed class JiraValidationException : JiraException
{
    internal JiraValidationException(string message, JiraErrorDetails details)
        : base(message, details)
    {
    }
}

/// <summary>409: a conflicting update; read the current state and decide again.</summary>
public sealed class JiraConflictException : JiraException
{
    internal JiraConflictException(string message, JiraErrorDetails details)
        : base(message, details)
    {
    }
}

/// <summary>410: the API was removed by Atlassian (for example the old /rest/api/3/search).</summary>
public sealed class JiraGoneException : JiraException
{
    internal JiraGoneException(string message, JiraErrorDetails details)
        : base(message, details)
    {
    }
}

/// <summary>
/// A write was sent but no answer came (timeout or connection lost): Jira may or may not have applied it.
/// It is never retried automatically; check the current state (for example search for the issue) before
/// sending it again.
/// </summary>
public sealed class JiraOutcomeUnknownException : JiraException
{
    internal JiraOutcomeUnknownException(string message, JiraErrorDetails details, Exception? innerException)
        : base(message, details, innerException)
    {
    }
}
