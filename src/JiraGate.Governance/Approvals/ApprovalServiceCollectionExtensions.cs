using JiraGate.Governance.Agents;
using JiraGate.Governance.Approvals;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the agent and approver registries, the approval service and the webhook notifier.</summary>
public static class ApprovalServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="AgentRegistry"/>, <see cref="ApproverRegistry"/> and <see cref="ApprovalService"/> (singletons).
    /// The stores (<see cref="IAgentStore"/>, <see cref="IApproverStore"/>, <see cref="IApprovalStore"/>) come from a
    /// storage package; without a notifier, approvals are only listed on the approvals page.
    /// </summary>
    public static IServiceCollection AddJiraGateApprovals(this IServiceCollection services, Action<ApprovalOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ApprovalOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IApprovalNotifier>(NullApprovalNotifier.Instance);
        services.TryAddSingleton(sp => new AgentRegistry(sp.GetRequiredService<IAgentStore>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new ApproverRegistry(sp.GetRequiredService<IApproverStore>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ApprovalService>();
        return services;
    }

    /// <summary>
    /// Sends approval notices to per-channel incoming webhooks (Slack-compatible), through a named HttpClient with
    /// retries (exponential back-off with jitter, honouring Retry-After), a per-attempt timeout and no request logging
    /// (the webhook URL is a credential).
    /// </summary>
    public static IHttpClientBuilder AddJiraGateApprovalWebhooks(this IServiceCollection services, Action<WebhookNotifierOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<WebhookNotifierOptions>().Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.RemoveAll<IApprovalNotifier>();
        services.AddSingleton<IApprovalNotifier, WebhookApprovalNotifier>();
        var http = services.AddHttpClient(WebhookNotifierOptions.HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        http.AddResilienceHandler("approval-webhook", static (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<WebhookNotifierOptions>>().Value;
            pipeline.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
            if (options.MaxRetries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    Name = "ApprovalWebhookRetry",
                    MaxRetryAttempts = options.MaxRetries,
                    Delay = options.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldRetryAfterHeader = true,
                });
            }
            pipeline.AddTimeout(new TimeoutStrategyOptions { Name = "ApprovalWebhookAttemptTimeout", Timeout = options.AttemptTimeout });
        });
        return http;
    }
}
