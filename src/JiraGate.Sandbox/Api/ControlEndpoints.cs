using System.Globalization;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Faults;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Api;

/// <summary>
/// The /_sandbox control API (only when enabled): fault rules, the rate limit, state saving, site info.
/// It exists for tests and demos; it is never part of Jira's surface.
/// </summary>
internal static class ControlEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        _ = api;
        var control = app.MapGroup("/_sandbox");
        control.MapGet("/info", (HttpContext http, Site site) => JiraResults.Json(w =>
        {
            var (issues, cloudId) = site.Read(s => (s.Data.Issues.Count, s.Data.CloudId));
            w.WriteStartObject();
            w.WriteString("flavor", site.Flavor == SandboxFlavor.Cloud ? "cloud" : "datacenter");
            w.WriteString("baseUrl", Rendering.RenderContext.BaseUrlOf(http.Request));
            w.WriteString("cloudId", cloudId);
            w.WriteNumber("issues", issues);
            w.WriteEndObject();
        }));
        control.MapGet("/faults", (FaultState faults) => JiraResults.Json(w =>
        {
            w.WriteStartArray();
            foreach (var rule in faults.Rules)
            {
                w.WriteStartObject();
                w.WriteString("kind", rule.Kind.ToString());
                w.WriteString("method", rule.Method);
                w.WriteString("pathPrefix", rule.PathPrefix);
                w.WriteNumber("probability", rule.Probability);
                if (rule.Count is { } count)
                {
                    w.WriteNumber("count", count);
                }
                w.WriteNumber("statusCode", rule.StatusCode);
                w.WriteNumber("latencyMs", rule.Latency.TotalMilliseconds);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }));
        control.MapPost("/faults", AddFaultAsync);
        control.MapDelete("/faults", (FaultState faults) =>
        {
            faults.Clear();
            return JiraResults.NoContent();
        });
        control.MapPut("/rate-limit", SetRateLimitAsync);
        control.MapDelete("/rate-limit", (FaultState faults) =>
        {
            faults.RateLimit = null;
            return JiraResults.NoContent();
        });
        control.MapPost("/state/save", (Site site, SandboxOptions options) =>
        {
            if (options.StateFile is null)
            {
                return JiraResults.Error(StatusCodes.Status400BadRequest, "No state file is configured: start the sandbox with --state FILE.");
            }
            SiteStateFile.Save(site, options.StateFile);
            return JiraResults.NoContent();
        });
    }

    private static async Task<IResult> AddFaultAsync(HttpContext http, FaultState faults)
    {
        var body = await RequestReading.ReadJsonObjectAsync(http);
        if (!body.IsOk)
        {
            return body.Error!;
        }
        var json = body.Value!;
        var kindText = RequestReading.String(json["kind"]) ?? "";
        if (!Enum.TryParse<FaultKind>(kindText, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            return JiraResults.FieldErrors(StatusCodes.Status400BadRequest, new Dictionary<string, string>
            {
                ["kind"] = "kind must be one of: " + string.Join(", ", Enum.GetNames<FaultKind>()) + ".",
            });
        }
        var rule = new FaultRule
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
            return JiraResults.FieldErrors(StatusCodes.Status400BadRequest, new Dictionary<string, string> { ["statusCode"] = "statusCode must be between 400 and 599." });
        }
        try
        {
            faults.Add(rule);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, ex.Message.Split(" (Parameter", 2)[0]);
        }
        return JiraResults.Json(new JsonObject { ["kind"] = kind.ToString() }, StatusCodes.Status201Created);
    }

    private static async Task<IResult> SetRateLimitAsync(HttpContext http, FaultState faults)
    {
        var body = await RequestReading.ReadJsonObjectAsync(http);
        if (!body.IsOk)
        {
            return body.Error!;
        }
        var json = body.Value!;
        var permits = Number(json["permitLimit"]);
        var window = Number(json["windowSeconds"]) ?? 1;
        if (permits is null or < 1 || window <= 0)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, "permitLimit (at least 1) is required, and windowSeconds must be positive.");
        }
        faults.RateLimit = new RateLimitOptions
        {
            PermitLimit = (int)permits,
            Window = TimeSpan.FromSeconds(window),
            RetryAfterSeconds = Number(json["retryAfterSeconds"]) is { } r ? (int)r : 1,
        };
        return JiraResults.NoContent();
    }

    private static double? Number(JsonNode? node) =>
        node is JsonValue v && (v.TryGetValue<double>(out var d) || (v.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out d)))
            ? d
            : null;
}
