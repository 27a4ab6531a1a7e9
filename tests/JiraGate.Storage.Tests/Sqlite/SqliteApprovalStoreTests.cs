using JiraGate.Governance.Approvals;
using JiraGate.Storage.Sqlite;
using JiraGate.Storage.Tests.Contracts;

namespace JiraGate.Storage.Tests.Sqlite;

public sealed class SqliteApprovalStoreTests : ApprovalStoreContract, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    protected override async Task<IApprovalStore> CreateStoreAsync() => new SqliteApprovalStore(await _database.OpenConnectionsAsync());

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task GetAsync_ArgumentsEditedInTheDatabase_ReadBackAsNotIntact()
    {
        var open = await _database.OpenConnectionsAsync();
        var store = new SqliteApprovalStore(open);
        await store.CreateAsync(NewApproval(state: ApprovalState.Approved), Ct);
        await using (var connection = await open(Ct))
        {
            using var tamper = connection.CreateCommand();
            tamper.CommandText = """UPDATE approvals SET arguments_json = '{"issueIdOrKey":"SEC-999"}' WHERE id = 'apr_1';""";
            await tamper.ExecuteNonQueryAsync(Ct);
        }
        var read = (await store.GetAsync("apr_1", Ct))!;
        Assert.False(read.Arguments.IsIntact);
    }

    [Fact]
    public async Task Database_IsInWalMode()
    {
        var open = await _database.OpenConnectionsAsync();
        await using var connection = await open(Ct);
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await check.ExecuteScalarAsync(Ct));
    }
}
