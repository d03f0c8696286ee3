using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Baken.Infrastructure.Signals;

/// <summary>A feed's address is on the machine or the internal network, and configuration does not allow it.</summary>
public sealed class FeedAddressRefusedException(string message) : IOException(message);

/// <summary>
/// Connects the feed client only to public addresses (or to those <see cref="FeedOptions.AllowedHosts"/> names). The
/// check runs on the address a name resolves to, at every connection, so neither a redirect nor a DNS answer that
/// changes between check and use can reach loopback, link-local or private addresses.
/// </summary>
public sealed class FeedAddressGuard(IOptions<FeedOptions> options)
{
    private static readonly IPNetwork[] Internal =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("224.0.0.0/3"),
        IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("ff00::/8"),
    ];

    /// <summary>True when the address is loopback, link-local, private, shared, multicast or unspecified.</summary>
    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return Internal.Any(n => n.BaseAddress.AddressFamily == address.AddressFamily && n.Contains(address));
    }

    public bool IsAllowed(string host, IPAddress address)
    {
        if (!IsInternal(address)) return true;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        foreach (var entry in options.Value.AllowedHosts)
        {
            var e = entry.Trim();
            if (string.Equals(e, host, StringComparison.OrdinalIgnoreCase)) return true;
            if (IPNetwork.TryParse(e, out var network) && network.BaseAddress.AddressFamily == address.AddressFamily && network.Contains(address)) return true;
            if (IPAddress.TryParse(e, out var one) && one.Equals(address)) return true;
        }
        return false;
    }

    /// <summary>The connect step of the feed client's handler: resolve, check every address, connect to an allowed one.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(a => IsAllowed(host, a)).ToList();
        if (allowed.Count == 0)
            throw new FeedAddressRefusedException(
                $"{host} is a loopback, link-local or private address; feeds are read from public addresses unless {FeedOptions.Section}:AllowedHosts names it");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed.ToArray(), context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
