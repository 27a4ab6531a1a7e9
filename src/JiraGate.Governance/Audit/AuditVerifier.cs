namespace JiraGate.Governance.Audit;

/// <summary>
/// Recomputes the chain and names the first bad record. Works on any record source (a store, an export), so
/// the same rules apply online and offline.
/// </summary>
/// <remarks>
/// At the first record that does not chain, up to <see cref="Lookahead"/> following records are read to tell
/// the causes apart: a record whose prev_hash is a later record's hash is <see cref="AuditProblem.Reordered"/>;
/// one the next record skips over is <see cref="AuditProblem.Inserted"/>; a seq gap (or a record whose hash
/// matches only a higher seq) is <see cref="AuditProblem.Deleted"/>; content that no longer matches its hash is
/// <see cref="AuditProblem.Edited"/>. Appended forgeries and tail truncation past the last checkpoint cannot be
/// detected by any hash chain; checkpoints (signed, ideally also kept outside the store) bound that window.
/// </remarks>
public static class AuditVerifier
{
    /// <summary>How many records are read ahead to classify a break.</summary>
    public const int Lookahead = 1024;

    /// <summary>Verifies <paramref name="records"/> (seq order) against the chain rules and <paramref name="checkpoints"/>.</summary>
    /// <param name="records">Every record from seq 1, in seq order.</param>
    /// <param name="checkpoints">Every checkpoint.</param>
    /// <param name="publicKey">The raw Ed25519 public key; when null, checkpoint signatures are not checked (only their content).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<AuditVerifyResult> VerifyAsync(
        IAsyncEnumerable<AuditRecord> records,
        IReadOnlyList<AuditCheckpoint> checkpoints,
        ReadOnlyMemory<byte>? publicKey,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(checkpoints);
        var ordered = checkpoints.OrderBy(c => c.Seq).ToList();
        if (publicKey is { } key)
        {
            foreach (var cp in ordered)
            {
                if (!cp.VerifySignature(key.Span))
                {
                    return Fail(0, 0, null, 0, AuditProblem.CheckpointSignatureInvalid, cp.Seq,
                        $"The checkpoint at record {cp.Seq} (key id {cp.KeyId}) does not carry a valid signature for this public key.");
                }
            }
        }
        var bySeq = new Dictionary<long, AuditCheckpoint>();
        foreach (var cp in ordered)
        {
            bySeq[cp.Seq] = cp;
        }

        long checkedCount = 0, expected = 1, lastCheckpointSeq = 0;
        string prevHash = AuditChain.GenesisHash;
        string? prevPrevHash = null;
        var verifiedCheckpoints = 0;
        if (bySeq.TryGetValue(0, out var emptyCp) && emptyCp.HeadHash != AuditChain.GenesisHash)
        {
            return Fail(0, 0, null, 0, AuditProblem.CheckpointMismatch, 0, "The checkpoint of the empty log does not name the genesis hash.");
        }

        var enumerator = records.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            while (await enumerator.MoveNextAsync().ConfigureAwait(false))
            {
                var r = enumerator.Current;
                checkedCount++;
                var lastGood = expected - 1;
                if (r.Seq > expected)
                {
                    return Fail(checkedCount, lastGood, prevHash, verifiedCheckpoints, AuditProblem.Deleted, expected,
                        r.Seq == expected + 1
                            ? $"Record {expected} is missing (the log jumps from {lastGood} to {r.Seq})."
                            : $"Records {expected}–{r.Seq - 1} are missing (the log jumps from {lastGood} to {r.Seq}).");
                }
                if (r.Seq < expected)
                {
                    return Fail(checkedCount, lastGood, prevHash, verifiedCheckpoints, AuditProblem.Inserted, r.Seq,
                        $"Record {r.Seq} appears again after record {lastGood}: an extra record was inserted.");
                }
                var recomputed = AuditChain.ComputeHash(r);
                if (r.PrevHash != prevHash)
                {
                    var ahead = new List<AuditRecord>();
                    while (ahead.Count < Lookahead && await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        ahead.Add(enumerator.Current);
                    }
                    return Classify(r, recomputed, prevHash, prevPrevHash, ahead, checkedCount, lastGood, verifiedCheckpoints);
                }
                if (recomputed != r.Hash)
                {
                    return Fail(checkedCount, lastGood, prevHash, verifiedCheckpoints, AuditProblem.Edited, r.Seq,
                        $"Record {r.Seq} was edited: its content no longer matches its hash.");
                }
                if (bySeq.TryGetValue(r.Seq, out var cp))
                {
                    if (cp.HeadHash != r.Hash || cp.Count != r.Seq)
                    {
                        return Fail(checkedCount, lastGood, prevHash, verifiedCheckpoints, AuditProblem.CheckpointMismatch, lastCheckpointSeq + 1,
                            $"Records {lastCheckpointSeq + 1}–{r.Seq} were rewritten: record {r.Seq}'s hash does not match the checkpoint signed at {AuditRecord.FormatTimestamp(cp.Timestamp)}.");
                    }
                    verifiedCheckpoints++;
                    lastCheckpointSeq = r.Seq;
                }
                prevPrevHash = prevHash;
                prevHash = r.Hash;
                expected++;
            }
        }

        var lastSeq = expected - 1;
        if (ordered.Count > 0 && ordered[^1].Seq > lastSeq)
        {
            var cp = ordered[^1];
            return Fail(checkedCount, lastSeq, prevHash, verifiedCheckpoints, AuditProblem.Truncated, lastSeq + 1,
                $"The log ends at record {lastSeq}, but a checkpoint signed at {AuditRecord.FormatTimestamp(cp.Timestamp)} covers {cp.Count} records up to {cp.Seq}: records {lastSeq + 1}–{cp.Seq} were removed.");
        }
        if (bySeq.ContainsKey(0))
        {
            verifiedCheckpoints++;
        }
        return new AuditVerifyResult { RecordsChecked = checkedCount, LastGoodSeq = lastSeq, HeadHash = prevHash, CheckpointsVerified = verifiedCheckpoints };
    }

    private static AuditVerifyResult Classify(
        AuditRecord r, string recomputed, string prevHash, string? prevPrevHash, List<AuditRecord> ahead, long checkedCount, long lastGood, int checkpoints)
    {
        if (ahead.Any(a => a.Hash == r.PrevHash))
        {
            return Fail(checkedCount, lastGood, prevHash, checkpoints, AuditProblem.Reordered, r.Seq,
                $"Record {r.Seq} is out of order: it chains to a record that comes after it.");
        }
        if (prevPrevHash is not null && r.PrevHash == prevPrevHash)
        {
            return Fail(checkedCount, lastGood - 1, prevPrevHash, checkpoints, AuditProblem.Inserted, r.Seq - 1,
                $"Record {r.Seq - 1} was inserted: record {r.Seq} chains past it to record {r.Seq - 2}.");
        }
        if (ahead.Count > 0 && ahead[0].PrevHash == prevHash)
        {
            return Fail(checkedCount, lastGood, prevHash, checkpoints, AuditProblem.Inserted, r.Seq,
                $"Record {r.Seq} was inserted: record {ahead[0].Seq} chains past it to record {lastGood}.");
        }
        if (recomputed != r.Hash)
        {
            // Deleted records followed by renumbering: the content still hashes correctly under a higher seq.
            for (var shift = 1; shift <= 64; shift++)
            {
                var original = CopyWithSeq(r, r.Seq + shift);
                if (AuditChain.ComputeHash(original) == r.Hash)
                {
                    return Fail(checkedCount, lastGood, prevHash, checkpoints, AuditProblem.Deleted, r.Seq,
                        $"{shift} record(s) before the record now numbered {r.Seq} were deleted and the rest renumbered (it was record {r.Seq + shift}).");
                }
            }
            return Fail(checkedCount, lastGood, prevHash, checkpoints, AuditProblem.Edited, r.Seq,
                $"Record {r.Seq} was edited: its content no longer matches its hash, and it does not chain to record {lastGood}.");
        }
        return Fail(checkedCount, lastGood - 1, prevPrevHash, checkpoints, AuditProblem.Edited, lastGood,
            $"Record {lastGood} was edited and re-hashed: record {r.Seq} still chains to its original hash.");
    }

    private static AuditRecord CopyWithSeq(AuditRecord r, long seq) => new()
    {
        Seq = seq,
        Timestamp = r.Timestamp,
        Kind = r.Kind,
        Agent = r.Agent,
        Org = r.Org,
        Operation = r.Operation,
        Risk = r.Risk,
        Decision = r.Decision,
        Policy = r.Policy,
        ApprovalId = r.ApprovalId,
        Parameters = r.Parameters,
        IntentSeq = r.IntentSeq,
        Outcome = r.Outcome,
        PrevHash = r.PrevHash,
        Hash = r.Hash,
    };

    private static AuditVerifyResult Fail(long checkedCount, long lastGood, string? head, int checkpoints, AuditProblem problem, long seq, string message) => new()
    {
        RecordsChecked = checkedCount,
        LastGoodSeq = Math.Max(0, lastGood),
        HeadHash = head,
        CheckpointsVerified = checkpoints,
        Problem = problem,
        FirstBadSeq = seq,
        Message = message,
    };
}
