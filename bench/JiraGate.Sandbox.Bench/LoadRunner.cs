using System.Diagnostics;
using System.Globalization;

namespace JiraGate.Sandbox.Bench;

internal sealed record BenchSettings(int Issues, int Seed, int Concurrency, TimeSpan Warmup, TimeSpan Duration)
{
    public static BenchSettings Parse(string[] args)
    {
        int Int(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }
        return new BenchSettings(
            Issues: Int("--issues", 100_000),
            Seed: Int("--seed", 42),
            Concurrency: Int("--concurrency", 8),
            Warmup: TimeSpan.FromSeconds(Int("--warmup", 3)),
            Duration: TimeSpan.FromSeconds(Int("--seconds", 10)));
    }
}

internal sealed record LoadResult(long Requests, long Errors, double RequestsPerSecond, double P50Ms, double P99Ms)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{RequestsPerSecond,8:F0} req/s  p50 {P50Ms,6:F2} ms  p99 {P99Ms,6:F2} ms  ({Requests:N0} requests, {Errors} errors)");
}

/// <summary>A closed-loop load: N workers, each sending the next request when the last one is answered.</summary>
internal static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(HttpClient client, Func<string> nextPath, BenchSettings settings)
    {
        await RunPhaseAsync(client, nextPath, settings.Concurrency, settings.Warmup, record: null);
        var latencies = new List<double>[settings.Concurrency];
        for (var i = 0; i < latencies.Length; i++)
        {
            latencies[i] = new List<double>(100_000);
        }
        var watch = Stopwatch.StartNew();
        var errors = await RunPhaseAsync(client, nextPath, settings.Concurrency, settings.Duration, latencies);
        var elapsed = watch.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(all.Length, errors, all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static async Task<long> RunPhaseAsync(HttpClient client, Func<string> nextPath, int concurrency, TimeSpan duration, List<double>[]? record)
    {
        long errors = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var paths = new Lock();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var buffer = new byte[64 * 1024];
            while (Stopwatch.GetTimestamp() < deadline)
            {
                string path;
                lock (paths)
                {
                    path = nextPath();
                }
                var start = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
                await using var body = await response.Content.ReadAsStreamAsync();
                while (await body.ReadAsync(buffer) > 0)
                {
                }
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
                record?[worker].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        });
        await Task.WhenAll(workers);
        return errors;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
