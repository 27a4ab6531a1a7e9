using System.Diagnostics;
using System.Globalization;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Policies;

namespace JiraGate.Governance.Bench;

internal sealed record BenchSettings(int Policies, int Globs, int Samples, int Seed)
{
    public static BenchSettings Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }

        return new BenchSettings(Get("--policies", 100), Get("--globs", 10), Get("--samples", 2_000_000), Get("--seed", 42));
    }
}

/// <summary>A seeded set of policies without where/escalate (the cached path), each with N distinct-ish globs.</summary>
internal static class PolicyFixture
{
    public static List<Policy> Build(int count, int globs, int seed)
    {
        var r = new Random(seed);
        var names = OperationCatalog.Default.All.Select(o => o.Name).ToArray();
        var families = names.Select(n => n[..n.IndexOf(':')]).Distinct().ToArray();
        string Glob()
        {
            var name = names[r.Next(names.Length)];
            return r.Next(6) switch
            {
                0 => families[r.Next(families.Length)] + ":*",
                1 => families[r.Next(families.Length)] + ":read*",
                2 => "*:" + name[(name.IndexOf(':') + 1)..],
                3 => name[..(name.IndexOf(':') + 2)] + "*",
                _ => name,
            };
        }

        ApprovalMode Mode() => (ApprovalMode)r.Next(3);
        return
        [
            .. Enumerable.Range(0, count).Select(i => new Policy
            {
                Name = $"policy-{i:D3}",
                Operations = [.. Enumerable.Range(0, globs).Select(_ => Glob())],
                RiskMax = (RiskLevel)r.Next(3),
                Approval = r.Next(2) == 0 ? PolicyApproval.None : new PolicyApproval { Low = ApprovalMode.None, Medium = Mode(), High = Mode() },
                HitlChannel = $"#approvals-{i % 5}",
                Deny = r.Next(10) == 0 ? ["webhooks:delete"] : [],
            }),
        ];
    }

    public static Policy Scoped() => new()
    {
        Name = "a-scoped-sec", // sorts first, so it can decide ties: the row cannot be precomputed
        Operations = ["issues:create"],
        RiskMax = RiskLevel.High,
        Approval = new PolicyApproval { Medium = ApprovalMode.Hitl },
        HitlChannel = "#sec",
        Where = new PolicyWhere { Projects = ["SEC"], IssueTypes = ["Bug"] },
    };
}

/// <summary>
/// The obvious implementation without precomputation: walk every policy and glob on each call (same glob matcher as
/// the engine). What the compiled table saves.
/// </summary>
internal static class UncompiledWalk
{
    public static (bool Granted, ApprovalMode Mode) Decide(IReadOnlyList<Policy> policies, OperationDescriptor op)
    {
        foreach (var p in policies)
        {
            foreach (var g in p.Deny)
            {
                if (OperationGlob.IsMatch(g, op.Name))
                {
                    return (false, ApprovalMode.None);
                }
            }
        }

        var granted = false;
        var mode = ApprovalMode.None;
        foreach (var p in policies)
        {
            if (op.Risk > p.RiskMax)
            {
                continue;
            }

            foreach (var g in p.Operations)
            {
                if (OperationGlob.IsMatch(g, op.Name))
                {
                    granted = true;
                    var m = p.Approval.For(op.Risk);
                    mode = m > mode ? m : mode;
                    break;
                }
            }
        }

        return (granted, mode);
    }
}

internal sealed record Measure(string Name, int Calls, double MeanNs, double P50Ns, double P99Ns, double P999Ns, double BytesPerCall)
{
    public static Measure Run(string name, int samples, string[] ops, Func<string, bool> decide)
    {
        // Warm up (tiered JIT to full opt), then time each call on its own (Stopwatch timestamps: ~20-30 ns of the
        // figures are the timer itself), and the whole loop for the mean.
        var sink = 0;
        for (var i = 0; i < Math.Min(samples, 200_000); i++)
        {
            sink += decide(ops[i % ops.Length]) ? 1 : 0;
        }

        Thread.Sleep(200);
        var ticks = new long[samples];
        Array.Fill(ticks, 1); // touch every page before timing: first-touch page faults are not the engine's
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < samples; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            sink += decide(ops[i % ops.Length]) ? 1 : 0;
            ticks[i] = Stopwatch.GetTimestamp() - t0;
        }

        var total = Stopwatch.GetTimestamp() - start;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        GC.KeepAlive(sink);
        Array.Sort(ticks);
        double Ns(long t) => t * 1e9 / Stopwatch.Frequency;
        double Pct(double p) => Ns(ticks[Math.Min(ticks.Length - 1, (int)(p * ticks.Length))]);
        return new Measure(name, samples, Ns(total) / samples, Pct(0.50), Pct(0.99), Pct(0.999), (double)allocated / samples);
    }

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {Calls:N0} | {MeanNs:F0} | {P50Ns:F0} | {P99Ns:F0} | {P999Ns:F0} | {BytesPerCall:F1} |");
}
