using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;
using JiraGate.Sandbox.Webhooks;

namespace JiraGate.Sandbox.Api.Webhooks;

/// <summary>
/// Dynamic webhooks of Connect and OAuth 2.0 apps at {prefix}/webhook (Cloud only): each app sees and changes only
/// its own; they expire 30 days after registration or refresh, and expired ones are neither listed nor delivered.
/// </summary>
internal static class DynamicWebhookEndpoints
{
    /// <summary>The spec's permission text for all four operations (403 "Returned if the caller isn't an app").</summary>
    public const string NotAppMessage = "Only Connect and OAuth 2.0 apps can use this operation.";

    /// <summary>GET /webhook/failed is for Connect apps only, and the sandbox hosts no Connect apps.</summary>
    public const string NotConnectAppMessage = "Only Connect apps can use this operation.";

    public const int DefaultMaxResults = 100;

    private static readonly HashSet<string> RegistrationFields = new(StringComparer.Ordinal) { "url", "webhooks" };
    private static readonly HashSet<string> DetailFields = new(StringComparer.Ordinal)
    {
        "events", "jqlFilter", "fieldIdsFilter", "issuePropertyKeysFilter",
    };
    private static readonly HashSet<string> IdFields = new(StringComparer.Ordinal) { "webhookIds" };

    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        var path = api.Prefix + "/webhook";
        app.MapGet(path, List);
        app.MapPost(path, RegisterAsync);
        app.MapDelete(path, DeleteAsync);
        app.MapPut(path + "/refresh", RefreshAsync);
        app.MapGet(path + "/failed", () => JiraResults.Error(StatusCodes.Status403Forbidden, NotConnectAppMessage));
    }

    private static IResult List(HttpContext http, Site site)
    {
        if (AppOf(http) is not { } app)
        {
            return NotAnApp();
        }
        var startAt = RequestReading.QueryInt(http.Request, "startAt", 0);
        if (!startAt.IsOk)
        {
            return startAt.Error!;
        }
        var maxResults = RequestReading.QueryInt(http.Request, "maxResults", DefaultMaxResults, 0, DefaultMaxResults);
        if (!maxResults.IsOk)
        {
            return maxResults.Error!;
        }
        var self = RenderContext.BaseUrlOf(http.Request) + http.Request.Path;
        return site.Read(s => JiraResults.Json(w =>
        {
            var page = Live(s, app).OrderBy(h => h.Id).ToList();
            var slice = page.Skip(startAt.Value).Take(maxResults.Value).ToList();
            var isLast = startAt.Value + slice.Count >= page.Count;
            w.WriteStartObject();
            w.WriteString("self", self + Query(startAt.Value, maxResults.Value));
            if (!isLast)
            {
                w.WriteString("nextPage", self + Query(startAt.Value + slice.Count, maxResults.Value));
            }
            w.WriteNumber("maxResults", maxResults.Value);
            w.WriteNumber("startAt", startAt.Value);
            w.WriteNumber("total", page.Count);
            w.WriteBoolean("isLast", isLast);
            w.WriteStartArray("values");
            foreach (var hook in slice)
            {
                Write(w, hook);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));

        static string Query(int startAt, int maxResults) =>
            string.Create(CultureInfo.InvariantCulture, $"?startAt={startAt}&maxResults={maxResults}");
    }

    private static async Task<IResult> RegisterAsync(HttpContext http, Site site)
    {
        if (AppOf(http) is not { } app)
        {
            return NotAnApp();
        }
        var body = await RequestReading.ReadJsonObjectAsync(http);
        if (!body.IsOk)
        {
            return body.Error!;
        }
        var root = body.Value!;
        if (WebhookJson.RejectUnknown(root, RegistrationFields) is { } unknown)
        {
            return unknown;
        }
        if (!WebhookJson.TryString(root["url"], out var url) || string.IsNullOrWhiteSpace(url))
        {
            return JiraResults.FieldErrors(StatusCodes.Status400BadRequest,
                new Dictionary<string, string> { ["url"] = "The webhook URL must not be empty." });
        }
        if (!WebhookMatcher.TryHttpUri(url, out _))
        {
            return JiraResults.FieldErrors(StatusCodes.Status400BadRequest,
                new Dictionary<string, string> { ["url"] = $"The webhook URL '{url}' is not valid: it must be an absolute http or https URL." });
        }
        if (root["webhooks"] is not JsonArray webhooks || webhooks.Count == 0)
        {
            return JiraResults.FieldErrors(StatusCodes.Status400BadRequest,
                new Dictionary<string, string> { ["webhooks"] = "The list of webhooks must not be empty." });
        }
        var results = site.Write(s =>
        {
            var expiry = s.Now + WebhookMatcher.DynamicLifetime;
            var outcome = new List<(long? Id, IReadOnlyList<string> Errors)>();
            foreach (var element in webhooks)
            {
                var details = ReadDetails(s, element);
                if (details.Errors.Count > 0)
                {
                    outcome.Add((null, details.Errors));
                    continue;
                }
                var hook = new DynamicWebhook
                {
                    Id = s.NextId("dynamicWebhook", 10000),
                    Url = url,
                    AppClientId = app,
                    Events = details.Events,
                    JqlFilter = details.Jql!,
                    FieldIdsFilter = details.FieldIds,
                    IssuePropertyKeysFilter = details.PropertyKeys,
                    ExpirationDate = expiry,
                };
                s.Data.DynamicWebhooks.Add(hook);
                outcome.Add((hook.Id, []));
            }
            return outcome;
        });
        // Partial success is still a 200: each element says whether it was created.
        return JiraResults.Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("webhookRegistrationResult");
            foreach (var (id, errors) in results)
            {
                w.WriteStartObject();
                if (id is { } created)
                {
                    w.WriteNumber("createdWebhookId", created);
                }
                else
                {
                    w.WriteStartArray("errors");
                    errors.ToList().ForEach(w.WriteStringValue);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private sealed record Details(List<string> Events, string? Jql, List<string> FieldIds, List<string> PropertyKeys, IReadOnlyList<string> Errors);

    private static Details ReadDetails(Site site, JsonNode? element)
    {
        if (element is not JsonObject o)
        {
            return new Details([], null, [], [], ["The webhook details must be a JSON object."]);
        }
        var errors = new List<string>();
        var unknown = o.Select(p => p.Key).Where(k => !DetailFields.Contains(k)).ToList();
        errors.AddRange(unknown.Select(k => $"Unrecognized field \"{k}\", not marked as ignorable"));
        if (!WebhookJson.TryStringList(o["events"], out var events))
        {
            errors.Add("The events must be an array of strings.");
        }
        else if (events is null || events.Count == 0)
        {
            errors.Add("The list of events must not be empty.");
        }
        else
        {
            errors.AddRange(events.Where(e => !WebhookEventNames.Dynamic.Contains(e)).Select(e => $"The event {e} is unsupported"));
        }
        if (!WebhookJson.TryStringList(o["fieldIdsFilter"], out var fieldIds))
        {
            errors.Add("The fieldIdsFilter must be an array of strings.");
        }
        if (!WebhookJson.TryStringList(o["issuePropertyKeysFilter"], out var propertyKeys))
        {
            errors.Add("The issuePropertyKeysFilter must be an array of strings.");
        }
        if (!WebhookJson.TryString(o["jqlFilter"], out var jql))
        {
            errors.Add("The jqlFilter must be a string.");
        }
        else
        {
            errors.AddRange(DynamicWebhookJql.Validate(site, jql));
        }
        return new Details([.. (events ?? []).Distinct(StringComparer.Ordinal)], jql?.Trim(), fieldIds ?? [], propertyKeys ?? [], errors);
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, Site site)
    {
        if (AppOf(http) is not { } app)
        {
            return NotAnApp();
        }
        var ids = await ReadIdsAsync(http);
        if (!ids.IsOk)
        {
            return ids.Error!;
        }
        site.Write(s => s.Data.DynamicWebhooks.RemoveAll(h => h.AppClientId == app && ids.Value!.Contains(h.Id)));
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> RefreshAsync(HttpContext http, Site site)
    {
        if (AppOf(http) is not { } app)
        {
            return NotAnApp();
        }
        var ids = await ReadIdsAsync(http);
        if (!ids.IsOk)
        {
            return ids.Error!;
        }
        var expiry = site.Write(s =>
        {
            var until = s.Now + WebhookMatcher.DynamicLifetime;
            // Unknown, foreign and already expired ids are ignored (expired ones are gone, as far as the app can tell).
            foreach (var hook in Live(s, app).Where(h => ids.Value!.Contains(h.Id)))
            {
                hook.ExpirationDate = until;
            }
            return until;
        });
        return JiraResults.Json(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("expirationDate", expiry.ToUnixTimeMilliseconds());
            w.WriteEndObject();
        });
    }

    private static async Task<Parsed<HashSet<long>>> ReadIdsAsync(HttpContext http)
    {
        var body = await RequestReading.ReadJsonObjectAsync(http);
        if (!body.IsOk)
        {
            return Parsed<HashSet<long>>.Fail(body.Error!);
        }
        if (WebhookJson.RejectUnknown(body.Value!, IdFields) is { } unknown)
        {
            return Parsed<HashSet<long>>.Fail(unknown);
        }
        var ids = WebhookJson.LongList(body.Value!["webhookIds"]);
        return ids is null || ids.Count == 0
            ? Parsed<HashSet<long>>.Fail(JiraResults.FieldErrors(StatusCodes.Status400BadRequest,
                new Dictionary<string, string> { ["webhookIds"] = "The list of webhook IDs is missing." }))
            : Parsed<HashSet<long>>.Ok([.. ids]);
    }

    /// <summary>The calling app's client id; null when the caller is a user (API token, password, PAT).</summary>
    private static string? AppOf(HttpContext http)
    {
        var caller = http.Caller();
        return caller.IsApp ? caller.OAuthClientId ?? "" : null;
    }

    private static IResult NotAnApp() => JiraResults.Error(StatusCodes.Status403Forbidden, NotAppMessage);

    private static IEnumerable<DynamicWebhook> Live(Site site, string app) =>
        site.Data.DynamicWebhooks.Where(h => h.AppClientId == app && h.ExpirationDate > site.Now);

    /// <summary>The spec's <c>Webhook</c>: optional filters only when set; expirationDate in epoch milliseconds (int64).</summary>
    private static void Write(Utf8JsonWriter w, DynamicWebhook hook)
    {
        w.WriteStartObject();
        w.WriteNumber("id", hook.Id);
        w.WriteString("jqlFilter", hook.JqlFilter);
        WriteList(w, "fieldIdsFilter", hook.FieldIdsFilter, omitEmpty: true);
        WriteList(w, "issuePropertyKeysFilter", hook.IssuePropertyKeysFilter, omitEmpty: true);
        WriteList(w, "events", hook.Events, omitEmpty: false);
        w.WriteNumber("expirationDate", hook.ExpirationDate.ToUnixTimeMilliseconds());
        w.WriteString("url", hook.Url);
        w.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter w, string name, List<string> values, bool omitEmpty)
    {
        if (omitEmpty && values.Count == 0)
        {
            return;
        }
        w.WriteStartArray(name);
        values.ForEach(w.WriteStringValue);
        w.WriteEndArray();
    }
}
