using JiraGate.Governance.Agents;
using JiraGate.Governance.Approvals;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace JiraGate.Governance.Tests.Approvals;

/// <summary>
/// TARGETS.md: one approval, 50 concurrent approvers / replays / changed arguments / self-approval → exactly one
/// execution; every other attempt refused. Against the SQLite store, every caller on its own connection.
/// </summary>
public sealed class ApprovalConcurrencyTests : IDisposable
{
    private static readonly AgentIdentity Agent = new() { AgentId = "agent-001", OrgId = "org-acme" };
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private TestStores _stores = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _stores?.Dispose();

    [Fact]
    public async Task FiftyConcurrentApproversExecutorsReplaysAndSelfApprovals_ExactlyOneExecution()
    {
        _stores = await TestStores.CreateAsync();
        await new AgentRegistry(_stores.Agents, _time).RegisterAsync(new NewAgent { Id = "agent-001", OrgId = "org-acme", Owner = "alice" }, Ct);
        var service = new ApprovalService(_stores.Approvals, _stores.Agents, null, Options.Create(new ApprovalOptions()), _time);
        var approval = await service.RequestAsync(ApprovalServiceTests.Delete("SEC-1"), Ct);
        var right = ApprovalArguments.Parse("""{"issueIdOrKey":"SEC-1"}""");
        var changed = ApprovalArguments.Parse("""{"issueIdOrKey":"SEC-2"}""");

        var executions = 0;
        var approvals = 0;
        var claims = 0;
        var refusals = new System.Collections.Concurrent.ConcurrentBag<ApprovalRefusal>();
        using var start = new ManualResetEventSlim(false);

        async Task Actor(int i)
        {
            start.Wait(Ct);
            switch (i % 5)
            {
                case 0: // a different approver each time: only the first decision counts
                    var decided = await service.ApproveAsync(approval.Id, new ApproverIdentity { ApproverId = $"approver-{i}", OrgId = "org-acme" }, cancellationToken: Ct);
                    if (decided.Succeeded)
                    {
                        Interlocked.Increment(ref approvals);
                    }
                    else
                    {
                        refusals.Add(decided.Refusal);
                    }
                    break;
                case 1: // self-approval by the owner and by the agent
                    var self = new ApproverIdentity { ApproverId = i % 2 == 0 ? "alice" : "agent-001", OrgId = "org-acme" };
                    var refused = await service.ApproveAsync(approval.Id, self, cancellationToken: Ct);
                    Assert.Equal(ApprovalRefusal.FourEyes, refused.Refusal);
                    refusals.Add(refused.Refusal);
                    break;
                case 2: // changed arguments
                    var mismatch = await service.BeginExecutionAsync(approval.Id, changed, Agent, $"replica-{i}", Ct);
                    Assert.False(mismatch.Succeeded);
                    refusals.Add(mismatch.Refusal);
                    break;
                default: // executors and replays: keep trying until the approval leaves pending
                    for (var attempt = 0; attempt < 10_000; attempt++)
                    {
                        var claim = await service.BeginExecutionAsync(approval.Id, right, Agent, $"replica-{i}", Ct);
                        if (claim.Succeeded)
                        {
                            Interlocked.Increment(ref claims);
                            Interlocked.Increment(ref executions); // "the Jira call"
                            await service.CompleteAsync(approval.Id, """{"deleted":"SEC-1"}""", Ct);
                            return;
                        }
                        if (claim.Approval?.State is not ApprovalState.Pending)
                        {
                            refusals.Add(claim.Refusal);
                            return;
                        }
                        await Task.Yield();
                    }
                    break;
            }
        }

        var tasks = Enumerable.Range(0, 50).Select(i => Task.Run(() => Actor(i), Ct)).ToArray();
        start.Set();
        await Task.WhenAll(tasks);

        Assert.Equal(1, approvals);
        Assert.Equal(1, claims);
        Assert.Equal(1, executions);
        Assert.Equal(48, refusals.Count); // 50 actors, 2 successes: one decision, one execution
        Assert.DoesNotContain(ApprovalRefusal.None, refusals);
        var final = (await _stores.Approvals.GetAsync(approval.Id, Ct))!;
        Assert.Equal(ApprovalState.Executed, final.State);
        Assert.StartsWith("approver-", final.DecidedBy, StringComparison.Ordinal);
    }
}
