using System.Security.Cryptography;
using JiraGate.Governance.Vault;
using NSec.Cryptography;

namespace JiraGate.Governance.Audit;

/// <summary>
/// The Ed25519 key that signs audit checkpoints. The private key lives in the vault (a generic secret holding
/// the base64 32-byte seed), is generated on first use, and never leaves this object; the public key is
/// exported for offline verification.
/// </summary>
public sealed class AuditSigningKey : IDisposable
{
    /// <summary>The vault path used when none is given.</summary>
    public const string DefaultVaultPath = "audit/signing-key";

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly Key _key;

    private AuditSigningKey(Key key)
    {
        _key = key;
        PublicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        KeyId = KeyIdOf(PublicKey.Span);
    }

    /// <summary>The raw 32-byte Ed25519 public key.</summary>
    public ReadOnlyMemory<byte> PublicKey { get; }

    /// <summary>The public key, base64 (what <c>jiragate audit verify --public-key</c> takes).</summary>
    public string PublicKeyBase64 => Convert.ToBase64String(PublicKey.Span);

    /// <summary>16 hex digits of the SHA-256 of the public key.</summary>
    public string KeyId { get; }

    /// <summary>The key id of a raw public key.</summary>
    public static string KeyIdOf(ReadOnlySpan<byte> publicKey) => Convert.ToHexStringLower(SHA256.HashData(publicKey)[..8]);

    /// <summary>A new random key held only in memory (tests, or before storing it elsewhere).</summary>
    public static AuditSigningKey Generate()
    {
        var key = Key.Create(Algorithm);
        try
        {
            return new AuditSigningKey(key);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The key stored at <paramref name="path"/> in <paramref name="vault"/>, generating and storing one
    /// atomically on first use (two processes starting together end up with the same key).
    /// </summary>
    /// <exception cref="VaultException">The entry exists but is not a 32-byte base64 seed.</exception>
    public static async Task<AuditSigningKey> LoadOrCreateAsync(IVault vault, string path = DefaultVaultPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vault);
        var entry = await vault.TryGetAsync(path, cancellationToken).ConfigureAwait(false)
            ?? await vault.UpdateAsync(path, current => current ?? NewEntry(), cancellationToken).ConfigureAwait(false);
        if (entry is not GenericSecretEntry secret)
        {
            throw new VaultException($"Vault entry '{path}' must be a generic secret holding the audit signing key.");
        }
        byte[] seed;
        try
        {
            seed = Convert.FromBase64String(secret.Value.Reveal());
        }
        catch (FormatException)
        {
            throw new VaultException($"Vault entry '{path}' does not hold a base64 Ed25519 seed.");
        }
        try
        {
            if (seed.Length != 32)
            {
                throw new VaultException($"Vault entry '{path}' does not hold a 32-byte Ed25519 seed.");
            }
            return new AuditSigningKey(Key.Import(Algorithm, seed, KeyBlobFormat.RawPrivateKey));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>Whether <paramref name="signature"/> is a valid Ed25519 signature of <paramref name="data"/> by <paramref name="publicKey"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (!NSec.Cryptography.PublicKey.TryImport(Algorithm, publicKey, KeyBlobFormat.RawPublicKey, out var key) || key is null)
        {
            return false;
        }
        return Algorithm.Verify(key, data, signature);
    }

    /// <summary>Signs <paramref name="data"/>.</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) => Algorithm.Sign(_key, data);

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    /// <inheritdoc />
    public override string ToString() => "audit signing key " + KeyId;

    private static GenericSecretEntry NewEntry()
    {
        using var key = Key.Create(Algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var seed = key.Export(KeyBlobFormat.RawPrivateKey);
        try
        {
            return new GenericSecretEntry { Value = new SecretValue(Convert.ToBase64String(seed)), Description = "audit checkpoint signing key (Ed25519)" };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }
}
