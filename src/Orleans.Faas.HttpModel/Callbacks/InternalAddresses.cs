using System.Net;
using System.Net.NetworkInformation;

namespace Orleans.Faas.HttpModel.Callbacks;

/// <summary>
/// Addresses a callback must not reach unless an operator allows them: this host's own, loopback, link-local (cloud
/// metadata), private, shared (CGNAT), unspecified, multicast and reserved ones, also when written inside an IPv6
/// address (IPv4-mapped, IPv4-compatible, NAT64, 6to4).
/// </summary>
public static class InternalAddresses
{
    private static readonly IPNetwork[] Networks =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
            "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "64:ff9b:1::/48", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
        }.Select(IPNetwork.Parse),
    ];

    // IPv6 prefixes whose addresses carry an IPv4 address, and where in their 16 bytes it sits.
    private static readonly (IPNetwork Prefix, int Offset)[] Embedding =
    [
        (IPNetwork.Parse("::/96"), 12),
        (IPNetwork.Parse("64:ff9b::/96"), 12),
        (IPNetwork.Parse("2002::/16"), 2),
    ];

    public static bool Contains(IPAddress address)
    {
        address = Canonical(address);
        return Networks.Any(n => n.Contains(address))
            || Embedded(address) is { } inner && Networks.Any(n => n.Contains(inner))
            || OfThisHost().Contains(address);
    }

    /// <summary>The address itself, or the IPv4 address an IPv4-mapped IPv6 address stands for.</summary>
    public static IPAddress Canonical(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static IPAddress? Embedded(IPAddress address)
    {
        foreach (var (prefix, offset) in Embedding)
            if (prefix.Contains(address))
                return new IPAddress(address.GetAddressBytes().AsSpan(offset, 4));
        return null;
    }

    /// <summary>Read at each check: a node's addresses change (interfaces come and go) and a check is one connection's worth.</summary>
    private static HashSet<IPAddress> OfThisHost() =>
    [
        .. NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Select(a => Canonical(a.Address)),
    ];
}
