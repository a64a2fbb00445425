using System.Net;
using System.Net.Sockets;

namespace Orleans.Faas.IntegrationTests.Hosting;

/// <summary>
/// Ports for test servers, so they never touch the defaults: below the kernel's ephemeral range, where no outgoing
/// connection takes one between being handed out and being bound; free on every address when handed out; and never
/// handed out twice by this process. A server started on one can still lose it to another program: see
/// <see cref="FaasProcess"/>, which starts again on other ports then.
/// </summary>
public static class FreePorts
{
    private const int Lowest = 20000;
    private static readonly int EphemeralStart = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split('\t', ' ')[0]);
    private static readonly HashSet<int> HandedOut = [];

    public static int Next()
    {
        lock (HandedOut)
        {
            for (var tries = 0; tries < 1000; tries++)
            {
                var port = Random.Shared.Next(Lowest, EphemeralStart);
                if (!HandedOut.Contains(port) && IsFree(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }
        }
        throw new InvalidOperationException($"No free port between {Lowest} and {EphemeralStart} after 1000 tries.");
    }

    private static bool IsFree(int port)
    {
        using var listener = new TcpListener(IPAddress.Any, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return false;
        }
    }
}
