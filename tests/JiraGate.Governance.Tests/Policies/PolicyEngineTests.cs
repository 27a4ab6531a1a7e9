using System.Text.Json;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Policies;

namespace JiraGate.Governance.Tests.Policies;

public sealed class PolicyEngineTests
{
    private static readonly PolicyEngine Engine = new();

    private static Policy P(string name, string[] ops, RiskLevel max = RiskLevel.High, PolicyApproval? approval = null, string[]? deny = null,
        PolicyWhere? where = null, int? bulkOver = null) => new()
    {
        Name = name,
        Operations = ops,
        RiskMax = max,
        Approval = approval ?? PolicyApproval.None,
        HitlChannel = "#" + name,
        Deny = deny ?? [],
        Where = where,
        Escalate = bulkOver is { } n ? new PolicyEscalation { BulkOver = n } : null,
    };

    private static JsonElement Args(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }

    private static string Bulk(int n, string project = "SEC") =>
        "{\"issues\": [" + string.Join(",", Enumerable.Range(0, n).Select(_ => $"{{\"project_key\": \"{project}\", \"summary\": \"s\", \"issue_type\": \"Bug\"}}")) + "]}";

    [Fact]
    public void Decide_NoPolicies_DeniesEverything()
    {
        var compiled = Engine.Compile([]);
        Assert.All(OperationCatalog.Default.All, op => Assert.Equal(DecisionRule.NoGrant, Engine.Decide(compiled, op).Rule));
        Assert.Equal("no policy grants issues:read", Engine.Decide(compiled, "issues:read").Reason);
    }

    [Fact]
    public void Decide_DenyGlob_OverridesEveryGrantWhateverTheOrder()
    {
        var compiled = Engine.Compile([P("a-grant", ["*"]), P("z-deny", ["fields:read"], deny: ["issues:del*"])]);
        var d = Engine.Decide(compiled, "issues:delete");
        Assert.Equal((PolicyEffect.Deny, DecisionRule.DeniedByPolicy, "z-deny", "issues:del*"), (d.Effect, d.Rule, d.Policy, d.Glob));
        Assert.Equal("issues:delete denied by policy z-deny glob issues:del*", d.Reason);
    }

    [Fact]
    public void Decide_RiskAboveMax_SaysSo()
    {
        var d = Engine.Decide(Engine.Compile([P("triage", ["issues:*"], RiskLevel.Medium)]), "issues:delete");
        Assert.Equal(DecisionRule.RiskAboveMax, d.Rule);
        Assert.Equal("issues:delete: risk high above risk_max medium of triage", d.Reason);
    }

    [Fact]
    public void Decide_StrictestApprovalWins_AndNamesThatPolicyAndChannel()
    {
        var auto = new PolicyApproval { Medium = ApprovalMode.Auto };
        var hitl = new PolicyApproval { Medium = ApprovalMode.Hitl };
        var compiled = Engine.Compile([P("none", ["issues:*"]), P("auto", ["issues:create"], approval: auto), P("human", ["issues:cr*"], approval: hitl)]);
        var d = Engine.Decide(compiled, "issues:create");
        Assert.Equal((PolicyEffect.NeedsApproval, ApprovalMode.Hitl, "#human", "human", "issues:cr*"), (d.Effect, d.Approval, d.HitlChannel, d.Policy, d.Glob));
        Assert.Equal("issues:create needs hitl approval in #human by policy human glob issues:cr*", d.Reason);
        Assert.Equal(ApprovalMode.None, Engine.Decide(compiled, "issues:read").Approval);
    }

    [Fact]
    public void Decide_UnknownOperation_IsDenied()
    {
        var d = Engine.Decide(Engine.Compile([P("all", ["*"])]), "issues:explode");
        Assert.Equal((PolicyEffect.Deny, DecisionRule.UnknownOperation), (d.Effect, d.Rule));
    }

    [Fact]
    public void Decide_WhereProjects_GrantsOnlyWithinThem()
    {
        var compiled = Engine.Compile([P("sec", ["*"], where: new PolicyWhere { Projects = ["SEC"] })]);
        Assert.True(Engine.Decide(compiled, "issues:create", Args("""{"project_key": "SEC", "summary": "s", "issue_type": "Bug"}""")).IsGranted);
        var ops = Engine.Decide(compiled, "issues:create", Args("""{"project_key": "OPS", "summary": "s", "issue_type": "Bug"}"""));
        Assert.Equal(DecisionRule.OutsideWhere, ops.Rule);
        Assert.Equal("issues:create on project OPS is outside where.projects [SEC] of sec", ops.Reason);
        Assert.True(Engine.Decide(compiled, "comments:create", Args("""{"issue_key": "SEC-4", "body": "x"}""")).IsGranted);
        Assert.False(Engine.Decide(compiled, "comments:create", Args("""{"issue_key": "OPS-4", "body": "x"}""")).IsGranted);
        Assert.False(Engine.Decide(compiled, "comments:create", Args("""{"issue_key": "10001", "body": "x"}""")).IsGranted);
        Assert.True(Engine.Decide(compiled, "users:read").IsGranted);               // not project data
        Assert.False(Engine.Decide(compiled, "sprints:read", Args("""{"sprint_id": 1}""")).IsGranted); // project unknowable
        Assert.True(compiled.IsStatic("sprints:read"));
        Assert.False(compiled.IsStatic("issues:create"));
    }

    [Fact]
    public void Decide_WhereOnSearch_GrantsWithAScopeToConstrainTheJql()
    {
        var scoped = P("sec", ["issues:read"], where: new PolicyWhere { Projects = ["SEC"], IssueTypes = ["Bug"] });
        var d = Engine.Decide(Engine.Compile([scoped]), "issues:read", Args("""{"jql": "order by key", "max_results": 5}"""));
        Assert.True(d.IsGranted);
        var scope = Assert.Single(d.Scopes);
        Assert.Equal("sec", scope.Policy);
        Assert.Equal(["SEC"], scope.Projects!);
        Assert.Equal(["Bug"], scope.IssueTypes!);

        // An unscoped grant alongside makes the constraint moot.
        Assert.Empty(Engine.Decide(Engine.Compile([scoped, P("all", ["issues:read"])]), "issues:read", Args("""{"jql": "x", "max_results": 5}""")).Scopes);
    }

    [Fact]
    public void Decide_EscalateBulkOver_RaisesToHitl()
    {
        var compiled = Engine.Compile([P("bulk", ["issues:bulk_create"], approval: new PolicyApproval { Medium = ApprovalMode.Auto }, bulkOver: 20)]);
        Assert.Equal(ApprovalMode.Auto, Engine.Decide(compiled, "issues:bulk_create", Args(Bulk(20))).Approval);
        var d = Engine.Decide(compiled, "issues:bulk_create", Args(Bulk(21)));
        Assert.Equal((ApprovalMode.Hitl, true, "#bulk"), (d.Approval, d.Escalated, d.HitlChannel));
        Assert.Contains("21 issues over bulk_over 20 of bulk", d.Reason);
    }

    [Fact]
    public void Decide_CachedPath_DoesNotAllocate()
    {
        var compiled = Engine.Compile(SeedPolicies.Load().All);
        var ops = OperationCatalog.Default.All.Select(o => o.Name).ToArray();
        foreach (var op in ops)
        {
            Assert.True(compiled.IsStatic(op));
            _ = Engine.Decide(compiled, op);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var granted = 0;
        for (var i = 0; i < 10_000; i++)
        {
            granted += Engine.Decide(compiled, ops[i % ops.Length]).IsGranted ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(granted > 0);
    }

    [Fact]
    public void Decide_SameOperationTwice_ReturnsTheSamePrecomputedDecision()
    {
        var compiled = Engine.Compile(SeedPolicies.Load().All);
        Assert.Same(Engine.Decide(compiled, "issues:create"), Engine.Decide(compiled, OperationCatalog.Default["issues:create"]));
    }

    [Fact]
    public void Compile_SamePolicyTwice_Throws()
    {
        Assert.Throws<ArgumentException>(() => Engine.Compile([P("a", ["*"]), P("a", ["*"])]));
    }

    [Fact]
    public void Explain_SaysWhatEachPolicySaid()
    {
        var compiled = Engine.Compile(SeedPolicies.Load().All);
        var e = Engine.Explain(compiled, "issues:delete");
        Assert.Equal("issues:delete needs hitl approval in #jira-approvals by policy jira-full-management glob issues:*", e.Decision.Reason);
        Assert.Equal(
        [
            "jira-full-management: glob issues:* grants (risk high within risk_max high), approval hitl in #jira-approvals",
            "jira-readonly: no glob matches issues:delete",
            "jira-soc-triage: no glob matches issues:delete",
        ], e.Trace);
        Assert.StartsWith("issues:delete needs hitl", e.ToString(), StringComparison.Ordinal);

        var triage = Engine.Compile([P("triage", ["issues:*"], RiskLevel.Medium), P("deny", ["fields:read"], deny: ["*:delete"])]);
        Assert.Equal(
        [
            "deny: deny glob *:delete matches: denied, whatever any policy grants",
            "triage: glob issues:* matches, but risk high is above risk_max medium",
        ], Engine.Explain(triage, "issues:delete").Trace);
    }

    [Fact]
    public void Explain_WhereRefusal_ShowsTheReason()
    {
        var compiled = Engine.Compile([P("sec", ["issues:*"], where: new PolicyWhere { Projects = ["SEC"] })]);
        var e = Engine.Explain(compiled, "issues:delete", Args("""{"issue_key": "OPS-1"}"""));
        Assert.False(e.Decision.IsGranted);
        Assert.Equal("sec: glob issues:* matches, but issues:delete on project OPS is outside where.projects [SEC] of sec", Assert.Single(e.Trace));
    }
}
