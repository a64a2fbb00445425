using Orleans.Faas.Registry;

namespace Orleans.Faas.Providers;

/// <summary>Reads every registered provider, for whoever needs the whole view: the scheduler, the gateway's listing.</summary>
public static class ProviderDirectory
{
    public static async Task<IReadOnlyList<ProviderSnapshot>> ReadProviders(this IGrainFactory grains)
    {
        var ids = await grains.GetGrain<IRegistryGrain>(Registries.Providers).List();
        var snapshots = await Task.WhenAll(ids.Select(id => grains.GetGrain<IProviderGrain>(id).GetSnapshot()));
        return [.. snapshots.OfType<ProviderSnapshot>()];
    }
}
