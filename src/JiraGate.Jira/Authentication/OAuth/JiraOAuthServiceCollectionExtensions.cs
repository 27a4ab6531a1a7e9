using JiraGate.Jira.Authentication.OAuth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="JiraOAuthClient"/> as a typed HTTP client.</summary>
public static class JiraOAuthServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="JiraOAuthClient"/> with its <see cref="HttpClient"/> from <c>IHttpClientFactory</c>,
    /// the options configured here, and the container's <see cref="TimeProvider"/> and logging if registered.
    /// </summary>
    /// <returns>The HTTP client builder, to add handlers or resilience to the OAuth calls.</returns>
    public static IHttpClientBuilder AddJiraOAuthClient(this IServiceCollection services, Action<JiraOAuthOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<JiraOAuthOptions>().Configure(configure);
        return services.AddHttpClient<JiraOAuthClient, JiraOAuthClient>((http, provider) => new JiraOAuthClient(
            http,
            provider.GetRequiredService<IOptions<JiraOAuthOptions>>().Value,
            provider.GetService<TimeProvider>(),
            provider.GetService<ILoggerFactory>()?.CreateLogger<JiraOAuthClient>()));
    }
}
