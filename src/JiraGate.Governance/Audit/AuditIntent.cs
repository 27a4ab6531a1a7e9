using System.Text.Json;
using JiraGate.Governance.Catalog;

namespace JiraGate.Governance.Audit;

/// <summary>What the pipeline is about to do: written before the Jira call by <see cref="AuditLog.AppendIntentAsync"/>.</summary>
public sealed class AuditIntent
{
    /// <summary>The calling agent's id.</summary>
    public required string Agent { get; init; }

    /// <summary>The agent's organisation id.</summary>
    public required string Org { get; init; }

    /// <summary>The operation, e.g. <c>issues:create</c>.</summary>
    public required string Operation { get; init; }

    /// <summary>The operation's risk level.</summary>
    public string? Risk { get; init; }

    /// <summary>The policy decision.</summary>
    public string? Decision { get; init; }

    /// <summary>The deciding policy.</summary>
    public string? Policy { get; init; }

    /// <summary>The approval being executed, if any.</summary>
    public string? ApprovalId { get; init; }

    /// <summary>The call's arguments, unredacted: the log redacts them before anything is stored.</summary>
    public JsonElement? Parameters { get; init; }

    /// <summary>Argument names dropped whole (the catalog's sensitive arguments for this operation).</summary>
    public IReadOnlyCollection<string> SensitiveArguments { get; init; } = [];

    /// <summary>Argument names kept as <c>{sha256, size}</c> only (e.g. an attachment's content).</summary>
    public IReadOnlyCollection<string> DigestArguments { get; init; } = [];

    /// <summary>
    /// The catalog's per-operation redactions (<see cref="OperationDescriptor.Redactions"/>): <see cref="ArgumentRedaction.Omit"/>
    /// adds to <see cref="SensitiveArguments"/>, <see cref="ArgumentRedaction.SizeAndDigest"/> to <see cref="DigestArguments"/>.
    /// </summary>
    public IReadOnlyDictionary<string, ArgumentRedaction>? Redactions { get; init; }

    internal IReadOnlyCollection<string> EffectiveSensitive => Merge(SensitiveArguments, ArgumentRedaction.Omit);

    internal IReadOnlyCollection<string> EffectiveDigest => Merge(DigestArguments, ArgumentRedaction.SizeAndDigest);

    private IReadOnlyCollection<string> Merge(IReadOnlyCollection<string> names, ArgumentRedaction kind)
    {
        if (Redactions is not { Count: > 0 } redactions)
        {
            return names;
        }
        var merged = new List<string>(names);
        foreach (var (name, redaction) in redactions)
        {
            if (redaction == kind)
            {
                merged.Add(name);
            }
        }
        return merged;
    }

    /// <inheritdoc />
    public override string ToString() => $"intent {Agent}@{Org} {Operation}";
}

/// <summary>Proof that a record is committed: its seq and hash, and what an outcome needs to refer back to it.</summary>
public sealed class AuditReceipt
{
    /// <summary>The committed record.</summary>
    public required AuditRecord Record { get; init; }

    /// <summary>The record's seq.</summary>
    public long Seq => Record.Seq;

    /// <summary>The record's hash.</summary>
    public string Hash => Record.Hash;

    /// <inheritdoc />
    public override string ToString() => $"audit receipt #{Seq}";
}

/// <summary>Settings of the audit log.</summary>
public sealed class AuditLogOptions
{
    /// <summary>Sign a checkpoint every this many records (1,000 by default; 0 = only on demand).</summary>
    public int CheckpointEvery { get; set; } = 1000;

    /// <summary>The most records committed in one transaction (group commit; 512 by default).</summary>
    public int MaxBatchSize { get; set; } = 512;

    /// <summary>Redaction rules applied to every record's parameters.</summary>
    public AuditRedactionOptions Redaction { get; set; } = new();
}
