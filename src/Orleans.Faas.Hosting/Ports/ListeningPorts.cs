using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace Orleans.Faas.Hosting.Ports;

/// <summary>
/// Refuses to start a host whose ports another process listens on. Orleans binds with address reuse, which Linux turns
/// into SO_REUSEPORT, so a second silo on the same ports would start and share connections with the first; a probe
/// bound without it fails on a port anyone listens on, on any address, and names what holds it.
/// </summary>
public static class ListeningPorts
{
    // SO_REUSEADDR alone lets a port still in TIME_WAIT from a stopped predecessor be bound; a listener still conflicts.
    private const int SolSocket = 1;
    private const int SoReuseAddr = 2;

    /// <param name="ports">Each port the host will listen on, with what it is for, in the operator's words.</param>
    /// <exception cref="InvalidOperationException">A port is taken; the message names it, what holds it and the setting that moves it.</exception>
    public static void ThrowIfTaken(IEnumerable<(string Purpose, int Port, string Setting)> ports)
    {
        if (!OperatingSystem.IsLinux())
            return;
        var taken = ports
            .Where(p => !IsFree(p.Port))
            .Select(p => $"the {p.Purpose} port {p.Port} is already in use by {PortHolders.Describe(p.Port)} (set {p.Setting} to move it)")
            .ToList();
        if (taken.Count > 0)
            throw new InvalidOperationException(
                $"Refusing to start: {string.Join("; ", taken)}. Another silo or gateway may be running on this host; stop it, or give this one ports of its own.");
    }

    /// <summary>The ports of ASP.NET Core listen URLs (several separated by ';', hosts such as '*' or '+' included).</summary>
    public static IEnumerable<int> OfUrls(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(url => BindingAddress.Parse(url).Port);

    private static bool IsFree(int port) =>
        Probe(new IPEndPoint(IPAddress.Any, port)) && (!Socket.OSSupportsIPv6 || Probe(new IPEndPoint(IPAddress.IPv6Any, port)));

    private static bool Probe(IPEndPoint endpoint)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (endpoint.AddressFamily == AddressFamily.InterNetworkV6)
            socket.DualMode = false;
        socket.SetRawSocketOption(SolSocket, SoReuseAddr, BitConverter.GetBytes(1));
        try
        {
            socket.Bind(endpoint);
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return false;
        }
    }
}
