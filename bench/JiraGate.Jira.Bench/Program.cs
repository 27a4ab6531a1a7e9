using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using JiraGate.Jira;
using JiraGate.Jira.Authentication;
using JiraGate.Jira.Bench;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;
using Microsoft.Extensions.DependencyInjection;

// Issue 3 item 11: stream every issue of a 10,000-issue query through the client's auto-pager (Cloud,
// /rest/api/3/search/jql, fields summary,status,assignee,updated, 100 a page), side by side in the same run
// with raw HttpClient + JsonDocument over the same pages. Two settings:
//   live   — both sides against the sandbox on loopback (its serving cost is in both; its allocations count
//            too, since it runs in this process);
//   replay — the same recorded pages answered from memory: only the sides' own time and allocations.
// Loopback only; every loop is bounded (limit, rounds, and a run timeout).
var settings = Settings.Parse(args);
using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(settings.TimeoutMinutes));
var ct = timeout.Token;

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $".NET {Environment.Version}, {Environment.ProcessorCount} cores, {(System.Runtime.GCSettings.IsServerGC ? "Server" : "Workstation")} GC, {RuntimeOf()}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Seeding a {settings.SiteIssues:N0}-issue site (seed {settings.Seed}; SEC holds 40 %) …"));
var seedWatch = Stopwatch.StartNew();
await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Seed = new SeedOptions(settings.SiteIssues, settings.Seed) }, ct);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ready in {seedWatch.Elapsed.TotalSeconds:F1} s at {sandbox.BaseUrl}"));

var spec = new SearchSpec(settings.Jql, ["summary", "status", "assignee", "updated"], settings.PageSize, settings.Limit);
var results = new List<(string Mode, List<SideResult> Sides)>();

await using (var live = Services(sandbox.BaseUrl, primary: null))
{
    var http = live.GetRequiredService<IHttpClientFactory>().CreateClient("baseline");
    var pages = await RecordedPages.RecordAsync(http, spec, ct);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Query: {spec.Jql} (limit {spec.Limit:N0}, {spec.PageSize} a page): {pages.Tokens.Count} pages, {pages.TotalBytes:N0} bytes ({pages.TotalBytes / (double)spec.Limit:F0} B/issue on the wire)"));
    if (settings.Modes.Contains("live"))
    {
        Console.WriteLine("live (sandbox on loopback, in this process):");
        results.Add(("live", await Measure.RunAsync(Sides(live, spec, pages), settings.Warmup, settings.Rounds, spec.Limit, ct)));
    }
    if (settings.Modes.Contains("phases"))
    {
        await using var replay = Services(new Uri("http://127.0.0.1:9/"), b => b.ConfigurePrimaryHttpMessageHandler(() => new ReplayHandler(pages)));
        Console.WriteLine("phases (allocation by phase, client only, recorded pages from memory):");
        await Phases.RunAsync(replay.GetRequiredService<JiraClient>(), spec, pages, ct);
    }
    if (settings.Modes.Contains("replay"))
    {
        await using var replay = Services(new Uri("http://127.0.0.1:9/"), b => b.ConfigurePrimaryHttpMessageHandler(() => new ReplayHandler(pages)));
        Console.WriteLine("replay (recorded pages from memory; no sockets, no sandbox):");
        results.Add(("replay", await Measure.RunAsync(Sides(replay, spec, pages), settings.Warmup, settings.Rounds, spec.Limit, ct)));
    }
}

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| setting | side | median ms ({settings.Rounds} rounds) | best ms | issues/s | bytes/issue | gen0/round | time vs baseline | allocations vs baseline |"));
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
var failed = false;
foreach (var (mode, sides) in results)
{
    var baseline = sides.Single(s => s.Name == BaselineSide.DisplayName);
    foreach (var s in sides)
    {
        var timeRatio = s.Median / baseline.Median;
        var allocRatio = s.BytesPerIssue / baseline.BytesPerIssue;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {mode} | {s.Name} | {s.Median.TotalMilliseconds:F0} | {s.Min.TotalMilliseconds:F0} | {s.IssuesPerSecond:N0} | {s.BytesPerIssue:N0} | {s.Gen0PerRound:F1} | {timeRatio:F2}× | {allocRatio:F2}× |"));
        if (s.Name == ClientSide.DisplayName)
        {
            failed |= timeRatio > 1.2 || allocRatio > 2.0;
        }
    }
}
if (results.Count > 0)
{
    Console.WriteLine(failed ? "Goal (client ≤ 1.2× time, ≤ 2× allocations): MISSED" : "Goal (client ≤ 1.2× time, ≤ 2× allocations): met");
}
return 0;

// One provider per setting: the client as an application registers it, and a bare named HttpClient for the baseline.
static ServiceProvider Services(Uri baseUrl, Action<IHttpClientBuilder>? primary)
{
    var services = new ServiceCollection();
    services.AddLogging();
    var jira = services.AddJiraClient(o =>
    {
        o.BaseUrl = baseUrl;
        o.Credentials = new ApiTokenCredentials(DemoCredentials.Alice.Email, DemoCredentials.Alice.ApiToken);
        o.Deployment = JiraDeployment.Cloud;
    });
    primary?.Invoke(jira.HttpClient);
    var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(DemoCredentials.Alice.Email + ":" + DemoCredentials.Alice.ApiToken));
    var baseline = services.AddHttpClient("baseline", c =>
    {
        c.BaseAddress = baseUrl;
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
        c.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    });
    primary?.Invoke(baseline);
    return services.BuildServiceProvider();
}

static List<IStreamSide> Sides(ServiceProvider services, SearchSpec spec, RecordedPages pages)
{
    var http = services.GetRequiredService<IHttpClientFactory>().CreateClient("baseline");
    return
    [
        new ClientSide(services.GetRequiredService<JiraClient>(), spec),
        new BaselineSide(http, spec),
        new HttpOnlySide(http, spec, pages.Tokens, pages.Counts),
    ];
}

static string RuntimeOf() => System.Runtime.InteropServices.RuntimeInformation.OSDescription;

internal sealed record Settings(int SiteIssues, int Seed, string Jql, int Limit, int PageSize, int Warmup, int Rounds,
    IReadOnlyList<string> Modes, int TimeoutMinutes)
{
    public static Settings Parse(string[] args)
    {
        string? Text(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        int Int(string name, int fallback) => Text(name) is { } t ? int.Parse(t, CultureInfo.InvariantCulture) : fallback;
        return new Settings(
            // 30,000 issues put 12,000 in SEC; Alice sees more than 10,000 of them, so the limit cuts exactly.
            SiteIssues: Int("--site-issues", 30_000),
            Seed: Int("--seed", 42),
            Jql: Text("--jql") ?? "project = SEC ORDER BY key ASC",
            Limit: Int("--limit", 10_000),
            PageSize: Int("--page-size", 100),
            Warmup: Int("--warmup", 2),
            Rounds: Int("--rounds", 7),
            Modes: (Text("--mode") ?? "live,replay").Split(','),
            TimeoutMinutes: Int("--timeout-minutes", 10));
    }
}
