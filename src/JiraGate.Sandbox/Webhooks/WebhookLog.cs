using JiraGate.Sandbox.Jql;

namespace JiraGate.Sandbox.Webhooks;

/// <summary>Log messages of the webhook engine (stable event ids; payloads and secrets are never logged).</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "Webhook delivery {Identifier} ({Event}) to {Url}: attempt {Attempt} answered {StatusCode}")]
    public static partial void Attempted(ILogger logger, string identifier, string @event, Uri url, int attempt, int statusCode);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Webhook delivery {Identifier} ({Event}) to {Url}: attempt {Attempt} failed to connect")]
    public static partial void ConnectionFailed(ILogger logger, Exception exception, string identifier, string @event, Uri url, int attempt);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Webhook delivery {Identifier} ({Event}) to {Url} failed after {Attempts} attempt(s)")]
    public static partial void GaveUp(ILogger logger, string identifier, string @event, Uri url, int attempts);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Webhook queue full: delivery {Identifier} ({Event}) to {Url} dropped")]
    public static partial void Dropped(ILogger logger, string identifier, string @event, Uri url);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Webhook {WebhookId}: its JQL filter no longer compiles and matches nothing: {Reason}")]
    public static partial void BadFilter(ILogger logger, long webhookId, string reason);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Error, Message = "Webhook delivery {Identifier} faulted")]
    public static partial void Faulted(ILogger logger, Exception exception, string identifier);

    public static void BadFilter(ILogger logger, long webhookId, JqlException exception) =>
        BadFilter(logger, webhookId, exception.Message);
}
