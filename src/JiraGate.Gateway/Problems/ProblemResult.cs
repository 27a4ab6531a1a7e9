using System.Globalization;
using System.Text.Json;
using JiraGate.Governance.Pipeline;
using Microsoft.AspNetCore.Http;

namespace JiraGate.Gateway.Problems;

/// <summary>
/// Writes a <see cref="Problem"/> as <c>application/problem+json</c> (RFC 9457) with Utf8JsonWriter — no reflection —
/// plus the headers its status calls for: Retry-After for 429/503 when known, WWW-Authenticate for 401.
/// </summary>
public sealed class ProblemResult : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    /// <summary>Wraps a problem.</summary>
    public ProblemResult(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Problem = problem;
    }

    /// <summary>The problem written.</summary>
    public Problem Problem { get; }

    /// <inheritdoc />
    public int? StatusCode => Problem.Status;

    /// <inheritdoc />
    public string ContentType => ProblemCodes.ContentType;

    /// <summary>A problem for a pipeline error, with its mapped status.</summary>
    public static ProblemResult From(OperationError error, string? operation = null, string? instance = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new ProblemResult(new Problem
        {
            Code = error.Code,
            Status = ProblemCodes.StatusFor(error.Code),
            Detail = error.Message,
            Operation = operation,
            Instance = instance,
            Errors = error.Arguments,
            JiraStatus = error.JiraStatus,
            JiraErrorMessages = error.JiraErrorMessages,
            JiraErrors = error.JiraErrors,
            RetryAfter = error.RetryAfter,
        });
    }

    /// <summary>A problem with a code's standard status (or <paramref name="status"/> when given).</summary>
    public static ProblemResult Create(string code, string detail, int? status = null, string? instance = null) =>
        new(new Problem { Code = code, Status = status ?? ProblemCodes.StatusFor(code), Detail = detail, Instance = instance });

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = Problem.Status;
        response.ContentType = ProblemCodes.ContentType;
        response.Headers.CacheControl = "no-store";
        if (Problem.RetryAfter is { } wait)
        {
            response.Headers.RetryAfter = RetryAfterSeconds(wait).ToString(CultureInfo.InvariantCulture);
        }
        if (Problem.Status == StatusCodes.Status401Unauthorized)
        {
            response.Headers.WWWAuthenticate = "Bearer realm=\"jiragate\"";
        }
        await using var writer = new Utf8JsonWriter(response.Body);
        Write(writer, Problem);
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    /// <summary>Whole seconds to wait, rounded up and at least 1 (Retry-After takes integers).</summary>
    public static long RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));

    /// <summary>Writes the problem's JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, Problem problem)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(problem);
        writer.WriteStartObject();
        writer.WriteString("type", problem.Type);
        writer.WriteString("title", problem.Title ?? ProblemCodes.TitleFor(problem.Code));
        writer.WriteNumber("status", problem.Status);
        writer.WriteString("detail", problem.Detail);
        if (problem.Instance is not null)
        {
            writer.WriteString("instance", problem.Instance);
        }
        writer.WriteString("code", problem.Code);
        if (problem.Operation is not null)
        {
            writer.WriteString("operation", problem.Operation);
        }
        if (problem.Errors.Count > 0)
        {
            writer.WriteStartArray("errors");
            foreach (var e in problem.Errors)
            {
                writer.WriteStartObject();
                writer.WriteString("argument", e.Argument);
                writer.WriteString("keyword", e.Keyword);
                writer.WriteString("message", e.Message);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        if (problem.JiraStatus is not null || problem.JiraErrorMessages.Count > 0 || problem.JiraErrors.Count > 0)
        {
            writer.WriteStartObject("jira");
            if (problem.JiraStatus is { } status)
            {
                writer.WriteNumber("status", status);
            }
            writer.WriteStartArray("errorMessages");
            foreach (var m in problem.JiraErrorMessages)
            {
                writer.WriteStringValue(m);
            }
            writer.WriteEndArray();
            writer.WriteStartObject("errors");
            foreach (var (field, message) in problem.JiraErrors)
            {
                writer.WriteString(field, message);
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        if (problem.RetryAfter is { } wait)
        {
            writer.WriteNumber("retry_after", RetryAfterSeconds(wait));
        }
        writer.WriteEndObject();
    }
}
