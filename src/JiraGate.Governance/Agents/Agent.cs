namespace JiraGate.Governance.Agents;

/// <summary>A registered agent: who it is, who answers for it, and which policies bind it.</summary>
public sealed record Agent : IKeyHolder
{
    /// <summary>The agent's id, e.g. <c>agent-001</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The organisation, e.g. <c>org-acme</c>.</summary>
    public required string OrgId { get; init; }

    /// <summary>A name for people, e.g. "SOC triage bot".</summary>
    public required string DisplayName { get; init; }

    /// <summary>
    /// The person (an approver id or another named identity) who answers for the agent. Four-eyes: the owner can never
    /// approve or deny the agent's requests.
    /// </summary>
    public required string Owner { get; init; }

    /// <summary>The names of the policies bound to the agent (default deny when empty).</summary>
    public IReadOnlyList<string> Policies { get; init; } = [];

    /// <summary>Whether the agent's keys are accepted.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>When the agent was registered.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the agent was last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The identity a successful key look-up yields.</summary>
    public AgentIdentity Identity => new() { AgentId = Id, OrgId = OrgId };

    /// <inheritdoc />
    public override string ToString() => $"agent {Id}@{OrgId} ({(Enabled ? "enabled" : "disabled")})";
}

/// <summary>A named person who approves or denies requests, with keys of their own.</summary>
public sealed record Approver : IKeyHolder
{
    /// <summary>The approver's id, e.g. <c>alice</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The organisation whose approvals this approver decides (no other).</summary>
    public required string OrgId { get; init; }

    /// <summary>A name for people.</summary>
    public required string DisplayName { get; init; }

    /// <summary>An e-mail address, if known.</summary>
    public string? Email { get; init; }

    /// <summary>Whether the approver's keys are accepted.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>When the approver was registered.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the approver was last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The identity a successful key look-up yields.</summary>
    public ApproverIdentity Identity => new() { ApproverId = Id, OrgId = OrgId };

    /// <inheritdoc />
    public override string ToString() => $"approver {Id}@{OrgId} ({(Enabled ? "enabled" : "disabled")})";
}
