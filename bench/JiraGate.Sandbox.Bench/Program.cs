using System.Diagnostics;
using System.Globalization;
using JiraGate.Sandbox.Bench;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;

// The sandbox serving GET issue and search/jql pages of 100 issues on a generated site, against a
// baseline in the same run: a bare Kestrel endpoint answering a pre-rendered body of the same size on
// the same machine (the cost of HTTP itself). Loopback only; every loop is bounded in time.
var settings = BenchSettings.Parse(args);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Seeding a {settings.Issues:N0}-issue site (seed {settings.Seed}) …"));
var seedWatch = Stopwatch.StartNew();
await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Seed = new SeedOptions(settings.Issues, settings.Seed) });
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ready in {seedWatch.Elapsed.TotalSeconds:F1} s at {sandbox.BaseUrl}"));

using var client = sandbox.CreateClient(DemoCredentials.Alice);
var keys = sandbox.Site.Read(s => s.Data.Issues.Where(i => i.Key.StartsWith("SEC-", StringComparison.Ordinal) && i.SecurityLevelId is null).Select(i => i.Key).ToArray());
var random = new Random(settings.Seed);

const string SearchPath = "/rest/api/3/search/jql?jql=project%20%3D%20SEC%20ORDER%20BY%20key%20ASC&maxResults=100&fields=summary,status,assignee,priority,updated";
var scenarios = new List<Scenario>
{
    new("GET /rest/api/3/issue/{key}", () => "/rest/api/3/issue/" + keys[random.Next(keys.Length)] + "?fields=summary,status,assignee,priority,updated,description"),
    new("GET /rest/api/3/search/jql (100 issues)", () => SearchPath),
    // A different query every time (the day count cycles through 1,000 values): no result cache helps,
    // so this is the cost of evaluating JQL over all 100,000 issues, sorting and rendering.
    new("GET /rest/api/3/search/jql (100 issues, uncached query)", () =>
        "/rest/api/3/search/jql?jql=" + Uri.EscapeDataString($"project = SEC AND created >= -{random.Next(1, 1000)}d ORDER BY key ASC") +
        "&maxResults=100&fields=summary,status,assignee,priority,updated"),
};

var results = new List<(string Name, LoadResult Sandbox, LoadResult Baseline)>();
foreach (var scenario in scenarios)
{
    var sample = await client.GetByteArrayAsync(scenario.NextPath());
    await using var baseline = await Baseline.StartAsync(sample);
    using var baselineClient = sandbox.CreateClient();
    baselineClient.BaseAddress = baseline.BaseUrl;
    Console.WriteLine($"{scenario.Name}: body {sample.Length:N0} bytes");
    var sandboxResult = await LoadRunner.RunAsync(client, scenario.NextPath, settings);
    var baselineResult = await LoadRunner.RunAsync(baselineClient, () => "/", settings);
    results.Add((scenario.Name, sandboxResult, baselineResult));
    Console.WriteLine($"  sandbox : {sandboxResult}");
    Console.WriteLine($"  baseline: {baselineResult}");
}

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| scenario ({settings.Issues:N0} issues, {settings.Concurrency} connections, {settings.Duration.TotalSeconds:F0} s) | sandbox req/s | p50 ms | p99 ms | baseline req/s | baseline p50 ms | throughput vs baseline |"));
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var (name, s, b) in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {s.RequestsPerSecond:F0} | {s.P50Ms:F2} | {s.P99Ms:F2} | {b.RequestsPerSecond:F0} | {b.P50Ms:F2} | {s.RequestsPerSecond / b.RequestsPerSecond:P0} |"));
}
return results.All(r => r.Sandbox.Errors == 0) ? 0 : 1;

internal sealed record Scenario(string Name, Func<string> NextPath);
