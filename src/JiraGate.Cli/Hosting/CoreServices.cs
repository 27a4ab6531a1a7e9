using JiraGate.Governance.Execution;
using JiraGate.Governance.Pipeline;
using JiraGate.Jira;

namespace JiraGate.Cli.Hosting;

/// <summary>
/// The governance core every serving command shares (serve, mcp, call): SQLite under the data directory, the vault and
/// its key there, the policies, and the Jira executor over a client for <see cref="JiraBackend"/>.
/// </summary>
internal static class CoreServices
{
    public static IServiceCollection AddJiraGateCore(this IServiceCollection services, DataDirectory data, JiraBackend jira, IReadOnlyList<string> policyFiles) =>
        services.AddJiraGateCore(data, () => jira, policyFiles);

    /// <summary>As above, with the backend read when the Jira client is first built (mcp starts it lazily: <see cref="LazyJiraBackend"/>).</summary>
    public static IServiceCollection AddJiraGateCore(this IServiceCollection services, DataDirectory data, Func<JiraBackend> backend, IReadOnlyList<string> policyFiles)
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
        services.AddJiraClient(o =>
        {
            var jira = backend();
            o.BaseUrl = jira.BaseUrl;
            o.Credentials = jira.Credentials;
            if (jira.Sandbox is not null)
            {
                // The sandbox is also the OAuth/API gateway; and it is local, so retries need not wait long.
                o.ApiGatewayBaseUrl = jira.BaseUrl;
                o.Retry.InitialDelay = TimeSpan.FromMilliseconds(50);
                o.Retry.MaxDelay = TimeSpan.FromSeconds(1);
            }
        });
        services.AddSingleton<IOperationExecutor>(sp => new JiraOperationExecutor(sp.GetRequiredService<JiraClient>()));
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
