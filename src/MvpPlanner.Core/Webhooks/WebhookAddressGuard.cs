using System.Net;
using System.Net.Sockets;

namespace MvpPlanner.Core.Webhooks;

/// <summary>Keeps hooks from reaching inside the server's network: only absolute http(s) URLs without credentials, and
/// (unless the operator allows private addresses) never an address on loopback, a private or link-local network, or
/// any other range that is not the public internet. Checked when a hook is saved and again for the address actually
/// connected to, so a host name that later resolves to 127.0.0.1 (DNS rebinding) is refused too.</summary>
public static class WebhookAddressGuard
{
    public const int MaxUrlLength = 2000;

    private static readonly IPNetwork[] NotPublic =
    [
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"),
        IPNetwork.Parse("192.0.2.0/24"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"),
        IPNetwork.Parse("198.51.100.0/24"),
        IPNetwork.Parse("203.0.113.0/24"),
        IPNetwork.Parse("224.0.0.0/4"),
        IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/96"),
        IPNetwork.Parse("64:ff9b:1::/48"),
        IPNetwork.Parse("100::/64"),
        IPNetwork.Parse("2001:db8::/32"),
        IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("fec0::/10"),
        IPNetwork.Parse("ff00::/8"),
    ];

    /// <summary>The URL's shape: null when fine, else what is wrong, for the field.</summary>
    public static string? CheckShape(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "Enter the URL that should receive the events.";
        }

        if (url.Length > MaxUrlLength)
        {
            return $"Keep the URL to {MaxUrlLength} characters or fewer.";
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "Enter a full web address starting with https:// or http://.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "Leave the user name and password out of the URL; check the signature instead.";
        }

        return uri.Host.Length == 0 ? "Enter a full web address starting with https:// or http://." : null;
    }

    /// <summary>True for an address on the public internet.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        // NAT64 (64:ff9b::/96) carries an IPv4 address in its last four bytes: judge that one.
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && IPNetwork.Parse("64:ff9b::/96").Contains(address))
        {
            address = new IPAddress(bytes[12..]);
        }

        return !NotPublic.Any(n => n.BaseAddress.AddressFamily == address.AddressFamily && n.Contains(address));
    }

    /// <summary>Where the URL leads: null when a hook may use it, else why not (for the field). Resolves host names.</summary>
    public static async Task<string?> CheckAsync(string? url, bool allowPrivateAddresses, CancellationToken ct)
    {
        if (CheckShape(url) is { } shape)
        {
            return shape;
        }

        if (allowPrivateAddresses)
        {
            return null;
        }

        var host = new Uri(url!.Trim()).IdnHost;
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(host, ct);
        }
        catch (SocketException)
        {
            return "This host name could not be found. Check the URL.";
        }

        return addresses.Length == 0 ? "This host name could not be found. Check the URL."
            : addresses.All(IsPublic) ? null
            : "This URL leads to a private or local network address, which this server does not send to.";
    }

    /// <summary>For <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves, refuses a non-public address unless
    /// allowed, and connects to exactly the address it checked.</summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectCallback(Func<bool> allowPrivateAddresses) =>
        async (context, ct) =>
        {
            var addresses = await ResolveAsync(context.DnsEndPoint.Host, ct);
            if (!allowPrivateAddresses() && addresses.Any(a => !IsPublic(a)))
            {
                throw new WebhookAddressRefusedException();
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
                if (!allowPrivateAddresses() && socket.RemoteEndPoint is IPEndPoint remote && !IsPublic(remote.Address))
                {
                    throw new WebhookAddressRefusedException();
                }

                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        host = host.Trim('[', ']');
        return IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
    }
}

/// <summary>A delivery was not sent because its host resolved to an address hooks may not reach.</summary>
public sealed class WebhookAddressRefusedException() : IOException("The webhook's host resolves to a private or local address.");
