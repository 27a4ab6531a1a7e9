using JiraGate.Governance.Agents;

namespace JiraGate.Cli.Hosting;

/// <summary>What applying the file's agents did: new keys (shown once), updates, and stored agents the file does not list.</summary>
internal sealed class ConfigAgentsResult
{
    public static ConfigAgentsResult None { get; } = new();

    /// <summary>Agent id → its new key, for agents created on this run.</summary>
    public Dictionary<string, string> NewKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>Agents whose policies or description were changed to the file's.</summary>
    public List<string> Updated { get; } = [];

    /// <summary>Agents the file lists that are not registered (when creating is not this command's job).</summary>
    public List<string> Missing { get; } = [];

    /// <summary>Agents in the store but not in the file: left as they are.</summary>
    public List<string> NotInFile { get; } = [];

    /// <summary>Agents whose stored organisation differs from the file's (an organisation is never changed).</summary>
    public List<string> OrgKept { get; } = [];

    /// <summary>How many enabled approvers exist.</summary>
    public int Approvers { get; set; }
}

/// <summary>Makes the store's agents match jiragate.yaml: creates missing ones (serve only), updates policies, description and owner.</summary>
internal static class ConfigAgents
{
    public static async Task<ConfigAgentsResult> ApplyAsync(IServiceProvider services, IReadOnlyList<AgentConfig> agents, bool create, CancellationToken ct)
    {
        var registry = services.GetRequiredService<AgentRegistry>();
        var result = new ConfigAgentsResult();
        foreach (var agent in agents)
        {
            var policies = agent.Policies.Select(p => p.Value).ToList();
            var stored = await registry.GetAsync(agent.Id, ct);
            if (stored is null)
            {
                if (!create)
                {
                    result.Missing.Add(agent.Id);
                    continue;
                }
                var registration = await registry.RegisterAsync(new NewAgent
                {
                    Id = agent.Id,
                    OrgId = agent.Org ?? AgentConfig.DefaultOrg,
                    DisplayName = agent.Description,
                    Owner = agent.Owner ?? AgentConfig.DefaultOwner,
                    Policies = policies,
                }, ct);
                result.NewKeys[agent.Id] = registration.Key.Reveal();
                continue;
            }
            var displayName = agent.Description ?? stored.DisplayName;
            var owner = agent.Owner ?? stored.Owner;
            if (!stored.Policies.SequenceEqual(policies, StringComparer.Ordinal) || displayName != stored.DisplayName || owner != stored.Owner)
            {
                await registry.UpdateAsync(agent.Id, new AgentChanges { Policies = policies, DisplayName = displayName, Owner = owner }, ct);
                result.Updated.Add(agent.Id);
            }
            if (agent.Org is { } org && stored.OrgId != org)
            {
                result.OrgKept.Add($"{agent.Id} (stored org {stored.OrgId})");
            }
        }
        var listed = agents.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        result.NotInFile.AddRange((await registry.ListAsync(null, ct)).Where(a => !listed.Contains(a.Id)).Select(a => a.Id));
        result.Approvers = (await services.GetRequiredService<ApproverRegistry>().ListAsync(null, ct)).Count(a => a.Enabled);
        return result;
    }
}
