using System.Net;

namespace JiraGate.Jira;

/// <summary>What a failed call left behind, gathered before the exception type is chosen.</summary>
internal sealed record JiraErrorDetails(
    HttpStatusCode? StatusCode,
    IReadOnlyList<string> ErrorMessages,
    IReadOnlyDictionary<string, string> Errors,
    string? RequestId,
    TimeSpan? RetryAfter,
    bool IsTransient)
{
    public static JiraErrorDetails NoAnswer(bool isTransient) =>
        new(null, [], new Dictionary<string, string>(), null, null, isTransient);
}
