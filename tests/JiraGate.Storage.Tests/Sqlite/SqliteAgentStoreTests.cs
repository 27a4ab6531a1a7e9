using JiraGate.Governance.Agents;
using JiraGate.Storage.Sqlite;
using JiraGate.Storage.Tests.Contracts;

namespace JiraGate.Storage.Tests.Sqlite;

public sealed class SqliteAgentStoreTests : AgentStoreContract, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    protected override async Task<IAgentStore> CreateAgentStoreAsync() => new SqliteAgentStore(await _database.OpenConnectionsAsync());

    protected override async Task<IApproverStore> CreateApproverStoreAsync() => new SqliteApproverStore(await _database.OpenConnectionsAsync());

    public void Dispose() => _database.Dispose();
}
