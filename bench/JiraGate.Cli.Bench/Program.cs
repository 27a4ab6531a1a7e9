using System.Globalization;
using System.Runtime.InteropServices;
using JiraGate.Cli.Bench;

// `jiragate mcp` (stdio) cold start to an answered tools/list (issue 5 item 7; TARGETS.md: ≤ 50 ms), per publish mode,
// side by side with the same binary's `--version` (the floor: the runtime starting and the command line parsed). Each
// mode is published by this harness (Release, from this checkout), the data directory is prepared with the CLI's own
// `agents add`, and the runs are interleaved (mode after mode, N rounds) so machine noise spreads over all of them.
var settings = BenchSettings.Parse(args);
if (settings is null)
{
    return 2;
}

var repo = Repo.FindRoot();
Directory.CreateDirectory(settings.Artifacts);
Console.WriteLine($"jiragate mcp cold start: {settings.Runs} runs per mode after 1 warm-up, artifacts in {settings.Artifacts}");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; load average at start: {Machine.LoadAverage()}");

var binaries = new List<(PublishMode Mode, string Exe)>();
foreach (var mode in settings.Modes)
{
    var exe = await Publisher.PublishAsync(repo, mode, settings.Artifacts, settings.Publish);
    if (exe is not null)
    {
        binaries.Add((mode, exe));
    }
}
if (binaries.Count == 0)
{
    Console.Error.WriteLine("error: no publish mode could be built; see the logs above.");
    return 1;
}

var data = Path.Combine(settings.Artifacts, "data");
var key = await DataDir.PrepareAsync(binaries[0].Exe, data);
Console.WriteLine($"data dir {data}: agent {DataDir.AgentId} on jira-soc-triage (registered with `jiragate agents add`)");
Console.WriteLine($"load average before measuring: {Machine.LoadAverage()}");

var results = binaries.Select(b => new ModeResult(b.Mode, b.Exe)).ToList();
foreach (var r in results)
{
    // One untimed run each: the first start after a publish reads the files from disk.
    await ColdStart.McpToolsListAsync(r.Exe, r.Mode, data, key);
    await ColdStart.VersionAsync(r.Exe, r.Mode);
}
for (var i = 0; i < settings.Runs; i++)
{
    foreach (var r in results)
    {
        r.Mcp.Add(await ColdStart.McpToolsListAsync(r.Exe, r.Mode, data, key));
        r.Version.Add(await ColdStart.VersionAsync(r.Exe, r.Mode));
    }
}

Console.WriteLine($"load average after measuring: {Machine.LoadAverage()}");
Console.WriteLine();
var reference = results.FirstOrDefault(r => r.Mode.Name == "jit") ?? results[0];
Console.WriteLine($"| mode | mcp → tools/list p50 ms | p95 ms | `--version` p50 ms | p95 ms | mcp − `--version` p50 ms | mcp vs {reference.Mode.Name} mcp (p50) |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var r in results)
{
    var mcp50 = Stats.Percentile(r.Mcp, 50);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {r.Mode.Name} ({r.Mode.Description}) | {mcp50:0.0} | {Stats.Percentile(r.Mcp, 95):0.0} | {Stats.Percentile(r.Version, 50):0.0} | {Stats.Percentile(r.Version, 95):0.0} | {mcp50 - Stats.Percentile(r.Version, 50):0.0} | {mcp50 / Stats.Percentile(reference.Mcp, 50):0.00}× |"));
}
Console.WriteLine();
Console.WriteLine("Times are wall clock from Process.Start to the tools/list answer (mcp) or the first line (--version) on stdout.");
return 0;

namespace JiraGate.Cli.Bench
{
    /// <summary>One mode's samples.</summary>
    internal sealed record ModeResult(PublishMode Mode, string Exe)
    {
        public List<double> Mcp { get; } = [];

        public List<double> Version { get; } = [];
    }

    internal static class Stats
    {
        /// <summary>Nearest-rank percentile.</summary>
        public static double Percentile(IReadOnlyList<double> samples, int percentile)
        {
            var sorted = samples.Order().ToArray();
            var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
        }
    }

    internal static class Machine
    {
        public static string LoadAverage() =>
            File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
    }

    internal static class Repo
    {
        public static string FindRoot()
        {
            foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "JiraGate.slnx")))
                    {
                        return dir.FullName;
                    }
                }
            }
            throw new InvalidOperationException("JiraGate.slnx not found above the working directory: run from the repository.");
        }
    }
}
