namespace Microsoft.Extensions.DependencyInjection;

/// <summary>What <see cref="JiraServiceCollectionExtensions.AddJiraClient(IServiceCollection, Action{JiraGate.Jira.JiraClientOptions})"/> registered, for further configuration.</summary>
public sealed class JiraClientBuilder
{
    internal JiraClientBuilder(IServiceCollection services, IHttpClientBuilder httpClient, string name)
    {
        Services = services;
        HttpClient = httpClient;
        Name = name;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// The named HttpClient the client sends through (auth handler and resilience pipeline already added):
    /// add handlers, a proxy or a primary handler here.
    /// </summary>
    public IHttpClientBuilder HttpClient { get; }

    /// <summary>The client's name: empty for the unnamed client, else the name given to <c>AddJiraClient(name, …)</c>.</summary>
    public string Name { get; }
}
