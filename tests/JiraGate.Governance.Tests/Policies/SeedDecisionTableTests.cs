using JiraGate.Governance.Catalog;
using JiraGate.Governance.Policies;

namespace JiraGate.Governance.Tests.Policies;

/// <summary>The seed's three policies × the 36 operations, written by hand from seed 000's text (not computed).</summary>
public sealed class SeedDecisionTableTests
{
    // A = allow, D = deny, auto = auto approval, hitl = human approval in #jira-approvals.
    // Columns: jira-soc-triage (risk_max medium, approval none), jira-readonly (risk_max low, approval none),
    // jira-full-management (issues/comments/attachments/worklogs, risk_max high, medium: auto, high: hitl).
    private static readonly (string Operation, string Soc, string ReadOnly, string Full)[] Table =
    [
        ("issues:read",              "A", "A", "A"),
        ("issues:read_detail",       "A", "A", "A"),
        ("issues:create",            "A", "D", "auto"),
        ("issues:update",            "A", "D", "auto"),
        ("issues:delete",            "D", "D", "hitl"),
        ("issues:transition",        "A", "D", "auto"),
        ("issues:assign",            "A", "D", "auto"),
        ("issues:read_transitions",  "A", "A", "A"),
        ("issues:bulk_create",       "D", "D", "auto"),
        ("comments:read",            "A", "A", "A"),
        ("comments:create",          "A", "D", "A"),
        ("comments:update",          "A", "D", "A"),
        ("comments:delete",          "A", "D", "auto"),
        ("attachments:read",         "D", "A", "A"),
        ("attachments:upload",       "D", "D", "auto"),
        ("attachments:delete",       "D", "D", "auto"),
        ("worklogs:read",            "D", "A", "A"),
        ("worklogs:create",          "D", "D", "A"),
        ("projects:read",            "A", "A", "D"),
        ("projects:read_detail",     "A", "A", "D"),
        ("projects:read_components", "A", "A", "D"),
        ("projects:read_versions",   "A", "A", "D"),
        ("users:read",               "A", "A", "D"),
        ("users:read_detail",        "A", "A", "D"),
        ("users:read_groups",        "A", "A", "D"),
        ("boards:read",              "D", "A", "D"),
        ("boards:read_sprints",      "D", "A", "D"),
        ("boards:read_backlog",      "D", "A", "D"),
        ("sprints:read",             "D", "A", "D"),
        ("sprints:read_issues",      "D", "A", "D"),
        ("fields:read",              "D", "A", "D"),
        ("priorities:read",          "D", "A", "D"),
        ("statuses:read",            "D", "A", "D"),
        ("webhooks:read",            "D", "D", "D"),
        ("webhooks:create",          "D", "D", "D"),
        ("webhooks:delete",          "D", "D", "D"),
    ];

    private static readonly PolicyEngine Engine = new();
    private static readonly PolicySet Seed = SeedPolicies.Load();

    [Fact]
    public void Table_CoversEveryCatalogOperationOnce()
    {
        Assert.Equal(OperationCatalog.Default.All.Select(o => o.Name).Order(), Table.Select(r => r.Operation).Order());
    }

    [Theory]
    [InlineData(SeedPolicies.SocTriage)]
    [InlineData(SeedPolicies.ReadOnly)]
    [InlineData(SeedPolicies.FullManagement)]
    public void SeedPolicy_EveryOperation_DecidesAsTheSeedSays(string policy)
    {
        var compiled = Engine.Compile(Seed.Select([policy]));
        foreach (var row in Table)
        {
            var expected = policy switch
            {
                SeedPolicies.SocTriage => row.Soc,
                SeedPolicies.ReadOnly => row.ReadOnly,
                _ => row.Full,
            };
            var d = Engine.Decide(compiled, row.Operation);
            Assert.True(Outcome(d) == expected, $"{policy} × {row.Operation}: expected {expected}, got {Outcome(d)} ({d.Reason})");
            if (expected == "hitl")
            {
                Assert.Equal("#jira-approvals", d.HitlChannel);
            }

            if (d.IsGranted)
            {
                Assert.Equal(policy, d.Policy);
            }
        }
    }

    [Fact]
    public void SocTriagePlusFullManagement_StrictestApprovalWins()
    {
        var compiled = Engine.Compile(Seed.Select([SeedPolicies.SocTriage, SeedPolicies.FullManagement]));
        Assert.Equal("auto", Outcome(Engine.Decide(compiled, "issues:create")));   // soc says none, full says auto
        Assert.Equal("hitl", Outcome(Engine.Decide(compiled, "issues:delete")));   // only full grants it
        Assert.Equal("A", Outcome(Engine.Decide(compiled, "projects:read")));      // only soc grants it
        Assert.Equal("D", Outcome(Engine.Decide(compiled, "webhooks:create")));
    }

    internal static string Outcome(PolicyDecision d) => d switch
    {
        { Effect: PolicyEffect.Deny } => "D",
        { Approval: ApprovalMode.Hitl } => "hitl",
        { Approval: ApprovalMode.Auto } => "auto",
        _ => "A",
    };
}
