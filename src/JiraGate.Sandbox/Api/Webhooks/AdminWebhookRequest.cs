using System.Text.Json.Nodes;
using JiraGate.Sandbox.Http;
using JiraGate.Sandbox.Jql;
using JiraGate.Sandbox.Model;
using JiraGate.Sandbox.Webhooks;

namespace JiraGate.Sandbox.Api.Webhooks;

/// <summary>A validated admin webhook body (POST and PUT /rest/webhooks/1.0/webhook).</summary>
internal sealed record AdminWebhookRequest(
    string Name, string Url, List<string> Events, string? JqlFilter, bool ExcludeBody, string? Secret, bool Enabled)
{
    /// <summary>The section of <c>filters</c> that holds the JQL for issue-related events.</summary>
    public const string IssueSection = "issue-related-events-section";

    // Read-only properties a client may echo back from a GET before a PUT; accepted and ignored.
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "name", "url", "events", "filters", "excludeBody", "secret", "enabled", "description",
        "self", "lastUpdatedUser", "lastUpdatedDisplayName", "lastUpdated",
    };

    public static Parsed<AdminWebhookRequest> Read(JsonObject body)
    {
        if (WebhookJson.RejectUnknown(body, Known) is { } unknown)
        {
            return Parsed<AdminWebhookRequest>.Fail(unknown);
        }
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!WebhookJson.TryString(body["name"], out var name))
        {
            return Fail(WebhookJson.TypeError("name", "a string"));
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            errors["name"] = "The webhook name must not be empty.";
        }
        if (!WebhookJson.TryString(body["url"], out var url))
        {
            return Fail(WebhookJson.TypeError("url", "a string"));
        }
        if (string.IsNullOrWhiteSpace(url))
        {
            errors["url"] = "The webhook URL must not be empty.";
        }
        else if (!WebhookMatcher.TryHttpUri(url.Replace("${", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), out _))
        {
            errors["url"] = $"The webhook URL '{url}' is not valid: it must be an absolute http or https URL.";
        }
        if (!WebhookJson.TryStringList(body["events"], out var events))
        {
            return Fail(WebhookJson.TypeError("events", "an array of strings"));
        }
        events ??= [];
        var unknownEvents = events.Where(e => !WebhookEventNames.Admin.Contains(e)).ToList();
        if (unknownEvents.Count > 0)
        {
            errors["events"] = "Unknown webhook event(s): " + string.Join(", ", unknownEvents) + ".";
        }
        string? jql = null;
        switch (body["filters"])
        {
            case null:
                break;
            case JsonObject filters:
                if (WebhookJson.RejectUnknown(filters, new HashSet<string>(StringComparer.Ordinal) { IssueSection }) is { } badSection)
                {
                    return Fail(badSection);
                }
                if (!WebhookJson.TryString(filters[IssueSection], out jql))
                {
                    return Fail(WebhookJson.TypeError("filters." + IssueSection, "a string"));
                }
                break;
            default:
                return Fail(WebhookJson.TypeError("filters", "an object"));
        }
        if (!WebhookJson.TryBool(body["excludeBody"], false, out var excludeBody))
        {
            return Fail(WebhookJson.TypeError("excludeBody", "true or false"));
        }
        if (!WebhookJson.TryBool(body["enabled"], true, out var enabled))
        {
            return Fail(WebhookJson.TypeError("enabled", "true or false"));
        }
        if (!WebhookJson.TryString(body["secret"], out var secret))
        {
            return Fail(WebhookJson.TypeError("secret", "a string"));
        }
        if (errors.Count > 0)
        {
            return Fail(JiraResults.FieldErrors(StatusCodes.Status400BadRequest, errors));
        }
        return Parsed<AdminWebhookRequest>.Ok(new AdminWebhookRequest(name!.Trim(), url!.Trim(), [.. events.Distinct(StringComparer.Ordinal)],
            string.IsNullOrWhiteSpace(jql) ? null : jql.Trim(), excludeBody, string.IsNullOrEmpty(secret) ? null : secret, enabled));

        static Parsed<AdminWebhookRequest> Fail(IResult error) => Parsed<AdminWebhookRequest>.Fail(error);
    }

    /// <summary>Checks the JQL filter against the site (call inside a site read); null when it is valid or empty.</summary>
    public IResult? ValidateJql(Site site, User? user)
    {
        if (JqlFilter is null)
        {
            return null;
        }
        try
        {
            JqlEngine.Compile(JqlFilter, JqlContext.For(site, user));
            return null;
        }
        catch (JqlException ex)
        {
            return JiraResults.Error(StatusCodes.Status400BadRequest, [.. ex.ErrorMessages]);
        }
    }
}
