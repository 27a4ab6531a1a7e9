using System.Text.Json.Nodes;
using JiraGate.Sandbox.Jql;
using JiraGate.Sandbox.Model;

namespace JiraGate.Sandbox.Webhooks;

/// <summary>
/// Decides which webhooks a site event goes to and builds their deliveries. Runs under the site's write lock
/// (events are published there), so it only evaluates JQL and serialises JSON — never I/O.
/// </summary>
internal static class WebhookMatcher
{
    /// <summary>Dynamic webhooks live this long after registration or refresh.</summary>
    public static readonly TimeSpan DynamicLifetime = TimeSpan.FromDays(30);

    public static List<WebhookDelivery> Match(Site site, SiteEvent siteEvent, Func<string> newIdentifier, Action<long, JqlException>? onBadFilter = null)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(siteEvent);
        ArgumentNullException.ThrowIfNull(newIdentifier);
        var deliveries = new List<WebhookDelivery>();
        var now = site.Now;
        byte[]? fullBody = null;
        foreach (var hook in site.Data.AdminWebhooks)
        {
            if (!hook.Enabled || !hook.Events.Contains(siteEvent.WebhookEvent, StringComparer.Ordinal)
                || !FilterMatches(site, siteEvent, hook.JqlFilter, site.UserByAccountId(hook.LastUpdatedUser), hook.Id, onBadFilter)
                || ResolveUrl(hook.Url, siteEvent) is not { } url)
            {
                continue;
            }
            var body = hook.ExcludeBody ? [] : fullBody ??= System.Text.Encoding.UTF8.GetBytes(siteEvent.Payload.ToJsonString());
            deliveries.Add(new WebhookDelivery(newIdentifier(), WebhookKind.Admin, [hook.Id], siteEvent.WebhookEvent, url, body,
                string.IsNullOrEmpty(hook.Secret) ? null : hook.Secret, now));
        }

        // Jira sends an app one request per URL, naming every webhook of that app that matched.
        var dynamicMatches = site.Data.DynamicWebhooks
            .Where(h => h.ExpirationDate > now
                && h.Events.Contains(siteEvent.WebhookEvent, StringComparer.Ordinal)
                && ChangedFieldsMatch(h, siteEvent)
                && FilterMatches(site, siteEvent, h.JqlFilter, null, h.Id, onBadFilter))
            .GroupBy(h => (h.AppClientId, h.Url));
        foreach (var group in dynamicMatches)
        {
            if (!TryHttpUri(group.Key.Url, out var url))
            {
                continue;
            }
            var ids = group.Select(h => h.Id).Order().ToList();
            var payload = (JsonObject)siteEvent.Payload.DeepClone();
            payload["matchedWebhookIds"] = new JsonArray([.. ids.Select(id => (JsonNode)JsonValue.Create(id))]);
            deliveries.Add(new WebhookDelivery(newIdentifier(), WebhookKind.Dynamic, ids, siteEvent.WebhookEvent, url,
                System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString()), null, now));
        }
        return deliveries;
    }

    /// <summary>Whether a URL may receive deliveries: absolute http or https.</summary>
    public static bool TryHttpUri(string? text, out Uri uri)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(parsed.Host))
        {
            uri = parsed;
            return true;
        }
        uri = null!;
        return false;
    }

    /// <summary>The JQL filter applies to issue events only; an empty filter matches every issue.</summary>
    private static bool FilterMatches(Site site, SiteEvent siteEvent, string? jql, User? user, long webhookId, Action<long, JqlException>? onBadFilter)
    {
        if (siteEvent.Issue is null || string.IsNullOrWhiteSpace(jql))
        {
            return true;
        }
        try
        {
            // Webhooks are not bound by the registering user's Browse permission here (admin webhooks see everything).
            var compiled = JqlEngine.Compile(jql, new JqlContext(site, user, _ => true));
            return compiled.Matches(siteEvent.Issue);
        }
        catch (JqlException ex)
        {
            // The filter no longer resolves (e.g. its project was deleted): Jira stops matching it.
            onBadFilter?.Invoke(webhookId, ex);
            return false;
        }
    }

    /// <summary>fieldIdsFilter: a jira:issue_updated is sent only when its changelog touches one of the fields.</summary>
    private static bool ChangedFieldsMatch(DynamicWebhook hook, SiteEvent siteEvent)
    {
        if (hook.FieldIdsFilter.Count == 0 || siteEvent.WebhookEvent != "jira:issue_updated")
        {
            return true;
        }
        if (siteEvent.Payload["changelog"]?["items"] is not JsonArray items)
        {
            return false;
        }
        return items.Any(item => item is JsonObject o
            && (Contains(hook.FieldIdsFilter, o["fieldId"]) || Contains(hook.FieldIdsFilter, o["field"])));

        static bool Contains(List<string> filter, JsonNode? node) =>
            node is JsonValue v && v.TryGetValue<string>(out var s) && filter.Contains(s, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Admin webhook URLs may carry variables such as ${issue.key}, filled from the event.</summary>
    private static Uri? ResolveUrl(string template, SiteEvent siteEvent)
    {
        var text = template;
        if (text.Contains("${", StringComparison.Ordinal))
        {
            var payload = siteEvent.Payload;
            text = Replace(text, "issue.id", payload["issue"]?["id"]);
            text = Replace(text, "issue.key", payload["issue"]?["key"]);
            text = Replace(text, "project.id", payload["issue"]?["fields"]?["project"]?["id"]);
            text = Replace(text, "project.key", payload["issue"]?["fields"]?["project"]?["key"]);
            text = Replace(text, "sprint.id", payload["sprint"]?["id"]);
        }
        return TryHttpUri(text, out var uri) ? uri : null;

        static string Replace(string text, string variable, JsonNode? value)
        {
            var placeholder = "${" + variable + "}";
            if (!text.Contains(placeholder, StringComparison.Ordinal) || value is not JsonValue v)
            {
                return text;
            }
            var raw = v.TryGetValue<string>(out var s) ? s : v.ToJsonString();
            return text.Replace(placeholder, Uri.EscapeDataString(raw), StringComparison.Ordinal);
        }
    }
}
