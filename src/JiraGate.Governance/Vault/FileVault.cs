using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;

namespace JiraGate.Governance.Vault;

/// <summary>
/// A vault in one JSON file, each entry sealed with AES-256-GCM under the master key (see <see cref="VaultCipher"/>).
/// </summary>
/// <remarks>
/// Writes are read-modify-write under a lock shared by every <see cref="FileVault"/> on the same file in this
/// process plus an exclusive lock file against other processes, so no update is lost. Each write goes to a
/// temporary file (0600) in the same directory, is flushed to disk, then renamed over the vault: a crash leaves
/// either the old or the new vault, never half of one. Reads take no lock (the rename is atomic).
/// </remarks>
public sealed class FileVault : IVault
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);
    private readonly VaultKey _key;
    private readonly TimeProvider _time;
    private readonly VaultOptions _options;
    private readonly SemaphoreSlim _lock;

    /// <summary>Opens (lazily) the vault file at <paramref name="path"/>; it is created on the first write.</summary>
    /// <param name="path">The vault file, e.g. <c>.jiragate/vault.json</c>.</param>
    /// <param name="key">The master key; the caller keeps ownership.</param>
    /// <param name="timeProvider">The clock for write times and expiry states.</param>
    /// <param name="options">Expiry warning window.</param>
    public FileVault(string path, VaultKey key, TimeProvider? timeProvider = null, VaultOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(key);
        FilePath = Path.GetFullPath(path);
        _key = key;
        _time = timeProvider ?? TimeProvider.System;
        _options = options ?? new VaultOptions();
        _lock = Locks.GetOrAdd(FilePath, _ => new SemaphoreSlim(1, 1));
    }

    /// <summary>The vault file's full path.</summary>
    public string FilePath { get; }

    /// <summary>Test hook: runs after the new vault is written and flushed to its temporary file, before the rename.</summary>
    internal Action<string>? BeforeReplace { get; set; }

    /// <inheritdoc />
    public async Task<VaultEntry?> TryGetAsync(string path, CancellationToken cancellationToken = default)
    {
        VaultPath.Validate(path);
        var doc = await LoadAsync(cancellationToken).ConfigureAwait(false);
        return doc.Entries.TryGetValue(path, out var sealedEntry) ? Open(path, sealedEntry) : null;
    }

    /// <inheritdoc />
    public Task SetAsync(string path, VaultEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return UpdateAsync(path, _ => entry, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<VaultEntry?> UpdateAsync(string path, Func<VaultEntry?, VaultEntry?> update, CancellationToken cancellationToken = default)
    {
        VaultPath.Validate(path);
        ArgumentNullException.ThrowIfNull(update);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var processLock = await AcquireFileLockAsync(cancellationToken).ConfigureAwait(false);
            var doc = await LoadAsync(cancellationToken).ConfigureAwait(false);
            var current = doc.Entries.TryGetValue(path, out var existing) ? Open(path, existing) : null;
            var next = update(current);
            if (next is null)
            {
                if (doc.Entries.Remove(path))
                {
                    await SaveAsync(doc, cancellationToken).ConfigureAwait(false);
                }
                return null;
            }
            doc.Entries[path] = Seal(path, next);
            await SaveAsync(doc, cancellationToken).ConfigureAwait(false);
            return next;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        var existed = false;
        await UpdateAsync(path, current =>
        {
            existed = current is not null;
            return null;
        }, cancellationToken).ConfigureAwait(false);
        return existed;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<VaultEntryInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        var doc = await LoadAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        // Each entry is opened so that listed metadata is authenticated, not merely read.
        return [.. doc.Entries.Select(pair =>
        {
            var entry = Open(pair.Key, pair.Value);
            return new VaultEntryInfo
            {
                Path = pair.Key,
                Kind = entry.Kind,
                Description = entry.Describe(),
                ExpiresAt = entry.ExpiresAt,
                ExpiryState = VaultExpiry.StateOf(entry.ExpiresAt, now, _options.ExpiryWarning),
                UpdatedAt = pair.Value.UpdatedAt,
            };
        })];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<VaultEntryInfo>> ListExpiringAsync(TimeSpan within, CancellationToken cancellationToken = default) =>
        VaultExpiry.ExpiringWithin(await ListAsync(cancellationToken).ConfigureAwait(false), _time.GetUtcNow(), within);

    /// <inheritdoc />
    public override string ToString() => $"file vault {FilePath}";

    private VaultFileEntry Seal(string path, VaultEntry entry)
    {
        var sealedEntry = new VaultFileEntry
        {
            Kind = VaultEntryKinds.ToName(entry.Kind),
            ExpiresAt = entry.ExpiresAt?.ToUniversalTime(),
            UpdatedAt = _time.GetUtcNow(),
        };
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(entry.ToFields(), VaultJsonContext.Default.DictionaryStringString);
        try
        {
            VaultCipher.SealEntry(_key, path, sealedEntry, plaintext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
        return sealedEntry;
    }

    private VaultEntry Open(string path, VaultFileEntry sealedEntry)
    {
        var plaintext = VaultCipher.OpenEntry(_key, path, sealedEntry)
            ?? throw new VaultTamperedException(
                $"Vault entry '{path}' in '{FilePath}' failed authentication: its ciphertext or metadata was altered, or it was copied from another entry. Set it again from its source.");
        try
        {
            if (!VaultEntryKinds.TryParse(sealedEntry.Kind, out var kind))
            {
                throw new VaultTamperedException($"Vault entry '{path}' has an unknown kind.");
            }
            var fields = JsonSerializer.Deserialize(plaintext, VaultJsonContext.Default.DictionaryStringString)
                ?? throw new VaultTamperedException($"Vault entry '{path}' is empty.");
            return VaultEntry.FromFields(kind, fields, sealedEntry.ExpiresAt, path);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private async Task<VaultDocument> LoadAsync(CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(FilePath, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return new VaultDocument { KeyId = _key.KeyId, KeyCheck = VaultCipher.SealKeyCheck(_key) };
        }
        catch (DirectoryNotFoundException)
        {
            return new VaultDocument { KeyId = _key.KeyId, KeyCheck = VaultCipher.SealKeyCheck(_key) };
        }
        VaultDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize(bytes, VaultJsonContext.Default.VaultDocument);
        }
        catch (JsonException ex)
        {
            throw new VaultException($"The vault file '{FilePath}' is not a JiraGate vault (invalid JSON at line {ex.LineNumber}).", null);
        }
        if (doc is null || doc.Format != VaultDocument.CurrentFormat || doc.KeyCheck is null)
        {
            throw new VaultException($"The vault file '{FilePath}' is not a {VaultDocument.CurrentFormat} vault.");
        }
        if (!VaultCipher.OpensKeyCheck(_key, doc.KeyCheck))
        {
            throw new VaultKeyMismatchException(
                $"The master key (key id {_key.KeyId}) does not open the vault '{FilePath}' (sealed with key id {doc.KeyId}). Check {VaultKey.EnvironmentVariable} or the key file.");
        }
        doc.Entries = new SortedDictionary<string, VaultFileEntry>(doc.Entries, StringComparer.Ordinal);
        return doc;
    }

    private async Task SaveAsync(VaultDocument doc, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(FilePath)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(FilePath)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            var stream = new FileStream(temp, options);
            await using (stream.ConfigureAwait(false))
            {
                await JsonSerializer.SerializeAsync(stream, doc, VaultJsonContext.Default.VaultDocument, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
            BeforeReplace?.Invoke(temp);
            File.Move(temp, FilePath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private async Task<FileStream> AcquireFileLockAsync(CancellationToken cancellationToken)
    {
        var lockPath = FilePath + ".lock";
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                // FileShare.None is an exclusive advisory lock (flock) on Unix, a sharing lock on Windows.
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 200)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
