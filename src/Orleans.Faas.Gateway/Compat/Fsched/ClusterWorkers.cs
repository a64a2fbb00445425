using System.Net;
using System.Net.Sockets;
using System.Text.Json.Serialization;

namespace Orleans.Faas.Gateway.Compat.Fsched;

/// <summary>One silo of the cluster as Fsched lists a worker: its node name and address.</summary>
public sealed record Worker([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("host")] string Host);

/// <summary>The workers are the active silos in Orleans membership; a silo joins by itself, so one is only ever looked up.</summary>
public static class ClusterWorkers
{
    public static async Task<IReadOnlyList<Worker>> ListAsync(IGrainFactory grains) =>
        [.. (await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true))
            .OrderBy(silo => silo.SiloName, StringComparer.Ordinal)
            .Select(silo => new Worker(silo.SiloName, silo.SiloAddress.Endpoint.Address.ToString()))];

    /// <summary>The worker on <paramref name="host"/> (an address, or a name that resolves to one); null when none is in the cluster.</summary>
    public static async Task<Worker?> FindAsync(IGrainFactory grains, string host, CancellationToken ct)
    {
        var workers = await ListAsync(grains);
        var addresses = IPAddress.TryParse(host, out var address) ? [address] : await ResolveAsync(host, ct);
        return workers.FirstOrDefault(w => addresses.Any(a => a.ToString() == w.Host) || string.Equals(w.Id, host, StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        try
        {
            return await Dns.GetHostAddressesAsync(host, ct);
        }
        catch (SocketException)
        {
            // A name that does not resolve names no silo.
            return [];
        }
    }
}
