using System.Globalization;
using System.Text.RegularExpressions;
using JiraGate.Governance.Audit;
using Microsoft.Data.Sqlite;

namespace JiraGate.Storage.Sqlite;

/// <summary>One numbered schema change.</summary>
public sealed class SqliteMigration
{
    /// <summary>The version this migration brings the schema to (1, 2, 3, … with no gaps).</summary>
    public required int Version { get; init; }

    /// <summary>A short name, from the file name (<c>0002_approvals.sql</c> → <c>approvals</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The SQL script (any number of statements).</summary>
    public required string Sql { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Version:D4}_{Name}";
}

/// <summary>Failure to bring a database's schema up to date.</summary>
public sealed class SqliteMigrationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SqliteMigrationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SqliteMigrationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SqliteMigrationException()
    {
    }
}

/// <summary>
/// Applies numbered migrations in order and records each in <c>schema_version(version, name, applied_at)</c>.
/// </summary>
/// <remarks>
/// To change the schema, add <c>Migrations/NNNN_what.sql</c> (the next number; never edit a shipped one): it
/// is embedded by the project file and applied on the next <see cref="SqliteDatabase.OpenAsync(SqliteStorageOptions, TimeProvider?, CancellationToken)"/>. All pending
/// migrations run in one immediate transaction, so concurrent openers apply them once and a failing one leaves
/// the schema as it was. A database whose version is newer than this build's migrations is refused.
/// </remarks>
public static partial class SqliteMigrator
{
    private const string ResourcePrefix = "JiraGate.Storage.Sqlite.Migrations.";

    /// <summary>The migrations embedded in this assembly, in version order.</summary>
    /// <exception cref="SqliteMigrationException">Two files share a number, a number is skipped, or a name is malformed.</exception>
    public static IReadOnlyList<SqliteMigration> EmbeddedMigrations()
    {
        var assembly = typeof(SqliteMigrator).Assembly;
        var migrations = new List<SqliteMigration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var file = resource[ResourcePrefix.Length..];
            var match = FileName().Match(file);
            if (!match.Success)
            {
                throw new SqliteMigrationException($"Migration file '{file}' is not named NNNN_name.sql.");
            }
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new SqliteMigration
            {
                Version = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
                Name = match.Groups[2].Value,
                Sql = reader.ReadToEnd(),
            });
        }
        return Ordered(migrations);
    }

    /// <summary>Applies the migrations newer than the database's version; returns the version reached.</summary>
    public static async Task<int> MigrateAsync(SqliteConnection connection, IReadOnlyList<SqliteMigration> migrations, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var ordered = Ordered(migrations);
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);";
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        using var transaction = connection.BeginTransaction(deferred: false);
        int current;
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
            current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
        var latest = ordered.Count == 0 ? 0 : ordered[^1].Version;
        if (current > latest)
        {
            throw new SqliteMigrationException(
                $"The database is at schema version {current}, newer than this JiraGate knows ({latest}); upgrade JiraGate instead of opening it with an older one.");
        }
        foreach (var migration in ordered.Where(m => m.Version > current))
        {
            try
            {
                using var apply = connection.CreateCommand();
                apply.Transaction = transaction;
                apply.CommandText = migration.Sql;
                await apply.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                using var record = connection.CreateCommand();
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES ($version, $name, $at);";
                record.Parameters.AddWithValue("$version", migration.Version);
                record.Parameters.AddWithValue("$name", migration.Name);
                record.Parameters.AddWithValue("$at", AuditRecord.FormatTimestamp(timeProvider.GetUtcNow()));
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException ex)
            {
                throw new SqliteMigrationException($"Migration {migration} failed: {ex.Message}. The schema stays at version {current}.", ex);
            }
            current = migration.Version;
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return current;
    }

    private static List<SqliteMigration> Ordered(IReadOnlyList<SqliteMigration> migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        var ordered = migrations.OrderBy(m => m.Version).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Version != i + 1)
            {
                throw new SqliteMigrationException(
                    $"Migrations must be numbered 1, 2, 3, … without gaps or duplicates; found {string.Join(", ", ordered)}.");
            }
        }
        return ordered;
    }

    [GeneratedRegex(@"^(\d{4})_([a-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}
