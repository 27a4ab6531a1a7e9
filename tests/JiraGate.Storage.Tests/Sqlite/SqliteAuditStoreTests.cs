using JiraGate.Governance.Audit;
using JiraGate.Storage.Sqlite;
using JiraGate.Storage.Tests.Contracts;

namespace JiraGate.Storage.Tests.Sqlite;

public sealed class SqliteAuditStoreTests : AuditStoreContract, IDisposable
{
    private readonly SqliteTestDatabase _db = new();

    protected override async Task<IAuditStore> CreateStoreAsync() => new SqliteAuditStore(await _db.OpenAsync());

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Append_Durable_SurvivesReopening()
    {
        var database = await _db.OpenAsync(durable: true);
        using (var connection = await database.OpenConnectionAsync(Ct))
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous;";
            Assert.Equal(2L, (long)(await pragma.ExecuteScalarAsync(Ct))!); // FULL: the WAL is fsynced at every commit
        }
        var store = new SqliteAuditStore(database);
        await store.AppendAsync(Chain(AuditHead.Empty, 3), null, Ct);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var reopened = new SqliteAuditStore(await _db.OpenAsync(durable: true));
        Assert.Equal(3, (await reopened.GetHeadAsync(Ct)).Seq);
    }
}
