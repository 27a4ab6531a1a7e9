using JiraGate.Governance.Agents;
using JiraGate.Governance.Pipeline;
using JiraGate.Governance.Policies;
using JiraGate.Mcp;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers JiraGate's MCP tools.</summary>
public static class JiraGateMcpServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="JiraGateMcpServer"/> (needs an <see cref="IOperationPipeline"/>) and, unless one is registered, an
    /// <see cref="IAgentPolicySource"/> over the <see cref="AgentRegistry"/> and the policy set in force (the
    /// <see cref="IPolicySetProvider"/> of <c>AddJiraGate</c>, else a registered <see cref="PolicySet"/>).
    /// The transports are separate: <c>MapJiraGateMcp()</c> in the gateway for HTTP, <c>JiraGateMcpStdio</c> for stdio.
    /// </summary>
    public static IServiceCollection AddJiraGateMcp(this IServiceCollection services, Action<JiraGateMcpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new JiraGateMcpOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAgentPolicySource>(sp =>
        {
            var provider = sp.GetService<IPolicySetProvider>();
            Func<PolicySet> current = provider is null ? sp.GetRequiredService<PolicySet> : () => provider.Current;
            return new RegistryAgentPolicySource(sp.GetRequiredService<AgentRegistry>(), current, sp.GetService<PolicyEngine>());
        });
        services.TryAddSingleton(sp => new JiraGateMcpServer(
            sp.GetRequiredService<IOperationPipeline>(),
            sp.GetRequiredService<IAgentPolicySource>(),
            options,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<JiraGateMcpServer>>()));
        return services;
    }
}
