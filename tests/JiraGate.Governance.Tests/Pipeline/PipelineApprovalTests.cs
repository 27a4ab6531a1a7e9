using JiraGate.Governance.Agents;
using JiraGate.Governance.Approvals;
using JiraGate.Governance.Pipeline;
using JiraGate.Jira;
using static JiraGate.Governance.Tests.Pipeline.PipelineTestBed;

namespace JiraGate.Governance.Tests.Pipeline;

public sealed class PipelineApprovalTests : IAsyncLifetime
{
    private const string DeleteSec1 = """{"issue_key":"SEC-1"}""";
    private PipelineTestBed _bed = null!;

    public async ValueTask InitializeAsync() => _bed = await CreateAsync();

    public async ValueTask DisposeAsync() => await _bed.DisposeAsync();

    private async Task<OperationResult> RequestDeleteAsync()
    {
        var pending = await _bed.CallAsync(Full, "issues:delete", DeleteSec1);
        Assert.Equal(OperationStatus.PendingApproval, pending.Status);
        return pending;
    }

    [Fact]
    public async Task ExecuteAsync_Hitl_PendingWithIdExpiryAndChannelAndNothingExecuted()
    {
        var pending = await RequestDeleteAsync();

        Assert.StartsWith("apr_", pending.ApprovalId, StringComparison.Ordinal);
        Assert.Equal("#jira-approvals", pending.ApprovalChannel);
        Assert.Equal(_bed.Time.GetUtcNow() + TimeSpan.FromHours(1), pending.ApprovalExpiresAt);
        Assert.Equal(OperationErrorCodes.ApprovalPending, pending.Error!.Code);
        Assert.Equal(0, _bed.Executor.Calls);
        var records = await _bed.AuditRecordsAsync();
        Assert.Equal("approval_hitl", records[0].Decision);
        Assert.Equal(pending.ApprovalId, records[0].ApprovalId);
        Assert.Equal(OperationErrorCodes.ApprovalPending, records[1].Outcome!.ErrorCode);

        var again = await _bed.Pipeline.GetApprovalResultAsync(Full, pending.ApprovalId!, Ct);
        Assert.Equal(OperationStatus.PendingApproval, again.Status);
        Assert.Equal(0, _bed.Executor.Calls);
    }

    [Fact]
    public async Task GetApprovalResultAsync_ApprovedByAnApprover_ExecutesStoredArgumentsOnceThenKeepsTheResult()
    {
        var pending = await RequestDeleteAsync();
        var byOwner = await _bed.Approvals.ApproveAsync(pending.ApprovalId!, Olivia, cancellationToken: Ct);
        Assert.Equal(ApprovalRefusal.FourEyes, byOwner.Refusal);
        Assert.True((await _bed.Approvals.ApproveAsync(pending.ApprovalId!, Alice, cancellationToken: Ct)).Succeeded);

        var first = await _bed.Pipeline.GetApprovalResultAsync(Full, pending.ApprovalId!, Ct);
        var second = await _bed.Pipeline.GetApprovalResultAsync(Full, pending.ApprovalId!, Ct);

        Assert.Equal(OperationStatus.Ok, first.Status);
        Assert.Equal(pending.ApprovalId, first.ApprovalId);
        Assert.Equal(OperationStatus.Ok, second.Status);
        Assert.Equal(first.Value!.Value.GetRawText(), second.Value!.Value.GetRawText());
        Assert.Equal(first.JiraRequestId, second.JiraRequestId);
        Assert.Equal(1, _bed.Executor.Calls);
        Assert.Equal(("issues:delete", DeleteSec1), (Assert.Single(_bed.Executor.Received).Operation, _bed.Executor.Received.Single().Arguments));
        var records = await _bed.AuditRecordsAsync();
        Assert.Equal(4, records.Count); // pending pair, execution pair
        Assert.Equal(pending.ApprovalId, records[2].ApprovalId);
        Assert.Equal("approval_hitl", records[2].Decision);
        Assert.Equal("ok", records[3].Outcome!.Status);
        Assert.Equal(ApprovalState.Executed, (await _bed.Approvals.GetForAgentAsync(Full, pending.ApprovalId!, Ct))!.State);
    }

    [Fact]
    public async Task GetApprovalResultAsync_TwentyConcurrentCallers_ExactlyOneExecution()
    {
        var pending = await RequestDeleteAsync();
        await _bed.Approvals.ApproveAsync(pending.ApprovalId!, Alice, cancellationToken: Ct);
        _bed.Executor.Delay = TimeSpan.FromMilliseconds(50);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Run(() => _bed.Pipeline.GetApprovalResultAsync(Full, pending.ApprovalId!, Ct), Ct)));

        Assert.Equal(1, _bed.Executor.Calls);
        Assert.All(results, r => Assert.True(r.Status is OperationStatus.Ok or OperationStatus.PendingApproval, r.ToString()));
        Assert.Contains(results, r => r.IsOk);
        Assert.True((await _bed.Pipeline.GetApprovalResultAsync(Full, pending.ApprovalId!, Ct)).IsOk);
        Assert.Equal(1, _bed.Executor.Calls);
    }

    [Fact]
    public async Task ExecuteApprovedAsync_RightAfterApproval_ExecutesOnceAndTheAgentCollectsTheResult()
    {
        var pending = await RequestDeleteAsync();
        Assert.Equal(OperationStatus.PendingApproval, (await _bed.Pipeline.ExecuteApprovedAsync(pending.ApprovalId!, Ct)).Status);
        await _bed.Approvals.ApproveAsync(pending.ApprovalId!, Alice, cancellationToken: Ct);

        var executed = await Task.WhenAll(
            _bed.Pipeline.ExecuteApprovedAsync(pending.ApprovalId!, Ct),
            _bed.Pipeline.GetApprovalResultAsync(Full, pending.ApprovalId!, Ct));
        var collected = await _bed.Pipeline.GetApprovalResultAsync(Full, pending.ApprovalId!, Ct);

        Assert.Contains(executed, r => r.IsOk);
        Assert.True(collected.IsOk);
        Assert.Equal(1, _bed.Executor.Calls);
    }

    [Fact]
    public async Task GetApprovalResultAsync_Denied_DeniedApprovalDeniedAndNeverExecuted()
    {
        var pending = await RequestDeleteAsync();
        await _bed.Approvals.DenyAsync(pending.ApprovalId!, Alice, "not this one", Ct);

        var result = await _bed.Pipeline.GetApprovalResultAsync(Full, pending.ApprovalId!, Ct);

        Assert.Equal(OperationStatus.Denied, result.Status);
        Assert.Equal(OperationErrorCodes.ApprovalDenied, result.Error!.Code);
        Assert.Contains("alice", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _bed.Executor.Calls);
    }

    [Fact]
    public async Task GetApprovalResultAsync_Expired_DeniedApprovalExpired()
    {
        var pending = await RequestDeleteAsync();
        _bed.Time.Advance(TimeSpan.FromHours(2));

        var result = await _bed.Pipeline.GetApprovalResultAsync(Full, pending.ApprovalId!, Ct);

        Assert.Equal(OperationErrorCodes.ApprovalExpired, result.Error!.Code);
        Assert.Equal(0, _bed.Executor.Calls);
    }

    [Fact]
    public async Task GetApprovalResultAsync_ApprovedButExpiredBeforeExecution_NotExecuted()
    {
        var pending = await RequestDeleteAsync();
        await _bed.Approvals.ApproveAsync(pending.ApprovalId!, Alice, cancellationToken: Ct);
        _bed.Time.Advance(TimeSpan.FromHours(2));

        var result = await _bed.Pipeline.GetApprovalResultAsync(Full, pending.ApprovalId!, Ct);

        Assert.Equal(OperationErrorCodes.ApprovalExpired, result.Error!.Code);
        Assert.Equal(0, _bed.Executor.Calls);
    }

    [Fact]
    public async Task GetApprovalResultAsync_AnotherAgentsApproval_NotFound()
    {
        var pending = await RequestDeleteAsync();
        await _bed.Approvals.ApproveAsync(pending.ApprovalId!, Alice, cancellationToken: Ct);

        var result = await _bed.Pipeline.GetApprovalResultAsync(Soc, pending.ApprovalId!, Ct);
        var unknown = await _bed.Pipeline.GetApprovalResultAsync(Full, "apr_doesnotexist", Ct);

        Assert.Equal(OperationErrorCodes.NotFound, result.Error!.Code);
        Assert.Equal(OperationErrorCodes.NotFound, unknown.Error!.Code);
        Assert.Equal(0, _bed.Executor.Calls);
    }

    [Fact]
    public async Task GetApprovalResultAsync_GrantWithdrawnAfterApproval_DeniedAndNotExecuted()
    {
        var pending = await RequestDeleteAsync();
        await _bed.Approvals.ApproveAsync(pending.ApprovalId!, Alice, cancellationToken: Ct);
        await _bed.Agents.UpdateAsync(Full.AgentId, new AgentChanges { Policies = ["jira-readonly"] }, Ct);

        var result = await _bed.Pipeline.GetApprovalResultAsync(Full, pending.ApprovalId!, Ct);

        Assert.Equal(OperationErrorCodes.PolicyDenied, result.Error!.Code);
        Assert.Equal(0, _bed.Executor.Calls);
        Assert.Equal(ApprovalState.Failed, (await _bed.Approvals.GetForAgentAsync(Full, pending.ApprovalId!, Ct))!.State);
    }

    [Fact]
    public async Task GetApprovalResultAsync_ExecutionFailed_KeepsTheFailureForLaterCalls()
    {
        var pending = await RequestDeleteAsync();
        await _bed.Approvals.ApproveAsync(pending.ApprovalId!, Alice, cancellationToken: Ct);
        _bed.Executor.Throw = _ => JiraErrors.Create<JiraNotFoundException>(System.Net.HttpStatusCode.NotFound, messages: ["Issue does not exist"]);

        var first = await _bed.Pipeline.GetApprovalResultAsync(Full, pending.ApprovalId!, Ct);
        var kept = await _bed.Pipeline.GetApprovalResultAsync(Full, pending.ApprovalId!, Ct);

        Assert.Equal(OperationErrorCodes.JiraNotFound, first.Error!.Code);
        Assert.Equal(OperationErrorCodes.JiraNotFound, kept.Error!.Code);
        Assert.Equal(404, kept.Error.JiraStatus);
        Assert.Equal(["Issue does not exist"], kept.Error.JiraErrorMessages);
        Assert.Equal(1, _bed.Executor.Calls);
    }

    [Fact]
    public async Task ExecuteAsync_AutoApproval_RecordedAsApprovedByAutoThenExecutedOnce()
    {
        var result = await _bed.CallAsync(Full, "issues:create", """{"project_key":"SEC","summary":"Suspicious login","issue_type":"Bug"}""");

        Assert.True(result.IsOk, result.ToString());
        Assert.NotNull(result.ApprovalId);
        Assert.Equal(1, _bed.Executor.Calls);
        var approval = (await _bed.Approvals.GetForAgentAsync(Full, result.ApprovalId!, Ct))!;
        Assert.True(approval.Automatic);
        Assert.Equal(Approval.AutoApprover, approval.DecidedBy);
        Assert.Equal(ApprovalState.Executed, approval.State);
        var intent = (await _bed.AuditRecordsAsync())[0];
        Assert.Equal("approval_auto", intent.Decision);
        Assert.Equal(result.ApprovalId, intent.ApprovalId);
    }

    [Fact]
    public async Task ExecuteAsync_RepeatedWhilePending_SameApprovalAndAfterApprovalExecutes()
    {
        var first = await RequestDeleteAsync();
        var repeated = await RequestDeleteAsync();
        Assert.Equal(first.ApprovalId, repeated.ApprovalId);

        await _bed.Approvals.ApproveAsync(first.ApprovalId!, Alice, cancellationToken: Ct);
        var afterApproval = await _bed.CallAsync(Full, "issues:delete", DeleteSec1);

        Assert.True(afterApproval.IsOk, afterApproval.ToString());
        Assert.Equal(first.ApprovalId, afterApproval.ApprovalId);
        Assert.Equal(1, _bed.Executor.Calls);
    }

    [Fact]
    public async Task GetApprovalResultAsync_AuditUnavailableAtExecution_NotExecutedAndFailed()
    {
        var pending = await RequestDeleteAsync();
        await _bed.Approvals.ApproveAsync(pending.ApprovalId!, Alice, cancellationToken: Ct);
        _bed.AuditStore.FailAll();

        var result = await _bed.Pipeline.GetApprovalResultAsync(Full, pending.ApprovalId!, Ct);

        Assert.Equal(OperationErrorCodes.AuditUnavailable, result.Error!.Code);
        Assert.Equal(0, _bed.Executor.Calls);
    }

    [Fact]
    public async Task GetApprovalResultAsync_ExecutorStoppedMidExecution_OutcomeUnknownAfterTheLeaseAndNeverExecutedTwice()
    {
        var pending = await RequestDeleteAsync();
        Assert.True((await _bed.Approvals.ApproveAsync(pending.ApprovalId!, Alice, cancellationToken: Ct)).Succeeded);
        var stored = (await _bed.Approvals.GetForAgentAsync(Full, pending.ApprovalId!, Ct))!;
        // A replica claims it and dies before recording any outcome.
        Assert.True((await _bed.Approvals.BeginExecutionAsync(stored.Id, stored.Arguments, Full, "replica-that-died", Ct)).Succeeded);

        var whileLeased = await _bed.Pipeline.GetApprovalResultAsync(Full, pending.ApprovalId!, Ct);
        _bed.Time.Advance(new ApprovalOptions().ExecutionLease);
        var afterLease = await _bed.Pipeline.GetApprovalResultAsync(Full, pending.ApprovalId!, Ct);

        Assert.Equal(OperationStatus.PendingApproval, whileLeased.Status);
        Assert.Equal(OperationStatus.Failed, afterLease.Status);
        Assert.Equal(OperationErrorCodes.OutcomeUnknown, afterLease.Error!.Code);
        Assert.Contains("check Jira", afterLease.Error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _bed.Executor.Calls);
    }
}
