using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using JiraGate.Governance.Bench;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Policies;
using JiraGate.Governance.Tests.Policies;

// Policy decision with 100 policies × 10 globs (TARGETS.md: p99 ≤ 2 µs, no allocation on the cached path),
// against the naive reference evaluator (globs as regexes, every policy walked per call) in the same run.
var settings = BenchSettings.Parse(args);
var policies = PolicyFixture.Build(settings.Policies, settings.Globs, settings.Seed);
var engine = new PolicyEngine();
var compileWatch = Stopwatch.StartNew();
var compiled = engine.Compile(policies);
compileWatch.Stop();
var ops = OperationCatalog.Default.All.Select(o => o.Name).ToArray();
var staticRows = ops.Count(compiled.IsStatic);
var decisions = ops.Select(o => engine.Decide(compiled, o)).ToArray();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{settings.Policies} policies × {settings.Globs} globs, seed {settings.Seed}: compiled in {compileWatch.Elapsed.TotalMilliseconds:F1} ms; " +
    $"{staticRows}/{ops.Length} rows precomputed; {decisions.Count(d => d.IsGranted)} operations granted, " +
    $"{decisions.Count(d => d.Approval == ApprovalMode.Auto)} auto, {decisions.Count(d => d.Approval == ApprovalMode.Hitl)} hitl"));

// The naive evaluator must agree before its time means anything.
foreach (var op in ops)
{
    var n = NaiveEvaluator.Decide(policies, op, default);
    var e = engine.Decide(compiled, op);
    if (n.Granted != e.IsGranted || n.Approval != e.Approval || n.Channel != e.HitlChannel)
    {
        throw new InvalidOperationException($"engine and naive evaluator disagree on {op}");
    }
}

var cached = Measure.Run("engine, cached path", settings.Samples, ops, op => engine.Decide(compiled, op).IsGranted);
var walk = Measure.Run("uncompiled walk (every policy and glob per call)", settings.Samples / 10, ops, op => UncompiledWalk.Decide(policies, OperationCatalog.Default[op]).Granted);
var naiveSamples = Math.Max(1000, settings.Samples / 1000);
var naive = Measure.Run("naive reference evaluator", naiveSamples, ops, op => NaiveEvaluator.Decide(policies, op, default).Granted);

// The per-call path for contrast: one extra where-scoped policy makes issues:create depend on its arguments.
var scoped = engine.Compile([.. policies, PolicyFixture.Scoped()]);
using var createArgs = JsonDocument.Parse("""{"project_key": "SEC", "summary": "s", "issue_type": "Bug"}""");
var argsElement = createArgs.RootElement;
var dynamic = Measure.Run("engine, per-call where (issues:create)", settings.Samples / 10, ["issues:create"], op => engine.Decide(scoped, op, argsElement).IsGranted);

Console.WriteLine();
Console.WriteLine("| path | calls | mean ns | p50 ns | p99 ns | p99.9 ns | bytes/call |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var r in new[] { cached, walk, naive, dynamic })
{
    Console.WriteLine(r.Row());
}

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"cached path vs uncompiled walk: {walk.MeanNs / cached.MeanNs:F0}× faster (mean), {walk.P99Ns / cached.P99Ns:F0}× (p99); " +
    $"vs naive: {naive.MeanNs / cached.MeanNs:F0}× (mean); " +
    $"target p99 ≤ 2,000 ns: {(cached.P99Ns <= 2000 ? "met" : "NOT met")}; allocation: {(cached.BytesPerCall == 0 ? "none" : "SOME")}"));
