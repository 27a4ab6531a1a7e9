using System.Text.Json.Serialization;

namespace JiraGate.Jira.Authentication.OAuth;

/// <summary>A site an access token may call, from <c>GET https://api.atlassian.com/oauth/token/accessible-resources</c>.</summary>
public sealed class JiraAccessibleResource
{
    /// <summary>The site's cloud id: API calls go to https://api.atlassian.com/ex/jira/{cloudId}/….</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The site's own URL, e.g. https://acme.atlassian.net.</summary>
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    /// <summary>The site's name, e.g. "acme".</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The scopes the token holds on this site.</summary>
    [JsonPropertyName("scopes")]
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>The site's avatar, if given.</summary>
    [JsonPropertyName("avatarUrl")]
    public string? AvatarUrl { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Url}, cloud id {Id})";
}
