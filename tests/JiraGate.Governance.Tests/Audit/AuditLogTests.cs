using System.Text;
using JiraGate.Governance.Audit;

namespace JiraGate.Governance.Tests.Audit;

public sealed class AuditLogTests
{
    private static CancellationToken Ct => AuditTestBed.Ct;

    [Fact]
    public async Task AppendIntent_ReturnsCommittedRecord()
    {
        await using var bed = await AuditTestBed.CreateAsync();
        var receipt = await bed.Log.AppendIntentAsync(AuditTestBed.Intent(), Ct);

        Assert.Equal(1, receipt.Seq);
        Assert.Equal(AuditChain.GenesisHash, receipt.Record.PrevHash);
        Assert.Equal(AuditRecordKind.Intent, receipt.Record.Kind);
        Assert.Equal(bed.Time.GetUtcNow(), receipt.Record.Timestamp);
        // Committed: visible to a separate reader of the store before anything else happens.
        var head = await bed.Store.GetHeadAsync(Ct);
        Assert.Equal(receipt.Hash, head.Hash);
    }

    [Fact]
    public async Task AppendOutcome_LinksIntentAndScrubsCredentialsInError()
    {
        await using var bed = await AuditTestBed.CreateAsync();
        var intent = await bed.Log.AppendIntentAsync(AuditTestBed.Intent(), Ct);
        var outcome = await bed.Log.AppendOutcomeAsync(intent, new AuditOutcome
        {
            Status = "failed",
            HttpStatus = 401,
            DurationMs = 12,
            JiraRequestId = "req-9",
            ErrorCode = "unauthenticated",
            ErrorMessage = "Jira refused Authorization: Bearer CANARY0bearer0token0123",
        }, Ct);

        Assert.Equal(2, outcome.Seq);
        Assert.Equal(1, outcome.Record.IntentSeq);
        Assert.Equal(intent.Hash, outcome.Record.PrevHash);
        Assert.Equal("issues:create", outcome.Record.Operation);
        Assert.DoesNotContain("CANARY0bearer", outcome.Record.Outcome!.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("Bearer [redacted]", outcome.Record.Outcome.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppendIntent_StoreFailing_ThrowsAndNothingReachesJira()
    {
        await using var bed = await AuditTestBed.CreateAsync();
        var store = new FailingAuditStore(bed.Store) { Failing = true };
        await using var log = new AuditLog(store, bed.SigningKey, null, bed.Time);
        var jiraCalls = 0;

        async Task CallThroughPipelineAsync()
        {
            await log.AppendIntentAsync(AuditTestBed.Intent(), Ct); // throws → the next line never runs
            jiraCalls++;
        }

        for (var i = 0; i < 5; i++)
        {
            var error = await Assert.ThrowsAsync<AuditUnavailableException>(CallThroughPipelineAsync);
            Assert.Contains("must not be made", error.Message, StringComparison.Ordinal);
        }
        Assert.Equal(0, jiraCalls);
        Assert.Equal(0, (await bed.Store.GetHeadAsync(Ct)).Seq);

        // Healed: the chain starts cleanly, with no gap left by the failures.
        store.Failing = false;
        await CallThroughPipelineAsync();
        Assert.Equal(1, jiraCalls);
        Assert.Equal(1, (await bed.Store.GetHeadAsync(Ct)).Seq);
        Assert.True((await log.VerifyAsync(Ct)).IsValid);
    }

    [Fact]
    public async Task Append_StoreFailsMidChain_ChainContinuesWithoutGap()
    {
        await using var bed = await AuditTestBed.CreateAsync();
        var store = new FailingAuditStore(bed.Store);
        await using var log = new AuditLog(store, bed.SigningKey, null, bed.Time);
        for (var i = 0; i < 3; i++)
        {
            await log.AppendIntentAsync(AuditTestBed.Intent(), Ct);
        }
        store.Failing = true;
        await Assert.ThrowsAsync<AuditUnavailableException>(() => log.AppendIntentAsync(AuditTestBed.Intent(), Ct));
        store.Failing = false;
        var next = await log.AppendIntentAsync(AuditTestBed.Intent(), Ct);

        Assert.Equal(4, next.Seq);
        var result = await log.VerifyAsync(Ct);
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(4, result.RecordsChecked);
    }

    [Fact]
    public async Task AppendIntent_AfterDispose_FailsClosed()
    {
        await using var bed = await AuditTestBed.CreateAsync();
        var log = new AuditLog(bed.Store, null, null, bed.Time);
        await log.DisposeAsync();
        await Assert.ThrowsAsync<AuditUnavailableException>(() => log.AppendIntentAsync(AuditTestBed.Intent(), Ct));
    }

    [Fact]
    public async Task Append_64ConcurrentWriters_OneValidChainWithoutGaps()
    {
        await using var bed = await AuditTestBed.CreateAsync(new AuditLogOptions { CheckpointEvery = 100 });
        const int Writers = 64, PerWriter = 40;
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            start.Wait(Ct);
            var seqs = new List<long>();
            for (var i = 0; i < PerWriter; i++)
            {
                var intent = await bed.Log.AppendIntentAsync(AuditTestBed.Intent(agent: "writer-" + w), Ct);
                seqs.Add(intent.Seq);
            }
            return seqs;
        }, Ct)).ToList();
        start.Set();
        var perWriter = await Task.WhenAll(tasks);

        var all = perWriter.SelectMany(s => s).Order().ToList();
        Assert.Equal(Enumerable.Range(1, Writers * PerWriter).Select(i => (long)i), all);
        // Each writer's own appends are ordered as it made them.
        Assert.All(perWriter, seqs => Assert.Equal(seqs.Order(), seqs));
        var result = await bed.Log.VerifyAsync(Ct);
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(Writers * PerWriter, result.RecordsChecked);
        Assert.True(result.CheckpointsVerified >= 1);
    }

    [Fact]
    public async Task Checkpoints_EveryN_AndOnDemand()
    {
        await using var bed = await AuditTestBed.CreateAsync(new AuditLogOptions { CheckpointEvery = 10 });
        for (var i = 0; i < 25; i++)
        {
            await bed.Log.AppendIntentAsync(AuditTestBed.Intent(), Ct);
        }
        var onDemand = await bed.Log.CheckpointAsync(Ct);

        Assert.Equal(25, onDemand.Seq);
        Assert.Equal(25, onDemand.Count);
        Assert.True(onDemand.VerifySignature(bed.SigningKey.PublicKey.Span));
        var checkpoints = await bed.Store.ListCheckpointsAsync(Ct);
        Assert.Equal([10L, 20, 25], checkpoints.Select(c => c.Seq));
        Assert.All(checkpoints, c => Assert.Equal(bed.SigningKey.KeyId, c.KeyId));
        Assert.Equal(3, (await bed.Log.VerifyAsync(Ct)).CheckpointsVerified);
    }

    [Fact]
    public async Task Checkpoint_WithoutSigningKey_IsRefused()
    {
        await using var bed = await AuditTestBed.CreateAsync();
        await using var log = new AuditLog(bed.Store, null, null, bed.Time);
        await Assert.ThrowsAsync<InvalidOperationException>(() => log.CheckpointAsync(Ct));
    }

    [Fact]
    public async Task Query_ByAgentAndTime_PagesThroughLog()
    {
        await using var bed = await AuditTestBed.CreateAsync();
        await bed.AppendPairsAsync(12); // agents agent-0..2, one second apart
        var start = bed.Time.GetUtcNow().AddSeconds(-12);

        var page = await bed.Log.QueryAsync(new AuditQuery { Agent = "agent-1", Limit = 3 }, Ct);
        Assert.Equal(3, page.Records.Count);
        Assert.All(page.Records, r => Assert.Equal("agent-1", r.Agent));
        Assert.NotNull(page.NextAfterSeq);
        var rest = await bed.Log.QueryAsync(new AuditQuery { Agent = "agent-1", Limit = 100, AfterSeq = page.NextAfterSeq.Value }, Ct);
        Assert.Equal(5, rest.Records.Count); // 4 pairs = 8 records
        Assert.Null(rest.NextAfterSeq);

        var window = await bed.Log.QueryAsync(new AuditQuery { From = start.AddSeconds(2), To = start.AddSeconds(4), Limit = 100 }, Ct);
        Assert.Equal([5L, 6, 7, 8], window.Records.Select(r => r.Seq));
    }

    [Fact]
    public async Task Export_VerifiesOfflineWithExportedPublicKey()
    {
        await using var bed = await AuditTestBed.CreateAsync(new AuditLogOptions { CheckpointEvery = 8 });
        await bed.AppendPairsAsync(10);
        using var export = new MemoryStream();
        await bed.Log.ExportAsync(export, Ct);
        var publicKey = Convert.FromBase64String(bed.SigningKey.PublicKeyBase64);

        export.Position = 0;
        var result = await AuditExport.VerifyAsync(export, publicKey, Ct);
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(20, result.RecordsChecked);
        Assert.Equal(2, result.CheckpointsVerified);

        var lines = Encoding.UTF8.GetString(export.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(22, lines.Length);
        Assert.All(lines, l => Assert.Equal(CanonicalJson.Canonicalize(l), l));
    }

    [Fact]
    public async Task Export_WrongPublicKey_CheckpointSignatureInvalid()
    {
        await using var bed = await AuditTestBed.CreateAsync(new AuditLogOptions { CheckpointEvery = 4 });
        await bed.AppendPairsAsync(4);
        using var export = new MemoryStream();
        await bed.Log.ExportAsync(export, Ct);
        using var other = AuditSigningKey.Generate();

        export.Position = 0;
        var result = await AuditExport.VerifyAsync(export, other.PublicKey, Ct);
        Assert.Equal(AuditProblem.CheckpointSignatureInvalid, result.Problem);
    }

    [Fact]
    public async Task Export_EditedOrTruncatedOffline_IsDetected()
    {
        await using var bed = await AuditTestBed.CreateAsync(new AuditLogOptions { CheckpointEvery = 10 });
        await bed.AppendPairsAsync(10);
        using var export = new MemoryStream();
        await bed.Log.ExportAsync(export, Ct);
        var lines = Encoding.UTF8.GetString(export.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

        async Task<AuditVerifyResult> VerifyLinesAsync(IEnumerable<string> l)
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', l) + "\n"));
            return await AuditExport.VerifyAsync(stream, bed.SigningKey.PublicKey, Ct);
        }

        var edited = lines.Select(l => l.Contains("\"seq\":7,", StringComparison.Ordinal) && !l.Contains("checkpoint", StringComparison.Ordinal)
            ? l.Replace("issues:create", "issues:delete", StringComparison.Ordinal) : l);
        var editedResult = await VerifyLinesAsync(edited);
        Assert.Equal((AuditProblem.Edited, 7L), (editedResult.Problem!.Value, editedResult.FirstBadSeq!.Value));

        // Drop records 16-20 but keep the checkpoint line that covers 20.
        var truncated = lines.Where(l => l.Contains("checkpoint", StringComparison.Ordinal)
            || !Enumerable.Range(16, 5).Any(s => l.Contains($"\"seq\":{s},", StringComparison.Ordinal)));
        var truncatedResult = await VerifyLinesAsync(truncated);
        Assert.Equal((AuditProblem.Truncated, 16L), (truncatedResult.Problem!.Value, truncatedResult.FirstBadSeq!.Value));
    }
}
