using System.Text.Json;
using JiraGate.Governance.Agents;
using JiraGate.Governance.Approvals;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace JiraGate.Governance.Tests.Approvals;

public sealed class ApprovalServiceTests : IDisposable
{
    private static readonly AgentIdentity Agent = new() { AgentId = "agent-001", OrgId = "org-acme" };
    private static readonly ApproverIdentity Carol = new() { ApproverId = "carol", OrgId = "org-acme" };
    private static readonly ApproverIdentity Alice = new() { ApproverId = "alice", OrgId = "org-acme" };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingNotifier _notifier = new();
    private readonly ListLogger<ApprovalService> _logger = new();
    private TestStores _stores = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _stores?.Dispose();

    private async Task<ApprovalService> ServiceAsync(IApprovalNotifier? notifier = null, ApprovalOptions? options = null)
    {
        _stores = await TestStores.CreateAsync();
        var agents = new AgentRegistry(_stores.Agents, _time);
        await agents.RegisterAsync(new NewAgent { Id = "agent-001", OrgId = "org-acme", Owner = "alice" }, Ct);
        await agents.RegisterAsync(new NewAgent { Id = "agent-002", OrgId = "org-acme", Owner = "bob" }, Ct);
        return new ApprovalService(_stores.Approvals, _stores.Agents, notifier ?? _notifier, Options.Create(options ?? new ApprovalOptions()), _time, _logger);
    }

    internal static ApprovalRequest Delete(string key = "SEC-1", bool automatic = false, AgentIdentity? agent = null, string risk = "high") => new()
    {
        Agent = agent ?? Agent,
        Operation = "issues:delete",
        Risk = risk,
        Policy = "jira-full-management",
        Channel = "#jira-approvals",
        Arguments = JsonDocument.Parse($$"""{"issueIdOrKey":"{{key}}"}""").RootElement,
        Automatic = automatic,
    };

    private static ApprovalArguments Args(string key = "SEC-1") => ApprovalArguments.Parse($$"""{"issueIdOrKey":"{{key}}"}""");

    [Fact]
    public async Task RequestAsync_Hitl_PendingBoundToAgentOperationHashAndOwner()
    {
        var service = await ServiceAsync();
        var approval = await service.RequestAsync(Delete(), Ct);
        Assert.Equal(ApprovalState.Pending, approval.State);
        Assert.StartsWith("apr_", approval.Id, StringComparison.Ordinal);
        Assert.Equal(("agent-001", "org-acme", "alice", "issues:delete", "high", "jira-full-management", "#jira-approvals"),
            (approval.AgentId, approval.OrgId, approval.AgentOwner, approval.Operation, approval.Risk, approval.Policy, approval.Channel));
        Assert.Equal(Args().Sha256, approval.Arguments.Sha256);
        Assert.Equal(_time.GetUtcNow().AddHours(1), approval.ExpiresAt);
        Assert.Equal(approval.Id, (await _notifier.Next.WaitAsync(TimeSpan.FromSeconds(30), Ct)).Id);
        Assert.Equal(approval, await service.GetForAgentAsync(Agent, approval.Id, Ct) is { } read ? read with { Arguments = approval.Arguments } : null);
    }

    [Fact]
    public async Task RequestAsync_SameArgumentsWhileOpen_ReturnsTheSameRequest_ChangedArgumentsOpenAnother()
    {
        var service = await ServiceAsync();
        var first = await service.RequestAsync(Delete("SEC-1"), Ct);
        var again = await service.RequestAsync(Delete("SEC-1"), Ct);
        var other = await service.RequestAsync(Delete("SEC-2"), Ct);
        var otherAgent = await service.RequestAsync(Delete("SEC-1", agent: new AgentIdentity { AgentId = "agent-002", OrgId = "org-acme" }), Ct);
        Assert.Equal(first.Id, again.Id);
        Assert.NotEqual(first.Id, other.Id);
        Assert.NotEqual(first.Id, otherAgent.Id);
    }

    [Fact]
    public async Task RequestAsync_Auto_RecordedApprovedByAutoAndNotNotified()
    {
        var service = await ServiceAsync();
        var approval = await service.RequestAsync(Delete(automatic: true, risk: "medium"), Ct);
        Assert.Equal(ApprovalState.Approved, approval.State);
        Assert.True(approval.Automatic);
        Assert.Equal((Approval.AutoApprover, _time.GetUtcNow()), (approval.DecidedBy, approval.DecidedAt));
        Assert.Equal(ApprovalState.Approved, (await _stores.Approvals.GetAsync(approval.Id, Ct))!.State);
        Assert.True((await service.BeginExecutionAsync(approval.Id, Args(), Agent, cancellationToken: Ct)).Succeeded);
        Assert.Equal(0, _notifier.Count);
    }

    [Fact]
    public async Task RequestAsync_ExpiryPerRisk_UsesTheConfiguredLevel()
    {
        var options = new ApprovalOptions { DefaultExpiry = TimeSpan.FromHours(2) };
        options.ExpiryByRisk["HIGH"] = TimeSpan.FromMinutes(15);
        var service = await ServiceAsync(options: options);
        Assert.Equal(_time.GetUtcNow().AddMinutes(15), (await service.RequestAsync(Delete(risk: "high"), Ct)).ExpiresAt);
        Assert.Equal(_time.GetUtcNow().AddHours(2), (await service.RequestAsync(Delete("SEC-2", risk: "medium"), Ct)).ExpiresAt);
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("ALICE")]
    [InlineData("agent-001")]
    public async Task ApproveAndDeny_ByTheAgentOrItsOwner_RefusedFourEyes(string who)
    {
        var service = await ServiceAsync();
        var approval = await service.RequestAsync(Delete(), Ct);
        var self = new ApproverIdentity { ApproverId = who, OrgId = "org-acme" };
        var approve = await service.ApproveAsync(approval.Id, self, cancellationToken: Ct);
        var deny = await service.DenyAsync(approval.Id, self, cancellationToken: Ct);
        Assert.Equal(ApprovalRefusal.FourEyes, approve.Refusal);
        Assert.Equal(ApprovalRefusal.FourEyes, deny.Refusal);
        Assert.Contains("four-eyes", approve.Message, StringComparison.Ordinal);
        Assert.Equal(ApprovalState.Pending, (await _stores.Approvals.GetAsync(approval.Id, Ct))!.State);
    }

    [Fact]
    public async Task ApproveAsync_NewOwnerAfterRequest_StillRefusedFourEyes()
    {
        var service = await ServiceAsync();
        var approval = await service.RequestAsync(Delete(), Ct);
        await new AgentRegistry(_stores.Agents, _time).UpdateAsync("agent-001", new AgentChanges { Owner = "carol" }, Ct);
        Assert.Equal(ApprovalRefusal.FourEyes, (await service.ApproveAsync(approval.Id, Carol, cancellationToken: Ct)).Refusal);
        Assert.Equal(ApprovalRefusal.FourEyes, (await service.ApproveAsync(approval.Id, Alice, cancellationToken: Ct)).Refusal);
    }

    [Fact]
    public async Task ApproveAsync_AnotherApprover_RecordsWhoWhenAndComment()
    {
        var service = await ServiceAsync();
        var approval = await service.RequestAsync(Delete(), Ct);
        _time.Advance(TimeSpan.FromMinutes(5));
        var result = await service.ApproveAsync(approval.Id, Carol, "checked with the SOC lead", Ct);
        Assert.True(result.Succeeded, result.Message);
        Assert.Equal((ApprovalState.Approved, "carol", _time.GetUtcNow(), "checked with the SOC lead"),
            (result.Approval!.State, result.Approval.DecidedBy, result.Approval.DecidedAt, result.Approval.DecisionComment));
    }

    [Fact]
    public async Task ApproveAsync_ApproverOfAnotherOrg_NotFound()
    {
        var service = await ServiceAsync();
        var approval = await service.RequestAsync(Delete(), Ct);
        var outsider = new ApproverIdentity { ApproverId = "mallory", OrgId = "org-other" };
        Assert.Equal(ApprovalRefusal.NotFound, (await service.ApproveAsync(approval.Id, outsider, cancellationToken: Ct)).Refusal);
        Assert.Null(await service.GetForApproverAsync(outsider, approval.Id, Ct));
        Assert.Equal(ApprovalRefusal.NotFound, (await service.ApproveAsync("apr_nothing", Carol, cancellationToken: Ct)).Refusal);
    }

    [Fact]
    public async Task DecideAsync_AlreadyDecided_RefusedWrongState()
    {
        var service = await ServiceAsync();
        var approval = await service.RequestAsync(Delete(), Ct);
        Assert.True((await service.ApproveAsync(approval.Id, Carol, cancellationToken: Ct)).Succeeded);
        var dave = new ApproverIdentity { ApproverId = "dave", OrgId = "org-acme" };
        var again = await service.ApproveAsync(approval.Id, dave, cancellationToken: Ct);
        var deny = await service.DenyAsync(approval.Id, dave, cancellationToken: Ct);
        Assert.Equal(ApprovalRefusal.WrongState, again.Refusal);
        Assert.Equal(ApprovalRefusal.WrongState, deny.Refusal);
        Assert.Contains("carol", deny.Message, StringComparison.Ordinal);
        Assert.Equal("carol", (await _stores.Approvals.GetAsync(approval.Id, Ct))!.DecidedBy);
    }

    [Fact]
    public async Task DenyAsync_ThenExecution_Refused()
    {
        var service = await ServiceAsync();
        var approval = await service.RequestAsync(Delete(), Ct);
        var denied = await service.DenyAsync(approval.Id, Carol, "not during the freeze", Ct);
        Assert.Equal((ApprovalState.Denied, "not during the freeze"), (denied.Approval!.State, denied.Approval.DecisionComment));
        var execute = await service.BeginExecutionAsync(approval.Id, Args(), Agent, cancellationToken: Ct);
        Assert.Equal(ApprovalRefusal.WrongState, execute.Refusal);
        Assert.Equal(ApprovalRefusal.WrongState, (await service.ApproveAsync(approval.Id, Carol, cancellationToken: Ct)).Refusal);
    }

    [Fact]
    public async Task Expiry_PendingPastExpiry_CannotBeApprovedAndReadsExpired()
    {
        var service = await ServiceAsync();
        var approval = await service.RequestAsync(Delete(), Ct);
        _time.Advance(TimeSpan.FromHours(1) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(ApprovalState.Pending, (await service.GetForAgentAsync(Agent, approval.Id, Ct))!.State);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var result = await service.ApproveAsync(approval.Id, Carol, cancellationToken: Ct);
        Assert.Equal(ApprovalRefusal.Expired, result.Refusal);
        Assert.Equal(ApprovalState.Expired, (await _stores.Approvals.GetAsync(approval.Id, Ct))!.State);
        Assert.Equal(ApprovalRefusal.Expired, (await service.DenyAsync(approval.Id, Carol, cancellationToken: Ct)).Refusal);
        // A new request for the same call opens a new approval.
        Assert.NotEqual(approval.Id, (await service.RequestAsync(Delete(), Ct)).Id);
    }

    [Fact]
    public async Task Expiry_ApprovedButNotExecutedInTime_CannotBeExecuted()
    {
        var service = await ServiceAsync();
        var approval = await service.RequestAsync(Delete(), Ct);
        await service.ApproveAsync(approval.Id, Carol, cancellationToken: Ct);
        _time.Advance(TimeSpan.FromHours(1));
        var result = await service.BeginExecutionAsync(approval.Id, Args(), Agent, cancellationToken: Ct);
        Assert.Equal(ApprovalRefusal.Expired, result.Refusal);
        Assert.Equal(ApprovalState.Expired, (await _stores.Approvals.GetAsync(approval.Id, Ct))!.State);
    }

    [Fact]
    public async Task ExpireDueAsync_And_ListAsync_MarkDueApprovalsExpired()
    {
        var service = await ServiceAsync();
        var a = await service.RequestAsync(Delete("SEC-1"), Ct);
        _time.Advance(TimeSpan.FromMinutes(30));
        var b = await service.RequestAsync(Delete("SEC-2"), Ct);
        _time.Advance(TimeSpan.FromMinutes(30));
        var listed = await service.ListAsync(new ApprovalQuery { OrgId = "org-acme" }, Ct);
        Assert.Equal([(b.Id, ApprovalState.Pending), (a.Id, ApprovalState.Expired)], listed.Select(x => (x.Id, x.State)));
        _time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(1, await service.ExpireDueAsync(Ct));
    }

    [Fact]
    public async Task BeginExecutionAsync_StillPending_Refused()
    {
        var service = await ServiceAsync();
        var approval = await service.RequestAsync(Delete(), Ct);
        var result = await service.BeginExecutionAsync(approval.Id, Args(), Agent, cancellationToken: Ct);
        Assert.Equal(ApprovalRefusal.WrongState, result.Refusal);
        Assert.Contains("waiting", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeginExecutionAsync_ChangedArguments_RefusedButSameArgumentsInAnyFormWork()
    {
        var service = await ServiceAsync();
        var approval = await service.RequestAsync(Delete("SEC-1"), Ct);
        await service.ApproveAsync(approval.Id, Carol, cancellationToken: Ct);
        var changed = await service.BeginExecutionAsync(approval.Id, Args("SEC-2"), Agent, cancellationToken: Ct);
        Assert.Equal(ApprovalRefusal.ArgumentsMismatch, changed.Refusal);
        var reformatted = ApprovalArguments.Parse("""  { "issueIdOrKey" :  "SEC-1" } """);
        var claim = await service.BeginExecutionAsync(approval.Id, reformatted, Agent, "replica-a", Ct);
        Assert.True(claim.Succeeded, claim.Message);
        Assert.Equal((ApprovalState.Executing, "replica-a"), (claim.Approval!.State, claim.Approval.ExecutedBy));
        Assert.Equal("""{"issueIdOrKey":"SEC-1"}""", claim.Approval.Arguments.CanonicalJson);
    }

    [Fact]
    public async Task AnotherAgent_CannotSeeOrExecuteTheApproval()
    {
        var service = await ServiceAsync();
        var approval = await service.RequestAsync(Delete(), Ct);
        await service.ApproveAsync(approval.Id, Carol, cancellationToken: Ct);
        var other = new AgentIdentity { AgentId = "agent-002", OrgId = "org-acme" };
        var sameIdOtherOrg = new AgentIdentity { AgentId = "agent-001", OrgId = "org-other" };
        Assert.Null(await service.GetForAgentAsync(other, approval.Id, Ct));
        Assert.Null(await service.GetForAgentAsync(sameIdOtherOrg, approval.Id, Ct));
        Assert.Equal(ApprovalRefusal.NotFound, (await service.BeginExecutionAsync(approval.Id, Args(), other, cancellationToken: Ct)).Refusal);
        Assert.Equal(ApprovalState.Approved, (await _stores.Approvals.GetAsync(approval.Id, Ct))!.State);
    }

    [Fact]
    public async Task CompleteAsync_ResultKeptForTheAgent_ReplayNeverExecutesAgain()
    {
        var service = await ServiceAsync();
        var approval = await service.RequestAsync(Delete(), Ct);
        await service.ApproveAsync(approval.Id, Carol, cancellationToken: Ct);
        Assert.True((await service.BeginExecutionAsync(approval.Id, Args(), Agent, cancellationToken: Ct)).Succeeded);
        Assert.True((await service.CompleteAsync(approval.Id, """{"deleted":"SEC-1"}""", Ct)).Succeeded);

        var collected = await service.GetForAgentAsync(Agent, approval.Id, Ct);
        Assert.Equal((ApprovalState.Executed, """{"deleted":"SEC-1"}"""), (collected!.State, collected.ResultJson));
        var replay = await service.BeginExecutionAsync(approval.Id, Args(), Agent, cancellationToken: Ct);
        Assert.Equal(ApprovalRefusal.WrongState, replay.Refusal);
        Assert.Contains("never executed twice", replay.Message, StringComparison.Ordinal);
        Assert.Equal(ApprovalRefusal.WrongState, (await service.CompleteAsync(approval.Id, "{}", Ct)).Refusal);
        Assert.Equal(ApprovalRefusal.WrongState, (await service.FailAsync(approval.Id, "late", Ct)).Refusal);
        // Long after expiry the result is still there to collect.
        _time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(ApprovalState.Executed, (await service.GetForAgentAsync(Agent, approval.Id, Ct))!.State);
    }

    [Fact]
    public async Task FailAsync_ErrorKept_AndFinal()
    {
        var service = await ServiceAsync();
        var approval = await service.RequestAsync(Delete(automatic: true), Ct);
        await service.BeginExecutionAsync(approval.Id, Args(), Agent, cancellationToken: Ct);
        var failed = await service.FailAsync(approval.Id, "jira_unavailable: 503 after 4 attempts", Ct);
        Assert.Equal((ApprovalState.Failed, "jira_unavailable: 503 after 4 attempts"), (failed.Approval!.State, failed.Approval.Error));
        Assert.Equal(ApprovalRefusal.WrongState, (await service.BeginExecutionAsync(approval.Id, Args(), Agent, cancellationToken: Ct)).Refusal);
        Assert.Equal(ApprovalRefusal.NotFound, (await service.CompleteAsync("apr_none_such", "{}", Ct)).Refusal);
    }

    [Fact]
    public async Task BeginExecutionAsync_StoredArgumentsTampered_Refused()
    {
        var service = await ServiceAsync();
        var approval = await service.RequestAsync(Delete("SEC-1"), Ct);
        await service.ApproveAsync(approval.Id, Carol, cancellationToken: Ct);
        await using (var connection = await _stores.Open(Ct))
        {
            using var tamper = connection.CreateCommand();
            tamper.CommandText = """UPDATE approvals SET arguments_json = '{"issueIdOrKey":"SEC-999"}' WHERE id = $id;""";
            tamper.Parameters.AddWithValue("$id", approval.Id);
            await tamper.ExecuteNonQueryAsync(Ct);
        }
        var result = await service.BeginExecutionAsync(approval.Id, Args("SEC-1"), Agent, cancellationToken: Ct);
        Assert.Equal(ApprovalRefusal.ArgumentsTampered, result.Refusal);
        Assert.Equal(ApprovalRefusal.ArgumentsTampered, (await service.BeginExecutionAsync(approval.Id, Args("SEC-999"), Agent, cancellationToken: Ct)).Refusal);
    }

    [Fact]
    public async Task RequestAsync_FailingNotifier_StillPendingAndLoggedWithoutTheWebhook()
    {
        var failing = new RecordingNotifier { Failure = new HttpRequestException("POST https://hooks.example/services/T0/B0/canary-webhook-secret failed") };
        var service = await ServiceAsync(failing);
        var approval = await service.RequestAsync(Delete(), Ct);
        Assert.Equal(ApprovalState.Pending, approval.State);
        await failing.Next.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var line = await WaitForAsync(() => _logger.Lines.FirstOrDefault(l => l.Contains(" 4106 ", StringComparison.Ordinal)));
        Assert.Contains(approval.Id, line, StringComparison.Ordinal);
        Assert.DoesNotContain("canary-webhook-secret", line, StringComparison.Ordinal);
        Assert.Equal(ApprovalState.Pending, (await service.GetForAgentAsync(Agent, approval.Id, Ct))!.State);
    }

    [Fact]
    public async Task RequestAsync_NotifierThatNeverAnswers_DoesNotBlockTheRequest()
    {
        var hanging = new RecordingNotifier { Hang = true };
        var service = await ServiceAsync(hanging);
        var approval = await service.RequestAsync(Delete(), Ct);
        Assert.Equal(ApprovalState.Pending, approval.State);
        await hanging.Next.WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    private static async Task<string> WaitForAsync(Func<string?> probe)
    {
        for (var i = 0; i < 3000; i++)
        {
            if (probe() is { } found)
            {
                return found;
            }
            await Task.Delay(10, Ct);
        }
        throw new TimeoutException("the expected log line never came");
    }

    private sealed class RecordingNotifier : IApprovalNotifier
    {
        private readonly TaskCompletionSource<Approval> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count;

        public Exception? Failure { get; init; }

        public bool Hang { get; init; }

        public int Count => Volatile.Read(ref _count);

        public Task<Approval> Next => _next.Task;

        public async Task NotifyAsync(Approval approval, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            _next.TrySetResult(approval);
            if (Hang)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            if (Failure is not null)
            {
                throw Failure;
            }
        }
    }

    [Fact]
    public async Task ExecutingPastItsLease_FailedWithOutcomeUnknownAndNeverClaimedAgain()
    {
        var service = await ServiceAsync(options: new ApprovalOptions { ExecutionLease = TimeSpan.FromMinutes(10) });
        var approval = await service.RequestAsync(Delete(automatic: true, risk: "medium"), Ct);
        Assert.True((await service.BeginExecutionAsync(approval.Id, Args(), Agent, "replica-a", Ct)).Succeeded);

        // The process that claimed it stops here: no outcome is ever recorded.
        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(ApprovalState.Executing, (await service.GetForAgentAsync(Agent, approval.Id, Ct))!.State);
        _time.Advance(TimeSpan.FromMinutes(2));
        var read = await service.GetForAgentAsync(Agent, approval.Id, Ct);

        Assert.Equal(ApprovalState.Failed, read!.State);
        using var error = JsonDocument.Parse(read.Error!);
        Assert.Equal("outcome_unknown", error.RootElement.GetProperty("code").GetString());
        Assert.Contains("replica-a", error.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False((await service.BeginExecutionAsync(approval.Id, Args(), Agent, "replica-b", Ct)).Succeeded);
        Assert.False((await service.CompleteAsync(approval.Id, "{}", Ct)).Succeeded);
    }

    [Fact]
    public async Task ExpireDueAsync_SweepsInterruptedExecutionsButNotLiveOnes()
    {
        var service = await ServiceAsync(options: new ApprovalOptions { ExecutionLease = TimeSpan.FromMinutes(10), DefaultExpiry = TimeSpan.FromDays(1) });
        var stale = await service.RequestAsync(Delete("SEC-1", automatic: true, risk: "medium"), Ct);
        Assert.True((await service.BeginExecutionAsync(stale.Id, Args("SEC-1"), Agent, cancellationToken: Ct)).Succeeded);
        _time.Advance(TimeSpan.FromMinutes(11));
        var live = await service.RequestAsync(Delete("SEC-2", automatic: true, risk: "medium"), Ct);
        Assert.True((await service.BeginExecutionAsync(live.Id, Args("SEC-2"), Agent, cancellationToken: Ct)).Succeeded);

        Assert.Equal(1, await service.ExpireDueAsync(Ct));

        Assert.Equal(ApprovalState.Failed, (await _stores.Approvals.GetAsync(stale.Id, Ct))!.State);
        Assert.Equal(ApprovalState.Executing, (await _stores.Approvals.GetAsync(live.Id, Ct))!.State);
    }
}
