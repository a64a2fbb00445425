using System.Net;
using System.Net.NetworkInformation;

namespace Orleans.Faas.IntegrationTests.Hosting;

/// <summary>The TCP sockets listening on this host, as <c>ss -ltn</c> lists them.</summary>
public static class Listeners
{
    /// <summary>The addresses something listens at on <paramref name="port"/>; <c>0.0.0.0</c> or <c>::</c> means every address of the host.</summary>
    public static IReadOnlyList<IPAddress> On(int port) =>
        [.. IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners().Where(l => l.Port == port).Select(l => l.Address).Distinct()];
}
