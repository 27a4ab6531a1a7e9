using JiraGate.Governance.Agents;
using JiraGate.Governance.Policies;

namespace JiraGate.Cli.Hosting;

/// <summary>What the embedded default registered: the keys only on the run that created them.</summary>
internal sealed class DemoAccounts
{
    public const string AgentId = "demo-agent";
    public const string ApproverId = "demo-approver";
    public const string OrgId = "demo";
    public const string Owner = "owner@example.com";

    /// <summary>jira-soc-triage, plus jira-readonly so the seed scenario's boards and sprints work.</summary>
    public static IReadOnlyList<string> AgentPolicies { get; } = [SeedPolicies.SocTriage, SeedPolicies.ReadOnly];

    /// <summary>No demo accounts (a config file names the agents).</summary>
    public static DemoAccounts None { get; } = new();

    /// <summary>The new agent key, on the run that created the agent; null afterwards (keys are shown once).</summary>
    public string? AgentKey { get; init; }

    /// <summary>The new approver key, on the run that created the approver.</summary>
    public string? ApproverKey { get; init; }

    public bool Created => AgentKey is not null || ApproverKey is not null;

    /// <summary>Registers the demo agent and approver unless they exist.</summary>
    public static async Task<DemoAccounts> EnsureAsync(IServiceProvider services, CancellationToken ct)
    {
        var agents = services.GetRequiredService<AgentRegistry>();
        string? agentKey = null;
        if (await agents.GetAsync(AgentId, ct) is null)
        {
            var registration = await agents.RegisterAsync(new NewAgent
            {
                Id = AgentId,
                OrgId = OrgId,
                DisplayName = "Demo agent (SOC triage)",
                Owner = Owner,
                Policies = AgentPolicies,
            }, ct);
            agentKey = registration.Key.Reveal();
        }

        var approvers = services.GetRequiredService<ApproverRegistry>();
        string? approverKey = null;
        if (await approvers.GetAsync(ApproverId, ct) is null)
        {
            var registration = await approvers.RegisterAsync(new NewApprover
            {
                Id = ApproverId,
                OrgId = OrgId,
                DisplayName = "Demo approver",
                Email = "approver@example.com",
            }, ct);
            approverKey = registration.Key.Reveal();
        }
        return new DemoAccounts { AgentKey = agentKey, ApproverKey = approverKey };
    }
}
