using System.Text.Json;
using JiraGate.Governance.Pipeline;
using JiraGate.Jira;
using JiraGate.Jira.Models;

namespace JiraGate.Governance.Execution;

/// <summary>
/// Webhooks, through the API the connection can use (<see cref="WebhooksClient.Mode"/>): admin webhooks for API-token,
/// PAT and password connections, dynamic webhooks for OAuth apps (Cloud; these need a <c>jql_filter</c> and expire
/// after 30 days). A webhook is <c>{id, mode, url, events, jql, name?, enabled?, expires?}</c>. Results:
/// <c>webhooks:read</c> → <c>{items, start_at, is_last, next_start_at?}</c>; <c>webhooks:create</c> → the webhook, or
/// for a dynamic registration Jira refused <c>{mode, url, created: false, errors}</c>; <c>webhooks:delete</c> →
/// <c>{id, deleted: true}</c>. URLs naming a loopback, private or link-local address, or carrying credentials, are
/// refused (a Data Center server inside the network would call them). Webhooks see every project, so none of these
/// runs under a restricted scope.
/// </summary>
internal static class WebhookOperations
{
    public static void Register(IDictionary<string, OperationHandler> handlers)
    {
        handlers["webhooks:read"] = ReadAsync;
        handlers["webhooks:create"] = CreateAsync;
        handlers["webhooks:delete"] = DeleteAsync;
    }

    private static async Task<OperationOutput> ReadAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        ScopeGuard.RefuseOpaque(run.Scope, "webhooks:read");
        var startAt = Args.StartAt(args);
        var max = Args.PageSize(args);
        if (run.Jira.Webhooks.Mode == WebhookMode.Admin)
        {
            // One unpaged list: the window is cut here.
            var all = await run.Jira.Webhooks.ListAdminWebhooksAsync(ct).ConfigureAwait(false);
            var window = all.Skip(startAt).Take(max + 1).ToList();
            return Lists.Window(run, window, 0, startAt, max, WriteAdmin);
        }
        var page = await run.Jira.Webhooks.ListDynamicWebhooksPageAsync(new DynamicWebhookListOptions { StartAt = startAt, PageSize = max }, ct)
            .ConfigureAwait(false);
        return Lists.OffsetPage(run, page, startAt, max, WriteDynamic);
    }

    private static async Task<OperationOutput> CreateAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        ScopeGuard.RefuseOpaque(run.Scope, "webhooks:create");
        var url = Args.Required(args, "url");
        CheckUrl(url);
        var events = Args.Strings(args, "events") ?? [];
        var jql = Args.String(args, "jql_filter");
        if (run.Jira.Webhooks.Mode == WebhookMode.Admin)
        {
            var created = await run.Jira.Webhooks.CreateAdminWebhookAsync(
                new AdminWebhookDefinition { Name = run.Options.WebhookName, Url = url, Events = events, Jql = jql }, ct).ConfigureAwait(false);
            using var result = run.NewResult();
            WriteAdmin(result.W, created);
            return result.Finish(null);
        }
        if (jql is null)
        {
            throw new OperationArgumentException("jql_filter",
                "jql_filter: this connection is an OAuth app, whose (dynamic) webhooks need a JQL filter such as project = SEC.");
        }
        var registration = new DynamicWebhookRegistration { Url = url, Webhooks = [new DynamicWebhookDetails { Events = events, JqlFilter = jql }] };
        var outcome = await run.Jira.Webhooks.RegisterDynamicWebhooksAsync(registration, ct).ConfigureAwait(false);
        var entry = outcome.Entries.FirstOrDefault();
        return run.Result(null, r =>
        {
            var w = r.W;
            if (entry?.CreatedWebhookId is { } id)
            {
                w.WriteNumber("id", id);
            }
            w.WriteString("mode", "dynamic");
            w.WriteString("url", url);
            Json.Strings(w, "events", events);
            w.WriteString("jql", jql);
            w.WriteBoolean("created", entry?.Succeeded == true);
            if (entry?.Succeeded != true)
            {
                Json.Strings(w, "errors", entry?.Errors ?? ["Jira created no webhook."]);
            }
        });
    }

    private static async Task<OperationOutput> DeleteAsync(OperationRun run, JsonElement args, CancellationToken ct)
    {
        ScopeGuard.RefuseOpaque(run.Scope, "webhooks:delete");
        var text = Args.Required(args, "webhook_id");
        var id = Args.Id(args, "webhook_id");
        if (run.Jira.Webhooks.Mode == WebhookMode.Admin)
        {
            await run.Jira.Webhooks.DeleteAdminWebhookAsync(id, ct).ConfigureAwait(false);
        }
        else
        {
            await run.Jira.Webhooks.DeleteDynamicWebhooksAsync([id], ct).ConfigureAwait(false);
        }
        return run.Result(null, r =>
        {
            r.W.WriteString("id", text);
            r.W.WriteBoolean("deleted", true);
        });
    }

    /// <exception cref="OperationArgumentException">The URL is not an https URL to a public host (<see cref="CallbackUrls"/>).</exception>
    internal static void CheckUrl(string url)
    {
        if (CallbackUrls.Problem(url) is { } problem)
        {
            throw new OperationArgumentException("url", "url: a webhook URL " + problem + ".");
        }
    }

    private static void WriteAdmin(Utf8JsonWriter w, AdminWebhook h)
    {
        w.WriteStartObject();
        if (h.Id is { } id)
        {
            w.WriteNumber("id", id);
        }
        else
        {
            w.WriteNull("id");
        }
        w.WriteString("mode", "admin");
        w.WriteString("name", h.Name);
        w.WriteString("url", h.Url);
        Json.Strings(w, "events", h.Events);
        w.WriteString("jql", h.Filters?.IssueRelatedEventsSection);
        w.WriteBoolean("enabled", h.Enabled);
        w.WriteEndObject();
    }

    private static void WriteDynamic(Utf8JsonWriter w, DynamicWebhook h)
    {
        w.WriteStartObject();
        w.WriteNumber("id", h.Id);
        w.WriteString("mode", "dynamic");
        w.WriteString("url", h.Url);
        Json.Strings(w, "events", h.Events);
        w.WriteString("jql", h.JqlFilter);
        Json.Date(w, "expires", h.ExpirationDate);
        w.WriteEndObject();
    }
}
