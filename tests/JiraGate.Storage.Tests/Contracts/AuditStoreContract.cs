using JiraGate.Governance.Audit;

namespace JiraGate.Storage.Tests.Contracts;

/// <summary>
/// What every <see cref="IAuditStore"/> must do. One subclass per engine supplies a fresh, empty store per test.
/// </summary>
public abstract class AuditStoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A new, empty store (disposed with the test class if it needs to be).</summary>
    protected abstract Task<IAuditStore> CreateStoreAsync();

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Chained records continuing <paramref name="head"/>.</summary>
    public static List<AuditRecord> Chain(AuditHead head, int count, Func<long, AuditRecord>? template = null)
    {
        var list = new List<AuditRecord>();
        var prev = head.Hash;
        for (var seq = head.Seq + 1; seq <= head.Seq + count; seq++)
        {
            var t = template?.Invoke(seq) ?? Sample(seq);
            var unhashed = Copy(t, seq, prev, "");
            var record = Copy(t, seq, prev, AuditChain.ComputeHash(unhashed));
            list.Add(record);
            prev = record.Hash;
        }
        return list;
    }

    public static AuditRecord Sample(long seq, string agent = "agent-a", string org = "org-1", string operation = "issues:create", string decision = "allow", DateTimeOffset? ts = null) => new()
    {
        Seq = seq,
        Timestamp = ts ?? T0.AddSeconds(seq),
        Kind = seq % 2 == 1 ? AuditRecordKind.Intent : AuditRecordKind.Outcome,
        Agent = agent,
        Org = org,
        Operation = operation,
        Risk = "medium",
        Decision = decision,
        Policy = "jira-soc-triage",
        ApprovalId = seq % 3 == 0 ? "appr-" + seq : null,
        Parameters = "{\"project\":\"SEC\",\"summary\":\"ünïcødé \\\"quoted\\\" \\n line\"}",
        IntentSeq = seq % 2 == 0 ? seq - 1 : null,
        Outcome = seq % 2 == 0 ? new AuditOutcome { Status = "ok", HttpStatus = 201, DurationMs = 42, JiraRequestId = "req-" + seq, ErrorCode = null, ErrorMessage = null } : null,
        PrevHash = "",
        Hash = "",
    };

    public static AuditRecord Copy(AuditRecord t, long seq, string prev, string hash) => new()
    {
        Seq = seq, Timestamp = t.Timestamp, Kind = t.Kind, Agent = t.Agent, Org = t.Org, Operation = t.Operation,
        Risk = t.Risk, Decision = t.Decision, Policy = t.Policy, ApprovalId = t.ApprovalId, Parameters = t.Parameters,
        IntentSeq = t.IntentSeq, Outcome = t.Outcome, PrevHash = prev, Hash = hash,
    };

    private static async Task<List<AuditRecord>> ReadAllAsync(IAuditStore store, long from = 1)
    {
        var list = new List<AuditRecord>();
        await foreach (var r in store.ReadAsync(from, Ct))
        {
            list.Add(r);
        }
        return list;
    }

    [Fact]
    public async Task GetHead_EmptyStore_IsGenesis()
    {
        var store = await CreateStoreAsync();
        var head = await store.GetHeadAsync(Ct);
        Assert.Equal(0, head.Seq);
        Assert.Equal(AuditChain.GenesisHash, head.Hash);
    }

    [Fact]
    public async Task Append_ThenRead_RoundTripsEveryFieldSoHashesRecompute()
    {
        var store = await CreateStoreAsync();
        var records = Chain(AuditHead.Empty, 6);
        await store.AppendAsync(records, null, Ct);

        var read = await ReadAllAsync(store);
        Assert.Equal(6, read.Count);
        for (var i = 0; i < records.Count; i++)
        {
            Assert.Equal(AuditChain.ExportLineOf(records[i]), AuditChain.ExportLineOf(read[i]));
            Assert.Equal(read[i].Hash, AuditChain.ComputeHash(read[i]));
        }
        var head = await store.GetHeadAsync(Ct);
        Assert.Equal(6, head.Seq);
        Assert.Equal(records[^1].Hash, head.Hash);
    }

    [Fact]
    public async Task Append_NotContinuingHead_ThrowsConflictAndWritesNothing()
    {
        var store = await CreateStoreAsync();
        await store.AppendAsync(Chain(AuditHead.Empty, 3), null, Ct);

        // A second writer that still believes the log is empty.
        var stale = Chain(AuditHead.Empty, 2);
        await Assert.ThrowsAsync<AuditChainConflictException>(() => store.AppendAsync(stale, null, Ct));
        // Right seq, wrong prev_hash.
        var forged = Chain(new AuditHead { Seq = 3, Hash = new string('f', 64) }, 1);
        await Assert.ThrowsAsync<AuditChainConflictException>(() => store.AppendAsync(forged, null, Ct));

        Assert.Equal(3, (await ReadAllAsync(store)).Count);
    }

    [Fact]
    public async Task Append_BatchNotConsecutive_IsRefused()
    {
        var store = await CreateStoreAsync();
        var records = Chain(AuditHead.Empty, 3);
        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync([records[0], records[2]], null, Ct));
        Assert.Empty(await ReadAllAsync(store));
    }

    [Fact]
    public async Task Append_WithCheckpoint_StoresBothAtomically()
    {
        var store = await CreateStoreAsync();
        var records = Chain(AuditHead.Empty, 4);
        var checkpoint = new AuditCheckpoint { Seq = 4, HeadHash = records[^1].Hash, Count = 4, Timestamp = T0, KeyId = "k1", Signature = "c2ln" };
        await store.AppendAsync(records, checkpoint, Ct);
        // A checkpoint on its own (on demand, nothing new appended).
        await store.AppendAsync([], new AuditCheckpoint { Seq = 4, HeadHash = records[^1].Hash, Count = 4, Timestamp = T0.AddMinutes(1), KeyId = "k1", Signature = "b3RoZXI=" }, Ct);

        var checkpoints = await store.ListCheckpointsAsync(Ct);
        var only = Assert.Single(checkpoints);
        Assert.Equal(4, only.Seq);
        Assert.Equal(records[^1].Hash, only.HeadHash);
        Assert.Equal(T0, only.Timestamp);
        Assert.Equal("c2ln", only.Signature);
    }

    [Fact]
    public async Task Append_ConflictWithCheckpoint_WritesNeither()
    {
        var store = await CreateStoreAsync();
        await store.AppendAsync(Chain(AuditHead.Empty, 2), null, Ct);
        var stale = Chain(AuditHead.Empty, 1);
        var checkpoint = new AuditCheckpoint { Seq = 1, HeadHash = stale[0].Hash, Count = 1, Timestamp = T0, KeyId = "k", Signature = "s" };
        await Assert.ThrowsAsync<AuditChainConflictException>(() => store.AppendAsync(stale, checkpoint, Ct));
        Assert.Empty(await store.ListCheckpointsAsync(Ct));
    }

    [Fact]
    public async Task Read_FromSeq_StartsThereInOrder()
    {
        var store = await CreateStoreAsync();
        await store.AppendAsync(Chain(AuditHead.Empty, 10), null, Ct);
        var read = await ReadAllAsync(store, 7);
        Assert.Equal([7L, 8, 9, 10], read.Select(r => r.Seq));
    }

    [Fact]
    public async Task Query_ByEachCriterion_ReturnsOnlyMatches()
    {
        var store = await CreateStoreAsync();
        string[] agents = ["a1", "a2", "a3"];
        string[] orgs = ["o1", "o2"];
        string[] ops = ["issues:create", "issues:read", "comments:add", "issues:delete"];
        string[] decisions = ["allow", "deny", "approval_required"];
        var records = Chain(AuditHead.Empty, 60, seq => Sample(seq,
            agent: agents[seq % 3], org: orgs[seq % 2], operation: ops[seq % 4], decision: decisions[seq % 3 == 0 ? 1 : 0]));
        await store.AppendAsync(records, null, Ct);

        async Task Check(AuditQuery q, Func<AuditRecord, bool> expected)
        {
            var page = await store.QueryAsync(q, Ct);
            Assert.Equal(records.Where(expected).Select(r => r.Seq), page.Records.Select(r => r.Seq));
        }
        await Check(new AuditQuery { Agent = "a2", Limit = 1000 }, r => r.Agent == "a2");
        await Check(new AuditQuery { Org = "o1", Limit = 1000 }, r => r.Org == "o1");
        await Check(new AuditQuery { Operation = "comments:add", Limit = 1000 }, r => r.Operation == "comments:add");
        await Check(new AuditQuery { Decision = "deny", Limit = 1000 }, r => r.Decision == "deny");
        await Check(new AuditQuery { Kind = AuditRecordKind.Outcome, Limit = 1000 }, r => r.Kind == AuditRecordKind.Outcome);
        await Check(new AuditQuery { Agent = "a1", Org = "o2", Operation = "issues:read", Limit = 1000 },
            r => r.Agent == "a1" && r.Org == "o2" && r.Operation == "issues:read");
        var from = records[9].Timestamp;
        var to = records[19].Timestamp;
        await Check(new AuditQuery { From = from, To = to, Limit = 1000 }, r => r.Timestamp >= from && r.Timestamp < to);
        await Check(new AuditQuery { Agent = "nobody" }, _ => false);
    }

    [Fact]
    public async Task Query_Paged_VisitsEveryMatchOnce()
    {
        var store = await CreateStoreAsync();
        var records = Chain(AuditHead.Empty, 25, seq => Sample(seq, agent: seq % 5 == 0 ? "other" : "agent-a"));
        await store.AppendAsync(records, null, Ct);

        var seen = new List<long>();
        long after = 0;
        var pages = 0;
        while (true)
        {
            var page = await store.QueryAsync(new AuditQuery { Agent = "agent-a", Limit = 7, AfterSeq = after }, Ct);
            seen.AddRange(page.Records.Select(r => r.Seq));
            pages++;
            if (page.NextAfterSeq is not { } next)
            {
                break;
            }
            after = next;
        }
        Assert.Equal(records.Where(r => r.Agent == "agent-a").Select(r => r.Seq), seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Query_LimitOutOfRange_IsRefused()
    {
        var store = await CreateStoreAsync();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.QueryAsync(new AuditQuery { Limit = 0 }, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.QueryAsync(new AuditQuery { Limit = 1001 }, Ct));
    }
}
