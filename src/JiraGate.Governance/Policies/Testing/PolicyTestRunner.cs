using JiraGate.Governance.Catalog;

namespace JiraGate.Governance.Policies.Testing;

/// <summary>The result of one policy test case.</summary>
public sealed class PolicyTestCaseResult
{
    /// <summary>The case.</summary>
    public required PolicyTestCase Case { get; init; }

    /// <summary>Whether the decision matched the expectation.</summary>
    public required bool Passed { get; init; }

    /// <summary>The outcome the engine gave, or null when the case could not run.</summary>
    public PolicyExpectation? Actual { get; init; }

    /// <summary>The engine's explanation, or why the case could not run.</summary>
    public required string Explanation { get; init; }

    /// <summary><c>PASS name</c> or <c>FAIL file:line:col name: expected X, got Y — explanation</c>.</summary>
    public override string ToString() => Passed
        ? $"PASS {Case.Name}"
        : $"FAIL {Case.Source} {Case.Name}: expected {Case.Expect.ToString().ToLowerInvariant()}, got {Actual?.ToString().ToLowerInvariant() ?? "error"}\n{Explanation}";
}

/// <summary>All results of a run.</summary>
public sealed class PolicyTestReport
{
    /// <summary>One result per case, in file order.</summary>
    public required IReadOnlyList<PolicyTestCaseResult> Results { get; init; }

    /// <summary>How many passed.</summary>
    public int PassedCount => Results.Count(r => r.Passed);

    /// <summary>How many failed (or could not run).</summary>
    public int FailedCount => Results.Count - PassedCount;

    /// <summary>Whether every case passed.</summary>
    public bool AllPassed => FailedCount == 0;
}

/// <summary>Runs a <see cref="PolicyTestSuite"/> against a policy set (what <c>jiragate policy test</c> calls).</summary>
public sealed class PolicyTestRunner
{
    private readonly PolicyEngine _engine;

    /// <summary>Creates a runner (default: an engine over seed 000's catalog).</summary>
    public PolicyTestRunner(PolicyEngine? engine = null) => _engine = engine ?? new PolicyEngine();

    /// <summary>
    /// Runs every case. An agent named by a case is looked up in the suite's <c>agents:</c> first, then in
    /// <paramref name="agentPolicies"/> (e.g. the agent registry); a case whose agent or policies are unknown, or whose
    /// arguments do not match the operation's schema, fails with that reason.
    /// </summary>
    public PolicyTestReport Run(PolicySet policies, PolicyTestSuite suite, Func<string, IReadOnlyList<string>?>? agentPolicies = null) =>
        Run(policies, suite, agentPolicies, progress: null);

    /// <summary>
    /// Runs every case as <see cref="Run(PolicySet, PolicyTestSuite, Func{string, IReadOnlyList{string}?}?)"/> does;
    /// <paramref name="progress"/> hears the number of cases run after each one (synchronously).
    /// </summary>
    public PolicyTestReport Run(PolicySet policies, PolicyTestSuite suite, Func<string, IReadOnlyList<string>?>? agentPolicies, IProgress<int>? progress)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(suite);
        var results = new List<PolicyTestCaseResult>(suite.Cases.Count);
        foreach (var c in suite.Cases)
        {
            results.Add(RunCase(policies, suite, c, agentPolicies));
            progress?.Report(results.Count);
        }

        return new PolicyTestReport { Results = results };
    }

    private PolicyTestCaseResult RunCase(PolicySet set, PolicyTestSuite suite, PolicyTestCase c, Func<string, IReadOnlyList<string>?>? agentPolicies)
    {
        IReadOnlyList<string>? names = c.Policies;
        if (c.Agent is not null)
        {
            names = suite.Agents.TryGetValue(c.Agent, out var bound) ? bound : agentPolicies?.Invoke(c.Agent);
            if (names is null)
            {
                return Broken(c, $"unknown agent '{c.Agent}'");
            }
        }

        var missing = names!.Where(n => !set.TryGet(n, out _)).ToArray();
        if (missing.Length > 0)
        {
            return Broken(c, $"unknown polic{(missing.Length == 1 ? "y" : "ies")} {string.Join(", ", missing)}");
        }

        if (_engine.Catalog.TryGet(c.Operation, out var op))
        {
            var validation = ArgumentValidator.Validate(op, c.Arguments);
            if (!validation.IsValid)
            {
                return Broken(c, $"arguments do not match {op.Name}'s schema: {string.Join("; ", validation.Errors)}");
            }
        }

        var compiled = _engine.Compile(set.Select(names!.Distinct(StringComparer.Ordinal)));
        var explanation = _engine.Explain(compiled, c.Operation, c.Arguments);
        var actual = explanation.Decision switch
        {
            { Effect: PolicyEffect.Deny } => PolicyExpectation.Deny,
            { Approval: ApprovalMode.Hitl } => PolicyExpectation.Hitl,
            { Approval: ApprovalMode.Auto } => PolicyExpectation.Auto,
            _ => PolicyExpectation.Allow,
        };
        return new PolicyTestCaseResult { Case = c, Passed = actual == c.Expect, Actual = actual, Explanation = explanation.ToString() };
    }

    private static PolicyTestCaseResult Broken(PolicyTestCase c, string why) =>
        new() { Case = c, Passed = false, Explanation = why };
}
