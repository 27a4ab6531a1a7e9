using System.Net;
using System.Net.Sockets;

namespace JiraGate.Governance.Execution;

/// <summary>
/// URLs an agent asks Jira to call back (a webhook's <c>url</c>). Jira — on Data Center often inside the company
/// network — would make those requests, so an agent must not be able to point it at this machine, the private network
/// or a cloud metadata service: only https to a public host name or address is accepted. Host names are checked as
/// written (Jira resolves them, not JiraGate); the names and literal addresses that reach inside are refused.
/// </summary>
internal static class CallbackUrls
{
    private static readonly string[] InternalSuffixes = [".localhost", ".local", ".internal", ".intranet", ".lan", ".home.arpa"];
    private static readonly string[] InternalNames = ["localhost", "metadata", "instance-data"];

    /// <summary>What is wrong with <paramref name="text"/> as a callback URL, or null when Jira may be asked to call it.</summary>
    public static string? Problem(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            return "must be an absolute https:// URL";
        }
        if (url.UserInfo.Length > 0)
        {
            return "must not carry a user name or password";
        }
        var host = url.DnsSafeHost.TrimEnd('.');
        if (IPAddress.TryParse(host, out var address))
        {
            return IsPublic(address) ? null : "points at a loopback, private, link-local or reserved address; give a public host";
        }
        if (!host.Contains('.', StringComparison.Ordinal)
            || InternalNames.Contains(host, StringComparer.OrdinalIgnoreCase)
            || InternalSuffixes.Any(s => host.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            return "names a local or internal host; give a public host name";
        }
        return null;
    }

    /// <summary>Whether <paramref name="address"/> is a public unicast address.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) // carrier-grade NAT
                || (b[0] == 169 && b[1] == 254) // link-local, cloud metadata
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0) // IETF protocol assignments
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))); // benchmarking
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }
        var v6 = address.GetAddressBytes();
        return !(IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast || address.IsIPv6UniqueLocal || address.IsIPv4MappedToIPv6
            || (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b)); // NAT64 reaches IPv4 behind it
    }
}
