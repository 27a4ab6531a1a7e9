using System.Text.Json.Serialization;

namespace JiraGate.Governance.Vault;

/// <summary>Source-generated JSON for the vault file (no reflection).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true)]
[JsonSerializable(typeof(VaultDocument))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class VaultJsonContext : JsonSerializerContext;

/// <summary>The vault file: a key check and one sealed box per entry. Metadata is in clear but authenticated.</summary>
internal sealed class VaultDocument
{
    public const string CurrentFormat = "jiragate-vault/1";

    [JsonPropertyName("format")]
    public string Format { get; set; } = CurrentFormat;

    [JsonPropertyName("key_id")]
    public string KeyId { get; set; } = "";

    [JsonPropertyName("key_check")]
    public VaultSealedBox? KeyCheck { get; set; }

    [JsonPropertyName("entries")]
    public SortedDictionary<string, VaultFileEntry> Entries { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>AES-256-GCM output, base64: 96-bit nonce, ciphertext, 128-bit tag.</summary>
internal class VaultSealedBox
{
    [JsonPropertyName("nonce")]
    public string Nonce { get; set; } = "";

    [JsonPropertyName("ciphertext")]
    public string Ciphertext { get; set; } = "";

    [JsonPropertyName("tag")]
    public string Tag { get; set; } = "";
}

/// <summary>One entry: its kind, expiry and write time (bound as associated data with the path) and its sealed fields.</summary>
internal sealed class VaultFileEntry : VaultSealedBox
{
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("expires_at")]
    public DateTimeOffset? ExpiresAt { get; set; }

    [JsonPropertyName("updated_at")]
    public DateTimeOffset UpdatedAt { get; set; }
}
