using JiraGate.Jira;
using JiraGate.Jira.Connection;
using JiraGate.Jira.Resilience;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="JiraClient"/> with its HttpClient, auth handler and resilience pipeline.</summary>
public static class JiraServiceCollectionExtensions
{
    /// <summary>
    /// Adds a singleton <see cref="JiraClient"/> sending through a named HttpClient from
    /// <see cref="IHttpClientFactory"/>: credentials added by a handler for their type, retries, timeouts
    /// and a per-site limiter from the resilience pipeline. Options are validated when the client is first
    /// resolved. Calling it again only adds another options configuration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the site, credentials and manners.</param>
    /// <returns>A builder to configure the HttpClient further.</returns>
    public static JiraClientBuilder AddJiraClient(this IServiceCollection services, Action<JiraClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<JiraClientOptions>().Configure(configure);
        var name = JiraConnection.DefaultHttpClientName;
        var http = services.AddHttpClient(name);
        if (services.Any(d => d.ServiceType == typeof(JiraClientMarker)))
        {
            return new JiraClientBuilder(services, http);
        }
        services.AddSingleton<JiraClientMarker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JiraClientOptions>, JiraClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<JiraSiteLimiters>();

        // The pipeline owns timeouts; HttpClient's own 100 s would cut retries short.
        http.ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders(_ => true);
        http.AddResilienceHandler("jira", static (pipeline, context) =>
        {
            var services = context.ServiceProvider;
            JiraResilience.Configure(pipeline,
                services.GetRequiredService<IOptions<JiraClientOptions>>().Value,
                services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<JiraSiteLimiters>(),
                services.GetRequiredService<ILoggerFactory>().CreateLogger("JiraGate.Jira.Resilience"));
        });
        // Inside the pipeline: every attempt gets fresh credentials and a fully read body.
        http.AddHttpMessageHandler(sp => AuthenticationHandlers.Create(
            sp.GetRequiredService<IOptions<JiraClientOptions>>().Value.Credentials!));
        http.AddHttpMessageHandler(() => new ResponseBufferingHandler());

        services.TryAddSingleton(sp => new JiraConnection(
            sp.GetRequiredService<IHttpClientFactory>(),
            name,
            sp.GetRequiredService<IOptions<JiraClientOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<JiraConnection>>()));
        services.TryAddSingleton(sp => new JiraClient(sp.GetRequiredService<JiraConnection>()));
        return new JiraClientBuilder(services, http);
    }

    /// <summary>Marks that the handlers are registered, so a second call does not add them twice.</summary>
    private sealed class JiraClientMarker;
}
