using System.CommandLine;
using JiraGate.Cli.Admin;
using JiraGate.Governance.Agents;

namespace JiraGate.Cli.Commands;

/// <summary><c>jiragate approvers add | list</c>: the people who may approve agents' requests (keys for the page and the CLI).</summary>
internal static class AgentsApproversCommand
{
    public static Command Create()
    {
        var (command, options) = AdminOptions.Create("approvers", "Register the people who approve agents' requests");
        command.Subcommands.Add(Add(options));
        command.Subcommands.Add(List(options));
        return command;
    }

    private static Command Add(AdminOptions options)
    {
        var id = new Argument<string>("id") { Description = "The approver's id, e.g. alice" };
        var org = new Option<string>("--org") { Description = "The approver's organisation", Required = true };
        var email = new Option<string>("--email") { Description = "The approver's email" };
        var name = new Option<string>("--name") { Description = "A display name (default: the id)" };
        var command = new Command("add", "Register an approver and print their key once") { id, org, email, name };
        AdminRun.SetAction(command, options, async (run, ct) =>
        {
            await using var services = await run.OpenAsync(create: true, ct: ct);
            var approverId = run.Get(id)!;
            if (await services.Approvers.GetAsync(approverId, ct) is not null)
            {
                throw CliError.Usage($"An approver '{approverId}' already exists.");
            }
            ApproverRegistration registration;
            try
            {
                registration = await services.Approvers.RegisterAsync(new NewApprover
                {
                    Id = approverId, OrgId = run.Get(org)!, Email = run.Get(email), DisplayName = run.Get(name),
                }, ct);
            }
            catch (ArgumentException e)
            {
                throw CliError.Usage(e.Message);
            }
            AgentsCommand.ShowKey(run, registration.Key, null,
                $"Approver {approverId} registered in {registration.Approver.OrgId}. Sign in to /approvals with this key, or set JIRAGATE_APPROVER_KEY for 'jiragate approvals'.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(AdminOptions options)
    {
        var command = new Command("list", "Every approver (keys are never shown)");
        AdminRun.SetAction(command, options, async (run, ct) =>
        {
            await using var services = await run.OpenAsync(ct: ct);
            var approvers = await services.Approvers.ListAsync(cancellationToken: ct);
            if (run.Json)
            {
                AdminJsonOutput.Write<IReadOnlyList<ApproverJson>>(run,
                    approvers.Select(a => new ApproverJson(a.Id, a.OrgId, a.DisplayName, a.Email, a.Enabled, a.CreatedAt)).ToList(),
                    AdminJsonContext.Default.IReadOnlyListApproverJson);
                return ExitCodes.Ok;
            }
            var table = new Table("ID", "ORG", "NAME", "EMAIL", "STATE");
            foreach (var a in approvers)
            {
                table.Add(a.Id, a.OrgId, a.DisplayName, a.Email, a.Enabled ? "enabled" : "disabled");
            }
            table.WriteTo(run.Out, "No approvers yet: 'jiragate approvers add ID --org ORG'.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
