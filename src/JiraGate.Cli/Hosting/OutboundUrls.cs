using System.Net;
using System.Net.Sockets;

namespace JiraGate.Cli.Hosting;

/// <summary>
/// Where JiraGate may send requests with credentials (Jira base URLs, approval webhooks): http(s) only, no user-info,
/// https unless the host is this machine, and never the link-local, unspecified or multicast addresses that cloud
/// metadata services and SSRF tricks use — checked on the URL and again on every address a connection resolves to.
/// </summary>
internal static class OutboundUrls
{
    private static readonly string[] MetadataHosts = ["metadata", "metadata.google.internal", "metadata.azure.com", "instance-data", "instance-data.ec2.internal"];

    /// <summary>What is wrong with <paramref name="url"/>, or null when it may be used. Never repeats the URL (it may be a secret).</summary>
    public static string? Problem(Uri url, bool allowInsecureHttp, bool allowQuery)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return "only http(s) URLs are accepted (e.g. https://acme.atlassian.net).";
        }
        if (url.UserInfo.Length > 0)
        {
            return "the URL carries a user name or password; credentials belong in the vault, never in a URL.";
        }
        if (!allowQuery && (url.Query.Length > 0 || url.Fragment.Length > 0))
        {
            return "the URL has a query or fragment; give the site's base URL only.";
        }
        var host = url.DnsSafeHost.TrimEnd('.');
        if (MetadataHosts.Contains(host, StringComparer.OrdinalIgnoreCase))
        {
            return "the host is a cloud metadata service, which JiraGate never calls.";
        }
        if (IPAddress.TryParse(host, out var ip) && IsForbidden(ip))
        {
            return "the address is link-local, unspecified or multicast (e.g. 169.254.169.254, 0.0.0.0), which JiraGate never calls.";
        }
        if (url.Scheme == Uri.UriSchemeHttp && !allowInsecureHttp && !IsLoopback(url))
        {
            return "plain http is accepted only for this machine (127.0.0.1, ::1, localhost); use https://.";
        }
        return null;
    }

    /// <summary>Addresses no outbound request may reach, whatever a host name resolves to.</summary>
    public static bool IsForbidden(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 0 // 0.0.0.0/8: "this host", reaches local services on some systems
                || (b[0] == 169 && b[1] == 254) // link-local, cloud metadata (169.254.169.254)
                || b[0] >= 224; // multicast, reserved, broadcast
        }
        return address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6Multicast || address.IsIPv6SiteLocal
            || address.Equals(IPAddress.Parse("fd00:ec2::254"));
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>
    /// The primary handler for outbound clients: connects only to addresses <see cref="IsForbidden"/> allows, so a
    /// name that resolves (or is re-bound) to a metadata address is refused at connect time too.
    /// </summary>
    public static SocketsHttpHandler CreateGuardedHandler() => new()
    {
        ConnectCallback = async (context, ct) =>
        {
            var addresses = IPAddress.TryParse(context.DnsEndPoint.Host, out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            var allowed = addresses.Where(a => !IsForbidden(a)).ToArray();
            if (allowed.Length == 0)
            {
                throw new HttpRequestException($"Refused to connect to {context.DnsEndPoint.Host}: it resolves only to link-local, unspecified or multicast addresses.");
            }
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
