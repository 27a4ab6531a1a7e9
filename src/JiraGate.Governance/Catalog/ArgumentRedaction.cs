namespace JiraGate.Governance.Catalog;

/// <summary>How the audit log must store an argument's value.</summary>
public enum ArgumentRedaction
{
    /// <summary>Stored as given.</summary>
    None = 0,

    /// <summary>Sensitive: replaced by a fixed marker, never stored.</summary>
    Omit = 1,

    /// <summary>Bulky (e.g. attachment bytes): never stored; only its size and SHA-256 are recorded.</summary>
    SizeAndDigest = 2,
}
