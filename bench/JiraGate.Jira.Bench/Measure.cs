using System.Diagnostics;
using System.Globalization;

namespace JiraGate.Jira.Bench;

/// <summary>One round of one side: wall time, bytes allocated (whole process) and gen-0 collections.</summary>
internal readonly record struct Round(TimeSpan Elapsed, long Allocated, int Gen0, StreamResult Result);

/// <summary>The median round of a side, and what it means per issue.</summary>
internal sealed record SideResult(string Name, int Issues, TimeSpan Median, TimeSpan Min, double BytesPerIssue, double Gen0PerRound)
{
    public double IssuesPerSecond => Issues / Median.TotalSeconds;
}

internal static class Measure
{
    /// <summary>
    /// Runs every side <paramref name="warmup"/> times unmeasured, then <paramref name="rounds"/> measured rounds,
    /// rotating which side goes first so drift (heat, the sandbox's caches) is spread over all of them.
    /// </summary>
    public static async Task<List<SideResult>> RunAsync(IReadOnlyList<IStreamSide> sides, int warmup, int rounds, int expected,
        CancellationToken cancellationToken)
    {
        for (var w = 0; w < warmup; w++)
        {
            foreach (var side in sides)
            {
                Check(side, await side.RunAsync(cancellationToken).ConfigureAwait(false), expected);
            }
        }
        var measured = sides.ToDictionary(s => s, _ => new List<Round>());
        for (var r = 0; r < rounds; r++)
        {
            for (var i = 0; i < sides.Count; i++)
            {
                var side = sides[(i + r) % sides.Count];
                var round = await OnceAsync(side, cancellationToken).ConfigureAwait(false);
                Check(side, round.Result, expected);
                measured[side].Add(round);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    round {r + 1} {side.Name,-32} {round.Elapsed.TotalMilliseconds,8:F1} ms  {round.Allocated / (double)round.Result.Issues,8:F0} B/issue  gen0 {round.Gen0}"));
            }
        }
        return [.. sides.Select(s =>
        {
            var runs = measured[s];
            var issues = runs[0].Result.Issues;
            return new SideResult(s.Name, issues,
                Median(runs.Select(x => x.Elapsed.Ticks)) is var t ? TimeSpan.FromTicks((long)t) : default,
                TimeSpan.FromTicks(runs.Min(x => x.Elapsed.Ticks)),
                Median(runs.Select(x => x.Allocated)) / issues,
                runs.Average(x => x.Gen0));
        })];
    }

    private static async Task<Round> OnceAsync(IStreamSide side, CancellationToken cancellationToken)
    {
        // Start every round from a clean heap so one side's garbage is not collected on the other's time.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var gen0 = GC.CollectionCount(0);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var result = await side.RunAsync(cancellationToken).ConfigureAwait(false);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        return new(watch.Elapsed, allocated, GC.CollectionCount(0) - gen0, result);
    }

    private static void Check(IStreamSide side, StreamResult result, int expected)
    {
        if (result.Issues != expected)
        {
            throw new InvalidOperationException($"{side.Name} streamed {result.Issues} issues, expected {expected}.");
        }
    }

    private static double Median(IEnumerable<long> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2.0;
    }
}
