using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using JiraGate.Governance.Audit;
using JiraGate.Storage.Sqlite;
using Microsoft.Data.Sqlite;

// Durable audit appends (AuditLog: hash chain, group commit) against a baseline in the same run on the same
// SQLite settings (WAL, synchronous=FULL, 60 s busy timeout): each writer commits its own single-row INSERT
// transaction, the way an append without group commit would. Closed loop, bounded in time.
var writerCounts = Arg("--writers", "1,64").Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToArray();
var seconds = double.Parse(Arg("--seconds", "10"), CultureInfo.InvariantCulture);
var warmup = double.Parse(Arg("--warmup", "2"), CultureInfo.InvariantCulture);
var plainFirst = Arg("--order", "audit-first") == "plain-first";
var trace = args.Contains("--trace");
// 0 = SQLite's automatic checkpoint inside commits (the old behaviour), else the background checkpointer's period.
var checkpointMs = double.Parse(Arg("--checkpoint-ms", "250"), CultureInfo.InvariantCulture);
var walLimitMb = long.Parse(Arg("--wal-limit-mb", "64"), CultureInfo.InvariantCulture);
var auditOnly = args.Contains("--audit-only"); // skips the plain baseline (quicker when only AuditLog changed)
var directory = Path.Combine(Path.GetTempPath(), "jiragate-audit-bench-" + Environment.ProcessId);
var parameters = JsonDocument.Parse("{\"projectKey\":\"SEC\",\"summary\":\"Suspicious login from 203.0.113.7\",\"issueType\":\"Bug\",\"priority\":\"High\",\"labels\":[\"soc\",\"triage\"]}").RootElement.Clone();

var rows = new List<string>();
try
{
    foreach (var writers in writerCounts)
    {
        Func<Task<Result>> auditRun = () => RunAsync($"audit-{writers}", writers, async (db, _) =>
        {
            var store = new TracingAuditStore(new SqliteAuditStore(db));
            var log = new AuditLog(trace ? store : new SqliteAuditStore(db), AuditSigningKey.Generate());
            var intent = new AuditIntent { Agent = "agent-a", Org = "org-1", Operation = "issues:create", Risk = "medium", Decision = "allow", Policy = "jira-soc-triage", Parameters = parameters };
            return (() => log.AppendIntentAsync(intent), async () =>
            {
                await log.DisposeAsync();
                if (trace)
                {
                    store.Print($"audit-{writers}");
                }
            });
        });
        Func<Task<Result>> plainRun = () => RunAsync($"plain-{writers}", writers, async (db, _) =>
        {
            await using (var setup = await db.OpenConnectionAsync())
            {
                using var create = setup.CreateCommand();
                create.CommandText = "CREATE TABLE IF NOT EXISTS bench_plain (id INTEGER PRIMARY KEY, ts TEXT, agent TEXT, operation TEXT, parameters TEXT, hash TEXT);";
                await create.ExecuteNonQueryAsync();
            }
            var text = parameters.GetRawText();
            var connections = new System.Collections.Concurrent.ConcurrentBag<SqliteConnection>();
            var local = new ThreadLocal<SqliteConnection>(() =>
            {
                var c = db.OpenConnectionAsync().GetAwaiter().GetResult();
                connections.Add(c);
                return c;
            });
            return (async () =>
            {
                var connection = local.Value!;
                using var tx = connection.BeginTransaction(deferred: false);
                using var insert = connection.CreateCommand();
                insert.Transaction = tx;
                insert.CommandText = "INSERT INTO bench_plain (ts, agent, operation, parameters, hash) VALUES ('2026-03-01T09:00:00.0000000Z', 'agent-a', 'issues:create', $p, '0000');";
                insert.Parameters.AddWithValue("$p", text);
                await insert.ExecuteNonQueryAsync();
                tx.Commit();
                return null!;
            }, () =>
            {
                foreach (var c in connections)
                {
                    c.Dispose();
                }
                local.Dispose();
                return ValueTask.CompletedTask;
            });
        }, dedicatedThreads: true);
        // Order matters on a shared disk (the first run's files are still being written back during the second):
        // --order plain-first swaps it to check.
        Result audit, baseline;
        if (auditOnly)
        {
            audit = await auditRun();
            baseline = new Result(double.NaN, double.NaN, double.NaN);
        }
        else if (plainFirst)
        {
            baseline = await plainRun();
            audit = await auditRun();
        }
        else
        {
            audit = await auditRun();
            baseline = await plainRun();
        }
        rows.Add(string.Create(CultureInfo.InvariantCulture,
            $"| {writers} | {audit.PerSecond:N0} | {audit.P50:F2} | {audit.P99:F2} | {baseline.PerSecond:N0} | {baseline.P50:F2} | {baseline.P99:F2} | {audit.PerSecond / baseline.PerSecond:F1}× |"));
    }
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(directory, recursive: true);
}

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"durable appends, {seconds:F0} s per run after {warmup:F0} s warm-up (WAL, synchronous=FULL)"));
Console.WriteLine("| writers | AuditLog appends/s | p50 ms | p99 ms | plain INSERT tx/s | p50 ms | p99 ms | AuditLog vs plain |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
rows.ForEach(Console.WriteLine);
return 0;

async Task<Result> RunAsync(string name, int writers, Func<SqliteDatabase, int, Task<(Func<Task<AuditReceipt>> Append, Func<ValueTask> Dispose)>> setup, bool dedicatedThreads = false)
{
    var db = await SqliteDatabase.OpenAsync(new SqliteStorageOptions { DatabasePath = Path.Combine(directory, name + ".db"), DurableCommits = true, BusyTimeout = TimeSpan.FromSeconds(60),
        CheckpointInterval = TimeSpan.FromMilliseconds(checkpointMs), WalSizeLimit = walLimitMb << 20 }, null, trace ? new ConsoleLogger<SqliteDatabase>() : null);
    var (append, dispose) = await setup(db, writers);
    // Steady state for both: a WAL file already grown and checkpointed, so commits overwrite it in place
    // (a growing WAL makes every fsync also commit file-size metadata, which a short run would mostly measure).
    await using (var prime = await db.OpenConnectionAsync())
    {
        using var command = prime.CreateCommand();
        command.CommandText = "CREATE TABLE bench_prime (b BLOB); INSERT INTO bench_prime VALUES (zeroblob(16777216)); DROP TABLE bench_prime; PRAGMA wal_checkpoint(RESTART);";
        await command.ExecuteNonQueryAsync();
    }
    var latencies = new List<double>[writers];
    var stopAt = Stopwatch.GetTimestamp() + (long)((warmup + seconds) * Stopwatch.Frequency);
    var measureFrom = Stopwatch.GetTimestamp() + (long)(warmup * Stopwatch.Frequency);
    long measureStart = 0, measureEnd = 0;
    async Task Loop(int w)
    {
        var mine = latencies[w] = new List<double>(100_000);
        while (true)
        {
            var start = Stopwatch.GetTimestamp();
            if (start >= stopAt)
            {
                return;
            }
            await append();
            var end = Stopwatch.GetTimestamp();
            if (start >= measureFrom)
            {
                mine.Add((end - start) * 1000.0 / Stopwatch.Frequency);
            }
        }
    }
    // The plain baseline blocks inside SQLite's busy wait, so each of its writers gets its own thread.
    var tasks = Enumerable.Range(0, writers)
        .Select(w => dedicatedThreads ? Task.Factory.StartNew(() => Loop(w), TaskCreationOptions.LongRunning).Unwrap() : Task.Run(() => Loop(w)))
        .ToArray();
    measureStart = measureFrom;
    await Task.WhenAll(tasks);
    measureEnd = stopAt;
    await dispose();
    await db.DisposeAsync();
    var all = latencies.SelectMany(l => l).Order().ToArray();
    var elapsed = (measureEnd - measureStart) / (double)Stopwatch.Frequency;
    var result = new Result(all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-10} {all.Length,9:N0} appends  {result.PerSecond,9:N0}/s  p50 {result.P50:F2} ms  p99 {result.P99:F2} ms"));
    return result;
}

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

internal sealed record Result(double PerSecond, double P50, double P99);
