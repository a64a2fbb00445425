using Microsoft.AspNetCore.DataProtection;
using Orleans.Faas.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.Faas.Silo.Hosting;

public static class EmbeddedMode
{
    /// <summary>
    /// One silo on this host: localhost clustering, grain state and reminders in memory, and so the keys secrets are
    /// encrypted with: they go when the secrets do.
    /// </summary>
    public static ISiloBuilder UseEmbeddedMode(this ISiloBuilder silo, SiloHostOptions host, ClusterIdentityOptions cluster)
    {
        silo.UseLocalhostClustering(host.SiloPort, host.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
        silo.Services.AddKeyedSingleton<IGrainStorage>(FaasStorage.Name, (services, _) => new InProcessGrainStorage(services.GetRequiredService<Serializer>()));
        silo.UseInMemoryReminderService();
        silo.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        return silo;
    }
}
