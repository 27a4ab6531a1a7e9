using JiraGate.Governance.Policies;

namespace JiraGate.Governance.Tests.Policies;

/// <summary>Properties of "Governance semantics" on ≥ 10,000 seeded random cases each.</summary>
public sealed class PolicyPropertyTests
{
    private const int Cases = 12_000;
    private static readonly PolicyEngine Engine = new();

    [Theory]
    [InlineData(1)]
    [InlineData(20260105)]
    public void Decide_RandomPolicySets_MatchesNaiveReferenceEvaluator(int seed)
    {
        var gen = new RandomPolicies(seed);
        var seen = new Dictionary<string, int>();
        for (var i = 0; i < Cases; i++)
        {
            var policies = gen.PolicySet();
            var op = gen.Operation();
            var args = gen.Arguments();
            var actual = Engine.Decide(Engine.Compile(policies), op, args);
            var expected = NaiveEvaluator.Decide(policies, op, args);
            foreach (var tag in new[] { SeedDecisionTableTests.Outcome(actual), actual.Rule.ToString(), actual.Escalated ? "escalated" : "", actual.Scopes.Count > 0 ? "scoped" : "" })
            {
                seen[tag] = seen.GetValueOrDefault(tag) + 1;
            }

            var got = new NaiveDecision(actual.IsGranted, actual.Approval, actual.HitlChannel, actual.IsGranted ? actual.Policy : null,
                actual.Escalated, [.. actual.Scopes.Select(s => s.Policy)]);
            Assert.True(expected.Granted == got.Granted && expected.Approval == got.Approval && expected.Channel == got.Channel
                && expected.Policy == got.Policy && expected.Escalated == got.Escalated && expected.ScopePolicies.SequenceEqual(got.ScopePolicies),
                $"seed {seed} case {i}: {op} {args}\nexpected {expected}\ngot      {got} ({actual.Reason})");
        }

        // The generator reaches every kind of outcome, often enough to matter.
        foreach (var tag in new[] { "A", "D", "auto", "hitl", "escalated", "scoped", "DeniedByPolicy", "NoGrant", "RiskAboveMax", "OutsideWhere" })
        {
            Assert.True(seen.GetValueOrDefault(tag) >= 50, $"only {seen.GetValueOrDefault(tag)} cases of {tag}");
        }
    }

    [Fact]
    public void Decide_ShuffledPolicyOrder_NeverChangesTheDecision()
    {
        var gen = new RandomPolicies(7);
        for (var i = 0; i < Cases; i++)
        {
            var policies = gen.PolicySet();
            var op = gen.Operation();
            var args = gen.Arguments();
            var a = Engine.Decide(Engine.Compile(policies), op, args);
            var shuffled = policies.OrderBy(_ => gen.Random.Next()).ToList();
            var b = Engine.Decide(Engine.Compile(shuffled), op, args);
            Assert.True(Same(a, b), $"case {i}: {op}: {a.Reason} vs {b.Reason}");
        }
    }

    [Fact]
    public void Decide_AddingADeny_NeverGrants()
    {
        var gen = new RandomPolicies(11);
        for (var i = 0; i < Cases; i++)
        {
            var policies = gen.PolicySet();
            var op = gen.Operation();
            var args = gen.Arguments();
            var before = Engine.Decide(Engine.Compile(policies), op, args);
            var k = gen.Random.Next(policies.Count);
            policies[k] = With(policies[k], deny: [.. policies[k].Deny, gen.Glob()]);
            var after = Engine.Decide(Engine.Compile(policies), op, args);
            Assert.True(!after.IsGranted || before.IsGranted, $"case {i}: {op}: denied before ({before.Reason}), granted after ({after.Reason})");
        }
    }

    [Fact]
    public void Decide_AddingAGrant_NeverRemovesOne()
    {
        var gen = new RandomPolicies(13);
        for (var i = 0; i < Cases; i++)
        {
            var policies = gen.PolicySet();
            var op = gen.Operation();
            var args = gen.Arguments();
            var before = Engine.Decide(Engine.Compile(policies), op, args);

            // Either a new policy with no deny list, or one more glob in an existing policy's operations.
            if (gen.Random.Next(2) == 0)
            {
                policies.Add(With(gen.Policy("extra"), deny: []));
            }
            else
            {
                var k = gen.Random.Next(policies.Count);
                policies[k] = With(policies[k], operations: [.. policies[k].Operations, gen.Glob()]);
            }

            var after = Engine.Decide(Engine.Compile(policies), op, args);
            Assert.True(!before.IsGranted || after.IsGranted, $"case {i}: {op}: granted before ({before.Reason}), denied after ({after.Reason})");
        }
    }

    private static bool Same(PolicyDecision a, PolicyDecision b) =>
        a.Effect == b.Effect && a.Approval == b.Approval && a.HitlChannel == b.HitlChannel && a.Policy == b.Policy
        && a.Glob == b.Glob && a.Rule == b.Rule && a.Reason == b.Reason && a.Escalated == b.Escalated
        && a.Scopes.Select(s => s.Policy).SequenceEqual(b.Scopes.Select(s => s.Policy));

    private static Policy With(Policy p, IReadOnlyList<string>? deny = null, IReadOnlyList<string>? operations = null) => new()
    {
        Name = p.Name,
        Connector = p.Connector,
        Operations = operations ?? p.Operations,
        RiskMax = p.RiskMax,
        Approval = p.Approval,
        HitlChannel = p.HitlChannel,
        Deny = deny ?? p.Deny,
        Where = p.Where,
        Escalate = p.Escalate,
    };
}
