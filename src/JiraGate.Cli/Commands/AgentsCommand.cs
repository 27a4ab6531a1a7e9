using System.CommandLine;
using JiraGate.Cli.Admin;
using JiraGate.Governance.Agents;

namespace JiraGate.Cli.Commands;

/// <summary><c>jiragate agents add | list | rotate-key | disable | enable</c>.</summary>
internal static class AgentsCommand
{
    public static Command Create()
    {
        var (command, options) = AdminOptions.Create("agents", "Register agents, bind their policies, rotate their keys");
        command.Subcommands.Add(Add(options));
        command.Subcommands.Add(List(options));
        command.Subcommands.Add(RotateKey(options));
        command.Subcommands.Add(SetEnabled(options, enabled: false));
        command.Subcommands.Add(SetEnabled(options, enabled: true));
        return command;
    }

    private static Command Add(AdminOptions options)
    {
        var id = new Argument<string>("id") { Description = "The agent's id, e.g. soc-triage" };
        var org = new Option<string>("--org") { Description = "The agent's organisation", Required = true };
        var owner = new Option<string>("--owner") { Description = "The person accountable for the agent (never its approver: four-eyes)", Required = true };
        var policy = new Option<string[]>("--policy")
        {
            Description = "Policies to bind (repeat --policy, or comma-separated)",
            Required = true,
            HelpName = "name",
        };
        var name = new Option<string>("--name") { Description = "A display name (default: the id)" };
        var command = new Command("add", "Register an agent and print its key once") { id, org, owner, policy, name };
        AdminRun.SetAction(command, options, async (run, ct) =>
        {
            await using var services = await run.OpenAsync(create: true, ct: ct);
            var policies = (run.Get(policy) ?? []).SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Distinct(StringComparer.Ordinal).ToList();
            var unknown = policies.Where(p => !services.Policies.TryGet(p, out _)).ToList();
            if (unknown.Count > 0)
            {
                throw CliError.Usage($"Unknown polic{(unknown.Count == 1 ? "y" : "ies")} {string.Join(", ", unknown)}; in force: {string.Join(", ", services.Policies.All.Select(p => p.Name))}.");
            }
            var agentId = run.Get(id)!;
            if (await services.Agents.GetAsync(agentId, ct) is not null)
            {
                throw CliError.Usage($"An agent '{agentId}' already exists; use 'jiragate agents rotate-key {agentId}' for a new key.");
            }
            AgentRegistration registration;
            try
            {
                registration = await services.Agents.RegisterAsync(new NewAgent
                {
                    Id = agentId, OrgId = run.Get(org)!, Owner = run.Get(owner)!, Policies = policies, DisplayName = run.Get(name),
                }, ct);
            }
            catch (ArgumentException e)
            {
                throw CliError.Usage(e.Message);
            }
            ShowKey(run, registration.Key, null, $"Agent {agentId} registered in {registration.Agent.OrgId}, bound to {string.Join(", ", policies)}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(AdminOptions options)
    {
        var org = new Option<string>("--org") { Description = "Only this organisation's agents" };
        var command = new Command("list", "Every agent with its policies and state (keys are never shown)") { org };
        AdminRun.SetAction(command, options, async (run, ct) =>
        {
            await using var services = await run.OpenAsync(ct: ct);
            var agents = await services.Agents.ListAsync(run.Get(org), ct);
            if (run.Json)
            {
                AdminJsonOutput.Write<IReadOnlyList<AgentJson>>(run, agents.Select(ToJson).ToList(), AdminJsonContext.Default.IReadOnlyListAgentJson);
                return ExitCodes.Ok;
            }
            var table = new Table("ID", "ORG", "OWNER", "POLICIES", "STATE", "CREATED");
            foreach (var a in agents)
            {
                table.Add(a.Id, a.OrgId, a.Owner, string.Join(", ", a.Policies), a.Enabled ? "enabled" : "disabled", Table.Time(a.CreatedAt));
            }
            table.WriteTo(run.Out, "No agents yet: 'jiragate agents add ID --org ORG --owner OWNER --policy NAME'.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command RotateKey(AdminOptions options)
    {
        var id = new Argument<string>("id") { Description = "The agent" };
        var grace = new Option<TimeSpan?>("--grace")
        {
            Description = "How long the old key keeps working (e.g. 10m, 1h; default: revoked now)",
            CustomParser = r =>
            {
                try
                {
                    return Durations.Parse(r.Tokens.Single().Value, "--grace");
                }
                catch (CliError e)
                {
                    r.AddError(e.Message);
                    return null;
                }
            },
            HelpName = "duration",
        };
        var command = new Command("rotate-key", "Issue a new key (printed once); the old one stops working now or after --grace") { id, grace };
        AdminRun.SetAction(command, options, async (run, ct) =>
        {
            await using var services = await run.OpenAsync(ct: ct);
            var agentId = run.Get(id)!;
            var period = run.Get(grace);
            var key = await services.Agents.RotateKeyAsync(agentId, period, ct)
                ?? throw CliError.Usage($"There is no agent '{agentId}'; 'jiragate agents list' shows them.");
            ShowKey(run, key, period, $"New key for agent {agentId}; the old key " + (period is { } g ? $"keeps working for {Durations.Format(g)}." : "no longer works."));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command SetEnabled(AdminOptions options, bool enabled)
    {
        var id = new Argument<string>("id") { Description = "The agent" };
        var command = new Command(enabled ? "enable" : "disable", enabled ? "Let the agent call again" : "Refuse every call by the agent (its keys stay, unusable)") { id };
        AdminRun.SetAction(command, options, async (run, ct) =>
        {
            await using var services = await run.OpenAsync(ct: ct);
            var agentId = run.Get(id)!;
            var agent = await services.Agents.UpdateAsync(agentId, new AgentChanges { Enabled = enabled }, ct)
                ?? throw CliError.Usage($"There is no agent '{agentId}'; 'jiragate agents list' shows them.");
            if (run.Json)
            {
                AdminJsonOutput.Write(run, ToJson(agent), AdminJsonContext.Default.AgentJson);
            }
            else
            {
                run.Out.WriteLine($"Agent {agentId} is now {(enabled ? "enabled" : "disabled")}.");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The one time a key is shown: on stdout (the JSON document with --json), with a note on stderr to store it now.</summary>
    internal static void ShowKey(AdminInvocation run, IssuedApiKey key, TimeSpan? grace, string summary)
    {
        const string Note = "Store this key now: it is shown once and cannot be read back (only rotated).";
        if (run.Json)
        {
            AdminJsonOutput.Write(run, new IssuedKeyJson(key.HolderId, key.KeyId, key.Reveal(), grace is { } g ? Durations.Format(g) : null, Note),
                AdminJsonContext.Default.IssuedKeyJson);
            return;
        }
        run.Out.WriteLine(summary);
        run.Out.WriteLine();
        run.Out.WriteLine("  " + key.Reveal());
        run.Out.WriteLine();
        run.Err.WriteLine(Note);
    }

    private static AgentJson ToJson(Agent a) => new(a.Id, a.OrgId, a.DisplayName, a.Owner, a.Policies, a.Enabled, a.CreatedAt, a.UpdatedAt);
}
