using System.Net;
using System.Text.Json;
using JiraGate.Gateway.ApprovalsPage;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Approvals;
using JiraGate.Governance.Pipeline;
using JiraGate.Governance.Policies;
using JiraGate.Sandbox.Data;
using JiraGate.Sandbox.Hosting;

namespace JiraGate.Gateway.Tests.ApprovalsPage;

/// <summary>
/// Until OperationPipeline is on main: the pipeline's approval path for issues:delete against the sandbox — decide with the
/// seed's policies, open a human approval, and execute an approved request exactly once (the approval service's claim)
/// as the JiraGate bot, counting executions.
/// </summary>
public sealed class SandboxDeletePipeline(ApprovalService approvals, IAgentStore agents, SandboxHost sandbox) : IOperationPipeline
{
    private readonly PolicyEngine _engine = new();
    private int _executions;

    public int Executions => Volatile.Read(ref _executions);

    public async Task<OperationResult> ExecuteAsync(OperationCall call, CancellationToken cancellationToken = default)
    {
        var agent = await agents.GetAsync(call.Agent.AgentId, cancellationToken) ?? throw new InvalidOperationException("unknown agent");
        var decision = _engine.Decide(_engine.Compile(SeedPolicies.Load().Select(agent.Policies)), call.Operation, call.Arguments);
        if (decision.Effect == PolicyEffect.Deny || decision.Approval != ApprovalMode.Hitl)
        {
            throw new NotSupportedException($"The stand-in handles human approvals only ({decision}).");
        }
        var approval = await approvals.RequestAsync(new ApprovalRequest
        {
            Agent = call.Agent,
            Operation = call.Operation,
            Risk = _engine.Catalog[call.Operation].Risk.ToString().ToLowerInvariant(),
            Policy = decision.Policy,
            Channel = decision.HitlChannel,
            Arguments = call.Arguments,
        }, cancellationToken);
        return new OperationResult
        {
            Operation = call.Operation,
            Status = OperationStatus.PendingApproval,
            Decision = decision,
            ApprovalId = approval.Id,
            ApprovalChannel = approval.Channel,
            ApprovalExpiresAt = approval.ExpiresAt,
        };
    }

    public async Task<OperationResult> GetApprovalResultAsync(AgentIdentity agent, string approvalId, CancellationToken cancellationToken = default)
    {
        var approval = await approvals.GetForAgentAsync(agent, approvalId, cancellationToken)
            ?? throw new InvalidOperationException("not found");
        if (approval.State == ApprovalState.Approved)
        {
            var claim = await approvals.BeginExecutionAsync(approvalId, approval.Arguments, agent, "stand-in", cancellationToken);
            if (claim.Succeeded)
            {
                Interlocked.Increment(ref _executions);
                using var args = approval.Arguments.ToDocument();
                var key = args.RootElement.GetProperty("issue_key").GetString();
                using var http = sandbox.CreateClient(DemoCredentials.Bot);
                using var response = await http.DeleteAsync($"/rest/api/3/issue/{key}", CancellationToken.None);
                approval = (response.IsSuccessStatusCode
                    ? await approvals.CompleteAsync(approvalId, $$"""{"key":"{{key}}","deleted":true}""", CancellationToken.None)
                    : await approvals.FailAsync(approvalId, $"Jira answered {(int)response.StatusCode}", CancellationToken.None)).Approval!;
            }
            else
            {
                approval = claim.Approval ?? approval;
            }
        }
        return new OperationResult
        {
            Operation = approval.Operation,
            ApprovalId = approval.Id,
            Status = approval.State switch
            {
                ApprovalState.Executed => OperationStatus.Ok,
                ApprovalState.Pending or ApprovalState.Approved or ApprovalState.Executing => OperationStatus.PendingApproval,
                ApprovalState.Denied or ApprovalState.Expired => OperationStatus.Denied,
                _ => OperationStatus.Failed,
            },
            Value = approval.ResultJson is { } json ? JsonDocument.Parse(json).RootElement.Clone() : null,
        };
    }
}

/// <summary>Current values straight from the sandbox (until the operation executors are on main).</summary>
public sealed class SandboxPreviewSource(SandboxHost sandbox) : IIssuePreviewSource
{
    public async Task<IssueSnapshot?> GetIssueAsync(string issueKey, IReadOnlyCollection<string> customFields, CancellationToken cancellationToken = default)
    {
        using var http = sandbox.CreateClient(DemoCredentials.Bot);
        using var response = await http.GetAsync($"/rest/api/3/issue/{issueKey}?fields=summary,status", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var fields = doc.RootElement.GetProperty("fields");
        var summary = fields.GetProperty("summary").GetString();
        var status = fields.GetProperty("status").GetProperty("name").GetString();
        return new IssueSnapshot
        {
            Key = issueKey,
            Summary = summary,
            Status = status,
            Fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["summary"] = summary, ["status"] = status },
        };
    }
}
