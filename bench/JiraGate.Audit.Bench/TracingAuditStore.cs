using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using JiraGate.Governance.Audit;

/// <summary>
/// <c>--trace</c>: wraps the store and records every group commit (batch size, time in <c>AppendAsync</c>), so a run
/// can say where its p99 comes from: slow commits (fsync, checkpoints) or large batches queued behind them.
/// </summary>
internal sealed class TracingAuditStore(IAuditStore inner) : IAuditStore
{
    /// <summary>The clock origin of trace lines (commits and checkpoint rounds), so they can be matched up.</summary>
    internal static readonly long Origin = Stopwatch.GetTimestamp();

    private readonly ConcurrentQueue<(int Size, double Ms, bool Checkpoint, double At)> _commits = new();

    public Task<AuditHead> GetHeadAsync(CancellationToken cancellationToken = default) => inner.GetHeadAsync(cancellationToken);

    public async Task AppendAsync(IReadOnlyList<AuditRecord> records, AuditCheckpoint? checkpoint = null, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        await inner.AppendAsync(records, checkpoint, cancellationToken).ConfigureAwait(false);
        _commits.Enqueue((records.Count, Stopwatch.GetElapsedTime(start).TotalMilliseconds, checkpoint is not null, Stopwatch.GetElapsedTime(Origin, start).TotalSeconds));
    }

    public IAsyncEnumerable<AuditRecord> ReadAsync(long fromSeq = 1, CancellationToken cancellationToken = default) => inner.ReadAsync(fromSeq, cancellationToken);

    public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);

    public Task<IReadOnlyList<AuditCheckpoint>> ListCheckpointsAsync(CancellationToken cancellationToken = default) => inner.ListCheckpointsAsync(cancellationToken);

    public void Print(string name)
    {
        var all = _commits.ToArray();
        if (all.Length == 0)
        {
            return;
        }
        var ms = all.Select(c => c.Ms).Order().ToArray();
        var sizes = all.Select(c => (double)c.Size).Order().ToArray();
        double P(double[] s, double p) => s[Math.Min(s.Length - 1, (int)(p * s.Length))];
        var slow = all.Count(c => c.Ms > 5);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name} commits {all.Length:N0}: ms p50 {P(ms, 0.5):F2} p90 {P(ms, 0.9):F2} p99 {P(ms, 0.99):F2} max {ms[^1]:F1}; batch p50 {P(sizes, 0.5):F0} p99 {P(sizes, 0.99):F0} max {sizes[^1]:F0}; >5 ms: {slow} ({all.Where(c => c.Ms > 5).Sum(c => c.Size):N0} records), with checkpoint: {all.Count(c => c.Checkpoint)} avg {all.Where(c => c.Checkpoint).Select(c => c.Ms).DefaultIfEmpty().Average():F2} ms"));
        Console.WriteLine("  slowest: " + string.Join(", ", all.OrderByDescending(c => c.Ms).Take(8).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Ms:F1} ms×{c.Size}{(c.Checkpoint ? "+cp" : "")} @{c.At:F2}"))));
    }
}
