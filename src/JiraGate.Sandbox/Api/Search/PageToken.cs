using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace JiraGate.Sandbox.Api.Search;

/// <summary>
/// The opaque nextPageToken of token-paged searches: the next offset, bound to the query it came from
/// and to when it was issued (Jira's tokens expire after 7 days). A token from another query is refused.
/// </summary>
internal static class PageToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public static string Create(string queryFingerprint, int offset, DateTimeOffset issuedAt)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"v1|{offset}|{issuedAt.ToUnixTimeSeconds()}|{Fingerprint(queryFingerprint)}");
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The offset a token points at; null when it is malformed, expired or from another query.</summary>
    public static int? Read(string token, string queryFingerprint, DateTimeOffset now)
    {
        string text;
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - base64.Length % 4) % 4);
            text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
        var parts = text.Split('|');
        if (parts.Length != 4 || parts[0] != "v1"
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var issued)
            || parts[3] != Fingerprint(queryFingerprint))
        {
            return null;
        }
        return now - DateTimeOffset.FromUnixTimeSeconds(issued) > Lifetime ? null : offset;
    }

    private static string Fingerprint(string query) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(query)), 0, 8);
}
