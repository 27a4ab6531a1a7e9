using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace JiraGate.Governance.Catalog;

/// <summary>
/// The 36 operations of seed 000 (name, family, method, path, risk, description, argument schema).
/// The catalog is fixed: a test pins it to the seed's table.
/// </summary>
public sealed partial class OperationCatalog
{
    private readonly OperationDescriptor[] _operations;
    private readonly FrozenDictionary<string, OperationDescriptor> _byName;

    private OperationCatalog(List<OperationDescriptor> operations)
    {
        _operations = [.. operations];
        _byName = _operations.ToFrozenDictionary(o => o.Name, StringComparer.Ordinal);
        Families = _operations.Select(o => o.Family).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The catalog of seed 000.</summary>
    public static OperationCatalog Default { get; } = Build();

    /// <summary>Every operation, in the seed's order; <see cref="OperationDescriptor.Index"/> is the position here.</summary>
    public IReadOnlyList<OperationDescriptor> All => _operations;

    /// <summary>The number of operations (36).</summary>
    public int Count => _operations.Length;

    /// <summary>The API families in the seed's order.</summary>
    public IReadOnlyList<string> Families { get; }

    /// <summary>Looks an operation up by name (ordinal, case-sensitive).</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out OperationDescriptor? operation)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name, out operation);
    }

    /// <summary>Gets an operation by name.</summary>
    /// <exception cref="KeyNotFoundException">No such operation.</exception>
    public OperationDescriptor this[string name] =>
        TryGet(name, out var op) ? op : throw new KeyNotFoundException($"Unknown operation '{name}'.");

    private static OperationCatalog Build()
    {
        var list = new List<OperationDescriptor>(36);
        AddIssues(list);
        AddOthers(list);
        return new OperationCatalog(list);
    }

    private static void Add(
        List<OperationDescriptor> list,
        string name,
        string family,
        string method,
        string path,
        RiskLevel risk,
        string description,
        string schema,
        OperationTargets targets,
        IReadOnlyDictionary<string, ArgumentRedaction>? redactions = null) =>
        list.Add(new OperationDescriptor(list.Count, name, family, method, path, risk, description, schema, targets, redactions));

    // Properties, not static fields: Default is built by a static initializer, and field initializers across partial
    // files run in no defined order.
    private static OperationTargets GlobalTargets => new() { Scope = OperationScope.Global };

    private static OperationTargets OpaqueTargets => new() { Scope = OperationScope.Opaque };

    private static OperationTargets IssueTargets => new() { Scope = OperationScope.Issue, IssueKeyArgument = "issue_key" };

    private static OperationTargets ProjectTargets => new() { Scope = OperationScope.Project, ProjectArgument = "project_key" };
}
