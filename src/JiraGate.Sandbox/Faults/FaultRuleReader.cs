using System.Globalization;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Http;

namespace JiraGate.Sandbox.Faults;

/// <summary>
/// Reads a fault rule from JSON — the body of POST /_sandbox/faults and the value of <c>--fault</c>:
/// <c>{"kind":"status","statusCode":503,"probability":0.2,"method":"POST","pathPrefix":"/rest/api/3/issue","count":3,"latencyMs":200,"retryAfterSeconds":2}</c>.
/// </summary>
internal static class FaultRuleReader
{
    public static bool TryRead(JsonObject json, out FaultRule rule, out string error)
    {
        rule = new FaultRule();
        error = "";
        var kindText = RequestReading.String(json["kind"]) ?? "";
        if (!Enum.TryParse<FaultKind>(kindText, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || kindText.All(char.IsAsciiDigit))
        {
            error = "kind must be one of: " + string.Join(", ", Enum.GetNames<FaultKind>()) + ".";
            return false;
        }
        rule = new FaultRule
        {
            Kind = kind,
            Method = RequestReading.String(json["method"]),
            PathPrefix = RequestReading.String(json["pathPrefix"]),
            Probability = Number(json["probability"]) ?? 1.0,
            Count = Number(json["count"]) is { } c ? (int)c : null,
            StatusCode = Number(json["statusCode"]) is { } s ? (int)s : 503,
            Latency = TimeSpan.FromMilliseconds(Number(json["latencyMs"]) ?? 200),
            RetryAfterSeconds = Number(json["retryAfterSeconds"]) is { } r ? (int)r : null,
        };
        if (rule.StatusCode is < 400 or > 599)
        {
            error = "statusCode must be between 400 and 599.";
            return false;
        }
        if (rule.Probability is < 0 or > 1)
        {
            error = "probability must be between 0 and 1.";
            return false;
        }
        if (rule.Count is < 1)
        {
            error = "count must be at least 1.";
            return false;
        }
        return true;
    }

    public static double? Number(JsonNode? node) =>
        node is JsonValue v && (v.TryGetValue<double>(out var d) || (v.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out d)))
            ? d
            : null;
}
