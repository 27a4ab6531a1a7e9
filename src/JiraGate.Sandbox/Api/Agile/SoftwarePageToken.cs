using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using JiraGate.Sandbox.Http;

namespace JiraGate.Sandbox.Api.Agile;

/// <summary>
/// The opaque <c>nextPageToken</c> of the Software 1.0 routes: base64url of the next offset and a fingerprint of
/// the query (route, board/sprint, JQL, caller). A token from another query, or one that was tampered with, is a 400.
/// </summary>
internal static class SoftwarePageToken
{
    // Same words as /search/jql, so clients see one message for a bad token.
    public const string InvalidMessage = "The provided next page token is invalid or expired.";

    private const string Version = "p1";

    public static string Fingerprint(params string?[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts.Select(p => p ?? ""))));
        return Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    public static string Encode(long offset, string fingerprint) =>
        Base64Url(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{Version}.{offset}.{fingerprint}")));

    /// <summary>The offset a token stands for; absent token = first page.</summary>
    public static Parsed<long> Decode(string? token, string fingerprint)
    {
        if (string.IsNullOrEmpty(token))
        {
            return Parsed<long>.Ok(0);
        }
        var fail = Parsed<long>.Fail(JiraResults.Error(StatusCodes.Status400BadRequest, InvalidMessage));
        if (token.Length > 512 || !TryFromBase64Url(token, out var bytes))
        {
            return fail;
        }
        var parts = Encoding.UTF8.GetString(bytes).Split('.');
        return parts.Length == 3
            && parts[0] == Version
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parts[2]), Encoding.ASCII.GetBytes(fingerprint))
            ? Parsed<long>.Ok(offset)
            : fail;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(string text, out byte[] bytes)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        s += (s.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        bytes = new byte[s.Length];
        if (Convert.TryFromBase64String(s, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }
        return false;
    }
}
