using System.Text.Json;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Approvals;
using JiraGate.Governance.Audit;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Pipeline;
using JiraGate.Governance.Policies;
using JiraGate.Governance.Vault;
using Microsoft.Data.Sqlite;

namespace JiraGate.Cli.Admin;

/// <summary>
/// The governance services over one data directory, as <c>jiragate serve</c> opens them: SQLite at
/// <c>&lt;dir&gt;/jiragate.db</c>, the vault at <c>&lt;dir&gt;/vault.json</c> with <c>&lt;dir&gt;/master.key</c>
/// (unless JIRAGATE_MASTER_KEY is set), the policy files given or the seed's.
/// </summary>
internal sealed class AdminServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly SwitchableExecutor _executor;

    private AdminServices(ServiceProvider provider, SwitchableExecutor executor, string dataDir)
    {
        _provider = provider;
        _executor = executor;
        DataDir = dataDir;
    }

    public string DataDir { get; }

    public string DatabasePath => Path.Combine(DataDir, "jiragate.db");

    public IServiceProvider Services => _provider;

    public AgentRegistry Agents => _provider.GetRequiredService<AgentRegistry>();

    public ApproverRegistry Approvers => _provider.GetRequiredService<ApproverRegistry>();

    public ApprovalService Approvals => _provider.GetRequiredService<ApprovalService>();

    public IApprovalStore ApprovalStore => _provider.GetRequiredService<IApprovalStore>();

    public AuditLog Audit => _provider.GetRequiredService<AuditLog>();

    public IAuditStore AuditStore => _provider.GetRequiredService<IAuditStore>();

    public IVault Vault => _provider.GetRequiredService<IVault>();

    public PolicySet Policies => _provider.GetRequiredService<IPolicySetProvider>().Current;

    public PolicyEngine Engine => _provider.GetRequiredService<PolicyEngine>();

    public TimeProvider Time => _provider.GetRequiredService<TimeProvider>();

    /// <summary>The real pipeline, executing through <paramref name="executor"/> (the Jira executor over a connection).</summary>
    public OperationPipeline PipelineWith(IOperationExecutor executor)
    {
        _executor.Inner = executor;
        return _provider.GetRequiredService<OperationPipeline>();
    }

    /// <summary>Opens the services; a missing directory is an error unless <paramref name="create"/>.</summary>
    public static Task<AdminServices> OpenAsync(string dataDir, IReadOnlyList<string> policyFiles, bool create, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var dir = Path.GetFullPath(dataDir);
        if (!Directory.Exists(dir))
        {
            if (!create)
            {
                throw new CliError(ExitCodes.Unavailable,
                    $"There is no JiraGate data directory at {dir}. Run 'jiragate serve' once to create it, or pass --data-dir.");
            }
            // Owner-only, as serve creates it: it holds the vault key.
            new Hosting.DataDirectory(dir).Ensure();
        }
        foreach (var file in policyFiles)
        {
            if (!File.Exists(file))
            {
                throw CliError.Usage($"The policy file {file} does not exist; check the --policy-file path.");
            }
        }

        var executor = new SwitchableExecutor();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(AdminClock.Current);
        services.AddSingleton<IOperationExecutor>(executor);
        services.AddJiraGateSqlite(Path.Combine(dir, "jiragate.db"));
        services.AddJiraGate(o =>
        {
            o.VaultPath = Path.Combine(dir, "vault.json");
            o.VaultKeyPath = Path.Combine(dir, "master.key");
            foreach (var file in policyFiles)
            {
                o.PolicyFiles.Add(file);
            }
        });
        var provider = services.BuildServiceProvider();
        var opened = new AdminServices(provider, executor, dir);
        try
        {
            // Resolve the policy set now so a bad policy file is reported before any work is done.
            _ = opened.Policies;
        }
        catch (InvalidOperationException e)
        {
            provider.Dispose();
            throw new CliError(ExitCodes.CheckFailed, e.Message + Environment.NewLine + "Fix the file (see 'jiragate policy validate').");
        }
        return Task.FromResult(opened);
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>The pipeline needs an executor at construction; the CLI picks the Jira connection later (or never).</summary>
    private sealed class SwitchableExecutor : IOperationExecutor
    {
        public IOperationExecutor? Inner { get; set; }

        public Task<OperationOutput> ExecuteAsync(OperationDescriptor operation, JsonElement arguments, ExecutionScope scope, CancellationToken cancellationToken = default) =>
            (Inner ?? throw new InvalidOperationException("No Jira connection was given to execute the operation."))
                .ExecuteAsync(operation, arguments, scope, cancellationToken);
    }
}
