namespace JiraGate.Governance.Agents;

/// <summary>Something that authenticates with API keys: an <see cref="Agent"/> or an <see cref="Approver"/>.</summary>
public interface IKeyHolder
{
    /// <summary>The stable id (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; at most 64 characters).</summary>
    string Id { get; }

    /// <summary>The organisation it belongs to.</summary>
    string OrgId { get; }

    /// <summary>Whether its keys are accepted. A disabled holder keeps its keys but cannot authenticate.</summary>
    bool Enabled { get; }
}
