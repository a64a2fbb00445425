using Orleans.Faas.Registry;

namespace Orleans.Faas.Providers;

/// <summary>Reads every registered provider's own snapshot, unscored; the scheduler and the directory start from it.</summary>
internal static class ProviderReads
{
    public static async Task<IReadOnlyList<ProviderSnapshot>> ReadProviders(this IGrainFactory grains)
    {
        var ids = await grains.GetGrain<IRegistryGrain>(Registries.Providers).List();
        var snapshots = await Task.WhenAll(ids.Select(id => grains.GetGrain<IProviderGrain>(id).GetSnapshot()));
        return [.. snapshots.OfType<ProviderSnapshot>()];
    }
}
