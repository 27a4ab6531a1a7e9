using JiraGate.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace JiraGate.Storage.Tests.Sqlite;

public sealed class SqliteMigratorTests : IDisposable
{
    private readonly SqliteTestDatabase _db = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _db.Dispose();

    private static SqliteMigration M(int version, string sql) => new() { Version = version, Name = "m" + version, Sql = sql };

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Open_NewFile_IsWalWithEveryEmbeddedMigrationRecorded()
    {
        var database = await _db.OpenAsync();
        var embedded = SqliteMigrator.EmbeddedMigrations();
        Assert.Equal(embedded.Count, database.SchemaVersion);
        Assert.Equal(1, embedded[0].Version);

        using var connection = await database.OpenConnectionAsync(Ct);
        using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await mode.ExecuteScalarAsync(Ct));
        Assert.Equal(1, await ScalarAsync(connection, "PRAGMA foreign_keys;"));
        Assert.True(await ScalarAsync(connection, "PRAGMA busy_timeout;") >= 1000);
        Assert.Equal(embedded.Count, await ScalarAsync(connection, "SELECT COUNT(*) FROM schema_version;"));
        Assert.Equal(1, await ScalarAsync(connection, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'audit_records';"));
    }

    [Fact]
    public async Task Open_Twice_AppliesNothingAgain()
    {
        await _db.OpenAsync();
        var again = await _db.OpenAsync();
        using var connection = await again.OpenConnectionAsync(Ct);
        Assert.Equal(SqliteMigrator.EmbeddedMigrations().Count, await ScalarAsync(connection, "SELECT COUNT(*) FROM schema_version;"));
    }

    [Fact]
    public async Task Migrate_AppliesOnlyNewerInOrder()
    {
        var database = await _db.OpenAsync();
        using var connection = await database.OpenConnectionAsync(Ct);
        var time = new FakeTimeProvider();
        var baseVersion = database.SchemaVersion;
        var extra = SqliteMigrator.EmbeddedMigrations().Concat([
            M(baseVersion + 1, "CREATE TABLE t (x INTEGER);"),
            M(baseVersion + 2, "INSERT INTO t VALUES (1); INSERT INTO t VALUES (2);"),
        ]).ToList();

        Assert.Equal(baseVersion + 2, await SqliteMigrator.MigrateAsync(connection, extra, time, Ct));
        Assert.Equal(2, await ScalarAsync(connection, "SELECT COUNT(*) FROM t;"));
        // Re-running is a no-op (the inserts would double otherwise).
        Assert.Equal(baseVersion + 2, await SqliteMigrator.MigrateAsync(connection, extra, time, Ct));
        Assert.Equal(2, await ScalarAsync(connection, "SELECT COUNT(*) FROM t;"));
    }

    [Fact]
    public async Task Migrate_FailingScript_LeavesSchemaUnchanged()
    {
        var database = await _db.OpenAsync();
        using var connection = await database.OpenConnectionAsync(Ct);
        var baseVersion = database.SchemaVersion;
        var extra = SqliteMigrator.EmbeddedMigrations().Concat([
            M(baseVersion + 1, "CREATE TABLE good (x INTEGER);"),
            M(baseVersion + 2, "CREATE TABLE broken (;"),
        ]).ToList();

        var error = await Assert.ThrowsAsync<SqliteMigrationException>(() => SqliteMigrator.MigrateAsync(connection, extra, new FakeTimeProvider(), Ct));
        Assert.Contains($"{baseVersion + 2:D4}_m{baseVersion + 2}", error.Message);
        Assert.Equal(0, await ScalarAsync(connection, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'good';"));
        Assert.Equal(baseVersion, await ScalarAsync(connection, "SELECT MAX(version) FROM schema_version;"));
    }

    [Fact]
    public async Task Migrate_GapOrDuplicate_IsRefused()
    {
        var database = await _db.OpenAsync();
        using var connection = await database.OpenConnectionAsync(Ct);
        await Assert.ThrowsAsync<SqliteMigrationException>(() => SqliteMigrator.MigrateAsync(connection, [M(1, "SELECT 1;"), M(3, "SELECT 1;")], new FakeTimeProvider(), Ct));
        await Assert.ThrowsAsync<SqliteMigrationException>(() => SqliteMigrator.MigrateAsync(connection, [M(1, "SELECT 1;"), M(1, "SELECT 2;")], new FakeTimeProvider(), Ct));
    }

    [Fact]
    public async Task Migrate_DatabaseNewerThanBuild_IsRefused()
    {
        var database = await _db.OpenAsync();
        using var connection = await database.OpenConnectionAsync(Ct);
        using (var bump = connection.CreateCommand())
        {
            bump.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', 'x');";
            await bump.ExecuteNonQueryAsync(Ct);
        }
        var error = await Assert.ThrowsAsync<SqliteMigrationException>(() => SqliteMigrator.MigrateAsync(connection, SqliteMigrator.EmbeddedMigrations(), new FakeTimeProvider(), Ct));
        Assert.Contains("999", error.Message);
    }
}
