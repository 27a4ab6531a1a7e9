using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraGate.Jira.Serialization;

/// <summary>
/// Epoch milliseconds (int64), as the webhook APIs write times (<c>expirationDate</c>, <c>lastUpdated</c>);
/// written back as the same number, so a round trip loses nothing.
/// </summary>
internal sealed class EpochMillisecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var ms))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }
        // Some proxies and older plugins quote the number.
        if (reader.TokenType == JsonTokenType.String
            && long.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var quoted))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(quoted);
        }
        throw new JsonException("Expected epoch milliseconds.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds());
    }
}

/// <summary>POST and PUT /rest/webhooks/1.0/webhook: the webhooks plugin's bean.</summary>
internal sealed class AdminWebhookBody
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("url")]
    public required string Url { get; init; }

    [JsonPropertyName("events")]
    public required IReadOnlyList<string> Events { get; init; }

    [JsonPropertyName("filters")]
    public required Dictionary<string, string> Filters { get; init; }

    [JsonPropertyName("excludeBody")]
    public bool ExcludeBody { get; init; }

    [JsonPropertyName("enabled")]
    public bool Enabled { get; init; }

    /// <summary>The HMAC key; sent, never echoed by Jira, never logged.</summary>
    [JsonPropertyName("secret")]
    public string? Secret { get; init; }

    public override string ToString() => "admin webhook " + Name;
}

/// <summary>DELETE /rest/api/3/webhook and PUT /rest/api/3/webhook/refresh: <c>{"webhookIds":[…]}</c>.</summary>
internal sealed class WebhookIdsBody
{
    [JsonPropertyName("webhookIds")]
    public required IReadOnlyList<long> WebhookIds { get; init; }
}

/// <summary>PUT /rest/api/3/webhook/refresh answer: <c>{"expirationDate": epochMillis}</c>.</summary>
internal sealed class WebhookRefreshResponse
{
    [JsonPropertyName("expirationDate")]
    [JsonConverter(typeof(EpochMillisecondsConverter))]
    public DateTimeOffset? ExpirationDate { get; set; }
}
