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
        if (!FaultRuleReader.TryRead(body.Value!, out var rule, out var error))
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, error);
        }
        faults.Add(rule);
        return JiraResults.Json(new JsonObject { ["kind"] = rule.Kind.ToString() }, StatusCodes.Status201Created);
    }

    private static async Task<IResult> SetRateLimitAsync(HttpContext http, FaultState faults)
    {
        var body = await RequestReading.ReadJsonObjectAsync(http);
        if (!body.IsOk)
        {
            return body.Error!;
        }
        var json = body.Value!;
        var permits = FaultRuleReader.Number(json["permitLimit"]);
        var window = FaultRuleReader.Number(json["windowSeconds"]) ?? 1;
        if (permits is null or < 1 || window <= 0)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, "permitLimit (at least 1) is required, and windowSeconds must be positive.");
        }
        faults.RateLimit = new RateLimitOptions
        {
            PermitLimit = (int)permits,
            Window = TimeSpan.FromSeconds(window),
            RetryAfterSeconds = FaultRuleReader.Number(json["retryAfterSeconds"]) is { } r ? (int)r : 1,
        };
        return JiraResults.NoContent();
    }
}
