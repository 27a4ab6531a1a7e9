using JiraGate.Governance.Audit;
using JiraGate.Storage.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Readiness checks for /readyz: ordinary <see cref="IHealthCheck"/>s tagged <see cref="Tag"/>. The host adds the ones
/// that fit its storage and Jira connection; /healthz runs none of them (process up).
/// </summary>
public static class ReadinessChecks
{
    /// <summary>The tag that puts a health check on /readyz.</summary>
    public const string Tag = "ready";

    /// <summary>How long one check may take before it counts as failed.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Adds a readiness check from a delegate (e.g. "the Jira connection answers serverInfo").</summary>
    public static IHealthChecksBuilder AddJiraGateReadinessCheck(
        this IHealthChecksBuilder builder,
        string name,
        Func<IServiceProvider, CancellationToken, Task<HealthCheckResult>> check,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(check);
        return builder.Add(new HealthCheckRegistration(
            name, sp => new DelegateHealthCheck(sp, check), HealthStatus.Unhealthy, [Tag], timeout ?? DefaultTimeout));
    }

    /// <summary>Adds "database": the SQLite database registered in DI opens and answers a query.</summary>
    public static IHealthChecksBuilder AddJiraGateSqliteCheck(this IHealthChecksBuilder builder, string name = "database") =>
        builder.AddJiraGateReadinessCheck(name, async (sp, ct) =>
        {
            var database = sp.GetService<SqliteDatabase>();
            if (database is null)
            {
                return HealthCheckResult.Unhealthy("No SQLite database is registered.");
            }
            await using var connection = await database.OpenConnectionAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1;";
            await command.ExecuteScalarAsync(ct);
            return HealthCheckResult.Healthy("SQLite answers.");
        });

    /// <summary>Adds "audit": the audit store registered in DI answers with the chain's head (a call refused when it
    /// cannot write its intent is the pipeline's job; this tells an orchestrator the store is there at all).</summary>
    public static IHealthChecksBuilder AddJiraGateAuditCheck(this IHealthChecksBuilder builder, string name = "audit") =>
        builder.AddJiraGateReadinessCheck(name, async (sp, ct) =>
        {
            var store = sp.GetService<IAuditStore>();
            if (store is null)
            {
                return HealthCheckResult.Unhealthy("No audit store is registered.");
            }
            await store.GetHeadAsync(ct);
            return HealthCheckResult.Healthy("The audit store answers.");
        });

    private sealed class DelegateHealthCheck(IServiceProvider services, Func<IServiceProvider, CancellationToken, Task<HealthCheckResult>> check) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                return await check(services, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Only the exception's type: messages may carry connection strings or URLs with credentials.
                return new HealthCheckResult(context.Registration.FailureStatus, $"The check failed ({e.GetType().Name}).");
            }
        }
    }
}
