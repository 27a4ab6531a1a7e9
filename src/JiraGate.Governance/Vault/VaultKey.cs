using System.Security.Cryptography;
using System.Text;

namespace JiraGate.Governance.Vault;

/// <summary>
/// The vault's 256-bit master key, from <c>JIRAGATE_MASTER_KEY</c> (base64 of 32 bytes) or from a key file
/// that only its owner can read (mode 0600 or 0400). Neither <see cref="ToString"/> nor any exception carries
/// key material; disposing wipes the key from memory.
/// </summary>
public sealed class VaultKey : IDisposable
{
    /// <summary>The environment variable holding a base64 master key.</summary>
    public const string EnvironmentVariable = "JIRAGATE_MASTER_KEY";

    /// <summary>Key length in bytes (AES-256).</summary>
    public const int KeySize = 32;

    private readonly byte[] _key;

    private VaultKey(byte[] key)
    {
        _key = key;
        // An identifier, not the key: lets "wrong key" errors say which key was tried.
        var id = SHA256.HashData([.. "jiragate-vault-key-id/1"u8, .. key]);
        KeyId = Convert.ToHexStringLower(id.AsSpan(0, 8));
    }

    /// <summary>A non-secret identifier of the key (16 hex digits of a domain-separated SHA-256 of it).</summary>
    public string KeyId { get; }

    internal ReadOnlySpan<byte> Bytes => _key;

    /// <summary>A fresh random key (e.g. to print once for <c>JIRAGATE_MASTER_KEY</c>).</summary>
    public static VaultKey Generate() => new(RandomNumberGenerator.GetBytes(KeySize));

    /// <summary>Reads a base64 key of exactly 32 bytes.</summary>
    /// <exception cref="VaultException">The text is not base64 of 32 bytes (the message does not repeat it).</exception>
    public static VaultKey FromBase64(string base64, string source = "the master key")
    {
        ArgumentNullException.ThrowIfNull(base64);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new VaultException($"{source} is not valid base64; it must be the base64 of {KeySize} random bytes (e.g. `openssl rand -base64 32`).");
        }
        if (bytes.Length != KeySize)
        {
            CryptographicOperations.ZeroMemory(bytes);
            throw new VaultException($"{source} decodes to {bytes.Length} bytes; it must be exactly {KeySize} (e.g. `openssl rand -base64 32`).");
        }
        return new VaultKey(bytes);
    }

    /// <summary>The key from <see cref="EnvironmentVariable"/>, or null when it is unset or empty.</summary>
    /// <param name="getVariable">Reads a variable; <see cref="Environment.GetEnvironmentVariable(string)"/> by default (tests pass their own).</param>
    public static VaultKey? FromEnvironment(Func<string, string?>? getVariable = null)
    {
        var value = (getVariable ?? Environment.GetEnvironmentVariable)(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(value) ? null : FromBase64(value, EnvironmentVariable);
    }

    /// <summary>Loads a key file, refusing one that group or others can access.</summary>
    /// <exception cref="VaultException">The file is missing, too permissive, or does not hold a base64 32-byte key.</exception>
    public static async Task<VaultKey> LoadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new VaultException($"The vault key file '{path}' does not exist; create one with `jiragate vault init` (VaultKey.CreateFileAsync) or set {EnvironmentVariable}.");
        }
        CheckPermissions(path);
        var text = await File.ReadAllTextAsync(path, Encoding.ASCII, cancellationToken).ConfigureAwait(false);
        return FromBase64(text, $"The vault key file '{path}'");
    }

    /// <summary>Creates a key file holding a fresh random key, readable and writable by its owner only (0600).</summary>
    /// <exception cref="VaultException">The file already exists.</exception>
    public static async Task<VaultKey> CreateFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir)
        {
            Directory.CreateDirectory(dir);
        }
        var key = Generate();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            var stream = new FileStream(path, options);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(Convert.ToBase64String(key._key) + "\n"), cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
        }
        catch (IOException ex) when (File.Exists(path))
        {
            key.Dispose();
            throw new VaultException($"The vault key file '{path}' already exists; it is never overwritten.", ex);
        }
        return key;
    }

    /// <summary>
    /// The key from <see cref="EnvironmentVariable"/> if set, otherwise from <paramref name="keyFilePath"/>;
    /// with <paramref name="createIfMissing"/> a missing key file is created (0600).
    /// </summary>
    public static async Task<VaultKey> ResolveAsync(string? keyFilePath, bool createIfMissing = false, Func<string, string?>? getVariable = null, CancellationToken cancellationToken = default)
    {
        var fromEnvironment = (getVariable ?? Environment.GetEnvironmentVariable)(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return FromBase64(fromEnvironment, EnvironmentVariable);
        }
        if (string.IsNullOrWhiteSpace(keyFilePath))
        {
            throw new VaultException($"No vault master key: set {EnvironmentVariable} (base64 of {KeySize} bytes) or configure a key file.");
        }
        return createIfMissing && !File.Exists(keyFilePath)
            ? await CreateFileAsync(keyFilePath, cancellationToken).ConfigureAwait(false)
            : await LoadFileAsync(keyFilePath, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => CryptographicOperations.ZeroMemory(_key);

    /// <inheritdoc />
    public override string ToString() => "vault key " + KeyId;

    private static void CheckPermissions(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // ACLs, not modes; out of scope here
        }
        var mode = File.GetUnixFileMode(path);
        const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        if ((mode & others) != 0)
        {
            throw new VaultException(
                $"The vault key file '{path}' has mode {Convert.ToString((int)mode, 8).PadLeft(4, '0')}; it must be readable by its owner only. Run: chmod 600 '{path}'.");
        }
    }
}
