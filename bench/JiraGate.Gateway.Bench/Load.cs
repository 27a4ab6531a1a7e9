using System.Diagnostics;
using System.Globalization;

namespace JiraGate.Gateway.Bench;

/// <summary>
/// One way of reading SEC-456: <see cref="Call"/> makes one call as worker (agent) n and throws unless it succeeded.
/// Sides of one <see cref="Group"/> are compared with each other; the first of a group is its baseline.
/// </summary>
internal sealed record Side(string Group, string Name, Func<int, CancellationToken, Task> Call);

/// <summary>A side's figures at one concurrency: percentiles over all its measured calls, and the median round.</summary>
internal sealed record SideResult(Side Side, int Concurrency, int Calls, double P50, double P95, double P99,
    double MedianCallsPerSecond, double[] RoundP50s);

internal static class Load
{
    /// <summary>
    /// Runs every side once as warm-up (<paramref name="warmupCalls"/> calls per worker), then <paramref name="rounds"/>
    /// rounds in which each side in turn (the order rotating every round) has <paramref name="concurrency"/> workers make
    /// <paramref name="callsPerWorker"/> calls each, back to back (a closed loop). Latency is per call, in ms.
    /// </summary>
    public static async Task<List<SideResult>> RunAsync(IReadOnlyList<Side> sides, int concurrency, int warmupCalls, int callsPerWorker,
        int rounds, CancellationToken ct)
    {
        foreach (var side in sides)
        {
            await RoundAsync(side, concurrency, warmupCalls, ct);
        }
        var latencies = sides.ToDictionary(s => s, _ => new List<double>());
        var p50s = sides.ToDictionary(s => s, _ => new List<double>());
        var rates = sides.ToDictionary(s => s, _ => new List<double>());
        for (var r = 0; r < rounds; r++)
        {
            for (var i = 0; i < sides.Count; i++)
            {
                var side = sides[(i + r) % sides.Count];
                var (calls, elapsed) = await RoundAsync(side, concurrency, callsPerWorker, ct);
                latencies[side].AddRange(calls);
                p50s[side].Add(Percentile(calls, 0.50));
                rates[side].Add(calls.Length / elapsed.TotalSeconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    c={concurrency,-2} round {r + 1} {side.Group,-8} {side.Name,-44} p50 {Percentile(calls, 0.5),7:F3} ms  p99 {Percentile(calls, 0.99),7:F3} ms  {calls.Length / elapsed.TotalSeconds,7:F0}/s  load {LoadAverage.OneMinute:F1}"));
            }
        }
        return [.. sides.Select(s =>
        {
            var all = latencies[s].ToArray();
            return new SideResult(s, concurrency, all.Length, Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99),
                Median(rates[s]), [.. p50s[s]]);
        })];
    }

    private static async Task<(double[] Calls, TimeSpan Elapsed)> RoundAsync(Side side, int concurrency, int callsPerWorker, CancellationToken ct)
    {
        // Start every round from a clean heap so one side's garbage is not collected on the next side's time.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var results = new double[concurrency * callsPerWorker];
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            for (var c = 0; c < callsPerWorker; c++)
            {
                var start = Stopwatch.GetTimestamp();
                await side.Call(w, ct);
                results[w * callsPerWorker + c] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }, ct)).ToArray();
        await Task.WhenAll(workers);
        watch.Stop();
        return (results, watch.Elapsed);
    }

    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2.0;
    }
}

/// <summary>The machine's load average (Linux /proc/loadavg), to describe how shared the cores were during the run.</summary>
internal static class LoadAverage
{
    public static double OneMinute => Read() is { Length: > 0 } parts ? parts[0] : double.NaN;

    public static string Describe() => Read() is { Length: >= 3 } p
        ? string.Create(CultureInfo.InvariantCulture, $"{p[0]:F2} {p[1]:F2} {p[2]:F2}")
        : "unknown";

    private static double[] Read()
    {
        try
        {
            return [.. File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Select(t => double.Parse(t, CultureInfo.InvariantCulture))];
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }
}
