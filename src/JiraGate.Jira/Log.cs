using Microsoft.Extensions.Logging;

namespace JiraGate.Jira;

/// <summary>
/// Every log line of the assembly, with stable event ids. Paths are logged without query strings; headers,
/// tokens and bodies never are.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug,
        Message = "Jira {Method} {Path} answered {StatusCode} in {ElapsedMs:0} ms (request id {RequestId})")]
    public static partial void RequestCompleted(ILogger logger, string method, string path, int statusCode, double elapsedMs, string? requestId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning,
        Message = "Jira {Method} {Path} failed ({Reason}); retry {Retry} of {MaxRetries} in {DelayMs:0} ms")]
    public static partial void Retrying(ILogger logger, string method, string path, string reason, int retry, int maxRetries, double delayMs);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information,
        Message = "Jira site {Site} is {Deployment} (REST prefix {RestPrefix})")]
    public static partial void DeploymentResolved(ILogger logger, string site, JiraDeployment deployment, string restPrefix);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information,
        Message = "Jira site {Site} has cloud id {CloudId}; API calls go through {ApiBase}")]
    public static partial void CloudIdDiscovered(ILogger logger, string site, string cloudId, string apiBase);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning,
        Message = "Jira {Method} {Path} was sent but no answer came ({Reason}); its outcome is unknown and it was not retried")]
    public static partial void OutcomeUnknown(ILogger logger, string method, string path, string reason);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning,
        Message = "Jira {Method} {Path} could not be completed ({Reason})")]
    public static partial void Unreachable(ILogger logger, string method, string path, string reason);
}
