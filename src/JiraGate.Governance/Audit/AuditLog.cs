using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JiraGate.Governance.Audit;

/// <summary>
/// The tamper-evident audit log: one hash chain of intent and outcome records, with signed checkpoints.
/// </summary>
/// <remarks>
/// <para>Appends from any number of callers are queued to one writer that takes every queued append (up to
/// <see cref="AuditLogOptions.MaxBatchSize"/>), chains them in queue order and commits them in one store
/// transaction (group commit); each caller's task completes only after that commit. So the chain stays one
/// chain under concurrency, and one fsync serves a whole batch.</para>
/// <para>Fail closed: if the store fails, every append in the batch throws <see cref="AuditUnavailableException"/>
/// and nothing of the batch is recorded; a caller whose <see cref="AppendIntentAsync"/> throws must not call
/// Jira. The next batch re-reads the head from the store, so the chain continues with no gap.</para>
/// </remarks>
public sealed class AuditLog : IAsyncDisposable
{
    private readonly IAuditStore _store;
    private readonly AuditSigningKey? _signingKey;
    private readonly AuditLogOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AuditRedactor _redactor;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private AuditHead? _head; // touched only by the writer loop

    /// <summary>Creates the log over <paramref name="store"/>.</summary>
    /// <param name="store">Where records go.</param>
    /// <param name="signingKey">Signs checkpoints (see <see cref="AuditSigningKey.LoadOrCreateAsync"/>); without it no checkpoints are made and truncation cannot be detected.</param>
    /// <param name="options">Checkpoint interval, batch size, redaction.</param>
    /// <param name="timeProvider">The clock for record timestamps.</param>
    /// <param name="logger">Where commit failures are logged (never record parameters).</param>
    public AuditLog(IAuditStore store, AuditSigningKey? signingKey = null, AuditLogOptions? options = null, TimeProvider? timeProvider = null, ILogger<AuditLog>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _signingKey = signingKey;
        _options = options ?? new AuditLogOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxBatchSize, 1, nameof(AuditLogOptions.MaxBatchSize));
        ArgumentOutOfRangeException.ThrowIfNegative(_options.CheckpointEvery, nameof(AuditLogOptions.CheckpointEvery));
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _redactor = new AuditRedactor(_options.Redaction);
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>The checkpoint public key (raw Ed25519), for offline verification; null without a signing key.</summary>
    public ReadOnlyMemory<byte>? PublicKey => _signingKey?.PublicKey;

    /// <summary>
    /// Records, durably, that a call is about to be made. Returns only after the record is committed.
    /// </summary>
    /// <exception cref="AuditUnavailableException">The record could not be committed: do not call Jira.</exception>
    public async Task<AuditReceipt> AppendIntentAsync(AuditIntent intent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intent);
        string parameters;
        try
        {
            parameters = _redactor.Redact(intent.Parameters, intent.EffectiveSensitive, intent.EffectiveDigest);
        }
        catch (FormatException ex)
        {
            throw new AuditUnavailableException("The call's arguments cannot be recorded (" + ex.Message + "); the call must not be made.", ex);
        }
        var draft = new Draft
        {
            Kind = AuditRecordKind.Intent,
            Agent = intent.Agent,
            Org = intent.Org,
            Operation = intent.Operation,
            Risk = intent.Risk,
            Decision = intent.Decision,
            Policy = intent.Policy,
            ApprovalId = intent.ApprovalId,
            Parameters = parameters,
        };
        return new AuditReceipt { Record = await EnqueueAsync(draft, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>Records what the call recorded by <paramref name="intent"/> came to.</summary>
    /// <exception cref="AuditUnavailableException">The record could not be committed.</exception>
    public async Task<AuditReceipt> AppendOutcomeAsync(AuditReceipt intent, AuditOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(outcome);
        var i = intent.Record;
        var draft = new Draft
        {
            Kind = AuditRecordKind.Outcome,
            Agent = i.Agent,
            Org = i.Org,
            Operation = i.Operation,
            Risk = i.Risk,
            Decision = i.Decision,
            Policy = i.Policy,
            ApprovalId = i.ApprovalId,
            Parameters = "{}",
            IntentSeq = i.Seq,
            Outcome = new AuditOutcome
            {
                Status = outcome.Status,
                HttpStatus = outcome.HttpStatus,
                DurationMs = outcome.DurationMs,
                JiraRequestId = outcome.JiraRequestId,
                ErrorCode = outcome.ErrorCode,
                ErrorMessage = outcome.ErrorMessage is null ? null : AuditRedactor.ScrubText(outcome.ErrorMessage),
            },
        };
        return new AuditReceipt { Record = await EnqueueAsync(draft, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>Signs and stores a checkpoint of the current head now (serialised with appends).</summary>
    /// <exception cref="InvalidOperationException">The log has no signing key.</exception>
    /// <exception cref="AuditUnavailableException">The checkpoint could not be committed.</exception>
    public async Task<AuditCheckpoint> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        if (_signingKey is null)
        {
            throw new InvalidOperationException("This audit log has no signing key, so it cannot sign checkpoints.");
        }
        var pending = new Pending { Checkpoint = new TaskCompletionSource<AuditCheckpoint?>(TaskCreationOptions.RunContinuationsAsynchronously) };
        Enqueue(pending);
        return (await pending.Checkpoint.Task.WaitAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Recomputes the whole chain and checks every checkpoint; names the first bad record.</summary>
    public Task<AuditVerifyResult> VerifyAsync(CancellationToken cancellationToken = default) => VerifyAsync(null, cancellationToken);

    /// <summary>
    /// Recomputes the whole chain and checks every checkpoint; names the first bad record. <paramref name="progress"/>
    /// hears the records checked of the records in the log (synchronously, on the verifying thread).
    /// </summary>
    public async Task<AuditVerifyResult> VerifyAsync(IProgress<AuditProgress>? progress, CancellationToken cancellationToken = default)
    {
        // Checkpoints first: every record they cover is already committed when the records are read.
        var checkpoints = await _store.ListCheckpointsAsync(cancellationToken).ConfigureAwait(false);
        var records = await ReadAllAsync(progress, cancellationToken).ConfigureAwait(false);
        return await AuditVerifier.VerifyAsync(records, checkpoints, _signingKey?.PublicKey, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the log as JSON Lines (see <see cref="AuditExport"/>) to <paramref name="destination"/>.</summary>
    public Task ExportAsync(Stream destination, CancellationToken cancellationToken = default) => ExportAsync(destination, null, cancellationToken);

    /// <summary>
    /// Writes the log as JSON Lines (see <see cref="AuditExport"/>) to <paramref name="destination"/>;
    /// <paramref name="progress"/> hears the records written of the records in the log.
    /// </summary>
    public async Task ExportAsync(Stream destination, IProgress<AuditProgress>? progress, CancellationToken cancellationToken = default)
    {
        var checkpoints = await _store.ListCheckpointsAsync(cancellationToken).ConfigureAwait(false);
        var records = await ReadAllAsync(progress, cancellationToken).ConfigureAwait(false);
        await AuditExport.WriteAsync(destination, records, checkpoints, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One page of records by agent, org, operation, decision, kind and time range.</summary>
    public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        return _store.QueryAsync(query, cancellationToken);
    }

    /// <summary>Every record from seq 1; with <paramref name="progress"/>, counted against the head read first.</summary>
    private async Task<IAsyncEnumerable<AuditRecord>> ReadAllAsync(IProgress<AuditProgress>? progress, CancellationToken cancellationToken)
    {
        var records = _store.ReadAsync(1, cancellationToken);
        if (progress is null)
        {
            return records;
        }
        var head = await _store.GetHeadAsync(cancellationToken).ConfigureAwait(false);
        return records.Reporting(progress, head.Seq, cancellationToken);
    }

    /// <summary>Stops accepting appends, commits those queued, and waits for the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => "audit log";

    private async Task<AuditRecord> EnqueueAsync(Draft draft, CancellationToken cancellationToken)
    {
        var pending = new Pending { Draft = draft, Record = new TaskCompletionSource<AuditRecord>(TaskCreationOptions.RunContinuationsAsynchronously) };
        Enqueue(pending);
        // A caller that stops waiting does not withdraw the record: it may still commit (an intent without
        // an outcome reads as "not known to have run").
        return await pending.Record.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Enqueue(Pending pending)
    {
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new AuditUnavailableException("The audit log is closed; nothing can be recorded, so the call must not be made.");
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(_options.MaxBatchSize);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _options.MaxBatchSize && reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }
            await CommitAsync(batch).ConfigureAwait(false);
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                // Never the callers' tokens: a batch is shared, and a half-abandoned commit helps no one.
                var head = _head ??= await _store.GetHeadAsync(CancellationToken.None).ConfigureAwait(false);
                var records = new List<AuditRecord>(batch.Count);
                var seq = head.Seq;
                var prev = head.Hash;
                var now = _time.GetUtcNow();
                foreach (var pending in batch)
                {
                    if (pending.Draft is { } draft)
                    {
                        var record = draft.Chain(++seq, now, prev);
                        records.Add(record);
                        prev = record.Hash;
                    }
                }
                var every = _options.CheckpointEvery;
                var wanted = batch.Exists(p => p.Checkpoint is not null) || (every > 0 && seq / every > head.Seq / every);
                var checkpoint = wanted && _signingKey is not null ? Sign(seq, prev, now) : null;
                await _store.AppendAsync(records, checkpoint, CancellationToken.None).ConfigureAwait(false);
                _head = new AuditHead { Seq = seq, Hash = prev };
                var next = 0;
                foreach (var pending in batch)
                {
                    pending.Record?.TrySetResult(records[next++]);
                    pending.Checkpoint?.TrySetResult(checkpoint);
                }
                return;
            }
            catch (AuditChainConflictException) when (attempt < 3)
            {
                _head = null; // another writer (process) appended: re-read the head and chain again
                AuditLogMessages.ChainConflict(_logger, attempt + 1);
            }
            catch (Exception ex)
            {
                _head = null;
                AuditLogMessages.CommitFailed(_logger, batch.Count, ex.GetType().Name, ex);
                var error = new AuditUnavailableException(
                    $"The audit log could not commit ({ex.GetType().Name}); nothing was recorded, so the call must not be made.", ex);
                foreach (var pending in batch)
                {
                    pending.Record?.TrySetException(error);
                    pending.Checkpoint?.TrySetException(error);
                }
                return;
            }
        }
    }

    private AuditCheckpoint Sign(long seq, string headHash, DateTimeOffset now) => new()
    {
        Seq = seq,
        HeadHash = headHash,
        Count = seq,
        Timestamp = now,
        KeyId = _signingKey!.KeyId,
        Signature = Convert.ToBase64String(_signingKey.Sign(AuditCheckpoint.SignedPayload(seq, headHash, seq, now))),
    };

    private sealed class Pending
    {
        public Draft? Draft { get; init; }

        public TaskCompletionSource<AuditRecord>? Record { get; init; }

        public TaskCompletionSource<AuditCheckpoint?>? Checkpoint { get; init; }
    }

    private sealed class Draft
    {
        public required AuditRecordKind Kind { get; init; }
        public required string Agent { get; init; }
        public required string Org { get; init; }
        public required string Operation { get; init; }
        public string? Risk { get; init; }
        public string? Decision { get; init; }
        public string? Policy { get; init; }
        public string? ApprovalId { get; init; }
        public required string Parameters { get; init; }
        public long? IntentSeq { get; init; }
        public AuditOutcome? Outcome { get; init; }

        public AuditRecord Chain(long seq, DateTimeOffset timestamp, string prevHash)
        {
            // Truncate to the 100 ns the text form keeps, so a stored record re-hashes identically.
            var ts = new DateTimeOffset(timestamp.UtcTicks, TimeSpan.Zero);
            var unhashed = new AuditRecord
            {
                Seq = seq, Timestamp = ts, Kind = Kind, Agent = Agent, Org = Org, Operation = Operation, Risk = Risk,
                Decision = Decision, Policy = Policy, ApprovalId = ApprovalId, Parameters = Parameters,
                IntentSeq = IntentSeq, Outcome = Outcome, PrevHash = prevHash, Hash = "",
            };
            return new AuditRecord
            {
                Seq = seq, Timestamp = ts, Kind = Kind, Agent = Agent, Org = Org, Operation = Operation, Risk = Risk,
                Decision = Decision, Policy = Policy, ApprovalId = ApprovalId, Parameters = Parameters,
                IntentSeq = IntentSeq, Outcome = Outcome, PrevHash = prevHash, Hash = AuditChain.ComputeHash(unhashed),
            };
        }
    }
}
