using System.Globalization;
using JiraGate.Governance.Audit;

namespace JiraGate.Governance.Tests.Audit;

/// <summary>
/// An attacker with write access to the SQLite file changes the log with SQL; verify must name the first bad
/// record and say what happened. 40 records (20 intent/outcome pairs), checkpoints every 10.
/// </summary>
public sealed class AuditTamperTests : IAsyncLifetime
{
    private AuditTestBed _bed = null!;

    private static CancellationToken Ct => AuditTestBed.Ct;

    public async ValueTask InitializeAsync()
    {
        _bed = await AuditTestBed.CreateAsync(new AuditLogOptions { CheckpointEvery = 10 });
        await _bed.AppendPairsAsync(20);
    }

    public ValueTask DisposeAsync() => _bed.DisposeAsync();

    private async Task<AuditVerifyResult> VerifyAsync() => await _bed.Log.VerifyAsync(Ct);

    private async Task<List<AuditRecord>> ReadAllAsync()
    {
        var list = new List<AuditRecord>();
        await foreach (var r in _bed.Store.ReadAsync(1, Ct))
        {
            list.Add(r);
        }
        return list;
    }

    private static string Sql(string? s) => s is null ? "NULL" : "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string InsertSql(AuditRecord r) => string.Create(CultureInfo.InvariantCulture,
        $"INSERT INTO audit_records (seq, ts, kind, agent, org, operation, risk, decision, policy, approval_id, parameters, intent_seq, prev_hash, hash) VALUES ({r.Seq}, {Sql(r.TimestampText)}, {Sql(AuditRecord.KindName(r.Kind))}, {Sql(r.Agent)}, {Sql(r.Org)}, {Sql(r.Operation)}, {Sql(r.Risk)}, {Sql(r.Decision)}, {Sql(r.Policy)}, {Sql(r.ApprovalId)}, {Sql(r.Parameters)}, NULL, {Sql(r.PrevHash)}, {Sql(r.Hash)});");

    /// <summary>A record with a correct hash for its content (the strongest forger: knows the algorithm).</summary>
    private static AuditRecord Forge(long seq, string prevHash, string operation, DateTimeOffset ts)
    {
        var unhashed = new AuditRecord
        {
            Seq = seq, Timestamp = ts, Kind = AuditRecordKind.Intent, Agent = "agent-0", Org = "org-1", Operation = operation,
            Risk = "high", Decision = "allow", Policy = "jira-full-management", Parameters = "{\"issue\":\"SEC-1\"}", PrevHash = prevHash, Hash = "",
        };
        return new AuditRecord
        {
            Seq = seq, Timestamp = ts, Kind = unhashed.Kind, Agent = unhashed.Agent, Org = unhashed.Org, Operation = operation,
            Risk = unhashed.Risk, Decision = unhashed.Decision, Policy = unhashed.Policy, Parameters = unhashed.Parameters,
            PrevHash = prevHash, Hash = AuditChain.ComputeHash(unhashed),
        };
    }

    private static void AssertProblem(AuditVerifyResult result, AuditProblem problem, long seq)
    {
        Assert.False(result.IsValid, "tampering went undetected");
        Assert.True(result.Problem == problem && result.FirstBadSeq == seq, $"expected {problem} at #{seq}, got {result}");
        Assert.Contains(seq.ToString(CultureInfo.InvariantCulture), result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_Untouched_IsValidWithEveryCheckpoint()
    {
        var result = await VerifyAsync();
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(40, result.RecordsChecked);
        Assert.Equal(40, result.LastGoodSeq);
        Assert.Equal(4, result.CheckpointsVerified);
    }

    [Fact]
    public async Task Verify_FieldEdited_NamesRecordAsEdited()
    {
        await _bed.ExecuteSqlAsync("UPDATE audit_records SET operation = 'issues:delete' WHERE seq = 17;");
        AssertProblem(await VerifyAsync(), AuditProblem.Edited, 17);
    }

    [Fact]
    public async Task Verify_ParametersEdited_NamesRecordAsEdited()
    {
        await _bed.ExecuteSqlAsync("UPDATE audit_records SET parameters = '{\"project\":\"OPS\"}' WHERE seq = 5;");
        AssertProblem(await VerifyAsync(), AuditProblem.Edited, 5);
    }

    [Fact]
    public async Task Verify_OutcomeEdited_NamesRecordAsEdited()
    {
        await _bed.ExecuteSqlAsync("UPDATE audit_records SET outcome_http_status = 500 WHERE seq = 8;");
        AssertProblem(await VerifyAsync(), AuditProblem.Edited, 8);
    }

    [Fact]
    public async Task Verify_EditedAndRehashed_NamesRecordAsEdited()
    {
        var records = await ReadAllAsync();
        var forged = Forge(15, records[13].Hash, "issues:delete", records[14].Timestamp);
        await _bed.ExecuteSqlAsync($"DELETE FROM audit_records WHERE seq = 15; {InsertSql(forged)}");
        AssertProblem(await VerifyAsync(), AuditProblem.Edited, 15);
    }

    [Fact]
    public async Task Verify_RowDeleted_NamesMissingRecordAsDeleted()
    {
        await _bed.ExecuteSqlAsync("DELETE FROM audit_records WHERE seq = 23;");
        AssertProblem(await VerifyAsync(), AuditProblem.Deleted, 23);
    }

    [Fact]
    public async Task Verify_RowsDeletedAndRenumbered_NamesFirstAsDeleted()
    {
        await _bed.ExecuteSqlAsync(
            "DELETE FROM audit_records WHERE seq = 23; UPDATE audit_records SET seq = -(seq - 1) WHERE seq > 23; UPDATE audit_records SET seq = -seq WHERE seq < 0;");
        AssertProblem(await VerifyAsync(), AuditProblem.Deleted, 23);
    }

    [Fact]
    public async Task Verify_RowInserted_NamesInsertedRecord()
    {
        var records = await ReadAllAsync();
        // Make room at 12 by renumbering 12..40 to 13..41, then insert a record that chains to 11 and hashes correctly.
        var forged = Forge(12, records[10].Hash, "issues:delete", records[11].Timestamp);
        await _bed.ExecuteSqlAsync(
            "UPDATE audit_records SET seq = -(seq + 1) WHERE seq >= 12; UPDATE audit_records SET seq = -seq WHERE seq < 0; " + InsertSql(forged));
        AssertProblem(await VerifyAsync(), AuditProblem.Inserted, 12);
    }

    [Fact]
    public async Task Verify_TwoRowsSwapped_NamesFirstAsReordered()
    {
        await _bed.ExecuteSqlAsync(
            "UPDATE audit_records SET seq = -1 WHERE seq = 20; UPDATE audit_records SET seq = 20 WHERE seq = 21; UPDATE audit_records SET seq = 21 WHERE seq = -1;");
        AssertProblem(await VerifyAsync(), AuditProblem.Reordered, 20);
    }

    [Fact]
    public async Task Verify_TailTruncated_NamesFirstMissingRecordAsTruncated()
    {
        await _bed.ExecuteSqlAsync("DELETE FROM audit_records WHERE seq > 35;");
        var result = await VerifyAsync();
        AssertProblem(result, AuditProblem.Truncated, 36);
        Assert.Contains("40", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ChainRewrittenAfterRecord_NamesCheckpointMismatch()
    {
        // Edit record 15 and re-chain everything after it: the chain is self-consistent, the signed checkpoint at 20 is not.
        var records = await ReadAllAsync();
        await _bed.ExecuteSqlAsync("DELETE FROM audit_records WHERE seq >= 15;");
        var prev = records[13].Hash;
        var rewritten = new List<AuditRecord>();
        foreach (var r in records.Skip(14))
        {
            var forged = Forge(r.Seq, prev, r.Seq == 15 ? "issues:delete" : r.Operation, r.Timestamp);
            rewritten.Add(forged);
            prev = forged.Hash;
        }
        await _bed.Store.AppendAsync(rewritten, null, Ct);

        AssertProblem(await VerifyAsync(), AuditProblem.CheckpointMismatch, 11);
    }

    [Fact]
    public async Task Verify_CheckpointSignatureForged_IsDetected()
    {
        await _bed.ExecuteSqlAsync("UPDATE audit_checkpoints SET count = 41 WHERE seq = 40;");
        AssertProblem(await VerifyAsync(), AuditProblem.CheckpointSignatureInvalid, 40);
    }

    [Fact]
    public async Task Verify_AfterRestart_StillValidAndChainContinues()
    {
        await _bed.RestartAsync(new AuditLogOptions { CheckpointEvery = 10 });
        var receipt = await _bed.Log.AppendIntentAsync(AuditTestBed.Intent(), Ct);
        Assert.Equal(41, receipt.Seq);
        Assert.True((await VerifyAsync()).IsValid);
    }
}
