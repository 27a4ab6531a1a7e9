namespace JiraGate.Governance.Catalog;

/// <summary>The risk level of an operation, as classified by seed 000. Ordered: Low &lt; Medium &lt; High.</summary>
public enum RiskLevel
{
    /// <summary>No destructive state change; safe for autonomous execution.</summary>
    Low = 0,

    /// <summary>Modifies issue state or external integrations but is generally reversible.</summary>
    Medium = 1,

    /// <summary>Permanently removes data and cannot be undone.</summary>
    High = 2,
}
