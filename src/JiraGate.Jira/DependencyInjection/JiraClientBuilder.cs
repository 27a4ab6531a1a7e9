namespace Microsoft.Extensions.DependencyInjection;

/// <summary>What <see cref="JiraServiceCollectionExtensions.AddJiraClient"/> registered, for further configuration.</summary>
public sealed class JiraClientBuilder
{
    internal JiraClientBuilder(IServiceCollection services, IHttpClientBuilder httpClient)
    {
        Services = services;
        HttpClient = httpClient;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// The named HttpClient the client sends through (auth handler and resilience pipeline already added):
    /// add handlers, a proxy or a primary handler here.
    /// </summary>
    public IHttpClientBuilder HttpClient { get; }
}
