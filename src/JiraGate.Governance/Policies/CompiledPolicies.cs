using JiraGate.Governance.Catalog;

namespace JiraGate.Governance.Policies;

/// <summary>
/// The policies bound to one agent, compiled into a table over the catalog's operations: each entry is either a shared,
/// precomputed decision or the few candidates whose <c>where</c>/<c>escalate</c> must be evaluated per call.
/// Build it with <see cref="PolicyEngine.Compile"/>; it is immutable and safe to share between threads.
/// </summary>
public sealed class CompiledPolicies
{
    internal CompiledPolicies(OperationCatalog catalog, IReadOnlyList<Policy> policies, Entry[] table)
    {
        Catalog = catalog;
        Policies = policies;
        Table = table;
    }

    /// <summary>The catalog the table is indexed by.</summary>
    public OperationCatalog Catalog { get; }

    /// <summary>The bound policies, ordered by name (order never changes a decision).</summary>
    public IReadOnlyList<Policy> Policies { get; }

    internal Entry[] Table { get; }

    /// <summary>Whether the decision for an operation is precomputed (independent of the call's arguments).</summary>
    public bool IsStatic(string operation) =>
        Catalog.TryGet(operation, out var op) && Table[op.Index].Static is not null;

    /// <summary>A policy that grants an operation (glob matched, risk within risk_max) with its approval mode.</summary>
    internal sealed class Candidate
    {
        public required Policy Policy { get; init; }

        public required string Glob { get; init; }

        public required ApprovalMode Mode { get; init; }

        /// <summary>The policy's where applies to this operation (project/issue/JQL/bulk scoped).</summary>
        public required bool UsesWhere { get; init; }

        /// <summary>The policy's escalate applies to this operation (a bulk operation).</summary>
        public required bool UsesEscalate { get; init; }

        /// <summary>Whether this candidate, at <paramref name="mode"/>, beats the current best: stricter approval first;
        /// among equals the smaller name, so policy order never matters.</summary>
        public bool Beats(ApprovalMode mode, ApprovalMode bestMode, Candidate? best) =>
            best is null || mode > bestMode || (mode == bestMode && string.CompareOrdinal(Policy.Name, best.Policy.Name) < 0);
    }

    /// <summary>One operation's row.</summary>
    internal sealed class Entry
    {
        public required OperationDescriptor Operation { get; init; }

        /// <summary>The decision when it does not depend on arguments; null otherwise.</summary>
        public PolicyDecision? Static { get; init; }

        /// <summary>The strictest candidate that grants whatever the arguments.</summary>
        public Candidate? Unconditional { get; init; }

        /// <summary>Candidates whose grant or approval depends on the arguments, ordered by name.</summary>
        public Candidate[] Conditional { get; init; } = [];
    }
}
