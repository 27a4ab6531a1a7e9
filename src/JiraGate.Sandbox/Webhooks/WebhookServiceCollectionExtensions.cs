namespace JiraGate.Sandbox.Webhooks;

/// <summary>DI registration of webhook delivery.</summary>
internal static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="WebhookDispatcher"/> as a singleton and a hosted service: it attaches to the site when
    /// the app starts and stops (cancelling pending retries) when the app stops. Needs Site, SandboxOptions,
    /// IHttpClientFactory and logging in the container.
    /// </summary>
    public static IServiceCollection AddWebhookDelivery(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        return services;
    }
}
