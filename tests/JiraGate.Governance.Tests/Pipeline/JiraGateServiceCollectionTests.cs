using JiraGate.Governance.Agents;
using JiraGate.Governance.Audit;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Connector;
using JiraGate.Governance.Pipeline;
using JiraGate.Governance.Tests.Vault;
using JiraGate.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace JiraGate.Governance.Tests.Pipeline;

public sealed class JiraGateServiceCollectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddJiraGate_WithSqliteAndAnExecutor_ConnectorCallsGoThroughThePipelineAndAreAudited()
    {
        using var dir = new TempDirectory();
        var executor = new CountingExecutor();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IOperationExecutor>(executor);
        services.AddJiraGateSqlite(Path.Combine(dir.Path, "jiragate.db"), o => o.DurableCommits = false);
        services.AddJiraGate(o =>
        {
            o.VaultPath = Path.Combine(dir.Path, "vault.json");
            o.VaultKeyPath = Path.Combine(dir.Path, "master.key");
        });
        await using (var provider = services.BuildServiceProvider())
        {
            await provider.GetRequiredService<AgentRegistry>().RegisterAsync(
                new NewAgent { Id = "agent-001", OrgId = "org-acme", Owner = "olivia", Policies = ["jira-soc-triage"] }, Ct);
            var jira = provider.GetRequiredService<IJiraConnectorFactory>().Create("agent-001", "org-acme");

            var found = await jira.SearchIssuesAsync("project = SEC", 20, cancellationToken: Ct);
            var denied = await jira.DeleteIssueAsync("SEC-1", cancellationToken: Ct);

            Assert.True(found.IsOk, found.ToString());
            Assert.Equal(OperationStatus.Denied, denied.Status);
            Assert.Equal(1, executor.Calls);
            Assert.Same(OperationCatalog.Default, provider.GetRequiredService<OperationCatalog>());
            Assert.Same(provider.GetRequiredService<OperationPipeline>(), provider.GetRequiredService<IOperationPipeline>());
            var audit = provider.GetRequiredService<AuditLog>();
            Assert.NotNull(audit.PublicKey); // signing key created in the vault
            var page = await audit.QueryAsync(new AuditQuery { Agent = "agent-001" }, Ct);
            Assert.Equal(4, page.Records.Count);
            Assert.True((await audit.VerifyAsync(Ct)).IsValid);
        }
        SqliteConnection.ClearAllPools();
        Assert.True(File.Exists(Path.Combine(dir.Path, "master.key")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "vault.json")));
    }

    [Fact]
    public async Task AddJiraGate_BadPolicyFile_RefusesToStartNamingTheFile()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "bad.yaml");
        await File.WriteAllTextAsync(file, "- name: x\n  connector: jira\n  operations: [\"issuez:*\"]\n  risk_max: low\n  approval: none\n", Ct);
        var services = new ServiceCollection();
        services.AddJiraGate(o => o.PolicyFiles.Add(file));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IPolicySetProvider>());

        Assert.Contains("bad.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddJiraGateSqlite_RegistersEveryStorePortOnOneMigratedDatabase()
    {
        using var dir = new TempDirectory();
        var services = new ServiceCollection();
        services.AddJiraGateSqlite(Path.Combine(dir.Path, "one.db"));
        await using (var provider = services.BuildServiceProvider())
        {
            Assert.IsType<SqliteAuditStore>(provider.GetRequiredService<IAuditStore>());
            Assert.IsType<SqliteAgentStore>(provider.GetRequiredService<IAgentStore>());
            Assert.IsType<SqliteApproverStore>(provider.GetRequiredService<IApproverStore>());
            Assert.IsType<SqliteApprovalStore>(provider.GetRequiredService<JiraGate.Governance.Approvals.IApprovalStore>());
            Assert.True(provider.GetRequiredService<SqliteDatabase>().SchemaVersion >= 2);
            Assert.Equal(AuditHead.Empty.Seq, (await provider.GetRequiredService<IAuditStore>().GetHeadAsync(Ct)).Seq);
        }
        SqliteConnection.ClearAllPools();
        Assert.Single(Directory.GetFiles(dir.Path, "*.db"));
    }
}
