namespace JiraGate.Governance.Agents;

/// <summary>Who is calling: the agent an API key belongs to and its organisation. Carries no secret.</summary>
public sealed record AgentIdentity
{
    /// <summary>The agent's id, e.g. <c>agent-001</c>.</summary>
    public required string AgentId { get; init; }

    /// <summary>The agent's organisation, e.g. <c>org-acme</c>.</summary>
    public required string OrgId { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{AgentId}@{OrgId}";
}

/// <summary>A person who may approve or deny requests in one organisation. Carries no secret.</summary>
public sealed record ApproverIdentity
{
    /// <summary>The approver's id, e.g. <c>alice</c>.</summary>
    public required string ApproverId { get; init; }

    /// <summary>The organisation whose approvals this approver decides.</summary>
    public required string OrgId { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{ApproverId}@{OrgId}";
}
