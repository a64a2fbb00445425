using System.Net;
using Microsoft.Extensions.Options;

namespace Orleans.Faas.HttpModel.Callbacks;

/// <summary>
/// Where callbacks may go: absolute http or https URLs, and no internal address (<see cref="InternalAddresses"/>)
/// unless the operator allows its host or network. The gateway judges the URL as written; the silo judges every
/// address it connects to, after DNS.
/// </summary>
public sealed class CallbackUrlPolicy(IOptions<CallbackOptions> options)
{
    /// <summary>What a refused callback says, the same whether anything listens there or not.</summary>
    public const string Refused = "refused by policy: the callback URL reaches an internal address (loopback, link-local, private or this host's own), "
        + "which callbacks may not unless the operator allows it (Faas:Callbacks:AllowedHosts or AllowedNetworks)";

    private readonly HashSet<string> _hosts = new(options.Value.AllowedHosts, StringComparer.OrdinalIgnoreCase);
    private readonly IPNetwork[] _networks = [.. options.Value.AllowedNetworks.Select(IPNetwork.Parse)];

    /// <returns>Null when <paramref name="url"/> is acceptable as written, else why not.</returns>
    public string? Problem(string url)
    {
        if (!(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !string.IsNullOrEmpty(uri.Host)))
            return $"'{url}' is not an absolute http or https URL.";
        var written = IPAddress.TryParse(uri.DnsSafeHost, out var literal) ? literal : uri.IsLoopback ? IPAddress.Loopback : null;
        return written is not null && !Allows(uri.DnsSafeHost, written) ? $"'{url}' is {Refused}." : null;
    }

    /// <summary>Whether a callback to <paramref name="host"/> may connect to <paramref name="address"/>, one it resolved to.</summary>
    public bool Allows(string host, IPAddress address)
    {
        address = InternalAddresses.Canonical(address);
        return AllowsHost(host) || _networks.Any(n => n.Contains(address)) || !InternalAddresses.Contains(address);
    }

    /// <summary>Whether the operator allowed <paramref name="host"/> by name, whatever it resolves to.</summary>
    public bool AllowsHost(string host) => _hosts.Contains(host.TrimEnd('.'));
}
