namespace JiraGate.Sandbox.Api;

/// <summary>Routes of the Webhook family (filled in by its owner).</summary>
internal static class WebhookEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiVersionContext api)
    {
        _ = app;
        _ = api;
    }
}
