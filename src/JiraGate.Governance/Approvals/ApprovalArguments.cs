using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace JiraGate.Governance.Approvals;

/// <summary>
/// The exact arguments an approval covers, in canonical JSON, and their SHA-256. Two calls are the same request only
/// when their hashes are equal; an approval executes only with the arguments it was granted for.
/// </summary>
public sealed class ApprovalArguments
{
    private ApprovalArguments(string canonicalJson, string sha256, bool intact)
    {
        CanonicalJson = canonicalJson;
        Sha256 = sha256;
        IsIntact = intact;
    }

    /// <summary>The arguments as canonical JSON (sorted keys, no whitespace).</summary>
    public string CanonicalJson { get; }

    /// <summary>Lower-case hex SHA-256 of <see cref="CanonicalJson"/> (UTF-8).</summary>
    public string Sha256 { get; }

    /// <summary>
    /// Whether <see cref="Sha256"/> is the hash of <see cref="CanonicalJson"/>. False only for stored arguments that were
    /// changed behind JiraGate's back; such an approval is never executed.
    /// </summary>
    public bool IsIntact { get; }

    /// <summary>Canonicalises and hashes a call's arguments (a JSON object, usually).</summary>
    /// <exception cref="FormatException">An object has a duplicate key.</exception>
    public static ApprovalArguments From(JsonElement arguments)
    {
        var canonical = Audit.CanonicalJson.Canonicalize(arguments);
        return new ApprovalArguments(canonical, HashOf(canonical), intact: true);
    }

    /// <summary>Canonicalises and hashes arguments given as JSON text.</summary>
    /// <exception cref="JsonException">Not JSON.</exception>
    /// <exception cref="FormatException">An object has a duplicate key.</exception>
    public static ApprovalArguments Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return From(document.RootElement);
    }

    /// <summary>Arguments as a store read them back: the hash is recomputed and compared, never trusted.</summary>
    public static ApprovalArguments FromStored(string canonicalJson, string sha256)
    {
        ArgumentNullException.ThrowIfNull(canonicalJson);
        ArgumentNullException.ThrowIfNull(sha256);
        var actual = HashOf(canonicalJson);
        return new ApprovalArguments(canonicalJson, sha256, string.Equals(actual, sha256, StringComparison.Ordinal));
    }

    /// <summary>The arguments as a JSON document (the caller disposes it).</summary>
    public JsonDocument ToDocument() => JsonDocument.Parse(CanonicalJson);

    /// <summary>Whether these are the same arguments (equal hashes).</summary>
    public bool Matches(ApprovalArguments other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sha256), Encoding.ASCII.GetBytes(other.Sha256));
    }

    /// <inheritdoc />
    public override string ToString() => $"sha256:{Sha256}";

    private static string HashOf(string canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
}
