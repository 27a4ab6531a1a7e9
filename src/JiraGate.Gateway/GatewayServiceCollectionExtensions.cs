using System.Text.Encodings.Web;
using JiraGate.Gateway.AgentApi;
using JiraGate.Governance.Pipeline;
using JiraGate.Governance.Policies;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the gateway's HTTP pieces: the agent API's services, health checks and the OpenAPI document.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Adds what <c>MapJiraGateAgentApi</c>, <c>MapJiraGateHealth</c> and <c>MapJiraGateOpenApi</c> need. The governance
    /// services (an <see cref="JiraGate.Governance.Agents.AgentRegistry"/>, an
    /// <see cref="IOperationPipeline"/> and the policy set in force) come from the host (<c>AddJiraGate</c> + a store); the policy set is the pipeline's <see cref="IPolicySetProvider"/> when
    /// registered, else a <see cref="PolicySet"/> singleton. Readiness checks are added by the host on the returned health-checks builder's services
    /// (<c>services.AddHealthChecks().AddJiraGateSqliteCheck()</c> …).
    /// </summary>
    public static IServiceCollection AddJiraGateGateway(this IServiceCollection services, Action<AgentApiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<AgentApiOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.TryAddSingleton(sp => new AgentRateLimiter(sp.GetRequiredService<IOptions<AgentApiOptions>>().Value));
        services.TryAddSingleton<PolicyEngine>();
        services.TryAddSingleton(sp => new AgentOperations(
            sp.GetRequiredService<PolicyEngine>(),
            PolicySource(sp)));
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, AgentApiJsonContext.Default);
            // application/json for agents and scripts, never HTML: keep "+", quotes and non-ASCII text readable.
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        services.AddHealthChecks();
        services.AddOpenApi(AgentApiOpenApi.DocumentName, o => o.AddDocumentTransformer<AgentApiOpenApi>());
        return services;
    }

    // The policy set in force (the pipeline's provider when registered, so both always agree), read on every listing
    // so a reload applies at once.
    private static Func<PolicySet> PolicySource(IServiceProvider services) =>
        services.GetService<IPolicySetProvider>() is { } provider
            ? () => provider.Current
            : () => services.GetRequiredService<PolicySet>();
}
