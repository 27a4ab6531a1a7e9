using System.Security.Cryptography;
using System.Text;

namespace JiraGate.Governance.Agents;

/// <summary>
/// The API key format: <c>{prefix}{key id}_{secret}</c>, e.g. <c>jg_agent_k3x…_q7…</c>. The prefix makes a leaked
/// key greppable (secret scanners, logs); the key id (16 base32 characters, 80 random bits) finds the stored row; the
/// secret is 256 random bits (52 base32 characters) from <see cref="RandomNumberGenerator"/>. Stores keep SHA-256 of
/// the whole key: with that much entropy a slow hash adds nothing, and the comparison is constant-time.
/// </summary>
internal static class ApiKeys
{
    public const string AgentPrefix = "jg_agent_";
    public const string ApproverPrefix = "jg_appr_";
    public const int KeyIdLength = 16;
    public const int SecretLength = 52;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>A new key and its public id.</summary>
    public static (string KeyId, string Key) Generate(string prefix)
    {
        var keyId = RandomBase32(10);
        var secret = RandomBase32(32);
        return (keyId, string.Concat(prefix, keyId, "_", secret));
    }

    /// <summary>A random identifier of <paramref name="bytes"/> bytes of entropy in lower-case base32.</summary>
    public static string RandomBase32(int bytes)
    {
        Span<byte> buffer = stackalloc byte[bytes];
        RandomNumberGenerator.Fill(buffer);
        return Base32(buffer);
    }

    /// <summary>The key id of a well-formed key with this prefix; false for anything else (never throws).</summary>
    public static bool TryParse(string? key, string prefix, out string keyId)
    {
        keyId = string.Empty;
        if (key is null || key.Length != prefix.Length + KeyIdLength + 1 + SecretLength
            || !key.StartsWith(prefix, StringComparison.Ordinal) || key[prefix.Length + KeyIdLength] != '_')
        {
            return false;
        }
        var id = key.AsSpan(prefix.Length, KeyIdLength);
        var secret = key.AsSpan(prefix.Length + KeyIdLength + 1);
        if (!IsBase32(id) || !IsBase32(secret))
        {
            return false;
        }
        keyId = id.ToString();
        return true;
    }

    /// <summary>SHA-256 of the key's UTF-8 bytes.</summary>
    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>Whether the key hashes to <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Matches(string key, ReadOnlySpan<byte> storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(key), storedHash);

    private static bool IsBase32(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '2' and <= '7')))
            {
                return false;
            }
        }
        return true;
    }

    private static string Base32(ReadOnlySpan<byte> data)
    {
        var builder = new StringBuilder((data.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                builder.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0)
        {
            builder.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }
        return builder.ToString();
    }
}
