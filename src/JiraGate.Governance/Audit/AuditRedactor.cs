using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace JiraGate.Governance.Audit;

/// <summary>What the redactor removes; the operation catalog adds per-operation argument names on top.</summary>
public sealed class AuditRedactionOptions
{
    /// <summary>
    /// Fragments that mark a key as secret wherever it appears (compared after lower-casing and removing
    /// <c>_ - . </c> and spaces, so <c>api_key</c>, <c>X-Api-Key</c> and <c>apiKey</c> all match <c>apikey</c>).
    /// </summary>
    public IList<string> SecretKeyFragments { get; } =
    [
        "token", "password", "passwd", "passphrase", "secret", "authorization", "apikey", "accesskey",
        "privatekey", "signingkey", "masterkey", "credential", "cookie", "sessionid",
    ];

    /// <summary>Keys that are secret only when they are the whole (normalised) key, e.g. <c>pwd</c>, <c>pat</c>, <c>auth</c>.</summary>
    public IList<string> SecretKeys { get; } = ["pwd", "pat", "auth"];

    /// <summary>Strings longer than this (in characters) are stored as <c>{sha256, size}</c> only (2,048 by default; 0 keeps every string).</summary>
    public int MaxInlineStringLength { get; set; } = 2048;
}

/// <summary>
/// Turns a call's arguments into what the audit log may keep: canonical JSON (<see cref="CanonicalJson"/>) in
/// which secret-looking keys and the caller's sensitive arguments are replaced by <c>"[redacted]"</c>, bulky
/// arguments (an attachment's content) and over-long strings by <c>{"sha256": hex, "size": bytes}</c>, and
/// <c>Bearer …</c> / <c>Basic …</c> credentials inside strings by <c>Bearer [redacted]</c>.
/// </summary>
/// <remarks>
/// Names match keys at any depth, case-insensitively. A digested string is hashed as the bytes it encodes when
/// it is valid base64 (so the digest matches the file's own SHA-256), otherwise as its UTF-8; any other value
/// as its canonical JSON.
/// </remarks>
public sealed partial class AuditRedactor
{
    /// <summary>What redacted values are replaced with.</summary>
    public const string RedactedMarker = "[redacted]";

    private readonly string[] _fragments;
    private readonly HashSet<string> _exact;
    private readonly int _maxInline;

    /// <summary>Creates a redactor with the given (or default) options.</summary>
    public AuditRedactor(AuditRedactionOptions? options = null)
    {
        options ??= new AuditRedactionOptions();
        _fragments = [.. options.SecretKeyFragments.Select(Normalise)];
        _exact = new HashSet<string>(options.SecretKeys.Select(Normalise), StringComparer.Ordinal);
        _maxInline = options.MaxInlineStringLength;
    }

    /// <summary>The redacted canonical JSON of <paramref name="arguments"/> (<c>{}</c> for none).</summary>
    /// <param name="arguments">The call's arguments, usually an object.</param>
    /// <param name="sensitiveArguments">Argument names whose values are dropped whole (from the catalog).</param>
    /// <param name="digestArguments">Argument names kept as <c>{sha256, size}</c> only, e.g. an attachment's content.</param>
    public string Redact(JsonElement? arguments, IReadOnlyCollection<string>? sensitiveArguments = null, IReadOnlyCollection<string>? digestArguments = null)
    {
        if (arguments is not { } root || root.ValueKind == JsonValueKind.Undefined)
        {
            return "{}";
        }
        var sensitive = ToSet(sensitiveArguments);
        var digest = ToSet(digestArguments);
        var builder = new StringBuilder();
        CanonicalJson.Write(builder, root, new Substitution(this, sensitive, digest));
        return builder.ToString();
    }

    /// <summary>The digest object written for bulky bytes: <c>{"sha256":"…","size":n}</c>.</summary>
    public static string Digest(ReadOnlySpan<byte> bytes) =>
        $"{{\"sha256\":\"{Convert.ToHexStringLower(SHA256.HashData(bytes))}\",\"size\":{bytes.Length}}}";

    /// <summary>Replaces <c>Bearer x</c> / <c>Basic x</c> credentials in free text (e.g. an error message).</summary>
    public static string ScrubText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AuthorizationPattern().Replace(text, m => m.Groups[1].Value + " " + RedactedMarker);
    }

    /// <summary>Whether a key names a secret under these options.</summary>
    public bool IsSecretKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var normalised = Normalise(key);
        return _exact.Contains(normalised) || _fragments.Any(f => normalised.Contains(f, StringComparison.Ordinal));
    }

    private static HashSet<string> ToSet(IReadOnlyCollection<string>? names) =>
        names is null ? [] : new HashSet<string>(names.Select(Normalise), StringComparer.Ordinal);

    private static string Normalise(string key)
    {
        var builder = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            if (c is not ('_' or '-' or '.' or ' '))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString();
    }

    /// <summary>The canonical walk with secrets hidden, bulky values digested and credentials scrubbed from text.</summary>
    private sealed class Substitution(AuditRedactor redactor, HashSet<string> sensitive, HashSet<string> digest) : ICanonicalSubstitution
    {
        public string DuplicateKeyMessage(string name) => $"Duplicate argument '{name}'.";

        public bool TryWriteMember(StringBuilder builder, string name, JsonElement value)
        {
            var normalised = Normalise(name);
            if (sensitive.Contains(normalised) || redactor.IsSecretKey(name))
            {
                CanonicalJson.WriteString(builder, RedactedMarker);
                return true;
            }
            if (digest.Contains(normalised))
            {
                builder.Append(DigestOf(value));
                return true;
            }
            return false;
        }

        public void WriteString(StringBuilder builder, string text)
        {
            if (redactor._maxInline > 0 && text.Length > redactor._maxInline)
            {
                builder.Append(Digest(Encoding.UTF8.GetBytes(text)));
            }
            else
            {
                CanonicalJson.WriteString(builder, ScrubText(text));
            }
        }
    }

    private static string DigestOf(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            var buffer = new byte[text.Length];
            return Convert.TryFromBase64String(text, buffer, out var written) && text.Length > 0
                ? Digest(buffer.AsSpan(0, written))
                : Digest(Encoding.UTF8.GetBytes(text));
        }
        return Digest(Encoding.UTF8.GetBytes(CanonicalJson.Canonicalize(value)));
    }

    // A credential has a digit somewhere and is at least 12 characters, so prose ("basic authentication") is left alone.
    [GeneratedRegex(@"\b(Bearer|Basic|bearer|basic|BEARER|BASIC)\s+(?=[A-Za-z0-9\-._~+/=]*[0-9])[A-Za-z0-9\-._~+/=]{12,}", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorizationPattern();
}
