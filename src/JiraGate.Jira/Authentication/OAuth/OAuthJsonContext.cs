using System.Text.Json.Serialization;

namespace JiraGate.Jira.Authentication.OAuth;

/// <summary>Source-generated JSON for the OAuth endpoints (no reflection, AOT-safe).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(OAuthErrorResponse))]
[JsonSerializable(typeof(List<JiraAccessibleResource>))]
internal sealed partial class OAuthJsonContext : JsonSerializerContext;

/// <summary>POST /oauth/token body; Atlassian takes JSON. Secret-bearing, so never logged.</summary>
internal sealed class TokenRequest
{
    [JsonPropertyName("grant_type")]
    public required string GrantType { get; init; }

    [JsonPropertyName("client_id")]
    public required string ClientId { get; init; }

    [JsonPropertyName("client_secret")]
    public required string ClientSecret { get; init; }

    [JsonPropertyName("code")]
    public string? Code { get; init; }

    [JsonPropertyName("redirect_uri")]
    public string? RedirectUri { get; init; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; init; }

    public override string ToString() => "token request (" + GrantType + ")";
}

internal sealed class TokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; init; }

    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; init; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }

    [JsonPropertyName("scope")]
    public string? Scope { get; init; }

    public override string ToString() => "token response";
}

/// <summary>RFC 6749 §5.2 error body: {"error":"invalid_grant","error_description":"…"}.</summary>
internal sealed class OAuthErrorResponse
{
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; init; }
}
