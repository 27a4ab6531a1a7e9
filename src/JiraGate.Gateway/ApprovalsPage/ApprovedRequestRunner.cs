using JiraGate.Governance.Agents;
using JiraGate.Governance.Approvals;
using JiraGate.Governance.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JiraGate.Gateway.ApprovalsPage;

/// <summary>
/// Executes a request right after a person approved it, through the pipeline's own exactly-once path: the pipeline claims
/// the approval (approved → executing, one winner), runs the stored arguments, and keeps the result for the agent. If the
/// agent collects first, this call reads the kept result instead; nothing runs twice.
/// </summary>
internal sealed class ApprovedRequestRunner(IServiceProvider services, IOptions<ApprovalsPageOptions> options, ILogger<ApprovedRequestRunner> logger)
{
    /// <summary>The execution's result, or null when execution is left to the agent's collection.</summary>
    public async Task<OperationResult?> RunAsync(Approval approval)
    {
        ArgumentNullException.ThrowIfNull(approval);
        var pipeline = services.GetService<IOperationPipeline>();
        if (!options.Value.ExecuteOnApprove || pipeline is null)
        {
            ApprovalsPageLog.ExecutionLeftToAgent(logger, approval.Id);
            return null;
        }
        try
        {
            // Not the browser's token: once claimed, the execution must finish and be recorded even if the page is closed.
            // OperationPipeline.ExecuteApprovedAsync is the pipeline's entry for exactly this; any other pipeline gets the
            // contract's equivalent, GetApprovalResultAsync on the requesting agent's behalf ("executing it now if nobody has yet").
            var result = pipeline is OperationPipeline real
                ? await real.ExecuteApprovedAsync(approval.Id, CancellationToken.None)
                : await pipeline.GetApprovalResultAsync(new AgentIdentity { AgentId = approval.AgentId, OrgId = approval.OrgId }, approval.Id, CancellationToken.None);
            ApprovalsPageLog.Executed(logger, approval.Id, result.Status.ToString());
            return result;
        }
#pragma warning disable CA1031 // the decision stands; the page reports the state the agent will see
        catch (Exception ex)
#pragma warning restore CA1031
        {
            ApprovalsPageLog.ExecutionFailed(logger, approval.Id, ex.GetType().Name);
            return null;
        }
    }
}
