namespace JiraGate.Governance.Vault;

/// <summary>
/// Where JiraGate keeps the secrets it uses on the agents' behalf. Entries are addressed by path
/// (<c>jira/acme</c>); values come back as <see cref="VaultEntry"/> objects whose secrets print redacted.
/// </summary>
public interface IVault
{
    /// <summary>The entry at <paramref name="path"/>, or null if there is none.</summary>
    /// <exception cref="VaultKeyMismatchException">The master key does not open the vault.</exception>
    /// <exception cref="VaultTamperedException">The entry failed authentication.</exception>
    Task<VaultEntry?> TryGetAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces the entry at <paramref name="path"/>; durable when the task completes.</summary>
    Task SetAsync(string path, VaultEntry entry, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically replaces the entry at <paramref name="path"/> with <c>update(current)</c> (current is null when
    /// there is none; returning null deletes it). Updates are serialised, so none is lost; used e.g. to save a
    /// rotated OAuth refresh token.
    /// </summary>
    /// <returns>The entry now stored (null if deleted).</returns>
    Task<VaultEntry?> UpdateAsync(string path, Func<VaultEntry?, VaultEntry?> update, CancellationToken cancellationToken = default);

    /// <summary>Deletes the entry; false if there was none.</summary>
    Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Every entry's metadata (no secrets), with its expiry state, ordered by path.</summary>
    Task<IReadOnlyList<VaultEntryInfo>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Entries that expire within <paramref name="within"/> from now, or already have; soonest first.</summary>
    Task<IReadOnlyList<VaultEntryInfo>> ListExpiringAsync(TimeSpan within, CancellationToken cancellationToken = default);
}
