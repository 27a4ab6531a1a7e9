using JiraGate.Governance.Agents;
using JiraGate.Governance.Approvals;
using JiraGate.Governance.Audit;
using JiraGate.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SQLite store for every JiraGate port.</summary>
public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// Puts every store port (<see cref="IAuditStore"/>, <see cref="IAgentStore"/>, <see cref="IApproverStore"/>,
    /// <see cref="IApprovalStore"/>) on one SQLite file, opened once in WAL mode with pending migrations applied on first
    /// resolution; its background WAL checkpointer stops when the provider is disposed. Added with TryAdd, so a store registered before stays.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="databasePath">The database file, e.g. <c>.jiragate/jiragate.db</c>.</param>
    /// <param name="configure">Busy timeout and durability (durable commits by default).</param>
    public static IServiceCollection AddJiraGateSqlite(this IServiceCollection services, string databasePath, Action<SqliteStorageSettings>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var settings = new SqliteStorageSettings();
        configure?.Invoke(settings);
        var options = new SqliteStorageOptions { DatabasePath = databasePath, BusyTimeout = settings.BusyTimeout, DurableCommits = settings.DurableCommits,
            CheckpointInterval = settings.CheckpointInterval, WalSizeLimit = settings.WalSizeLimit };
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
            // Startup only, on first resolution: opening and migrating must finish before any store is used.
            SqliteDatabase.OpenAsync(options, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<SqliteDatabase>>()).GetAwaiter().GetResult());
        services.TryAddSingleton<IAuditStore>(sp => new SqliteAuditStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<IAgentStore>(sp => new SqliteAgentStore(sp.GetRequiredService<SqliteDatabase>().OpenConnectionAsync));
        services.TryAddSingleton<IApproverStore>(sp => new SqliteApproverStore(sp.GetRequiredService<SqliteDatabase>().OpenConnectionAsync));
        services.TryAddSingleton<IApprovalStore>(sp => new SqliteApprovalStore(sp.GetRequiredService<SqliteDatabase>().OpenConnectionAsync));
        return services;
    }
}
