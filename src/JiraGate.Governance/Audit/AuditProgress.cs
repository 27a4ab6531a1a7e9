namespace JiraGate.Governance.Audit;

/// <summary>How far a whole-log pass (verify, export) has got: records done of the records in the log when it began.</summary>
/// <param name="Done">Records processed so far.</param>
/// <param name="Total">Records in the log when the pass began (the head's seq); records appended meanwhile are not counted.</param>
public readonly record struct AuditProgress(long Done, long Total);

/// <summary>Counts records as they are read and reports every <see cref="Every"/> of them, and the last one.</summary>
internal static class AuditProgressReporting
{
    /// <summary>Reports at most once per this many records: the reader throttles drawing, this keeps the calls cheap.</summary>
    public const int Every = 64;

    public static async IAsyncEnumerable<AuditRecord> Reporting(
        this IAsyncEnumerable<AuditRecord> records,
        IProgress<AuditProgress> progress,
        long total,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long done = 0;
        progress.Report(new AuditProgress(0, total));
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return record;
            done++;
            if (done % Every == 0)
            {
                progress.Report(new AuditProgress(done, Math.Max(total, done)));
            }
        }
        if (done % Every != 0)
        {
            progress.Report(new AuditProgress(done, Math.Max(total, done)));
        }
    }
}
