using System.CommandLine;
using JiraGate.Cli.Admin;
using JiraGate.Governance.Approvals;
using JiraGate.Governance.Audit;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Execution;
using JiraGate.Governance.Pipeline;

namespace JiraGate.Cli.Commands;

/// <summary><c>jiragate approvals list | show | approve | deny</c>: the approvals page's work from a terminal.</summary>
internal static class ApprovalsCommand
{
    public const string ApproverKeyVariable = "JIRAGATE_APPROVER_KEY";

    public static Command Create()
    {
        var (command, options) = AdminOptions.Create("approvals", "Review, approve and deny agents' requests that wait for a person");
        command.Subcommands.Add(List(options));
        command.Subcommands.Add(Show(options));
        command.Subcommands.Add(Decide(options, approve: true));
        command.Subcommands.Add(Decide(options, approve: false));
        return command;
    }

    private static Command List(AdminOptions options)
    {
        var state = new Option<string>("--state")
        {
            Description = "pending (default), approved, denied, expired, executing, executed, failed, or all",
            DefaultValueFactory = _ => "pending",
        };
        state.AcceptOnlyFromAmong("pending", "approved", "denied", "expired", "executing", "executed", "failed", "all");
        var agent = new Option<string>("--agent") { Description = "Only this agent's requests" };
        var org = new Option<string>("--org") { Description = "Only this organisation's requests" };
        var limit = new Option<int>("--limit") { Description = "At most this many (newest first)", DefaultValueFactory = _ => 100 };
        var command = new Command("list", "Requests by state, newest first") { state, agent, org, limit };
        AdminRun.SetAction(command, options, async (run, ct) =>
        {
            await using var services = await run.OpenAsync(ct: ct);
            var s = run.Get(state)!;
            var approvals = await services.Approvals.ListAsync(new ApprovalQuery
            {
                States = s == "all" ? null : [ApprovalStates.Parse(s)],
                AgentId = run.Get(agent),
                OrgId = run.Get(org),
                Limit = Math.Clamp(run.Get(limit), 1, 1000),
            }, ct);
            if (run.Json)
            {
                AdminJsonOutput.Write<IReadOnlyList<ApprovalJson>>(run, approvals.Select(a => ToJson(a)).ToList(), AdminJsonContext.Default.IReadOnlyListApprovalJson);
                return ExitCodes.Ok;
            }
            var table = new Table("ID", "STATE", "AGENT", "OPERATION", "RISK", "POLICY", "CREATED", "EXPIRES");
            foreach (var a in approvals)
            {
                table.Add(a.Id, ApprovalStates.ToName(a.State), $"{a.AgentId}@{a.OrgId}", a.Operation, a.Risk, a.Policy, Table.Time(a.CreatedAt), Table.Time(a.ExpiresAt));
            }
            table.WriteTo(run.Out, s == "all" ? "No approvals." : $"No {s} approvals.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(AdminOptions options)
    {
        var id = new Argument<string>("id") { Description = "The approval id" };
        var command = new Command("show", "One request: who asks what, the (redacted) arguments, the decision and the result") { id };
        AdminRun.SetAction(command, options, async (run, ct) =>
        {
            await using var services = await run.OpenAsync(ct: ct);
            var approvalId = run.Get(id)!;
            var approval = await services.ApprovalStore.GetAsync(approvalId, ct)
                ?? throw CliError.Usage($"There is no approval '{approvalId}'; 'jiragate approvals list --state all' shows them.");
            var json = ToJson(approval);
            if (run.Json)
            {
                AdminJsonOutput.Write(run, json, AdminJsonContext.Default.ApprovalJson);
                return ExitCodes.Ok;
            }
            var o = run.Out;
            o.WriteLine($"Approval {approval.Id}: {json.State}");
            o.WriteLine($"  agent      {approval.AgentId}@{approval.OrgId}" + (approval.AgentOwner is { } owner ? $" (owner {owner})" : ""));
            o.WriteLine($"  operation  {approval.Operation} (risk {approval.Risk})");
            o.WriteLine($"  policy     {approval.Policy ?? "-"}" + (approval.Channel is { } ch ? $", channel {ch}" : ""));
            o.WriteLine($"  created    {Table.Time(approval.CreatedAt)}, expires {Table.Time(approval.ExpiresAt)}");
            if (approval.DecidedBy is not null)
            {
                o.WriteLine($"  decided    by {approval.DecidedBy} at {Table.Time(approval.DecidedAt)}" + (approval.DecisionComment is { } c ? $": {c}" : ""));
            }
            if (approval.CompletedAt is not null)
            {
                o.WriteLine($"  completed  {Table.Time(approval.CompletedAt)}" + (approval.Error is { } e ? $", error: {e}" : ""));
            }
            o.WriteLine("  arguments (redacted as in the audit log, sha256 " + approval.Arguments.Sha256 + "):");
            foreach (var line in (json.Arguments?.ToString() ?? "{}").Split('\n'))
            {
                o.WriteLine("    " + line.TrimEnd('\r'));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Decide(AdminOptions options, bool approve)
    {
        var id = new Argument<string>("id") { Description = "The approval id" };
        var approver = new Option<string>("--as") { Description = "Your approver id (the key in " + ApproverKeyVariable + " must be yours)", Required = true, HelpName = "approver" };
        var comment = new Option<string>("--comment") { Description = "Why (kept with the decision and in the history)" };
        var jira = new JiraConnectionOptions();
        var command = new Command(approve ? "approve" : "deny", approve
            ? "Approve a pending request; with a Jira connection it is executed now, else the agent's next poll executes it"
            : "Deny a pending request") { id, approver, comment };
        if (approve)
        {
            jira.AddTo(command);
        }
        AdminRun.SetAction(command, options, async (run, ct) =>
        {
            var key = Environment.GetEnvironmentVariable(ApproverKeyVariable);
            if (string.IsNullOrWhiteSpace(key))
            {
                throw CliError.Usage($"Set {ApproverKeyVariable} to your approver key (from 'jiragate approvers add'); it is never taken on the command line.");
            }
            var site = approve ? jira.Resolve(run) : null;
            await using var services = await run.OpenAsync(ct: ct);
            var auth = await services.Approvers.AuthenticateAsync(key, ct);
            var asId = run.Get(approver)!;
            if (!auth.Succeeded)
            {
                throw new CliError(ExitCodes.Denied, $"The key in {ApproverKeyVariable} is not a valid approver key ({auth.Status}); ask an administrator for a new one.");
            }
            if (!string.Equals(auth.Holder!.Id, asId, StringComparison.Ordinal))
            {
                throw new CliError(ExitCodes.Denied, $"The key in {ApproverKeyVariable} belongs to approver '{auth.Holder.Id}', not '{asId}'.");
            }
            var approvalId = run.Get(id)!;
            var result = approve
                ? await services.Approvals.ApproveAsync(approvalId, auth.Holder.Identity, run.Get(comment), ct)
                : await services.Approvals.DenyAsync(approvalId, auth.Holder.Identity, run.Get(comment), ct);
            if (!result.Succeeded)
            {
                return Refused(run, approvalId, approve, result);
            }
            OperationResult? executed = null;
            if (approve && site is { } s)
            {
                await using var connection = await JiraConnection.OpenAsync(s.Url, s.Credential, services.Vault, ct);
                executed = await services.PipelineWith(new JiraOperationExecutor(connection.Client)).ExecuteApprovedAsync(approvalId, ct);
            }
            return Decided(run, approvalId, approve, result, executed);
        });
        return command;
    }

    private static int Refused(AdminInvocation run, string id, bool approve, ApprovalResult result)
    {
        var (code, advice) = result.Refusal switch
        {
            ApprovalRefusal.FourEyes => (ExitCodes.Denied, "Four-eyes: the requesting agent's owner cannot decide its requests; ask another approver."),
            ApprovalRefusal.NotFound => (ExitCodes.Usage, "No such approval in your organisation; 'jiragate approvals list' shows the pending ones."),
            ApprovalRefusal.Expired => (ExitCodes.CheckFailed, "It expired; the agent has to ask again."),
            _ => (ExitCodes.CheckFailed, "It was already decided; 'jiragate approvals show " + id + "' shows by whom."),
        };
        if (run.Json)
        {
            AdminJsonOutput.Write(run, new ApprovalActionJson(id, approve ? "approve" : "deny", false, result.Refusal.ToString(), result.Message,
                result.Approval is { } a ? ApprovalStates.ToName(a.State) : null, false, null, null, null), AdminJsonContext.Default.ApprovalActionJson);
        }
        run.Err.WriteLine($"✗ refused ({result.Refusal}): {result.Message}");
        run.Err.WriteLine("  " + advice);
        return code;
    }

    private static int Decided(AdminInvocation run, string id, bool approve, ApprovalResult result, OperationResult? executed)
    {
        var state = result.Approval is { } a ? ApprovalStates.ToName(a.State) : null;
        if (run.Json)
        {
            AdminJsonOutput.Write(run, new ApprovalActionJson(id, approve ? "approve" : "deny", true, null, result.Message, state, executed is not null,
                executed?.Status.ToString(), executed?.Error?.ToString(), executed?.Value), AdminJsonContext.Default.ApprovalActionJson);
        }
        else if (!approve)
        {
            run.Out.WriteLine($"✓ denied {id}; the agent is told so when it asks.");
        }
        else if (executed is null)
        {
            run.Out.WriteLine($"✓ approved {id}. Not executed here (no Jira connection given): the agent's next status call executes it once and collects the result.");
        }
        else if (executed.IsOk)
        {
            run.Out.WriteLine($"✓ approved {id} and executed it: {executed.Operation} ok" + (executed.JiraRequestId is { } rid ? $" (Jira request {rid})" : "") + "; the agent collects the result.");
        }
        else
        {
            run.Out.WriteLine($"✓ approved {id}; executing it did not succeed: {executed.Status} {executed.Error}");
        }
        return executed is null || executed.IsOk ? ExitCodes.Ok
            : executed.Error?.Code is OperationErrorCodes.JiraUnavailable or OperationErrorCodes.AuditUnavailable ? ExitCodes.Unavailable
            : ExitCodes.JiraError;
    }

    private static ApprovalJson ToJson(Approval a) =>
        new(a.Id, ApprovalStates.ToName(a.State), a.AgentId, a.OrgId, a.AgentOwner, a.Operation, a.Policy, a.Channel, a.Risk, a.Automatic,
            AdminJsonOutput.Parse(RedactedArguments(a)), a.Arguments.Sha256, a.CreatedAt, a.ExpiresAt, a.DecidedBy, a.DecidedAt, a.DecisionComment, a.ExecutedBy,
            a.CompletedAt, AdminJsonOutput.Parse(a.ResultJson), a.Error);

    /// <summary>The arguments as the audit log and the approvals page show them: sensitive and secret-looking values replaced.</summary>
    private static string RedactedArguments(Approval approval)
    {
        List<string> sensitive = [];
        List<string> digest = [];
        if (OperationCatalog.Default.TryGet(approval.Operation, out var op))
        {
            foreach (var (name, how) in op.Redactions)
            {
                (how == ArgumentRedaction.SizeAndDigest ? digest : sensitive).Add(name);
            }
        }
        using var document = approval.Arguments.ToDocument();
        return new AuditRedactor().Redact(document.RootElement, sensitive, digest);
    }
}
