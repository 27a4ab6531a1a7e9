using System.Collections.Frozen;
using System.Text.Json;

namespace JiraGate.Governance.Catalog;

/// <summary>One of the 36 operations of seed 000: what it is, how risky, and what arguments it takes.</summary>
public sealed class OperationDescriptor
{
    private readonly FrozenDictionary<string, ArgumentRedaction> _redactions;

    internal OperationDescriptor(
        int index,
        string name,
        string family,
        string method,
        string path,
        RiskLevel risk,
        string description,
        string parametersSchema,
        OperationTargets targets,
        IReadOnlyDictionary<string, ArgumentRedaction>? redactions)
    {
        Index = index;
        Name = name;
        Family = family;
        Method = method;
        Path = path;
        Risk = risk;
        Description = description;
        ParametersSchemaText = parametersSchema;
        using (var doc = JsonDocument.Parse(parametersSchema))
        {
            ParametersSchema = doc.RootElement.Clone();
        }

        Targets = targets;
        _redactions = (redactions ?? FrozenDictionary<string, ArgumentRedaction>.Empty).ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Position in <see cref="OperationCatalog.All"/> (0..35), stable for a given catalog.</summary>
    public int Index { get; }

    /// <summary>The operation name as policies and agents use it, e.g. <c>issues:read_detail</c>.</summary>
    public string Name { get; }

    /// <summary>The API family as seed 000 groups it, e.g. <c>Issues</c> or <c>Metadata</c>.</summary>
    public string Family { get; }

    /// <summary>The HTTP method of the Jira call.</summary>
    public string Method { get; }

    /// <summary>The Jira REST path as seed 000 writes it, e.g. <c>/rest/api/3/issue/{issueIdOrKey}</c>.</summary>
    public string Path { get; }

    /// <summary>The seed's risk level.</summary>
    public RiskLevel Risk { get; }

    /// <summary>A one-line description (the seed's).</summary>
    public string Description { get; }

    /// <summary>The JSON Schema (draft 2020-12) of the operation's arguments object.</summary>
    public JsonElement ParametersSchema { get; }

    /// <summary>The same schema as JSON text.</summary>
    public string ParametersSchemaText { get; }

    /// <summary>Which arguments name the projects, issues, JQL and bulk size the call reaches.</summary>
    public OperationTargets Targets { get; }

    /// <summary>Arguments the audit log must not store as given (only those not <see cref="ArgumentRedaction.None"/>).</summary>
    public IReadOnlyDictionary<string, ArgumentRedaction> Redactions => _redactions;

    /// <summary>How the audit log must store the named argument.</summary>
    public ArgumentRedaction GetRedaction(string argument) =>
        _redactions.TryGetValue(argument, out var r) ? r : ArgumentRedaction.None;

    /// <inheritdoc />
    public override string ToString() => Name;
}
