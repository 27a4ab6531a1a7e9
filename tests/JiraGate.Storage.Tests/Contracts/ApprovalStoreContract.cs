using JiraGate.Governance.Approvals;

namespace JiraGate.Storage.Tests.Contracts;

/// <summary>What every <see cref="IApprovalStore"/> must do. One subclass per engine.</summary>
public abstract class ApprovalStoreContract
{
    protected static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<IApprovalStore> CreateStoreAsync();

    protected static Approval NewApproval(string id = "apr_1", ApprovalState state = ApprovalState.Pending, string args = """{"issueIdOrKey":"SEC-1"}""") => new()
    {
        Id = id,
        AgentId = "agent-001",
        OrgId = "org-acme",
        AgentOwner = "alice",
        Operation = "issues:delete",
        Policy = "jira-full-management",
        Channel = "#jira-approvals",
        Risk = "high",
        Arguments = ApprovalArguments.Parse(args),
        State = state,
        CreatedAt = T0,
        ExpiresAt = T0.AddHours(1),
    };

    private static ApprovalTransition Move(ApprovalState from, ApprovalState to, string id = "apr_1", DateTimeOffset? at = null) =>
        new() { ApprovalId = id, From = from, To = to, At = at ?? T0.AddMinutes(1), RequireUnexpired = true, Actor = "carol" };

    [Fact]
    public async Task CreateAsync_RoundTripsEveryField()
    {
        var store = await CreateStoreAsync();
        var approval = NewApproval() with { Automatic = true, DecidedBy = "auto", DecidedAt = T0, State = ApprovalState.Approved };
        Assert.True(await store.CreateAsync(approval, Ct));
        var read = await store.GetAsync("apr_1", Ct);
        Assert.NotNull(read);
        Assert.Equal(approval with { Arguments = read.Arguments }, read);
        Assert.Equal(approval.Arguments.CanonicalJson, read.Arguments.CanonicalJson);
        Assert.Equal(approval.Arguments.Sha256, read.Arguments.Sha256);
        Assert.True(read.Arguments.IsIntact);
    }

    [Fact]
    public async Task CreateAsync_TakenId_ReturnsFalse()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.CreateAsync(NewApproval(), Ct));
        Assert.False(await store.CreateAsync(NewApproval(args: "{}"), Ct));
        Assert.Equal("""{"issueIdOrKey":"SEC-1"}""", (await store.GetAsync("apr_1", Ct))!.Arguments.CanonicalJson);
        Assert.Null(await store.GetAsync("apr_none", Ct));
    }

    public static TheoryData<ApprovalState, ApprovalState> LegalTransitions()
    {
        var data = new TheoryData<ApprovalState, ApprovalState>();
        foreach (var from in Enum.GetValues<ApprovalState>())
        {
            foreach (var to in Enum.GetValues<ApprovalState>())
            {
                if (ApprovalStates.IsLegal(from, to))
                {
                    data.Add(from, to);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public async Task TryTransitionAsync_LegalFromRightState_AppliesOnce(ApprovalState from, ApprovalState to)
    {
        var store = await CreateStoreAsync();
        await store.CreateAsync(NewApproval(state: from), Ct);
        var move = Move(from, to) with { Comment = "ok", ResultJson = """{"deleted":true}""", Error = "boom" };
        Assert.True(await store.TryTransitionAsync(move, Ct));
        Assert.False(await store.TryTransitionAsync(move, Ct));
        var read = (await store.GetAsync("apr_1", Ct))!;
        Assert.Equal(to, read.State);
        switch (to)
        {
            case ApprovalState.Approved or ApprovalState.Denied:
                Assert.Equal(("carol", T0.AddMinutes(1), "ok"), (read.DecidedBy, read.DecidedAt, read.DecisionComment));
                break;
            case ApprovalState.Executing:
                Assert.Equal(("carol", T0.AddMinutes(1)), (read.ExecutedBy, read.ExecutionStartedAt));
                break;
            case ApprovalState.Executed:
                Assert.Equal((T0.AddMinutes(1), """{"deleted":true}""", (string?)null), (read.CompletedAt, read.ResultJson, read.Error));
                break;
            case ApprovalState.Failed:
                Assert.Equal((T0.AddMinutes(1), (string?)null, "boom"), (read.CompletedAt, read.ResultJson, read.Error));
                break;
        }
    }

    [Fact]
    public async Task TryTransitionAsync_WrongFromState_ReturnsFalseAndChangesNothing()
    {
        var store = await CreateStoreAsync();
        await store.CreateAsync(NewApproval(state: ApprovalState.Denied), Ct);
        Assert.False(await store.TryTransitionAsync(Move(ApprovalState.Pending, ApprovalState.Approved), Ct));
        Assert.False(await store.TryTransitionAsync(Move(ApprovalState.Approved, ApprovalState.Executing), Ct));
        Assert.Equal(ApprovalState.Denied, (await store.GetAsync("apr_1", Ct))!.State);
        Assert.False(await store.TryTransitionAsync(Move(ApprovalState.Pending, ApprovalState.Approved, id: "apr_none"), Ct));
    }

    [Fact]
    public async Task TryTransitionAsync_IllegalTransition_Throws()
    {
        var store = await CreateStoreAsync();
        await store.CreateAsync(NewApproval(), Ct);
        foreach (var from in Enum.GetValues<ApprovalState>())
        {
            foreach (var to in Enum.GetValues<ApprovalState>().Where(to => !ApprovalStates.IsLegal(from, to)))
            {
                await Assert.ThrowsAsync<ArgumentException>(() => store.TryTransitionAsync(Move(from, to), Ct));
            }
        }
        Assert.Equal(ApprovalState.Pending, (await store.GetAsync("apr_1", Ct))!.State);
    }

    [Fact]
    public async Task TryTransitionAsync_RequireUnexpiredAtOrAfterExpiry_ReturnsFalse()
    {
        var store = await CreateStoreAsync();
        await store.CreateAsync(NewApproval(), Ct);
        Assert.False(await store.TryTransitionAsync(Move(ApprovalState.Pending, ApprovalState.Approved, at: T0.AddHours(1)), Ct));
        Assert.True(await store.TryTransitionAsync(Move(ApprovalState.Pending, ApprovalState.Approved, at: T0.AddHours(1).AddMilliseconds(-1)), Ct));
    }

    [Fact]
    public async Task TryTransitionAsync_ArgumentHashDiffers_ReturnsFalse()
    {
        var store = await CreateStoreAsync();
        await store.CreateAsync(NewApproval(state: ApprovalState.Approved), Ct);
        var other = ApprovalArguments.Parse("""{"issueIdOrKey":"SEC-2"}""");
        Assert.False(await store.TryTransitionAsync(Move(ApprovalState.Approved, ApprovalState.Executing) with { ArgumentsSha256 = other.Sha256 }, Ct));
        var same = ApprovalArguments.Parse("""{ "issueIdOrKey" : "SEC-1" }""");
        Assert.True(await store.TryTransitionAsync(Move(ApprovalState.Approved, ApprovalState.Executing) with { ArgumentsSha256 = same.Sha256 }, Ct));
    }

    [Fact]
    public async Task TryTransitionAsync_FiftyConcurrentClaims_ExactlyOneSucceeds()
    {
        var store = await CreateStoreAsync();
        await store.CreateAsync(NewApproval(state: ApprovalState.Approved), Ct);
        var claims = Enumerable.Range(0, 50).Select(i => Task.Run(() => store.TryTransitionAsync(
            Move(ApprovalState.Approved, ApprovalState.Executing) with { Actor = $"replica-{i}" }, Ct), Ct));
        var results = await Task.WhenAll(claims);
        Assert.Single(results, r => r);
        Assert.Equal(ApprovalState.Executing, (await store.GetAsync("apr_1", Ct))!.State);
    }

    [Fact]
    public async Task FindOpenAsync_MatchesAgentOperationHashAndLiveness()
    {
        var store = await CreateStoreAsync();
        var approval = NewApproval();
        await store.CreateAsync(approval, Ct);
        var sha = approval.Arguments.Sha256;
        Assert.Equal("apr_1", (await store.FindOpenAsync("agent-001", "issues:delete", sha, T0, Ct))?.Id);
        Assert.Null(await store.FindOpenAsync("agent-002", "issues:delete", sha, T0, Ct));
        Assert.Null(await store.FindOpenAsync("agent-001", "issues:update", sha, T0, Ct));
        Assert.Null(await store.FindOpenAsync("agent-001", "issues:delete", new string('0', 64), T0, Ct));
        Assert.Null(await store.FindOpenAsync("agent-001", "issues:delete", sha, T0.AddHours(1), Ct));
        await store.TryTransitionAsync(Move(ApprovalState.Pending, ApprovalState.Denied), Ct);
        Assert.Null(await store.FindOpenAsync("agent-001", "issues:delete", sha, T0, Ct));
    }

    [Fact]
    public async Task ListAsync_FiltersByOrgAgentAndState_NewestFirst()
    {
        var store = await CreateStoreAsync();
        await store.CreateAsync(NewApproval("apr_a") with { CreatedAt = T0 }, Ct);
        await store.CreateAsync(NewApproval("apr_b", ApprovalState.Approved) with { CreatedAt = T0.AddMinutes(1) }, Ct);
        await store.CreateAsync(NewApproval("apr_c") with { CreatedAt = T0.AddMinutes(2), OrgId = "org-other", AgentId = "agent-9" }, Ct);
        Assert.Equal(["apr_b", "apr_a"], (await store.ListAsync(new ApprovalQuery { OrgId = "org-acme" }, Ct)).Select(a => a.Id));
        Assert.Equal(["apr_c"], (await store.ListAsync(new ApprovalQuery { AgentId = "agent-9" }, Ct)).Select(a => a.Id));
        Assert.Equal(["apr_c", "apr_a"], (await store.ListAsync(new ApprovalQuery { States = [ApprovalState.Pending] }, Ct)).Select(a => a.Id));
        Assert.Equal(["apr_c"], (await store.ListAsync(new ApprovalQuery { Limit = 1 }, Ct)).Select(a => a.Id));
    }

    [Fact]
    public async Task ExpireDueAsync_ExpiresPendingAndApprovedOnlyWhenDue()
    {
        var store = await CreateStoreAsync();
        await store.CreateAsync(NewApproval("apr_p"), Ct);
        await store.CreateAsync(NewApproval("apr_a", ApprovalState.Approved), Ct);
        await store.CreateAsync(NewApproval("apr_x", ApprovalState.Executing), Ct);
        await store.CreateAsync(NewApproval("apr_later") with { ExpiresAt = T0.AddHours(2) }, Ct);
        Assert.Equal(0, await store.ExpireDueAsync(T0.AddHours(1).AddMilliseconds(-1), Ct));
        Assert.Equal(2, await store.ExpireDueAsync(T0.AddHours(1), Ct));
        Assert.Equal(ApprovalState.Expired, (await store.GetAsync("apr_p", Ct))!.State);
        Assert.Equal(ApprovalState.Expired, (await store.GetAsync("apr_a", Ct))!.State);
        Assert.Equal(ApprovalState.Executing, (await store.GetAsync("apr_x", Ct))!.State);
        Assert.Equal(ApprovalState.Pending, (await store.GetAsync("apr_later", Ct))!.State);
    }
}
