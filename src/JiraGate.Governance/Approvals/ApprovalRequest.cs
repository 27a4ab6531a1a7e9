using System.Text.Json;
using JiraGate.Governance.Agents;

namespace JiraGate.Governance.Approvals;

/// <summary>What the pipeline asks approval for.</summary>
public sealed class ApprovalRequest
{
    /// <summary>The calling agent.</summary>
    public required AgentIdentity Agent { get; init; }

    /// <summary>The operation, e.g. <c>issues:delete</c>.</summary>
    public required string Operation { get; init; }

    /// <summary>The operation's risk level: <c>low</c>, <c>medium</c> or <c>high</c>.</summary>
    public required string Risk { get; init; }

    /// <summary>The policy that asked for approval.</summary>
    public string? Policy { get; init; }

    /// <summary>Where to ask a person (the policy's <c>hitl_channel</c>).</summary>
    public string? Channel { get; init; }

    /// <summary>The call's exact arguments (what will be executed).</summary>
    public required JsonElement Arguments { get; init; }

    /// <summary>True for a policy's <c>auto</c>: recorded as an approval, approved at once by "auto".</summary>
    public bool Automatic { get; init; }
}
