using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using JiraGate.Governance.Catalog;
using JiraGate.Governance.Policies;
using ModelContextProtocol.Protocol;

namespace JiraGate.Mcp.Tools;

/// <summary>
/// The tools one agent's compiled policies grant: one per granted operation plus <see cref="McpToolNames.ApprovalStatus"/>.
/// An operation whose grant depends on the call's arguments (a <c>where</c>-scoped policy) is listed; the pipeline
/// decides each call. Built once per <see cref="CompiledPolicies"/> instance.
/// </summary>
internal sealed class AgentToolset
{
    private static readonly ConditionalWeakTable<CompiledPolicies, AgentToolset> Cache = [];
    private readonly FrozenDictionary<string, OperationDescriptor> _operations;

    private AgentToolset(IReadOnlyList<Tool> tools, Dictionary<string, OperationDescriptor> operations)
    {
        Tools = tools;
        _operations = operations.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>No operation granted: only the approval tool.</summary>
    public static AgentToolset Empty { get; } = new([ToolDefinitions.ApprovalStatus()], []);

    /// <summary>The tools in catalog order, the approval tool last.</summary>
    public IReadOnlyList<Tool> Tools { get; }

    public static AgentToolset For(CompiledPolicies? policies, PolicyEngine engine) =>
        policies is null ? Empty : Cache.GetValue(policies, p => Build(p, engine));

    /// <summary>The operation behind a granted tool.</summary>
    public bool TryGetOperation(string toolName, out OperationDescriptor operation) =>
        _operations.TryGetValue(toolName, out operation!);

    private static AgentToolset Build(CompiledPolicies policies, PolicyEngine engine)
    {
        var tools = new List<Tool>();
        var operations = new Dictionary<string, OperationDescriptor>(StringComparer.Ordinal);
        foreach (var op in policies.Catalog.All)
        {
            var decision = engine.Decide(policies, op);
            var scoped = !policies.IsStatic(op.Name);
            if (!decision.IsGranted && !scoped)
            {
                continue;
            }

            var tool = ToolDefinitions.ForOperation(op, decision, scoped);
            tools.Add(tool);
            operations.Add(tool.Name, op);
        }

        tools.Add(ToolDefinitions.ApprovalStatus());
        return new AgentToolset(tools, operations);
    }
}
