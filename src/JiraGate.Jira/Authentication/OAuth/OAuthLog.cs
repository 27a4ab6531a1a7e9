using Microsoft.Extensions.Logging;

namespace JiraGate.Jira.Authentication.OAuth;

/// <summary>
/// OAuth log messages (EventIds 3100–3199). Tokens, codes and secrets are never arguments: only grant types,
/// statuses, OAuth error codes and expiry times.
/// </summary>
internal static partial class OAuthLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Debug, Message = "OAuth {GrantType} grant succeeded; access token expires {ExpiresAt:O}; refresh token: {HasRefreshToken}")]
    public static partial void TokenGranted(ILogger logger, string grantType, DateTimeOffset expiresAt, bool hasRefreshToken);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "OAuth {GrantType} grant refused: {StatusCode} {Error}")]
    public static partial void TokenRefused(ILogger logger, string grantType, int statusCode, string error);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "OAuth tokens rotated and saved; access token expires {ExpiresAt:O}")]
    public static partial void TokensRotated(ILogger logger, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Error, Message = "Saving rotated OAuth tokens failed ({ExceptionType}); the new tokens are kept in memory and the save is retried on the next request")]
    public static partial void SaveFailed(ILogger logger, string exceptionType);
}
