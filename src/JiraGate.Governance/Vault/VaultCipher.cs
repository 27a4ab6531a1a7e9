using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace JiraGate.Governance.Vault;

/// <summary>
/// AES-256-GCM sealing for the file vault: a fresh random 96-bit nonce per write, a 128-bit tag, and
/// associated data binding each entry's ciphertext to its path, kind, expiry and write time, so a ciphertext
/// moved to another path (or metadata edited in the file) fails authentication.
/// </summary>
internal static class VaultCipher
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] KeyCheckPlaintext = "jiragate-vault key check"u8.ToArray();

    public static VaultSealedBox SealKeyCheck(VaultKey key)
    {
        var box = new VaultSealedBox();
        Seal(key, KeyCheckPlaintext, KeyCheckAad(), box);
        return box;
    }

    public static bool OpensKeyCheck(VaultKey key, VaultSealedBox box)
    {
        var plain = TryOpen(key, box, KeyCheckAad());
        return plain is not null && plain.AsSpan().SequenceEqual(KeyCheckPlaintext);
    }

    public static void SealEntry(VaultKey key, string path, VaultFileEntry entry, byte[] plaintext) =>
        Seal(key, plaintext, EntryAad(path, entry), entry);

    /// <summary>The entry's plaintext, or null when authentication fails.</summary>
    public static byte[]? OpenEntry(VaultKey key, string path, VaultFileEntry entry) => TryOpen(key, entry, EntryAad(path, entry));

    private static void Seal(VaultKey key, byte[] plaintext, byte[] aad, VaultSealedBox box)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var cipher = new byte[plaintext.Length];
        var tag = new byte[TagSize];
        using (var aes = new AesGcm(key.Bytes, TagSize))
        {
            aes.Encrypt(nonce, plaintext, cipher, tag, aad);
        }
        box.Nonce = Convert.ToBase64String(nonce);
        box.Ciphertext = Convert.ToBase64String(cipher);
        box.Tag = Convert.ToBase64String(tag);
    }

    private static byte[]? TryOpen(VaultKey key, VaultSealedBox box, byte[] aad)
    {
        byte[] nonce, cipher, tag;
        try
        {
            nonce = Convert.FromBase64String(box.Nonce);
            cipher = Convert.FromBase64String(box.Ciphertext);
            tag = Convert.FromBase64String(box.Tag);
        }
        catch (FormatException)
        {
            return null;
        }
        if (nonce.Length != NonceSize || tag.Length != TagSize)
        {
            return null;
        }
        var plain = new byte[cipher.Length];
        try
        {
            using var aes = new AesGcm(key.Bytes, TagSize);
            aes.Decrypt(nonce, cipher, tag, plain, aad);
            return plain;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    private static byte[] KeyCheckAad() => Encoding.UTF8.GetBytes(VaultDocument.CurrentFormat + "\0key-check");

    private static byte[] EntryAad(string path, VaultFileEntry entry) => Encoding.UTF8.GetBytes(string.Join('\0',
        VaultDocument.CurrentFormat,
        "entry",
        path,
        entry.Kind,
        entry.ExpiresAt?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) ?? "",
        entry.UpdatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)));
}
