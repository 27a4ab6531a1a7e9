using System.Globalization;
using System.Net;
using System.Text;

namespace JiraGate.Jira;

/// <summary>
/// The one table from HTTP status to exception type and the advice a person can act on. Statuses not in
/// the table (413, 422, 5xx …) become a plain <see cref="JiraException"/>.
/// </summary>
internal static class JiraErrorMap
{
    private sealed record Entry(Func<string, JiraErrorDetails, JiraException> Create, string Advice);

    private static readonly Dictionary<HttpStatusCode, Entry> Table = new()
    {
        [HttpStatusCode.BadRequest] = new((m, d) => new JiraValidationException(m, d),
            "Jira refused the request as invalid; the messages above say which fields or values to change."),
        [HttpStatusCode.Unauthorized] = new((m, d) => new JiraUnauthorizedException(m, d),
            "Jira did not accept the credentials ({credentials}): check they are valid, not expired or revoked, and meant for this site (scoped API tokens and OAuth work only through api.atlassian.com)."),
        [HttpStatusCode.Forbidden] = new((m, d) => new JiraForbiddenException(m, d),
            "The credentials ({credentials}) were accepted but lack the permission for this action."),
        [HttpStatusCode.NotFound] = new((m, d) => new JiraNotFoundException(m, d),
            "It does not exist, or the caller ({credentials}) has no permission to see it: Jira answers both with 404."),
        [HttpStatusCode.Conflict] = new((m, d) => new JiraConflictException(m, d),
            "Jira reports a conflicting update: read the current state and try again."),
        [HttpStatusCode.Gone] = new((m, d) => new JiraGoneException(m, d),
            "Atlassian removed this API; the client must call its replacement."),
        [HttpStatusCode.TooManyRequests] = new((m, d) => new JiraRateLimitedException(m, d),
            "Jira is rate-limiting this site; wait before trying again."),
    };

    /// <summary>Statuses after which the same call may succeed later.</summary>
    public static bool IsTransientStatus(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests
        or HttpStatusCode.RequestTimeout or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
        or HttpStatusCode.GatewayTimeout;

    public static JiraException Create(string method, string path, JiraErrorDetails details, string credentials)
    {
        var status = details.StatusCode ?? 0;
        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Jira answered {(int)status} {Reason(status)} to {method} {path}");
        var said = Summarise(details);
        if (said.Length > 0)
        {
            message.Append(": ").Append(said);
        }
        message.Append('.');
        Table.TryGetValue(status, out var entry);
        var advice = entry?.Advice ?? DefaultAdvice(status);
        if (advice.Length > 0)
        {
            message.Append(' ').Append(advice.Replace("{credentials}", credentials, StringComparison.Ordinal));
        }
        if (details.RetryAfter is { } wait)
        {
            message.Append(CultureInfo.InvariantCulture, $" Retry after {wait.TotalSeconds:0.###} s.");
        }
        AppendRequestId(message, details.RequestId);
        var text = message.ToString();
        return entry is null ? new JiraException(text, details) : entry.Create(text, details);
    }

    public static void AppendRequestId(StringBuilder message, string? requestId)
    {
        if (requestId is not null)
        {
            message.Append(" (Jira request id ").Append(requestId).Append(')');
        }
    }

    private static string DefaultAdvice(HttpStatusCode status) => (int)status switch
    {
        413 => "The request is too large, or the issue reached a limit (comments, worklogs, attachments or links).",
        422 => "Jira could not apply it because of the site's configuration (workflow, screens or fields).",
        502 or 503 or 504 => "Jira is temporarily unavailable; try again later.",
        >= 500 => "Jira failed on its side; if it persists, give Atlassian support the request id.",
        _ => "",
    };

    private static string Reason(HttpStatusCode status) => status switch
    {
        HttpStatusCode.TooManyRequests => "Too Many Requests",
        _ => Enum.IsDefined(status) ? SplitWords(status.ToString()) : "",
    };

    private static string SplitWords(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && sb.Length > 0)
            {
                sb.Append(' ');
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Jira's own words, bounded so a huge body cannot flood a log line.</summary>
    private static string Summarise(JiraErrorDetails details)
    {
        const int Limit = 600;
        var parts = details.ErrorMessages.Concat(details.Errors.Select(e => e.Key + ": " + e.Value));
        var text = string.Join("; ", parts);
        return text.Length <= Limit ? text : string.Concat(text.AsSpan(0, Limit), "…");
    }
}
