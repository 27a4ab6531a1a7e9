using JiraGate.Jira.Authentication;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using JiraGate.Sandbox.Model;
using Microsoft.Extensions.Logging;

namespace JiraGate.Jira.Tests.Infrastructure;

/// <summary>Builds a service provider with <c>AddJiraClient</c>, as an application would.</summary>
internal static class JiraTestServices
{
    public static ServiceProvider Create(Action<JiraClientOptions> configure, Action<JiraClientBuilder>? builder = null,
        TimeProvider? time = null, ILoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        if (time is not null)
        {
            services.AddSingleton(time);
        }
        var jira = services.AddJiraClient(configure);
        builder?.Invoke(jira);
        return services.BuildServiceProvider();
    }

    /// <summary>A client against a sandbox, with fast retry defaults so no test waits seconds.</summary>
    public static ServiceProvider ForSandbox(SandboxHost host, JiraCredentials credentials, Action<JiraClientOptions>? configure = null,
        Action<JiraClientBuilder>? builder = null, TimeProvider? time = null, ILoggerProvider? logs = null) =>
        Create(o =>
        {
            o.BaseUrl = host.BaseUrl;
            o.Credentials = credentials;
            o.ApiGatewayBaseUrl = host.BaseUrl;
            o.Retry.InitialDelay = TimeSpan.FromMilliseconds(1);
            o.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
            configure?.Invoke(o);
        }, builder, time, logs);

    /// <summary>Alice's natural credentials for the sandbox's flavour: API token on Cloud, PAT on Data Center.</summary>
    public static JiraCredentials Alice(SandboxFlavor flavor) => flavor == SandboxFlavor.Cloud
        ? new ApiTokenCredentials(DemoCredentials.Alice.Email, DemoCredentials.Alice.ApiToken)
        : new PersonalAccessTokenCredentials(DemoCredentials.Alice.PersonalAccessToken);

    public static Task<SandboxHost> StartAsync(SandboxFlavor flavor, Action<SandboxOptions>? configure = null)
    {
        var options = new SandboxOptions { Flavor = flavor };
        configure?.Invoke(options);
        return SandboxHost.StartAsync(options, TestContext.Current.CancellationToken);
    }
}
