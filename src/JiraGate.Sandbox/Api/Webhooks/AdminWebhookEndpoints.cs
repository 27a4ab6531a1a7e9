using System.Globalization;
using System.Text.Json;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Rendering;
using JiraGate.Sandbox.Security;

namespace JiraGate.Sandbox.Api.Webhooks;

/// <summary>
/// Admin webhooks (System › WebHooks) at /rest/webhooks/1.0/webhook, on Cloud and Data Center: Jira administrators
/// only; a plain array, no paging; no expiry.
/// </summary>
internal static class AdminWebhookEndpoints
{
    public const string Path = "/rest/webhooks/1.0/webhook";

    public const string NotAdminMessage = "You are not authorized to perform this action. Administrator privileges are required.";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Path, List);
        app.MapPost(Path, CreateAsync);
        app.MapGet(Path + "/{id}", Get);
        app.MapPut(Path + "/{id}", UpdateAsync);
        app.MapDelete(Path + "/{id}", Delete);
    }

    private static IResult List(HttpContext http, Site site) => site.Read(s =>
    {
        if (Forbidden(http, s) is { } denied)
        {
            return denied;
        }
        var hooks = s.Data.AdminWebhooks.OrderBy(h => h.Id).ToList();
        var baseUrl = RenderContext.BaseUrlOf(http.Request);
        return JiraResults.Json(w =>
        {
            w.WriteStartArray();
            foreach (var hook in hooks)
            {
                Write(w, s, baseUrl, hook);
            }
            w.WriteEndArray();
        });
    });

    private static IResult Get(HttpContext http, Site site, string id) => site.Read(s =>
    {
        if (Forbidden(http, s) is { } denied)
        {
            return denied;
        }
        return Find(s, id) is { } hook
            ? JiraResults.Json(w => Write(w, s, RenderContext.BaseUrlOf(http.Request), hook))
            : NotFound(id);
    });

    private static async Task<IResult> CreateAsync(HttpContext http, Site site)
    {
        if (site.Read(s => Forbidden(http, s)) is { } denied)
        {
            return denied;
        }
        var body = await RequestReading.ReadJsonObjectAsync(http);
        if (!body.IsOk)
        {
            return body.Error!;
        }
        var request = AdminWebhookRequest.Read(body.Value!);
        if (!request.IsOk)
        {
            return request.Error!;
        }
        var caller = http.Caller();
        var baseUrl = RenderContext.BaseUrlOf(http.Request);
        return site.Write(s =>
        {
            if (request.Value!.ValidateJql(s, caller.User) is { } invalid)
            {
                return invalid;
            }
            var hook = new AdminWebhook
            {
                Id = s.NextId("adminWebhook", 1),
                Name = "",
                Url = "",
                LastUpdated = s.Now,
                LastUpdatedUser = caller.User!.AccountId,
            };
            Apply(hook, request.Value!, s, caller.User);
            s.Data.AdminWebhooks.Add(hook);
            http.Response.Headers.Location = SelfOf(baseUrl, hook);
            return JiraResults.Json(w => Write(w, s, baseUrl, hook), StatusCodes.Status201Created);
        });
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, Site site, string id)
    {
        var exists = site.Read(s => Forbidden(http, s) ?? (Find(s, id) is null ? NotFound(id) : null));
        if (exists is not null)
        {
            return exists;
        }
        var body = await RequestReading.ReadJsonObjectAsync(http);
        if (!body.IsOk)
        {
            return body.Error!;
        }
        var request = AdminWebhookRequest.Read(body.Value!);
        if (!request.IsOk)
        {
            return request.Error!;
        }
        var caller = http.Caller();
        var baseUrl = RenderContext.BaseUrlOf(http.Request);
        return site.Write(s =>
        {
            if (Find(s, id) is not { } hook)
            {
                return NotFound(id);
            }
            if (request.Value!.ValidateJql(s, caller.User) is { } invalid)
            {
                return invalid;
            }
            Apply(hook, request.Value!, s, caller.User!);
            return JiraResults.Json(w => Write(w, s, baseUrl, hook));
        });
    }

    private static IResult Delete(HttpContext http, Site site, string id) => site.Write(s =>
    {
        if (Forbidden(http, s) is { } denied)
        {
            return denied;
        }
        if (Find(s, id) is not { } hook)
        {
            return NotFound(id);
        }
        s.Data.AdminWebhooks.Remove(hook);
        return JiraResults.NoContent();
    });

    private static void Apply(AdminWebhook hook, AdminWebhookRequest request, Site site, User user)
    {
        hook.Name = request.Name;
        hook.Url = request.Url;
        hook.Events = request.Events;
        hook.JqlFilter = request.JqlFilter;
        hook.ExcludeBody = request.ExcludeBody;
        hook.Enabled = request.Enabled;
        hook.Secret = request.Secret;
        hook.LastUpdated = site.Now;
        hook.LastUpdatedUser = user.AccountId;
    }

    /// <summary>Only Jira administrators (ADMINISTER, or SYSTEM_ADMIN which implies it) manage admin webhooks.</summary>
    private static IResult? Forbidden(HttpContext http, Site site) =>
        PermissionService.IsAdmin(site, http.Caller().User)
            ? null
            : JiraResults.Error(StatusCodes.Status403Forbidden, NotAdminMessage);

    private static AdminWebhook? Find(Site site, string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? site.Data.AdminWebhooks.FirstOrDefault(h => h.Id == n)
            : null;

    private static IResult NotFound(string id) =>
        JiraResults.Error(StatusCodes.Status404NotFound, $"Webhook with id '{id}' does not exist.");

    private static string SelfOf(string baseUrl, AdminWebhook hook) =>
        baseUrl + Path + "/" + hook.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The webhooks plugin's bean: as recorded from Jira (fixture jira-ruby/dc-admin-webhook-get.json). The secret is never echoed.</summary>
    public static void Write(Utf8JsonWriter w, Site site, string baseUrl, AdminWebhook hook)
    {
        var user = site.UserByAccountId(hook.LastUpdatedUser);
        w.WriteStartObject();
        w.WriteString("name", hook.Name);
        w.WriteString("url", hook.Url);
        w.WriteBoolean("excludeBody", hook.ExcludeBody);
        w.WriteStartObject("filters");
        w.WriteString(AdminWebhookRequest.IssueSection, hook.JqlFilter ?? "");
        w.WriteEndObject();
        w.WriteStartArray("events");
        foreach (var e in hook.Events)
        {
            w.WriteStringValue(e);
        }
        w.WriteEndArray();
        w.WriteBoolean("enabled", hook.Enabled);
        w.WriteString("self", SelfOf(baseUrl, hook));
        // Data Center names users by username; Cloud by accountId.
        w.WriteString("lastUpdatedUser", user is null ? hook.LastUpdatedUser
            : site.Flavor == SandboxFlavor.DataCenter ? user.Name : user.AccountId);
        w.WriteString("lastUpdatedDisplayName", user?.DisplayName ?? hook.LastUpdatedUser);
        w.WriteNumber("lastUpdated", hook.LastUpdated.ToUnixTimeMilliseconds());
        w.WriteEndObject();
    }
}
