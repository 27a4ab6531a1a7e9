using JiraGate.Governance.Audit;

namespace JiraGate.Governance.DependencyInjection;

/// <summary>What <c>AddJiraGate</c> sets up: policies, vault, audit signing and the pipeline.</summary>
public sealed class JiraGateOptions
{
    /// <summary>
    /// Policy YAML files loaded as one set at start. Empty: the seed's three policies. A file with any mistake stops
    /// the start (the error names file, line and column); it never falls open.
    /// </summary>
    public IList<string> PolicyFiles { get; } = [];

    /// <summary>The vault file (<c>.jiragate/vault.json</c> by default).</summary>
    public string VaultPath { get; set; } = Path.Combine(".jiragate", "vault.json");

    /// <summary>The vault master key file, used when <c>JIRAGATE_MASTER_KEY</c> is not set (<c>.jiragate/master.key</c>; created 0600 if missing).</summary>
    public string VaultKeyPath { get; set; } = Path.Combine(".jiragate", "master.key");

    /// <summary>Read secrets from <c>JIRAGATE_VAULT__…</c> environment variables instead of the vault file (CI).</summary>
    public bool UseEnvironmentVault { get; set; }

    /// <summary>Sign audit checkpoints with the Ed25519 key at <see cref="AuditSigningKeyPath"/> in the vault (created on first use). On by default.</summary>
    public bool SignAuditCheckpoints { get; set; } = true;

    /// <summary>Where the audit signing key lives in the vault.</summary>
    public string AuditSigningKeyPath { get; set; } = AuditSigningKey.DefaultVaultPath;

    /// <summary>Checkpoint interval, batch size and redaction of the audit log.</summary>
    public AuditLogOptions Audit { get; set; } = new();

    /// <summary>Who executes approved requests, recorded on each approval (e.g. a replica's name).</summary>
    public string ExecutorName { get; set; } = "gateway";
}
