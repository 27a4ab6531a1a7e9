using JiraGate.Governance.Policies;
using JiraGate.Governance.Policies.Testing;

namespace JiraGate.Governance.Tests.Policies;

public sealed class PolicyTestRunnerTests
{
    private const string Suite = """
        agents:
          demo-agent: [jira-soc-triage]
        cases:
          - name: triage searches SEC
            agent: demo-agent
            operation: issues:read
            arguments: { jql: "project = SEC AND status = Open", max_results: 20 }
            expect: allow
          - name: triage cannot delete
            agent: demo-agent
            operation: issues:delete
            arguments: { issue_key: SEC-456 }
            expect: deny
          - name: full management deletes with a human
            policies: [jira-full-management]
            operation: issues:delete
            arguments: { issue_key: SEC-456 }
            expect: hitl
          - name: full management creates with auto approval
            policies: [jira-full-management, jira-soc-triage]
            operation: issues:create
            arguments: { project_key: SEC, summary: "Suspicious login", issue_type: Bug, labels: [security] }
            expect: auto
          - name: wrong on purpose
            policies: [jira-readonly]
            operation: boards:read_sprints
            arguments: { board_id: "42", state: active }
            expect: deny
        """;

    [Fact]
    public void Run_SeedPolicies_PassesAndFailsWithExplanations()
    {
        var suite = PolicyTestSuite.Parse(Suite, "cases.yaml", out var errors);
        Assert.Empty(errors);
        var report = new PolicyTestRunner().Run(SeedPolicies.Load(), suite!);
        Assert.Equal([true, true, true, true, false], report.Results.Select(r => r.Passed));
        Assert.Equal((4, 1, false), (report.PassedCount, report.FailedCount, report.AllPassed));
        var failed = report.Results[4];
        Assert.Equal(PolicyExpectation.Allow, failed.Actual);
        Assert.Contains("allowed by policy jira-readonly glob boards:read*", failed.Explanation);
        Assert.StartsWith("FAIL cases.yaml:24:5 wrong on purpose: expected deny, got allow", failed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownAgentOrPolicyOrBadArguments_FailsTheCaseWithTheReason()
    {
        const string yaml = """
            cases:
              - { agent: ghost, operation: issues:read, arguments: { jql: x, max_results: 1 }, expect: deny }
              - { policies: [nope], operation: issues:read, arguments: { jql: x, max_results: 1 }, expect: deny }
              - { policies: [jira-readonly], operation: issues:read, arguments: { jql: x }, expect: allow }
              - { agent: bot, operation: fields:read, expect: allow }
            """;
        var suite = PolicyTestSuite.Parse(yaml, "t.yaml", out _)!;
        var report = new PolicyTestRunner().Run(SeedPolicies.Load(), suite, agent => agent == "bot" ? [SeedPolicies.ReadOnly] : null);
        Assert.Equal("unknown agent 'ghost'", report.Results[0].Explanation);
        Assert.Equal("unknown policy nope", report.Results[1].Explanation);
        Assert.Contains("max_results: is required", report.Results[2].Explanation);
        Assert.True(report.Results[3].Passed);
        Assert.Equal("issues:read #1", report.Results[0].Case.Name);
    }

    [Fact]
    public void Parse_Mistakes_AreReportedWithPositions()
    {
        const string yaml = """
            cases:
              - operation: issues:read
                expect: maybe
                agent: a
              - operation: issues:read
                expect: allow
              - operation: issues:read
                agent: a
                policies: [x]
                expect: deny
                colour: red
            extra: 1
            """;
        Assert.Null(PolicyTestSuite.Parse(yaml, "t.yaml", out var errors));
        Assert.Equal(
        [
            "t.yaml:3:13: expect must be allow, deny, auto or hitl, not 'maybe'",
            "t.yaml:5:5: a case names exactly one of agent: or policies:",
            "t.yaml:11:5: unknown key 'colour' in a case (known: name, agent, policies, operation, arguments, expect)",
            "t.yaml:7:5: a case names exactly one of agent: or policies:",
            "t.yaml:12:1: unknown key 'extra' (known: agents, cases)",
        ], errors.Select(e => e.ToString()));
    }
}
