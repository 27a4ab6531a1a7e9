using JiraGate.Sandbox.Api.Webhooks;

namespace JiraGate.Sandbox.Api;

/// <summary>
/// Routes of the Webhook family: admin webhooks (/rest/webhooks/1.0/webhook, Cloud and Data Center, mapped once) and
/// dynamic app webhooks ({prefix}/webhook, Cloud only, per REST version). Delivery is in <see cref="Sandbox.Webhooks.WebhookDispatcher"/>.
/// </summary>
internal static class WebhookEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        ArgumentNullException.ThrowIfNull(api);
        // Called once per REST version; version 2 is served by both flavours, so the admin routes go in exactly once.
        if (api.Version == 2)
        {
            AdminWebhookEndpoints.Map(app);
        }
        if (api.IsCloud && api.Version != 0)
        {
            DynamicWebhookEndpoints.Map(app, api);
        }
    }
}
