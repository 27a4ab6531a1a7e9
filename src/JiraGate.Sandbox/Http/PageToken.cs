using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace JiraGate.Sandbox.Http;

/// <summary>
/// The opaque <c>nextPageToken</c> of token-paged routes (/search/jql, Software 1.0 issue lists): base64url of
/// the next offset, when it was issued, and a fingerprint of the query it belongs to (route, scope, JQL,
/// caller). Jira's tokens expire after 7 days; a token from another query, tampered with, or expired is a 400.
/// </summary>
internal static class PageToken
{
    public const string InvalidMessage = "The provided next page token is invalid or expired.";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private const string Version = "v1";
    private const int MaxLength = 512;

    /// <summary>A short fingerprint of everything that defines a query.</summary>
    public static string Fingerprint(params string?[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts.Select(p => p ?? "")))).AsSpan(0, 12));

    public static string Create(string fingerprint, long offset, DateTimeOffset issuedAt) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{Version}.{offset}.{issuedAt.ToUnixTimeSeconds()}.{fingerprint}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The offset a token stands for (0 when there is no token), or Jira's 400.</summary>
    public static Parsed<long> Read(string? token, string fingerprint, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(token))
        {
            return Parsed<long>.Ok(0);
        }
        var fail = Parsed<long>.Fail(JiraResults.Error(StatusCodes.Status400BadRequest, InvalidMessage));
        if (token.Length > MaxLength || !TryFromBase64Url(token, out var bytes))
        {
            return fail;
        }
        var parts = Encoding.UTF8.GetString(bytes).Split('.');
        return parts.Length == 4
            && parts[0] == Version
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var issued)
            && now - DateTimeOffset.FromUnixTimeSeconds(issued) <= Lifetime
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parts[3]), Encoding.ASCII.GetBytes(fingerprint))
            ? Parsed<long>.Ok(offset)
            : fail;
    }

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
