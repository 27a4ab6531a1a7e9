using JiraGate.Governance.Audit;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Connector;
using JiraGate.Governance.DependencyInjection;
using JiraGate.Governance.Pipeline;
using JiraGate.Governance.Policies;
using JiraGate.Governance.Vault;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers JiraGate's governance core: catalog, policies, registries, approvals, audit log, vault, pipeline and SDK.</summary>
public static class JiraGateServiceCollectionExtensions
{
    /// <summary>
    /// Adds the catalog, the policy set (from <see cref="JiraGateOptions.PolicyFiles"/> or the seed's), the policy engine,
    /// the agent and approver registries, the approval service, the vault, the audit log (with its signing key from the
    /// vault), the <see cref="IOperationPipeline"/> and the <see cref="IJiraConnectorFactory"/> — all singletons, added
    /// with TryAdd so a host can put its own first.
    /// </summary>
    /// <remarks>
    /// Also needed: the stores (e.g. <c>AddJiraGateSqlite</c>), an <see cref="IOperationExecutor"/> (the Jira executor,
    /// over a client from <c>AddJiraClient</c> whose credentials come from the vault via <see cref="VaultCredentials"/>).
    /// The audit log is <see cref="IAsyncDisposable"/> only: dispose the provider with <c>DisposeAsync</c>.
    /// Singletons that need I/O (vault key, signing key, policy files) are created on first resolution.
    /// </remarks>
    public static IServiceCollection AddJiraGate(this IServiceCollection services, Action<JiraGateOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<JiraGateOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(OperationCatalog.Default);
        services.TryAddSingleton(sp => new PolicyEngine(sp.GetRequiredService<OperationCatalog>()));
        services.TryAddSingleton(sp => new PolicySetHolder(LoadPolicies(sp.GetRequiredService<IOptions<JiraGateOptions>>().Value, sp.GetRequiredService<OperationCatalog>())));
        services.TryAddSingleton<IPolicySetProvider>(sp => sp.GetRequiredService<PolicySetHolder>());
        services.AddJiraGateApprovals();

        services.TryAddSingleton(sp => ResolveVaultKey(sp.GetRequiredService<IOptions<JiraGateOptions>>().Value));
        services.TryAddSingleton<IVault>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<JiraGateOptions>>().Value;
            return o.UseEnvironmentVault
                ? new EnvironmentVault(timeProvider: sp.GetRequiredService<TimeProvider>())
                : new FileVault(o.VaultPath, sp.GetRequiredService<VaultKey>(), sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<JiraGateOptions>>().Value;
            var key = o.SignAuditCheckpoints
                // Startup only, on first resolution: no request waits on this.
                ? AuditSigningKey.LoadOrCreateAsync(sp.GetRequiredService<IVault>(), o.AuditSigningKeyPath).GetAwaiter().GetResult()
                : null;
            return new AuditLog(sp.GetRequiredService<IAuditStore>(), key, o.Audit, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<AuditLog>>());
        });

        services.AddOptions<OperationPipelineOptions>()
            .Configure<IOptions<JiraGateOptions>>((p, o) => p.ExecutorName = o.Value.ExecutorName);
        services.TryAddSingleton<OperationPipeline>();
        services.TryAddSingleton<IOperationPipeline>(sp => sp.GetRequiredService<OperationPipeline>());
        services.TryAddSingleton<IJiraConnectorFactory, JiraConnectorFactory>();
        return services;
    }

    private static PolicySet LoadPolicies(JiraGateOptions options, OperationCatalog catalog)
    {
        if (options.PolicyFiles.Count == 0)
        {
            return SeedPolicies.Load();
        }
        var sources = options.PolicyFiles.Select(f => new PolicySource(f, File.ReadAllText(f))).ToArray();
        var result = new PolicyLoader(catalog).Load(sources);
        return result.PolicySet ?? throw new InvalidOperationException(
            "The policy files do not load, so JiraGate does not start (it never falls open):" + Environment.NewLine
            + string.Join(Environment.NewLine, result.Errors));
    }

    private static VaultKey ResolveVaultKey(JiraGateOptions options) =>
        VaultKey.ResolveAsync(options.VaultKeyPath, createIfMissing: true).GetAwaiter().GetResult();
}
