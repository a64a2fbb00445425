using System.Net;
using System.Net.Sockets;

namespace Orleans.Faas.IntegrationTests.Hosting;

/// <summary>Loopback ports nobody listens on right now, so test silos never touch the defaults.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
