using JiraGate.Governance.Approvals;
using JiraGate.Governance.Pipeline;
using JiraGate.Jira;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JiraGate.Cli.Hosting;

/// <summary>
/// The governance core every serving command shares (serve, mcp, call): SQLite under the data directory, the vault and
/// its key there, the policies, one Jira client per site of <see cref="JiraBackend"/> with the executor routing each
/// agent's calls to its site, and the approval channels of jiragate.yaml.
/// </summary>
internal static class CoreServices
{
    public static IServiceCollection AddJiraGateCore(this IServiceCollection services, DataDirectory data, JiraBackend jira,
        IReadOnlyList<string> policyFiles, IReadOnlyList<ApprovalChannel>? channels = null) =>
        services.AddJiraGateCore(data, SitePlan.Of(jira), () => jira, policyFiles, channels);

    /// <summary>
    /// As above, with the backend read only when a Jira client or the executor is first built: <c>mcp</c> starts its Jira
    /// lazily (<see cref="LazyJiraBackend"/>). Which sites there are, and which are sandboxes, must be known up front.
    /// </summary>
    public static IServiceCollection AddJiraGateCore(this IServiceCollection services, DataDirectory data, IReadOnlyList<SitePlan> sites,
        Func<JiraBackend> backend, IReadOnlyList<string> policyFiles, IReadOnlyList<ApprovalChannel>? channels = null)
    {
        services.AddJiraGateSqlite(data.DatabasePath);
        services.AddJiraGate(o =>
        {
            o.VaultPath = data.VaultPath;
            o.VaultKeyPath = data.VaultKeyPath;
            foreach (var file in policyFiles)
            {
                o.PolicyFiles.Add(Path.GetFullPath(file));
            }
        });
        foreach (var site in sites)
        {
            var client = site.Name.Length == 0 ? services.AddJiraClient(_ => { }) : services.AddJiraClient(site.Name, _ => { });
            services.AddOptions<JiraClientOptions>(site.Name).Configure<IServiceProvider>((o, sp) => backend().Site(site.Name).Apply(o, sp));
            if (!site.IsSandbox)
            {
                // A real site: refuse metadata and link-local addresses at connect time too (DNS can change after the check).
                client.HttpClient.ConfigurePrimaryHttpMessageHandler(OutboundUrls.CreateGuardedHandler);
            }
        }
        services.AddHttpClient(JiraSite.OAuthHttpClientName).ConfigurePrimaryHttpMessageHandler(OutboundUrls.CreateGuardedHandler);
        services.AddSingleton<IOperationExecutor>(sp => new ConnectionRouter(sp.GetRequiredService<IJiraClientFactory>(), backend()));
        services.TryAddSingleton<GatewayLinks>();
        if (channels is { Count: > 0 })
        {
            services.AddJiraGateApprovalWebhooks(_ => { }).ConfigurePrimaryHttpMessageHandler(OutboundUrls.CreateGuardedHandler);
            services.RemoveAll<IApprovalNotifier>();
            services.AddSingleton<IApprovalNotifier>(sp => new ApprovalChannelNotifier(sp.GetRequiredService<IHttpClientFactory>(), channels,
                sp.GetRequiredService<GatewayLinks>(), sp.GetRequiredService<ILoggerFactory>()));
        }
        return services;
    }

    /// <summary>
    /// Opens what is otherwise opened on first use — the database, the policies, the vault and its key, the audit log
    /// and its signing key — so a problem stops the start instead of the first call, and the data directory is complete.
    /// </summary>
    public static void Open(IServiceProvider services)
    {
        _ = services.GetRequiredService<Storage.Sqlite.SqliteDatabase>();
        _ = services.GetRequiredService<IPolicySetProvider>().Current;
        _ = services.GetRequiredService<Governance.Vault.IVault>();
        _ = services.GetRequiredService<Governance.Audit.AuditLog>();
    }
}

/// <summary>A site known before its backend runs: its client's name, and whether it is a sandbox (no outbound guard).</summary>
internal sealed record SitePlan(string Name, bool IsSandbox)
{
    /// <summary>The one unnamed site of the embedded default: a sandbox, in-process or a running serve's.</summary>
    public static IReadOnlyList<SitePlan> Sandbox { get; } = [new("", IsSandbox: true)];

    public static IReadOnlyList<SitePlan> Of(JiraBackend backend) => [.. backend.Sites.Select(s => new SitePlan(s.Name, s.IsSandbox))];
}
