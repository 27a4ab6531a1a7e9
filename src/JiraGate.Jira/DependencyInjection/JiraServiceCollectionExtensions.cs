using JiraGate.Jira;
using JiraGate.Jira.Connection;
using JiraGate.Jira.DependencyInjection;
using JiraGate.Jira.Resilience;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="JiraClient"/>s with their HttpClient, auth handler and resilience pipeline.</summary>
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
        return Add(services, Options.Options.DefaultName, configure);
    }

    /// <summary>
    /// Adds a named <see cref="JiraClient"/>, for several Jira sites (or identities) in one container. Each name has
    /// its own options (named options <paramref name="name"/>), credentials, HttpClient
    /// (<c>JiraGate.Jira:{name}</c>), resilience pipeline and connection; requests to one site share that site's
    /// limiter whichever client sends them. Resolve it with <c>[FromKeyedServices("name")] JiraClient</c>,
    /// <c>GetRequiredKeyedService&lt;JiraClient&gt;("name")</c> or <see cref="IJiraClientFactory.Get"/>.
    /// Validation errors name the client. Calling it again with the same name only adds another options configuration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name (case-sensitive), e.g. "prod" or "acme".</param>
    /// <param name="configure">Sets the site, credentials and manners of this client.</param>
    /// <returns>A builder to configure this client's HttpClient further.</returns>
    public static JiraClientBuilder AddJiraClient(this IServiceCollection services, string name, Action<JiraClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        return Add(services, name, configure);
    }

    private static JiraClientBuilder Add(IServiceCollection services, string name, Action<JiraClientOptions> configure)
    {
        services.AddOptions<JiraClientOptions>(name).Configure(configure);
        var httpName = JiraClientRegistry.HttpClientNameFor(name);
        var http = services.AddHttpClient(httpName);
        var builder = new JiraClientBuilder(services, http, name);
        var registry = RegistryOf(services);
        if (!registry.Add(name))
        {
            return builder;
        }
        // Shared by every client: one clock, one limiter per site, one validator, one factory.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JiraClientOptions>, NamedJiraClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<JiraSiteLimiters>();
        services.TryAddSingleton<IJiraClientFactory, JiraClientFactory>();

        // The pipeline owns timeouts; HttpClient's own 100 s would cut retries short.
        http.ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders(_ => true);
        http.AddResilienceHandler("jira", (pipeline, context) =>
        {
            var sp = context.ServiceProvider;
            JiraResilience.Configure(pipeline,
                OptionsOf(sp, name),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<JiraSiteLimiters>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("JiraGate.Jira.Resilience"));
        });
        // Inside the pipeline: every attempt gets fresh credentials and a fully read body.
        http.AddHttpMessageHandler(sp => AuthenticationHandlers.Create(OptionsOf(sp, name).Credentials!));
        http.AddHttpMessageHandler(() => new ResponseBufferingHandler());

        JiraConnection Connection(IServiceProvider sp) => new(
            sp.GetRequiredService<IHttpClientFactory>(),
            httpName,
            OptionsOf(sp, name),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<JiraConnection>>());
        if (name == Options.Options.DefaultName)
        {
            services.TryAddSingleton(Connection);
            services.TryAddSingleton(sp => new JiraClient(sp.GetRequiredService<JiraConnection>()));
        }
        else
        {
            services.AddKeyedSingleton<JiraConnection>(name, (sp, _) => Connection(sp));
            services.AddKeyedSingleton<JiraClient>(name, (sp, _) => new JiraClient(sp.GetRequiredKeyedService<JiraConnection>(name)));
        }
        return builder;
    }

    /// <summary>The client's options, validated on first use (the failure names the client).</summary>
    private static JiraClientOptions OptionsOf(IServiceProvider services, string name) =>
        services.GetRequiredService<IOptionsMonitor<JiraClientOptions>>().Get(name);

    /// <summary>The one registry of client names in this collection, added with the first client.</summary>
    private static JiraClientRegistry RegistryOf(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(JiraClientRegistry))?.ImplementationInstance is JiraClientRegistry known)
        {
            return known;
        }
        var registry = new JiraClientRegistry();
        services.AddSingleton(registry);
        return registry;
    }
}
